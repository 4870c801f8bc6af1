#pragma once
// The data roles SlotDesk's models share, so one view or delegate can read bookings from any of
// them. Display text stays in Qt::DisplayRole; these carry the typed values behind it.

#include <Qt>

namespace slotdesk::models {

enum ItemRole {
    IdRole = Qt::UserRole + 1, // QString: the entity's id
    StatusRole,                // int: BookingStatus
    StartUtcRole,              // QDateTime (UTC)
    EndUtcRole,                // QDateTime (UTC)
    LocalStartRole,            // QDateTime: wall-clock fields in the admin's zone
    LocalEndRole,              // QDateTime: wall-clock fields in the admin's zone
    AttendeeNameRole,          // QString
    AttendeeEmailRole,         // QString
    AttendeeTimeZoneRole,      // QString (IANA)
    NotesRole,                 // QString
    VideoLinkRole,             // QString
    KindRole,                  // int: CalendarItem::Kind
    TitleRole,                 // QString: what a chip shows (attendee, or event title)
    AdminTimeTextRole,         // QString: "Tue 1 Dec · 09:00–09:30" in the admin's zone
    AttendeeTimeTextRole,      // QString: the same in the attendee's zone, with the zone
    CreatedUtcRole,            // QDateTime (UTC)
    StatusReasonRole,          // QString
    DayOfWeekRole,             // int: 0 = Sunday ... 6 = Saturday
    StartMinuteRole,           // int: minutes after local midnight
    EndMinuteRole,             // int: 1..1440
    TimeZoneRole,              // QString (IANA): the zone a block or override is in
    DateRole,                  // QDate
    CalendarColorRole,         // QString: "#rrggbb" of a busy event's calendar, or empty
};

} // namespace slotdesk::models
