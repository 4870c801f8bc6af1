#include "storage/TeamRepository.h"

#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QRegularExpression>

namespace slotdesk::storage {
namespace {

// Role statements take no parameters: the server quotes the name and the password into the
// statement (format's %I and %L), which then runs as it is.
Status runFormatted(const QSqlDatabase& db, const QString& pattern, const QVariantList& params) {
    auto q = exec(db,
                  QStringLiteral("SELECT format(%1)")
                      .arg(QString(pattern).replace(u'?', QStringLiteral("CAST(? AS text)"))),
                  params);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(QStringLiteral("Cannot build a role statement"));
    const QString statement = q->value(0).toString();
    q->finish();
    return execDirect(db, statement);
}

TeamMember readMember(const QSqlQuery& q) {
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
}

const QString kMemberColumns = QStringLiteral("id, username, name, email, timezone, db_role");

} // namespace

Status TeamRepository::validateRoleName(const QString& role) {
    static const QRegularExpression valid(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!valid.match(role).hasMatch())
        return Error::validation(QStringLiteral("role"),
                                 QStringLiteral("'%1' is not a role name: lower-case letters, "
                                                "digits and _, at most 63, not starting with a "
                                                "digit")
                                     .arg(displayValue(role)));
    if (role.startsWith(QLatin1String("pg_")) || role == QLatin1String(RowSecurity::kAdminGroup) ||
        role == QLatin1String(RowSecurity::kEndpointGroup))
        return Error::validation(QStringLiteral("role"),
                                 QStringLiteral("'%1' is reserved").arg(displayValue(role)));
    return success();
}

Result<bool> TeamRepository::roleExists(const QString& role) {
    auto q =
        exec(m_db, QStringLiteral("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?"), {role});
    if (!q)
        return q.error();
    return q->next();
}

Status TeamRepository::createRole(const QString& role, const QString& password,
                                  RowSecurity::Role kind, const QString& userId) {
    if (auto s = validateRoleName(role); !s)
        return s;
    auto exists = roleExists(role);
    if (!exists)
        return exists.error();
    if (*exists)
        return Error::conflict(QStringLiteral("The PostgreSQL role '%1' exists already").arg(role),
                               QStringLiteral("role"));
    const QString group =
        QLatin1String(kind == RowSecurity::Role::Endpoint ? RowSecurity::kEndpointGroup
                                                          : RowSecurity::kAdminGroup);
    auto tx = Transaction::begin(m_db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    if (auto s = password.isEmpty()
                     ? runFormatted(m_db, QStringLiteral("'CREATE ROLE %I LOGIN IN ROLE %I', ?, ?"),
                                    {role, group})
                     : runFormatted(m_db,
                                    QStringLiteral("'CREATE ROLE %I LOGIN PASSWORD %L IN ROLE "
                                                   "%I', ?, ?, ?"),
                                    {role, password, group});
        !s)
        return s;
    if (!userId.isEmpty()) {
        if (auto s = execNoRows(m_db, QStringLiteral("UPDATE users SET db_role = ? WHERE id = ?"),
                                {role, userId});
            !s)
            return s;
    }
    return tx->commit();
}

Result<QVector<TeamMember>> TeamRepository::members() {
    return readRows(
        exec(m_db, QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kMemberColumns)),
        readMember);
}

Result<std::optional<TeamMember>> TeamRepository::member(const QString& username) {
    return readFirst(
        exec(m_db, QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(kMemberColumns),
             {username}),
        readMember);
}

Status TeamRepository::removeAdmin(const TeamMember& member, bool deleteData) {
    auto tx = Transaction::begin(m_db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    const QString sql = deleteData ? QStringLiteral("DELETE FROM users WHERE id = ?")
                                   : QStringLiteral("UPDATE users SET db_role = NULL WHERE id = ?");
    if (auto s = execNoRows(m_db, sql, {member.userId}); !s)
        return s;
    if (!member.dbRole.isEmpty()) {
        if (auto s =
                runFormatted(m_db, QStringLiteral("'DROP ROLE IF EXISTS %I', ?"), {member.dbRole});
            !s)
            return s;
    }
    if (auto s = tx->commit(); !s)
        return s;
    // Sessions it has open end too, where this role may end them (superuser, pg_signal_backend);
    // else they end when they disconnect and cannot log in again.
    if (!member.dbRole.isEmpty())
        (void)execNoRows(m_db,
                         QStringLiteral("SELECT pg_catalog.pg_terminate_backend(pid) FROM "
                                        "pg_catalog.pg_stat_activity WHERE usename = ?"),
                         {member.dbRole});
    return success();
}

Status TeamRepository::setPassword(const QString& role, const QString& password) {
    return runFormatted(m_db, QStringLiteral("'ALTER ROLE %I PASSWORD %L', ?, ?"),
                        {role, password});
}

} // namespace slotdesk::storage
