#include "availability/AvailabilityService.h"

#include "domain/Validation.h"
#include "storage/AvailabilityRepository.h"
#include "storage/Database.h"

namespace slotdesk {

Result<AvailabilityBlock> AvailabilityService::add(const AvailabilityBlock& block) {
    if (auto s = validation::availabilityBlock(block); !s)
        return s.error();
    return storage::AvailabilityRepository(m_database.connection()).create(block);
}

Result<AvailabilityBlock> AvailabilityService::update(const AvailabilityBlock& block) {
    if (auto s = validation::availabilityBlock(block); !s)
        return s.error();
    return storage::AvailabilityRepository(m_database.connection()).update(block);
}

Status AvailabilityService::remove(const QString& userId, const QString& blockId) {
    return storage::AvailabilityRepository(m_database.connection()).remove(userId, blockId);
}

Result<int> AvailabilityService::clear(const QString& userId) {
    return storage::AvailabilityRepository(m_database.connection()).clear(userId);
}

Result<QVector<AvailabilityBlock>> AvailabilityService::list(const QString& userId) {
    return storage::AvailabilityRepository(m_database.connection()).list(userId);
}

} // namespace slotdesk
