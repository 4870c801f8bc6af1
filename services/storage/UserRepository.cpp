#include "storage/UserRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns =
    QStringLiteral("id, username, email, name, timezone, created_at, updated_at");

User readUser(const QSqlQuery& q) {
    User u;
    RowReader(q).read(u.id, u.username, u.email, u.name, u.timeZone, u.createdAt, u.updatedAt);
    return u;
}

} // namespace

Status UserRepository::checkUnique(const User& user) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT username = ?, lower(email) = lower(?) FROM users "
                                 "WHERE id <> ? AND (username = ? OR lower(email) = lower(?))"),
                  {user.username, user.email, user.id, user.username, user.email});
    if (!q)
        return q.error();
    if (q->next()) {
        if (q->value(0).toBool())
            return Error::conflict(QStringLiteral("The username '%1' is taken").arg(user.username),
                                   QStringLiteral("username"));
        return Error::conflict(QStringLiteral("The email '%1' is already used").arg(user.email),
                               QStringLiteral("email"));
    }
    return success();
}

Result<User> UserRepository::create(User user) {
    user.id = newId();
    if (auto s = checkUnique(user); !s)
        return s.error();
    const auto now = m_clock.now();
    user.createdAt = user.updatedAt = now;
    if (auto s = execNoRows(
            m_db,
            QStringLiteral("INSERT INTO users (%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(kColumns),
            {user.id, user.username, user.email, user.name, user.timeZone, toDb(user.createdAt),
             toDb(user.updatedAt)});
        !s)
        return s.error();
    return user;
}

Result<User> UserRepository::update(User user) {
    if (auto s = checkUnique(user); !s)
        return s.error();
    user.updatedAt = m_clock.now();
    auto q =
        exec(m_db,
             QStringLiteral("UPDATE users SET username = ?, email = ?, name = ?, timezone = ?, "
                            "updated_at = ? WHERE id = ?"),
             {user.username, user.email, user.name, user.timeZone, toDb(user.updatedAt), user.id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("No user with id %1").arg(user.id));
    return user;
}

Result<std::optional<User>> UserRepository::findOne(const QString& where, const QVariant& value) {
    return readFirst(exec(m_db,
                          QStringLiteral("SELECT %1 FROM users WHERE %2 = ?").arg(kColumns, where),
                          {value}),
                     readUser);
}

Result<std::optional<User>> UserRepository::findById(const QString& id) {
    return findOne(QStringLiteral("id"), id);
}

Result<std::optional<User>> UserRepository::findByUsername(const QString& username) {
    return findOne(QStringLiteral("username"), username);
}

Result<QVector<User>> UserRepository::list() {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM users ORDER BY created_at, username").arg(kColumns)),
        readUser);
}

} // namespace slotdesk::storage
