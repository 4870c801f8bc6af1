#include "storage/RowSecurity.h"

#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QHash>
#include <QMutex>

namespace slotdesk::storage {
namespace {

// What the booking endpoint's role may do with a table's rows.
enum class Endpoint {
    None,          // nothing
    ReadAll,       // SELECT every row (public profiles, rules, availability: no attendee data)
    ByToken,       // SELECT, INSERT, UPDATE the rows of bookings its presented token opens
    InsertByToken, // INSERT rows for bookings its presented token opens; never read them
};

// How a table's rows reach the admin they belong to. Adding a per-admin table is one line here.
struct TableRule {
    const char* table;
    // The column holding the owning admin's id (parent == nullptr), or the parent row's id.
    const char* column;
    // The table whose row (id = column) has the user_id; nullptr when `column` is the user id.
    const char* parent;
    Endpoint endpoint;
};

constexpr TableRule kRules[] = {
    {"users", "id", nullptr, Endpoint::ReadAll},
    {"bookings", "user_id", nullptr, Endpoint::ByToken},
    {"availability_blocks", "user_id", nullptr, Endpoint::ReadAll},
    {"date_overrides", "user_id", nullptr, Endpoint::ReadAll},
    {"booking_settings", "user_id", nullptr, Endpoint::ReadAll},
    {"calendar_integrations", "user_id", nullptr, Endpoint::ReadAll},
    {"calendar_jobs", "user_id", nullptr, Endpoint::ByToken},
    {"video_integrations", "user_id", nullptr, Endpoint::ReadAll},
    {"mail_settings", "user_id", nullptr, Endpoint::ReadAll},
    {"mail_outbox", "user_id", nullptr, Endpoint::InsertByToken},
    {"privacy_settings", "user_id", nullptr, Endpoint::None},
    {"calendar_events", "calendar_integration_id", "calendar_integrations", Endpoint::None},
    {"calendar_sync_state", "calendar_integration_id", "calendar_integrations", Endpoint::None},
    {"integration_calendars", "integration_id", "calendar_integrations", Endpoint::None},
    {"video_meetings", "booking_id", "bookings", Endpoint::ByToken},
    {"booking_access_tokens", "booking_id", "bookings", Endpoint::ByToken},
};

// No per-admin rows: the schema's version, the change counters (every role's writes bump them).
constexpr const char* kShared[] = {"schema_version", "slotdesk_changes"};

// Bump when the policies, grants or functions below change: the owner's next open redoes them.
constexpr auto kMarker = "slotdesk_row_security_v2";

QString rowsOfMyAdmins(const TableRule& rule) {
    // An uncorrelated subquery: evaluated once per statement, not once per row.
    const QString mine = QStringLiteral("(SELECT unnest(slotdesk_user_ids(current_user)))");
    if (!rule.parent)
        return QStringLiteral("%1 IN %2").arg(QLatin1String(rule.column), mine);
    return QStringLiteral("%1 IN (SELECT p.id FROM %2 p WHERE p.user_id IN %3)")
        .arg(QLatin1String(rule.column), QLatin1String(rule.parent), mine);
}

// The booking a row belongs to, for the endpoint's token check.
QString bookingOf(const TableRule& rule) {
    return QLatin1String(qstrcmp(rule.table, "bookings") == 0 ? "id" : "booking_id");
}

QStringList tableStatements(const TableRule& rule) {
    const QString t = QLatin1String(rule.table);
    const QString own = rowsOfMyAdmins(rule);
    const bool isUsers = qstrcmp(rule.table, "users") == 0;
    QStringList s{
        QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(t),
        QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY").arg(t),
        QStringLiteral("CREATE POLICY slotdesk_admin ON %1 TO slotdesk_admin USING (%2) "
                       "WITH CHECK (%2%3)")
            .arg(t, own, isUsers ? QStringLiteral(" AND db_role = current_user") : QString()),
        isUsers
            ? QStringLiteral("GRANT SELECT, UPDATE ON users TO slotdesk_admin")
            : QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO slotdesk_admin").arg(t),
    };
    const QString reaches = QStringLiteral("slotdesk_token_reaches(%1)").arg(bookingOf(rule));
    switch (rule.endpoint) {
    case Endpoint::None:
        break;
    case Endpoint::ReadAll:
        s << QStringLiteral("CREATE POLICY slotdesk_endpoint_read ON %1 FOR SELECT "
                            "TO slotdesk_endpoint USING (true)")
                 .arg(t)
          << QStringLiteral("GRANT SELECT ON %1 TO slotdesk_endpoint").arg(t);
        break;
    case Endpoint::ByToken: {
        // A new booking carries the token the endpoint presents (or moves one it opens).
        const QString insertCheck =
            qstrcmp(rule.table, "bookings") == 0
                ? QStringLiteral("manage_token_hash = current_setting('slotdesk.booking_token', "
                                 "true) OR slotdesk_token_reaches(rescheduled_from_id)")
                : reaches;
        s << QStringLiteral("CREATE POLICY slotdesk_endpoint_read ON %1 FOR SELECT "
                            "TO slotdesk_endpoint USING (%2)")
                 .arg(t, reaches)
          << QStringLiteral("CREATE POLICY slotdesk_endpoint_insert ON %1 FOR INSERT "
                            "TO slotdesk_endpoint WITH CHECK (%2)")
                 .arg(t, insertCheck)
          << QStringLiteral("CREATE POLICY slotdesk_endpoint_update ON %1 FOR UPDATE "
                            "TO slotdesk_endpoint USING (%2) WITH CHECK (%2)")
                 .arg(t, reaches)
          << QStringLiteral("GRANT SELECT, INSERT, UPDATE ON %1 TO slotdesk_endpoint").arg(t);
        break;
    }
    case Endpoint::InsertByToken:
        s << QStringLiteral("CREATE POLICY slotdesk_endpoint_insert ON %1 FOR INSERT "
                            "TO slotdesk_endpoint WITH CHECK (%2)")
                 .arg(t, reaches)
          << QStringLiteral("GRANT INSERT ON %1 TO slotdesk_endpoint").arg(t);
        break;
    }
    return s;
}

// The group roles are the cluster's, shared by every SlotDesk database in it; two databases
// migrating at once may both try to create them.
const char* const kGroupRoles = R"(
    DO $$
    DECLARE g text;
    BEGIN
      FOREACH g IN ARRAY ARRAY['slotdesk_admin', 'slotdesk_endpoint'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g) THEN
          BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
      END LOOP;
    END $$)";

const char* const kFunctions[] = {
    // The admins (users.id) bound to `role`. SECURITY DEFINER: the policy on `users` uses it,
    // and it must not see only what the caller may.
    R"(CREATE OR REPLACE FUNCTION slotdesk_user_ids(who name) RETURNS text[]
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
         SELECT COALESCE(array_agg(id), '{}') FROM users WHERE db_role = who::text $$)",
    // Whether the manage token this session presents (slotdesk.booking_token, a hash) opens
    // `booking`: it is the booking's own or minted for it, or for one it was moved from.
    R"(CREATE OR REPLACE FUNCTION slotdesk_token_reaches(booking text) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
         WITH RECURSIVE token (hash) AS (
             SELECT NULLIF(current_setting('slotdesk.booking_token', true), '')),
           chain (id, depth) AS (
             SELECT booking, 0
             UNION ALL
             SELECT b.rescheduled_from_id, c.depth + 1 FROM bookings b JOIN chain c ON b.id = c.id
             WHERE b.rescheduled_from_id IS NOT NULL AND c.depth < 100)
         SELECT EXISTS (SELECT 1 FROM chain c, token t WHERE
             EXISTS (SELECT 1 FROM bookings b WHERE b.id = c.id AND b.manage_token_hash = t.hash)
             OR EXISTS (SELECT 1 FROM booking_access_tokens a
                        WHERE a.booking_id = c.id AND a.token_hash = t.hash)) $$)",
    // The endpoint's view of the bookings that hold an admin's time: when and which booking,
    // nothing about the attendee (the other columns are NULL).
    R"(CREATE OR REPLACE FUNCTION slotdesk_busy_bookings(admin text, from_ms bigint, to_ms bigint)
       RETURNS SETOF bookings
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
         SELECT (jsonb_populate_record(NULL::bookings, jsonb_build_object(
                   'id', id, 'user_id', user_id, 'start_time', start_time, 'end_time', end_time,
                   'status', status, 'timezone', timezone, 'created_at', created_at,
                   'updated_at', updated_at, 'rescheduled_from_id', rescheduled_from_id,
                   'rescheduled_to_id', rescheduled_to_id))).*
         FROM bookings WHERE user_id = admin AND status IN ('pending', 'confirmed')
           AND start_time < to_ms AND end_time > from_ms ORDER BY start_time $$)",
    // The endpoint's limit on open requests per attendee: a count, not the rows.
    R"(CREATE OR REPLACE FUNCTION slotdesk_open_requests(admin text, email text, from_ms bigint)
       RETURNS integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
         SELECT COUNT(*)::integer FROM bookings WHERE user_id = admin AND status = 'pending'
           AND lower(attendee_email) = lower(email) AND start_time >= from_ms $$)",
    // The endpoint's view of an admin's busy calendar events: start and end, not the title.
    R"(CREATE OR REPLACE FUNCTION slotdesk_busy_events(admin text, from_ms bigint, to_ms bigint)
       RETURNS SETOF calendar_events
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
         SELECT (jsonb_populate_record(NULL::calendar_events, jsonb_build_object(
                   'id', e.id, 'calendar_integration_id', e.calendar_integration_id,
                   'external_event_id', '', 'start_time', e.start_time,
                   'end_time', e.end_time, 'is_busy', e.is_busy, 'synced_at', e.synced_at,
                   'created_at', e.created_at, 'updated_at', e.updated_at))).*
         FROM calendar_events e JOIN calendar_integrations i ON i.id = e.calendar_integration_id
           LEFT JOIN integration_calendars c ON c.id = e.integration_calendar_id
         WHERE i.user_id = admin AND e.is_busy = 1 AND e.start_time < to_ms
           AND e.end_time > from_ms
           AND (e.integration_calendar_id IS NULL OR c.blocks_time = 1)
         ORDER BY e.start_time $$)",
    "REVOKE ALL ON FUNCTION slotdesk_busy_bookings(text, bigint, bigint) FROM PUBLIC",
    "REVOKE ALL ON FUNCTION slotdesk_open_requests(text, text, bigint) FROM PUBLIC",
    "REVOKE ALL ON FUNCTION slotdesk_busy_events(text, bigint, bigint) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION slotdesk_busy_bookings(text, bigint, bigint) TO slotdesk_endpoint",
    "GRANT EXECUTE ON FUNCTION slotdesk_open_requests(text, text, bigint) TO slotdesk_endpoint",
    "GRANT EXECUTE ON FUNCTION slotdesk_busy_events(text, bigint, bigint) TO slotdesk_endpoint",
};

