#pragma once
// CalendarIntegrationRepository: `calendar_integrations` rows. They hold no token — only the
// name of the OS keychain entry that does.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

class CalendarIntegrationRepository {
public:
    // `clock` stamps created_at/updated_at.
    explicit CalendarIntegrationRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    // Assigns the id (unless set) and the timestamps.
    Result<CalendarIntegration> create(CalendarIntegration integration);
    Result<CalendarIntegration> update(CalendarIntegration integration);
    Result<std::optional<CalendarIntegration>> findById(const QString& userId, const QString& id);
    Result<QVector<CalendarIntegration>> list(const QString& userId);
    Status remove(const QString& userId, const QString& id); // its events go with it

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
