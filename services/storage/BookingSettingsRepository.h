#pragma once
// BookingSettingsRepository: the admin's booking rules (`booking_settings`, one row per admin;
// an admin without a row has the defaults).

#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class BookingSettingsRepository {
public:
    explicit BookingSettingsRepository(QSqlDatabase db)
        : m_db(std::move(db)) {}

    Result<BookingSettings> get(const QString& userId);
    Result<BookingSettings> save(BookingSettings settings); // insert or replace

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk::storage
