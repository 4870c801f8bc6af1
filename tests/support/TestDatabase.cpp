#include "support/TestDatabase.h"

#include "support/TestData.h"

#include "storage/DatabaseUrl.h"
#include "storage/RowSecurity.h"
#include "storage/SqlSupport.h"
#include "storage/UserRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace slotdesk::test {
namespace {

QString baseUrl() {
    return qEnvironmentVariable("SLOTDESK_TEST_DATABASE_URL");
}

// A short-lived connection to the test database itself (not a test's schema).
class AdminConnection {
public:
    AdminConnection() {
        static int counter = 0;
        m_name = QStringLiteral("test-admin-%1").arg(++counter);
        auto url = storage::DatabaseUrl::parse(baseUrl());
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        if (url) {
            db.setHostName(url->host);
            db.setPort(url->port);
            db.setDatabaseName(url->databaseName);
            db.setUserName(url->user);
            if (!url->password.isEmpty())
                db.setPassword(url->password);
            db.setConnectOptions(url->connectOptions());
            if (!db.open())
                qWarning("TestDatabase: cannot connect: %s",
                         qPrintable(db.lastError().databaseText()));
            else
                run(QStringLiteral("SET client_min_messages = warning"));
        }
    }
    ~AdminConnection() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    [[nodiscard]] QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool run(const QString& sql) {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning("TestDatabase: %s failed: %s", qPrintable(sql),
                     qPrintable(query.lastError().databaseText()));
            return false;
        }
        return true;
    }

private:
    QString m_name;
};

} // namespace

bool usingPostgres() {
    return qEnvironmentVariable("SLOTDESK_TEST_ENGINE") == QLatin1String("postgresql");
}

QString engineUnavailable() {
    if (!usingPostgres() || !baseUrl().isEmpty())
        return {};
    return QStringLiteral(
        "SLOTDESK_TEST_DATABASE_URL is not set: run under tools/with-postgres.sh");
}

TestDatabase::TestDatabase() {
    create();
}

void TestDatabase::create() {
    if (!usingPostgres()) {
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        m_valid = m_dir.isValid() && QDir().mkpath(m_dataDir);
        return;
    }
    if (baseUrl().isEmpty())
        return;
    m_schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    AdminConnection admin;
    m_valid = admin.run(QStringLiteral("CREATE SCHEMA %1").arg(m_schema));
    const QString separator = baseUrl().contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
    m_url = baseUrl() + separator + QStringLiteral("options=-csearch_path%3D") + m_schema;
    const QString mode = roleMode();
    if (m_valid && !mode.isEmpty()) {
        // The schema exists (the group roles with it) once the owner has opened it.
        m_valid = storage::Database::openUrl(m_url).ok();
        m_role = m_schema + u'_' + mode;
        m_valid =
            m_valid &&
            admin.run(QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2")
                          .arg(m_role, mode == QLatin1String("endpoint")
                                           ? QLatin1String(storage::RowSecurity::kEndpointGroup)
                                           : QLatin1String(storage::RowSecurity::kAdminGroup)));
    }
}

QString TestDatabase::roleMode() {
    const QString mode = qEnvironmentVariable("SLOTDESK_TEST_DB_ROLE");
    return usingPostgres() && (mode == QLatin1String("admin") || mode == QLatin1String("endpoint"))
               ? mode
               : QString();
}

QString TestDatabase::roleUrl() const {
    if (m_role.isEmpty())
        return m_url;
    QString url = m_url;
    const QString scheme = QStringLiteral("postgresql://");
    const qsizetype at = url.indexOf(u'@');
    return at > 0 ? scheme + m_role + url.mid(at) : url;
}

User seedAdminAsOwner(storage::Database& db, User user) {
    auto who =
        storage::exec(db.connection(), QStringLiteral("SELECT current_user, current_schema()"));
    if (!who || !who->next())
        return {};
    const QString role = who->value(0).toString();
    const QString schema = who->value(1).toString();
    AdminConnection owner;
    if (!owner.run(QStringLiteral("SET search_path TO %1").arg(schema)))
        return {};
    auto created = storage::UserRepository(owner.db()).create(user);
    if (!created)
        return {};
    // The role acts for the first admin seeded; later ones are other admins, out of its reach.
    if (!storage::execNoRows(owner.db(),
                             QStringLiteral("UPDATE users SET db_role = ? WHERE id = ? AND NOT "
                                            "EXISTS (SELECT 1 FROM users WHERE db_role = ?)"),
                             {role, created->id, role}))
        return {};
    return *created;
}

TestDatabase::~TestDatabase() {
    if (!m_schema.isEmpty()) {
        AdminConnection admin;
        admin.run(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema));
        if (!m_role.isEmpty())
            admin.run(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_role));
    }
}

