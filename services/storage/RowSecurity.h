#pragma once
// RowSecurity: on PostgreSQL, the database itself keeps each admin to their own rows. Every
// per-admin table gets ENABLE + FORCE ROW LEVEL SECURITY and policies keyed on the connected
// role (users.db_role): the owner role (the one that migrates) reaches everything, a member of
// the group role `slotdesk_admin` only the rows of the admins bound to it, a member of
// `slotdesk_endpoint` (slotdesk-cli serve) what the booking endpoint needs — public profiles and
// rules, busy times through functions that return start and end only, and the bookings whose
// manage token it presents. Like the change-stamp triggers it is not a numbered step: after
// migrating, every table of the schema is checked, so tables later steps add are covered too
// (a table missing from the list in RowSecurity.cpp is locked to the owner until it is added).

#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace slotdesk::storage {

class RowSecurity {
public:
    // Who a PostgreSQL session is to SlotDesk. SQLite sessions are always Owner.
    enum class Role { Owner, Admin, Endpoint };

    static constexpr auto kAdminGroup = "slotdesk_admin";
    static constexpr auto kEndpointGroup = "slotdesk_endpoint";

    // Sets up (or completes) roles, grants, functions and policies; a no-op when all is in place.
    // Only the tables' owner may; another role gets an error when something is missing.
    [[nodiscard]] static Status apply(const QSqlDatabase& db);
    // Whether this session's role owns the schema's tables (or is a superuser): only then may it
    // migrate or set up row-level security.
    [[nodiscard]] static Result<bool> ownsTables(const QSqlDatabase& db);
    // The session's role, read from the server.
    [[nodiscard]] static Result<Role> roleOf(const QSqlDatabase& db);
    // The role Database registered for this connection (Owner when none was).
    [[nodiscard]] static Role sessionRole(const QSqlDatabase& db);
    static void registerSession(const QString& connectionName, Role role);
    static void forgetSession(const QString& connectionName);
    // The tables the declarative list covers with per-admin policies, and the shared ones
    // (no per-admin rows).
    [[nodiscard]] static QStringList perAdminTables();
    [[nodiscard]] static QStringList sharedTables();
    // Makes this session present `tokenHash` (ManageToken::hash) as its proof of access: an
    // endpoint session reaches exactly the bookings (and their chains) that token opens.
    [[nodiscard]] static Status presentBookingToken(const QSqlDatabase& db,
                                                    const QString& tokenHash);
};

} // namespace slotdesk::storage
