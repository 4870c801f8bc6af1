#pragma once
// UserRepository: reads and writes admin users (the `users` table).

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

class UserRepository {
public:
    // `clock` stamps created_at/updated_at.
    explicit UserRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    // Assigns id and timestamps. Conflict (field username/email) when either is taken.
    Result<User> create(User user);
    Result<User> update(User user);
    Result<std::optional<User>> findById(const QString& id);
    Result<std::optional<User>> findByUsername(const QString& username);
    Result<QVector<User>> list();

private:
    Result<std::optional<User>> findOne(const QString& where, const QVariant& value);
    Status checkUnique(const User& user);

    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
