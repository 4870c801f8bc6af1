#include "calendar/CalendarChoices.h"

#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace slotdesk {

using storage::IntegrationCalendar;
using storage::IntegrationCalendarRepository;
using storage::Transaction;

Result<QVector<IntegrationCalendar>> CalendarChoices::calendars(const QString& userId,
                                                                const QString& integrationId) {
    const QSqlDatabase db = m_database.connection();
    auto integration = storage::CalendarIntegrationRepository(db).findById(userId, integrationId);
    if (!integration)
        return integration.error();
    if (!integration->has_value())
        return QVector<IntegrationCalendar>{};
    return IntegrationCalendarRepository(db, m_clock).list(integrationId);
}

Result<IntegrationCalendar> CalendarChoices::choose(const QString& userId,
                                                    const QString& calendarId,
                                                    std::optional<bool> blocksTime,
                                                    std::optional<bool> receivesBookings) {
    const QSqlDatabase db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    IntegrationCalendarRepository calendars(db, m_clock);
    auto found = calendars.findById(userId, calendarId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("No calendar with id %1").arg(displayValue(calendarId)));
    const IntegrationCalendar before = **found;
    if (blocksTime && *blocksTime != before.blocksTime) {
        if (auto s = calendars.setBlocksTime(userId, calendarId, *blocksTime); !s)
            return s.error();
        if (*blocksTime) {
            // Whatever changed while it was not read: the next sync reads it all.
            if (auto s = calendars.recordSync(before.integrationId, calendarId, {}, {},
                                              before.lastSyncAt);
                !s)
                return s.error();
        } else if (auto s =
                       storage::CalendarEventRepository(db, m_clock).removeCalendar(calendarId);
                   !s) {
            return s.error();
        }
    }
    if (receivesBookings && *receivesBookings != before.receivesBookings) {
        if (auto s = calendars.setReceivesBookings(userId, calendarId, *receivesBookings); !s)
            return s.error();
    }
    auto after = calendars.findById(userId, calendarId);
    if (!after)
        return after.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return **after;
}

} // namespace slotdesk
