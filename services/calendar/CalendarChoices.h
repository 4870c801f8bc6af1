#pragma once
// CalendarChoices: which of an admin's synced calendars (integration_calendars rows — a Google
// account's calendarList entries) block time and which one receives approved bookings. The
// Integrations page and `slotdesk-cli calendar list|use` make the same choices through it.
// Turning a calendar's blocking off removes its events at once (its busy time frees slots
// immediately); turning it on forgets its sync token, so the next sync reads it in full.

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QVector>

#include <optional>

namespace slotdesk {
namespace storage {
class Database;
}

class CalendarChoices {
public:
    explicit CalendarChoices(storage::Database& database, core::Clock clock = {})
        : m_database(database)
        , m_clock(std::move(clock)) {}

    // The calendars of one of the user's integrations (the one receiving bookings first).
    Result<QVector<storage::IntegrationCalendar>> calendars(const QString& userId,
                                                            const QString& integrationId);

    // Sets what is given, in one write transaction; returns the calendar as it is now. An id that
    // is not one of the user's calendars is NotFound.
    Result<storage::IntegrationCalendar> choose(const QString& userId, const QString& calendarId,
                                                std::optional<bool> blocksTime,
                                                std::optional<bool> receivesBookings);

private:
    storage::Database& m_database;
    core::Clock m_clock;
};

} // namespace slotdesk