// Every table of the schema not yet under FORCE ROW LEVEL SECURITY with the owner's policy, plus
// one row when the marker of this version of the setup is missing.
const char* const kIncomplete = R"(
    SELECT c.relname FROM pg_catalog.pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      AND c.relname <> ALL (?::text[])
      AND (NOT c.relforcerowsecurity
           OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p
                          WHERE p.polrelid = c.oid AND p.polname = 'slotdesk_owner'))
    UNION ALL
    SELECT '' WHERE NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_proc WHERE proname = ?
          AND pronamespace = current_schema()::regnamespace))";

QString sqlArray(const QStringList& items) {
    return u'{' + items.join(u',') + u'}';
}

} // namespace

Result<bool> RowSecurity::ownsTables(const QSqlDatabase& db) {
    auto q = exec(db, QStringLiteral("SELECT pg_catalog.pg_has_role(c.relowner, 'USAGE') "
                                     "FROM pg_catalog.pg_class c "
                                     "WHERE c.oid = to_regclass('schema_version')"));
    if (!q)
        return q.error();
    return q->next() && q->value(0).toBool();
}

namespace {

QMutex& sessionsMutex() {
    static QMutex mutex;
    return mutex;
}

QHash<QString, RowSecurity::Role>& sessions() {
    static QHash<QString, RowSecurity::Role> map;
    return map;
}

} // namespace

