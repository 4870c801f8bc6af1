#pragma once
// AvailabilityService: the admin's weekly availability blocks, validated before they are stored.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

class AvailabilityService {
public:
    explicit AvailabilityService(storage::Database& database)
        : m_database(database) {}

    Result<AvailabilityBlock> add(const AvailabilityBlock& block);
    Result<AvailabilityBlock> update(const AvailabilityBlock& block);
    Status remove(const QString& userId, const QString& blockId);
    Result<int> clear(const QString& userId);
    Result<QVector<AvailabilityBlock>> list(const QString& userId);

    Result<BookingSettings> settings(const QString& userId);
    Result<BookingSettings> saveSettings(const BookingSettings& settings);

    // An unavailable day replaces whatever that date had; hours replace an "unavailable" mark
    // and add to other hours of the same date.
    Result<AvailabilityOverride> addOverride(const AvailabilityOverride& entry);
    Status removeOverride(const QString& userId, const QString& overrideId);
    Result<QVector<AvailabilityOverride>> overrides(const QString& userId);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
