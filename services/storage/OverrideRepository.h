#pragma once
// OverrideRepository: date overrides of the weekly hours (`date_overrides`), scoped by admin.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QVector>

namespace slotdesk::storage {

class OverrideRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    Result<AvailabilityOverride> create(AvailabilityOverride entry); // assigns id, timestamps
    Status remove(const QString& userId, const QString& id);         // NotFound if not the user's
    // Removes every row of that local date; returns how many.
    Result<int> removeDate(const QString& userId, const QDate& date);
    // Ordered by date then start; `from`/`to` (inclusive) limit the dates when valid.
    Result<QVector<AvailabilityOverride>> list(const QString& userId, const QDate& from = {},
                                               const QDate& to = {});
};

} // namespace slotdesk::storage