QStringList RowSecurity::perAdminTables() {
    QStringList tables;
    for (const TableRule& rule : kRules)
        tables << QLatin1String(rule.table);
    return tables;
}

QStringList RowSecurity::sharedTables() {
    QStringList tables;
    for (const char* table : kShared)
        tables << QLatin1String(table);
    return tables;
}

Status RowSecurity::apply(const QSqlDatabase& db) {
    auto incomplete = exec(db, QString::fromLatin1(kIncomplete),
                           {sqlArray(sharedTables()), QString::fromLatin1(kMarker)});
    if (!incomplete)
        return incomplete.error();
    if (!incomplete->next())
        return success();
    incomplete->finish();
    auto owner = ownsTables(db);
    if (!owner)
        return owner.error();
    if (!*owner)
        return Error::storage(
            QStringLiteral("Row-level security of this database is not set up completely, and "
                           "only the role that owns its tables may set it up: open it once "
                           "with the owner's URL (docs/DEPLOY.md)"));
    if (auto s = execDirect(db, QString::fromLatin1(kGroupRoles)); !s)
        return Error::storage(QStringLiteral("Cannot create the group roles slotdesk_admin and "
                                             "slotdesk_endpoint (the owner role needs "
                                             "CREATEROLE, see docs/DEPLOY.md): %1")
                                  .arg(s.error().message));
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    QStringList statements{
        QStringLiteral("DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO slotdesk_admin, "
                       "slotdesk_endpoint', current_schema()); END $$"),
        QStringLiteral("GRANT SELECT ON schema_version TO slotdesk_admin, slotdesk_endpoint"),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON slotdesk_changes "
                       "TO slotdesk_admin, slotdesk_endpoint"),
        // Start from no policies of ours: a table gets exactly what the list below says.
        QStringLiteral(
            R"(DO $$
               DECLARE p record;
               BEGIN
                 FOR p IN SELECT policyname, tablename FROM pg_catalog.pg_policies
                          WHERE schemaname = current_schema() AND policyname LIKE 'slotdesk\_%'
                 LOOP
                   EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
                 END LOOP;
               END $$)"),
    };
    for (const char* function : kFunctions)
        statements << QString::fromLatin1(function);
    statements << QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS integer "
                                 "LANGUAGE sql IMMUTABLE AS 'SELECT 1'")
                      .arg(QLatin1String(kMarker));
    for (const TableRule& rule : kRules) {
        auto exists = exec(db, QStringLiteral("SELECT to_regclass(?) IS NOT NULL"),
                           {QLatin1String(rule.table)});
        if (!exists)
            return exists.error();
        if (exists->next() && exists->value(0).toBool())
            statements << tableStatements(rule);
    }
    // Every table: the owner keeps reaching all rows (FORCE applies to owners too; the policy
    // names no role, so it follows the tables to a new owner), and a table no rule covers is the
    // owner's alone — closed until it is added to kRules. Permissive policies add up: this one
    // must not pass anyone else's writes, so its check is its USING.
    statements << QStringLiteral(
        R"(DO $$
           DECLARE t name;
           BEGIN
             FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
                      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                        AND c.relname NOT IN ('schema_version', 'slotdesk_changes')
             LOOP
               EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
               EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
               EXECUTE format('CREATE POLICY slotdesk_owner ON %I USING '
                              '((SELECT pg_catalog.pg_has_role(c.relowner, ''USAGE'') '
                              'FROM pg_catalog.pg_class c WHERE c.oid = %L::regclass))', t, t);
             END LOOP;
           END $$)");
    for (const QString& statement : statements) {
        if (auto s = execDirect(db, statement); !s)
            return s.error();
    }
    return tx->commit();
}

