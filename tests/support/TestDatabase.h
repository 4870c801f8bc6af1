#pragma once
// TestDatabase: a clean, empty database for one test on the engine the suite runs against.
// SQLite (the default) is a file in a fresh temporary directory. With
// SLOTDESK_TEST_ENGINE=postgresql it is a fresh schema in the database named by
// SLOTDESK_TEST_DATABASE_URL (tools/with-postgres.sh provides one), reached through a URL
// whose search_path selects it — so child processes (slotdesk-cli) get the same database.
// Either is removed when the TestDatabase is destroyed.

#include "domain/Entities.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// In initTestCase() (of a file that includes QTest): skips the suite when its engine isn't there
// (fails instead under SLOTDESK_TEST_REQUIRE_POSTGRES=1, as tools/test.sh runs it).
#define SLOTDESK_REQUIRE_TEST_ENGINE()                                                             \
    do {                                                                                           \
        if (const QString why = slotdesk::test::engineUnavailable(); !why.isEmpty()) {             \
            if (qEnvironmentVariableIntValue("SLOTDESK_TEST_REQUIRE_POSTGRES"))                    \
                QFAIL(qPrintable(why));                                                            \
            QSKIP(qPrintable(why));                                                                \
        }                                                                                          \
    } while (false)

namespace slotdesk::test {

// Whether this run of the suite is the PostgreSQL one.
bool usingPostgres();
// Why the selected engine can't be used (for QSKIP), or an empty string. Under
// SLOTDESK_TEST_REQUIRE_POSTGRES=1 a missing PostgreSQL is a failure, not a skip.
QString engineUnavailable();

class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    [[nodiscard]] bool isValid() const { return m_valid; }
    // Opens it as SlotDesk does (migrating it); call again for another connection.
    [[nodiscard]] Result<std::unique_ptr<storage::Database>> open() const;
    // slotdesk-cli's options for it: --data-dir DIR, or --database URL.
    [[nodiscard]] QStringList cliArguments() const;
    // The SQLite data directory (empty on PostgreSQL).
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    // The PostgreSQL URL (empty on SQLite).
    [[nodiscard]] QString url() const { return m_url; }
    // A bare connection (no pragmas, no migration) under `name`; remove it with
    // QSqlDatabase::removeDatabase(name) once closed.
    [[nodiscard]] QSqlDatabase rawConnection(const QString& name) const;
    // A digest of every row of every table: equal digests mean no data changed.
    [[nodiscard]] QByteArray contentDigest() const;
    // Drops everything in it (the next open() starts from an empty database).
    void wipe();

private:
    void create();

    QTemporaryDir m_dir;
    QString m_dataDir;
    QString m_schema;
    QString m_url;
    bool m_valid = false;
};

// Whether `table` exists in the database `db` works on.
bool tableExists(const QSqlDatabase& db, const QString& table);

// Where most tests start: a fresh TestDatabase in `test`, opened into `db`, with `username`
// seeded as its admin into `admin`. False (and why, as a warning) when any of it fails:
// QVERIFY(test::openSeeded(m_tdb, m_db, m_admin)) in init(); reset `db` before `test`.
bool openSeeded(std::unique_ptr<TestDatabase>& test, std::unique_ptr<storage::Database>& db,
                User& admin, const QString& username = QStringLiteral("alice"),
                const QString& timeZone = QStringLiteral("Europe/Berlin"));
// Where the race suites start: "alice" seeded into `test` as `admin`, in `timeZone` and bookable
// all day, every day there. False (and why, as a warning) when any of it fails.
bool seedBookableAdmin(const TestDatabase& test, User& admin, const QString& timeZone);

} // namespace slotdesk::test
