#pragma once
// What the calendar suites (tst_caldav, tst_icsfeed, tst_icsbusy) share: what the database holds
// for a calendar integration; adding one through CalendarSyncService and syncing it, waited for;
// busy time as [start, end, busy] rows and the independent expansion of an iCalendar text to
// compare them with (tests/support/expand_ics.py: Python's icalendar + dateutil, the system tz
// database); and the slot engine fed with either.

#include "calendar/CalendarSyncService.h"
#include "domain/Entities.h"
#include "scheduling/SlotEngine.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QVector>

#include <functional>
#include <vector>

namespace slotdesk::test {

// America/New_York as a VTIMEZONE (the US rules since 2007), to put before a calendar's events.
extern const QByteArray kNewYorkTimeZone;

// A calendar of tests/calendar/ics/ (the suites' larger ones), with iCalendar's CRLF line ends;
// empty (and why, as a warning) when it cannot be read.
QByteArray icsFile(const char* name);

// The events stored for integration `id` (none when they cannot be read).
QVector<CalendarEvent> storedEvents(storage::Database& db, const QString& id);
// Integration `id` of `userId` as stored (a default one when it isn't there).
CalendarIntegration storedIntegration(storage::Database& db, const QString& userId,
                                      const QString& id);

// Runs `add` (service.addIcsFeed(...) or service.addCalDav(...)) and waits for the integration
// and its first sync: the new integration's id, or empty (and why, as a warning).
QString addAndSync(CalendarSyncService& service, const std::function<void()>& add);
// Syncs integration `id` now and waits for it: its report (a default one when it never ends).
SyncReport syncNow(CalendarSyncService& service, const QString& id);

// Busy time as [start, end, busy] rows (seconds since the epoch), in the events' order.
QJsonArray busyRows(const QVector<CalendarEvent>& events);
// expand_ics.py's rows for `ics` from `from` to `to`, all-day and floating times in `zone`,
// sorted by start and end; none when it fails (and why, as a warning).
QJsonArray expandIcs(const QByteArray& ics, const QDateTime& from, const QDateTime& to,
                     const QString& zone = QStringLiteral("Europe/Berlin"));

// The slot engine as the calendar suites ask it: weekly hours 08:00-20:00 in Berlin on
// `weekdays` (1 = Monday), one-hour slots, no notice, March and April 2027 as seen from Berlin
// at `now`; the busy rows' busy ones block time.
class BerlinSlots {
public:
    BerlinSlots(const QList<int>& weekdays, const QDateTime& now);
    // Every slot offered.
    [[nodiscard]] std::vector<scheduling::Slot> allSlots(const QJsonArray& busy) const;
    // Whether a slot starting at `startUtc` (ISO 8601) is offered.
    [[nodiscard]] bool offers(const QJsonArray& busy, const char* startUtc) const;

private:
    [[nodiscard]] scheduling::SlotInput input(const QJsonArray& busy) const;

    scheduling::SlotInput m_input;
    scheduling::SlotQuery m_query;
};

} // namespace slotdesk::test
