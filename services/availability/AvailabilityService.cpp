#include "availability/AvailabilityService.h"

#include "domain/Validation.h"
#include "storage/AvailabilityRepository.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/Database.h"
#include "storage/OverrideRepository.h"
#include "storage/Transaction.h"

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

Result<BookingSettings> AvailabilityService::settings(const QString& userId) {
    return storage::BookingSettingsRepository(m_database.connection()).get(userId);
}

Result<BookingSettings> AvailabilityService::saveSettings(const BookingSettings& settings) {
    if (auto s = validation::bookingSettings(settings); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    auto saved = storage::BookingSettingsRepository(db).save(settings);
    if (!saved)
        return saved.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return saved;
}

Result<AvailabilityOverride> AvailabilityService::addOverride(const AvailabilityOverride& entry) {
    if (auto s = validation::availabilityOverride(entry); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::OverrideRepository repo(db);
    auto sameDate = repo.list(entry.userId, entry.date, entry.date);
    if (!sameDate)
        return sameDate.error();
    for (const auto& existing : *sameDate) {
        // An unavailable day stands alone; hours displace an earlier "unavailable".
        if (entry.isUnavailable() || existing.isUnavailable()) {
            if (auto s = repo.remove(entry.userId, existing.id); !s)
                return s.error();
        }
    }
    auto created = repo.create(entry);
    if (!created)
        return created.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return created;
}

Status AvailabilityService::removeOverride(const QString& userId, const QString& overrideId) {
    return storage::OverrideRepository(m_database.connection()).remove(userId, overrideId);
}

Result<QVector<AvailabilityOverride>> AvailabilityService::overrides(const QString& userId) {
    return storage::OverrideRepository(m_database.connection()).list(userId);
}

} // namespace slotdesk
