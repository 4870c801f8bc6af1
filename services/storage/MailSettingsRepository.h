#pragma once
// MailSettingsRepository: the `mail_settings` table — one row per admin who set up e-mail.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk::storage {

class MailSettingsRepository {
public:
    // `clock` stamps updatedAt.
    explicit MailSettingsRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    // std::nullopt while the admin has not set up e-mail.
    Result<std::optional<MailSettings>> find(const QString& userId);
    // Inserts or replaces the admin's row; stamps updatedAt.
    Result<MailSettings> save(MailSettings settings);
    Status remove(const QString& userId);

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
