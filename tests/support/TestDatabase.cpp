#include "support/TestDatabase.h"

#include "support/TestData.h"

#include "storage/DatabaseUrl.h"
#include "storage/SqlSupport.h"

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
}

TestDatabase::~TestDatabase() {
    if (!m_schema.isEmpty()) {
        AdminConnection admin;
        admin.run(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema));
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
        return storage::Database::openUrl(m_url);
    return storage::Database::openInDirectory(m_dataDir);
}

QStringList TestDatabase::cliArguments() const {
    if (usingPostgres())
        return {QStringLiteral("--database"), m_url};
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
        QSqlQuery tables(db);
        tables.exec(usingPostgres()
                        ? QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE "
                                         "schemaname = current_schema() AND tablename <> "
                                         "'slotdesk_changes' ORDER BY 1")
                        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "ORDER BY 1"));
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const auto& table : names) {
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
