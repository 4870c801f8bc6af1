#pragma once
// OverrideRepository: date overrides of the weekly hours (`date_overrides`), scoped by admin.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QVector>

namespace slotdesk::storage {

class OverrideRepository {
public:
    // `clock` stamps created_at/updated_at.
    explicit OverrideRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    Result<AvailabilityOverride> create(AvailabilityOverride entry); // assigns id, timestamps
    Status remove(const QString& userId, const QString& id);         // NotFound if not the user's
    // Removes every row of that local date; returns how many.
    Result<int> removeDate(const QString& userId, const QDate& date);
    // Ordered by date then start; `from`/`to` (inclusive) limit the dates when valid.
    Result<QVector<AvailabilityOverride>> list(const QString& userId, const QDate& from = {},
                                               const QDate& to = {});

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
