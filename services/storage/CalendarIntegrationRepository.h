#pragma once
// CalendarIntegrationRepository: `calendar_integrations` rows. They hold no token — only the
// name of the OS keychain entry that does.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

class CalendarIntegrationRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    // Assigns the id (unless set) and the timestamps.
    Result<CalendarIntegration> create(CalendarIntegration integration);
    Result<CalendarIntegration> update(CalendarIntegration integration);
    Result<std::optional<CalendarIntegration>> findById(const QString& userId, const QString& id);
    Result<QVector<CalendarIntegration>> list(const QString& userId);
    Status remove(const QString& userId, const QString& id); // its events go with it
};

} // namespace slotdesk::storage
