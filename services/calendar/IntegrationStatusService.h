#pragma once
// IntegrationStatusService: what the admin's calendar integrations look like right now
// (connected account, sync status, last sync, error) for the Integrations page. Connecting,
// syncing and disconnecting belong to the calendar sync.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

class IntegrationStatusService {
public:
    explicit IntegrationStatusService(storage::Database& database)
        : m_database(database) {}

    Result<QVector<CalendarIntegration>> list(const QString& userId);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
