#pragma once
// Database: one open SlotDesk database — the SQLite file in the data directory, or a team's
// PostgreSQL database — with its session set up and its schema migrated to the version this
// binary knows. One instance per thread.

#include "core/Result.h"
#include "storage/DatabaseUrl.h"
#include "storage/FileLock.h"
#include "storage/Migrations.h"
#include "storage/RowSecurity.h"
#include "storage/SqlSupport.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace slotdesk::storage {

class Database {
public:
    static constexpr auto kFileName = "slotdesk.sqlite";

    // Opens (creating if needed) `filePath`, refuses a schema newer than this binary without
    // touching the file, and applies pending migrations (`beforeMigrating` first, when there
    // are any and the file had a schema: the pre-upgrade backup). The file and SQLite's
    // -wal/-shm are made readable by their owner only (0600). While open, the process holds a
    // shared lock on `filePath`.lock (lockFilePath()): a restore takes it exclusively, so it
    // never swaps the file under a process that has it open (opening waits up to 10 s for a
    // restore to finish).
    static Result<std::unique_ptr<Database>>
    openFile(const QString& filePath, const Migrations::BeforeMigrating& beforeMigrating = {});
    // openFile() on `dataDir`/slotdesk.sqlite, creating the directory for its owner only
    // (0700); an existing one others may write to is warned about.
    static Result<std::unique_ptr<Database>>
    openInDirectory(const QString& dataDir,
                    const Migrations::BeforeMigrating& beforeMigrating = {});
    // The lock file every process holds (shared) while it has the SQLite file `filePath` open.
    static QString lockFilePath(const QString& filePath);
    // Connects to PostgreSQL (the QPSQL driver), refuses a newer schema, applies pending
    // migrations (one process at a time). Without a password in `url` libpq reads
    // PGPASSFILE / ~/.pgpass.
    static Result<std::unique_ptr<Database>> openPostgres(const DatabaseUrl& url);
    // openPostgres() for a postgresql:// URL.
    static Result<std::unique_ptr<Database>> openUrl(const QString& url);
    // Another connection to the same database, e.g. for another thread. This one has migrated
    // it already: the new connection only checks the version (a few round trips, not one per
    // migration step — it matters on a PostgreSQL server far away).
    [[nodiscard]] Result<std::unique_ptr<Database>> openAgain() const;

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] QSqlDatabase connection() const {
        return QSqlDatabase::database(m_connectionName, false);
    }
    [[nodiscard]] SqlDialect dialect() const { return m_dialect; }
    // The SQLite file; empty on PostgreSQL.
    [[nodiscard]] QString filePath() const { return m_filePath; }
    // The PostgreSQL URL it was opened with (its password too); empty on SQLite.
    [[nodiscard]] const DatabaseUrl& url() const { return m_url; }
    // For messages and logs: the file, or the URL with its password masked.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] int schemaVersion() const;
    // Who this session is on a team's PostgreSQL (RowSecurity): the owner, an admin's role (only
    // that admin's rows), or the booking endpoint's. Always Owner on SQLite.
    [[nodiscard]] RowSecurity::Role role() const { return m_role; }
    // A value that changes whenever anyone — this connection or another process — commits a
    // change to the database. Caches compare it to know they are stale.
    [[nodiscard]] Result<qint64> changeStamp() const;

private:
    enum class Schema { Migrate, AlreadyMigrated };
    Database(QString connectionName, SqlDialect dialect);
    static Result<std::unique_ptr<Database>>
    openFile(const QString& filePath, Schema schema,
             const Migrations::BeforeMigrating& beforeMigrating);
    static Result<std::unique_ptr<Database>> openPostgres(const DatabaseUrl& url, Schema schema);

    QString m_connectionName;
    SqlDialect m_dialect = SqlDialect::SQLite;
    QString m_filePath;
    DatabaseUrl m_url;   // PostgreSQL only; its password stays in memory
    FileLock m_fileLock; // SQLite only: shared, see openFile()
    RowSecurity::Role m_role = RowSecurity::Role::Owner;
};

// The directory SlotDesk keeps its data in: `option` if given, else $SLOTDESK_DATA_DIR, else the
// platform's application data location (e.g. ~/.local/share/SlotDesk on Linux).
QString resolveDataDirectory(const QString& option);

} // namespace slotdesk::storage
