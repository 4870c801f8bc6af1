#pragma once
// BookingSettingsRepository: the admin's booking rules (`booking_settings`, one row per admin;
// an admin without a row has the defaults).

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class BookingSettingsRepository {
public:
    // `clock` stamps created_at/updated_at.
    explicit BookingSettingsRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    Result<BookingSettings> get(const QString& userId);
    Result<BookingSettings> save(BookingSettings settings); // insert or replace

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