void TestDatabase::wipe() {
    if (m_schema.isEmpty()) {
        for (const auto& suffix : {"", "-wal", "-shm"})
            QFile::remove(m_dataDir + QStringLiteral("/slotdesk.sqlite") + QLatin1String(suffix));
        return;
    }
    AdminConnection admin;
    admin.run(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema));
    admin.run(QStringLiteral("CREATE SCHEMA %1").arg(m_schema));
}

Result<std::unique_ptr<storage::Database>> TestDatabase::open() const {
    if (!m_valid)
        return Error::storage(QStringLiteral("The test database could not be created"));
    if (usingPostgres())
        return storage::Database::openUrl(roleMode() == QLatin1String("admin") ? roleUrl() : m_url);
    return storage::Database::openInDirectory(m_dataDir);
}

QStringList TestDatabase::cliArguments() const {
    if (usingPostgres())
        return {QStringLiteral("--database"), roleUrl()};
    return {QStringLiteral("--data-dir"), m_dataDir};
}

QSqlDatabase TestDatabase::rawConnection(const QString& name) const {
    if (!usingPostgres()) {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dataDir + QStringLiteral("/slotdesk.sqlite"));
        db.open();
        return db;
    }
    auto url = storage::DatabaseUrl::parse(m_url);
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (url) {
        db.setHostName(url->host);
        db.setPort(url->port);
        db.setDatabaseName(url->databaseName);
        db.setUserName(url->user);
        db.setConnectOptions(url->connectOptions());
        db.open();
    }
    return db;
}

QByteArray TestDatabase::contentDigest() const {
    const QString name = QStringLiteral("digest");
    QByteArray digest;
    {
        QSqlDatabase db = rawConnection(name);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const auto& table : tableNames(db)) {
            hash.addData(table.toUtf8());
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i)
                    hash.addData(rows.value(i).toString().toUtf8() + '\x1f');
                hash.addData(QByteArrayView("\x1e"));
            }
        }
        digest = hash.result().toHex();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return digest;
}

bool tableExists(const QSqlDatabase& db, const QString& table) {
    QSqlQuery query(db);
    query.prepare(storage::dialectOf(db) == storage::SqlDialect::PostgreSQL
                      ? QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables "
                                       "WHERE schemaname = current_schema() AND tablename = ?")
                      : QStringLiteral("SELECT COUNT(*) FROM sqlite_master "
                                       "WHERE type = 'table' AND name = ?"));
    query.addBindValue(table);
    return query.exec() && query.next() && query.value(0).toInt() > 0;
}

QStringList tableNames(const QSqlDatabase& db) {
    QSqlQuery tables(db);
    tables.exec(storage::dialectOf(db) == storage::SqlDialect::PostgreSQL
                    ? QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE "
                                     "schemaname = current_schema() AND tablename <> "
                                     "'slotdesk_changes' ORDER BY 1")
                    : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "ORDER BY 1"));
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    return names;
}

QStringList columnNames(const QSqlDatabase& db, const QString& table) {
    QSqlQuery columns(db);
    if (storage::dialectOf(db) == storage::SqlDialect::PostgreSQL) {
        columns.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns "
                                       "WHERE table_schema = current_schema() AND "
                                       "table_name = ?"));
        columns.addBindValue(table);
        columns.exec();
    } else {
        // PRAGMA takes no parameters; `table` comes from tableNames().
        columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
    }
    QStringList names;
    while (columns.next())
        names.append(columns.value(0).toString());
    names.sort();
    return names;
}

bool openSeeded(std::unique_ptr<TestDatabase>& test, std::unique_ptr<storage::Database>& db,
                User& admin, const QString& username, const QString& timeZone) {
    db.reset();
    test = std::make_unique<TestDatabase>();
    auto opened = test->open();
    if (!opened) {
        qWarning("cannot open the test database: %s", qPrintable(opened.error().message));
        return false;
    }
    db = std::move(*opened);
    admin = seedAdmin(*db, username, timeZone);
    if (admin.id.isEmpty()) {
        qWarning("cannot seed the admin %s", qPrintable(username));
        return false;
    }
    return true;
}

bool seedBookableAdmin(const TestDatabase& test, User& admin, const QString& timeZone) {
    auto db = test.open();
    if (!db) {
        qWarning("cannot open the test database: %s", qPrintable(db.error().message));
        return false;
    }
    admin = seedAdmin(**db, QStringLiteral("alice"), timeZone);
    return !admin.id.isEmpty() && seedAvailability(**db, admin.id, timeZone);
}

} // namespace slotdesk::test