Result<RowSecurity::Role> RowSecurity::roleOf(const QSqlDatabase& db) {
    if (dialectOf(db) != SqlDialect::PostgreSQL)
        return Role::Owner;
    auto q = exec(db, QStringLiteral("SELECT r.rolname FROM pg_catalog.pg_roles r "
                                     "WHERE r.rolname IN ('slotdesk_admin', 'slotdesk_endpoint') "
                                     "AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER') "
                                     "AND NOT (SELECT rolsuper FROM pg_catalog.pg_roles "
                                     "WHERE rolname = current_user)"));
    if (!q)
        return q.error();
    Role role = Role::Owner;
    while (q->next()) {
        if (q->value(0).toString() == QLatin1String(kEndpointGroup))
            return Role::Endpoint;
        role = Role::Admin;
    }
    return role;
}

RowSecurity::Role RowSecurity::sessionRole(const QSqlDatabase& db) {
    QMutexLocker lock(&sessionsMutex());
    return sessions().value(db.connectionName(), Role::Owner);
}

void RowSecurity::registerSession(const QString& connectionName, Role role) {
    QMutexLocker lock(&sessionsMutex());
    sessions().insert(connectionName, role);
}

void RowSecurity::forgetSession(const QString& connectionName) {
    QMutexLocker lock(&sessionsMutex());
    sessions().remove(connectionName);
}

Status RowSecurity::presentBookingToken(const QSqlDatabase& db, const QString& tokenHash) {
    if (dialectOf(db) != SqlDialect::PostgreSQL)
        return success();
    return execNoRows(db, QStringLiteral("SELECT set_config('slotdesk.booking_token', ?, false)"),
                      {tokenHash});
}

} // namespace slotdesk::storage
