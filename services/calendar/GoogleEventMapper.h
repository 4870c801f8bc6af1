#pragma once
// GoogleEventMapper: one item of a Google Calendar events.list response → what SlotDesk keeps
// of it (a CalendarEvent, busy or not) or the instruction to forget it. Pure: no I/O.
//
//   status "cancelled"                              → removed
//   transparency "transparent"                      → kept, not busy
//   the admin (attendees[].self) declined           → kept, not busy
//   eventType "workingLocation"                     → kept, not busy
//   eventType "outOfOffice", "focusTime", others    → busy
//   all-day (start.date/end.date, end exclusive)    → busy for those whole days in the
//                                                     calendar's zone
//   timed (start.dateTime/end.dateTime with offset) → busy for [start, end)
//   no usable times, or end <= start                → removed (nothing to block)

#include "domain/Entities.h"

#include <QJsonObject>
#include <QString>

namespace slotdesk::google {

struct EventChange {
    QString externalId;
    bool removed = false;
    CalendarEvent event; // meaningful when !removed; calendarIntegrationId is left empty
};

// The zone all-day events are read in: the calendar's own (events.list `timeZone`) when it is a
// known IANA zone, else `fallbackZone` (the admin's), else UTC.
QString effectiveZone(const QString& calendarZone, const QString& fallbackZone);

EventChange mapEvent(const QJsonObject& item, const QString& zone);

} // namespace slotdesk::google
