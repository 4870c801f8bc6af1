#pragma once
// CalendarEventService: reads of the events synced from the admin's external calendars, for
// views that show busy time next to bookings. Writing them is the sync's job.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

class CalendarEventService {
public:
    explicit CalendarEventService(storage::Database& database)
        : m_database(database) {}

    // Busy events of any of the admin's integrations overlapping [from, to), by start.
    Result<QVector<CalendarEvent>> listBusy(const QString& userId, const QDateTime& from,
                                            const QDateTime& to);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
