#include "calendar/IntegrationStatusService.h"

#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"

namespace slotdesk {

Result<QVector<CalendarIntegration>> IntegrationStatusService::list(const QString& userId) {
    return storage::CalendarIntegrationRepository(m_database.connection()).list(userId);
}

} // namespace slotdesk
