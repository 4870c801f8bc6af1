#pragma once
// MailSettingsRepository: the `mail_settings` table — one row per admin who set up e-mail.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>

#include <optional>

namespace slotdesk::storage {

class MailSettingsRepository : public Repository {
public:
    // `clock` stamps updatedAt.
    using Repository::Repository;

    // std::nullopt while the admin has not set up e-mail.
    Result<std::optional<MailSettings>> find(const QString& userId);
    // Inserts or replaces the admin's row; stamps updatedAt.
    Result<MailSettings> save(MailSettings settings);
    Status remove(const QString& userId);
};

} // namespace slotdesk::storage
