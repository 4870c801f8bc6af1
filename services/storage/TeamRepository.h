#pragma once
// TeamRepository: a team's admins as PostgreSQL login roles (docs/DEPLOY.md). Each admin's role
// is bound to their users row (users.db_role) and is a member of `slotdesk_admin`, whose
// row-level security policies (RowSecurity) key on that binding; the booking endpoint's role is
// a member of `slotdesk_endpoint`. Only a role that may create roles (the owner) can use it.

#include "core/Result.h"
#include "storage/RowSecurity.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct TeamMember {
    QString userId;
    QString username;
    QString name;
    QString email;
    QString timeZone;
    QString dbRole; // empty: no role of their own
};

class TeamRepository {
public:
    explicit TeamRepository(QSqlDatabase db)
        : m_db(std::move(db)) {}

    // A PostgreSQL role name SlotDesk creates: lower-case letters, digits and _, at most 63.
    static Status validateRoleName(const QString& role);
    // Creates the login role `role` (with `password` unless empty) as a member of the group of
    // `kind` (Admin or Endpoint); for an admin, binds it to `userId` in the same transaction.
    Status createRole(const QString& role, const QString& password, RowSecurity::Role kind,
                      const QString& userId = {});
    Result<bool> roleExists(const QString& role);
    Result<QVector<TeamMember>> members();
    Result<std::optional<TeamMember>> member(const QString& username);
    // Drops the admin's role (their sessions can no longer log in); their rows stay unless
    // `deleteData` (then the users row goes, and with it everything of theirs).
    Status removeAdmin(const TeamMember& member, bool deleteData);
    Status setPassword(const QString& role, const QString& password);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk::storage
