#pragma once
// GoogleCalendarList: a Google account's calendars (calendarList) kept as integration_calendars
// rows. The primary calendar is stored under the remote id "primary" (what Google accepts as its
// calendarId, and what the rows of integrations connected before several calendars carry): it
// blocks time by default and receives bookings when no other calendar of the admin does. Other
// calendars start neither blocking time nor receiving bookings until the admin chooses them.

#include "calendar/CalendarList.h"
#include "domain/Entities.h"

#include <QJsonArray>

namespace slotdesk::google {

inline constexpr auto kPrimaryCalendar = "primary";

// The integration's "primary" row, created (blocking time; receiving bookings if nothing else of
// the user does) when it has none. Call inside a write Transaction.
Result<storage::IntegrationCalendar> ensurePrimaryCalendar(const QSqlDatabase& db,
                                                           const core::Clock& clock,
                                                           const CalendarIntegration& integration);

// Brings the integration's rows in line with calendarList's `items` (all pages): new calendars
// are added, names and colours follow Google; the calendars no longer listed are handed back
// (CalendarSyncRun drops them as gone). Call inside a write Transaction.
Result<CalendarListChange> mergeCalendarList(const QSqlDatabase& db, const core::Clock& clock,
                                             const CalendarIntegration& integration,
                                             const QJsonArray& items);

} // namespace slotdesk::google
