#pragma once
// UserRepository: reads and writes admin users (the `users` table).

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

class UserRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    // Assigns id and timestamps. Conflict (field username/email) when either is taken.
    Result<User> create(User user);
    Result<User> update(User user);
    Result<std::optional<User>> findById(const QString& id);
    Result<std::optional<User>> findByUsername(const QString& username);
    Result<QVector<User>> list();

private:
    Result<std::optional<User>> findOne(const QString& where, const QVariant& value);
    Status checkUnique(const User& user);
};

} // namespace slotdesk::storage
