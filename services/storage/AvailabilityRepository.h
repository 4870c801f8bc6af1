#pragma once
// AvailabilityRepository: an admin's weekly availability blocks (`availability_blocks`).
// Every call is scoped by the owning user's id.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QVector>

namespace slotdesk::storage {

class AvailabilityRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    Result<AvailabilityBlock> create(AvailabilityBlock block); // assigns id and timestamps
    Result<AvailabilityBlock> update(AvailabilityBlock block);
    Status remove(const QString& userId, const QString& id); // NotFound if not the user's
    Result<int> clear(const QString& userId);                // number removed
    // Ordered by day, then start time.
    Result<QVector<AvailabilityBlock>> list(const QString& userId, bool activeOnly = false);
};

} // namespace slotdesk::storage
