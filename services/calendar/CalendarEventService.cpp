#include "calendar/CalendarEventService.h"

#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"

namespace slotdesk {

Result<QVector<CalendarEvent>>
CalendarEventService::listBusy(const QString& userId, const QDateTime& from, const QDateTime& to) {
    return storage::CalendarEventRepository(m_database.connection()).listBusy(userId, from, to);
}

} // namespace slotdesk
