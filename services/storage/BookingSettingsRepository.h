#pragma once
// BookingSettingsRepository: the admin's booking rules (`booking_settings`, one row per admin;
// an admin without a row has the defaults).

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class BookingSettingsRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    Result<BookingSettings> get(const QString& userId);
    Result<BookingSettings> save(BookingSettings settings); // insert or replace
};

} // namespace slotdesk::storage
