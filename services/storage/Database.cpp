#include "storage/Database.h"

#include "storage/Migrations.h"
#include "storage/RowSecurity.h"
#include "storage/SqlSupport.h"

#include <QAtomicInt>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace slotdesk::storage {
namespace {

QString nextConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("slotdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

// How long a statement waits for another connection's write transaction: a booking's is
// milliseconds; a schema step on a large file (only while opening) may take much longer.
constexpr int kBusyWaitMs = 10'000;
constexpr int kMigrationWaitMs = 120'000;

Status setBusyTimeout(const QSqlDatabase& db, int milliseconds) {
    return execNoRows(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

// SQLite changes the journal mode only with the file to itself and, unlike other statements,
// answers BUSY at once instead of waiting (a new file another process is still setting up):
// ask again until kMigrationWaitMs has passed, less often the longer it takes (each refusal is
// a line in the log).
Status switchToWal(const QSqlDatabase& db) {
    const QDeadlineTimer deadline(kMigrationWaitMs);
    for (unsigned long pauseMs = 10;; pauseMs = std::min(pauseMs * 2, 1000UL)) {
        auto wal = exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (wal)
            return success();
        if (!isBusy(wal.error()) || deadline.hasExpired())
            return wal.error();
        QThread::msleep(pauseMs);
    }
}

constexpr QFile::Permissions kGroupAndOthers = QFile::ReadGroup | QFile::WriteGroup |
                                               QFile::ExeGroup | QFile::ReadOther |
                                               QFile::WriteOther | QFile::ExeOther;

// The database holds attendees' names, e-mail addresses and notes: it is its owner's alone
// (0600). A new file is created so before SQLite writes a byte (SQLite takes an empty file for a
// new database); one an older SlotDesk made 0644 is tightened. SQLite gives its -wal and -shm
// files the database file's mode, so they follow; any left from before are tightened too.
void makeDatabaseFilePrivate(const QString& filePath) {
    if (!QFileInfo::exists(filePath)) {
        QFile file(filePath);
        // Fails when another process created it first (handled below) or the directory is not
        // writable (SQLite then says so).
        [[maybe_unused]] const bool created = file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                                                        QFile::ReadOwner | QFile::WriteOwner);
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString path = filePath + QLatin1String(suffix);
        const QFile::Permissions permissions = QFile::permissions(path);
        if (QFileInfo::exists(path) && (permissions & kGroupAndOthers))
            QFile::setPermissions(path, permissions & ~kGroupAndOthers);
    }
}

} // namespace

Database::Database(QString connectionName, SqlDialect dialect)
    : m_connectionName(std::move(connectionName))
    , m_dialect(dialect) {}

Database::~Database() {
    {
        auto db = connection();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    RowSecurity::forgetSession(m_connectionName);
}

Result<std::unique_ptr<Database>>
Database::openFile(const QString& filePath, const Migrations::BeforeMigrating& beforeMigrating) {
    return openFile(filePath, Schema::Migrate, beforeMigrating);
}

QString Database::lockFilePath(const QString& filePath) {
    return filePath + QStringLiteral(".lock");
}

Result<std::unique_ptr<Database>>
Database::openFile(const QString& filePath, Schema schema,
                   const Migrations::BeforeMigrating& beforeMigrating) {
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, SqlDialect::SQLite));
    database->m_filePath = filePath;
    auto lock = FileLock::acquire(lockFilePath(filePath), FileLock::Mode::Shared, 10000);
    if (!lock) {
        if (lock.error().code == ErrorCode::Conflict)
            return Error::conflict(QStringLiteral("The database %1 is being restored from a "
                                                  "backup by another process; try again when "
                                                  "it is done")
                                       .arg(filePath));
        return lock.error();
    }
    database->m_fileLock = std::move(*lock);
    makeDatabaseFilePrivate(filePath);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return Error::storage(
                QStringLiteral("The Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(filePath);
        // Other processes (slotdesk-cli serve, a second window) share the file: wait for their
        // write transactions rather than failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyWaitMs));
        if (!db.open())
            return Error::storage(QStringLiteral("Cannot open the database %1: %2")
                                      .arg(filePath, db.lastError().databaseText()));
        if (auto s = execNoRows(db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
            return s.error();
        // What is deleted or overwritten (a forgotten attendee's name, say) is zeroed in the
        // file, not left in free space.
        if (auto s = execNoRows(db, QStringLiteral("PRAGMA secure_delete = ON")); !s)
            return s.error();
    }
    // The version check reads only: a database from a newer SlotDesk is left exactly as it is.
    if (auto s = Migrations::checkCompatible(database->connection()); !s)
        return s.error();
    // Switching to WAL and migrating take the write lock, and a schema step on a large file can
    // hold it far longer than a booking does: a process started meanwhile (a second window,
    // `serve` at the same boot) waits up to kMigrationWaitMs for it instead of failing.
    if (auto s = setBusyTimeout(database->connection(), kMigrationWaitMs); !s)
        return s.error();
    {
        auto db = database->connection();
        if (auto s = switchToWal(db); !s)
            return s.error();
        // A booking acknowledged must survive a power cut too, not only a killed process.
        if (auto s = execNoRows(db, QStringLiteral("PRAGMA synchronous = FULL")); !s)
            return s.error();
    }
    if (schema == Schema::Migrate) {
        if (auto s = Migrations::migrate(database->connection(), 0, beforeMigrating); !s)
            return s.error();
    }
    if (auto s = setBusyTimeout(database->connection(), kBusyWaitMs); !s)
        return s.error();
    return database;
}

Result<std::unique_ptr<Database>>
Database::openInDirectory(const QString& dataDir,
                          const Migrations::BeforeMigrating& beforeMigrating) {
    const QFileInfo info(dataDir);
    if (!info.exists()) {
        // Missing parents as usual, the data directory itself for its owner only (0700).
        if (!QDir().mkpath(info.absolutePath()) ||
            (!QDir().mkdir(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) &&
             !QFileInfo(dataDir).isDir()))
            return Error::storage(
                QStringLiteral("Cannot create the data directory %1").arg(dataDir));
    } else if (info.isDir() && (info.permissions() & (QFile::WriteGroup | QFile::WriteOther))) {
        // Its owner chose the mode; but whoever may write here may swap the database file.
        qCWarning(lcStorage).noquote()
            << QStringLiteral("The data directory %1 can be written by other users; "
                              "`chmod go-w` it (or 700).")
                   .arg(dataDir);
    }
    return openFile(QDir(dataDir).filePath(QString::fromLatin1(kFileName)), beforeMigrating);
}

Result<std::unique_ptr<Database>> Database::openPostgres(const DatabaseUrl& url) {
    return openPostgres(url, Schema::Migrate);
}

Result<std::unique_ptr<Database>> Database::openPostgres(const DatabaseUrl& url, Schema schema) {
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, SqlDialect::PostgreSQL));
    database->m_url = url;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid())
            return Error::storage(QStringLiteral("The Qt PostgreSQL driver (QPSQL) is not "
                                                 "available: install libqt6sql6-psql"));
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.databaseName);
        db.setUserName(url.user);
        if (!url.password.isEmpty())
            db.setPassword(url.password);
        db.setConnectOptions(url.connectOptions());
        if (!db.open())
            return Error::storage(QStringLiteral("Cannot connect to %1: %2")
                                      .arg(url.masked(), db.lastError().databaseText().trimmed()));
        // Like SQLite's busy timeout: wait for other writers, but not forever. Notices
        // ("already exists, skipping") would go to stderr.
        if (auto s = execDirect(db, QStringLiteral("SET lock_timeout = '10s'")); !s)
            return s.error();
        if (auto s = execDirect(db, QStringLiteral("SET client_min_messages = warning")); !s)
            return s.error();
    }
    if (auto s = Migrations::checkCompatible(database->connection()); !s)
        return s.error();
    if (schema == Schema::Migrate) {
        if (auto s = Migrations::migrate(database->connection()); !s)
            return s.error();
    }
    auto role = RowSecurity::roleOf(database->connection());
    if (!role)
        return role.error();
    database->m_role = *role;
    RowSecurity::registerSession(name, *role);
    return database;
}

Result<std::unique_ptr<Database>> Database::openUrl(const QString& url) {
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return openPostgres(*parsed);
}

Result<std::unique_ptr<Database>> Database::openAgain() const {
    if (m_dialect == SqlDialect::PostgreSQL)
        return openPostgres(m_url, Schema::AlreadyMigrated);
    return openFile(m_filePath, Schema::AlreadyMigrated, {});
}

QString Database::displayName() const {
    return m_dialect == SqlDialect::PostgreSQL ? m_url.masked() : m_filePath;
}

int Database::schemaVersion() const {
    return Migrations::currentVersion(connection());
}

Result<qint64> Database::changeStamp() const {
    if (m_dialect == SqlDialect::PostgreSQL) {
        // Statement-level triggers on every table add to this connection's row of
        // slotdesk_changes (see Migrations): the sum grows with every committed write, from any
        // connection, and only once it is committed.
        auto q =
            exec(connection(),
                 QStringLiteral(
                     "SELECT CAST(COALESCE(SUM(changes), 0) AS BIGINT) FROM slotdesk_changes"));
        if (!q)
            return q.error();
        if (!q->next())
            return Error::storage(QStringLiteral("Cannot read the database's change counter"));
        return q->value(0).toLongLong();
    }
    // data_version moves when another connection commits; total_changes() counts this
    // connection's own writes. Together they see every change.
    auto q = exec(connection(),
                  QStringLiteral("SELECT (SELECT data_version FROM pragma_data_version()), "
                                 "total_changes()"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(QStringLiteral("Cannot read the database's change counter"));
    return (q->value(0).toLongLong() << 32) ^ q->value(1).toLongLong();
}

QString resolveDataDirectory(const QString& option) {
    if (!option.isEmpty())
        return QFileInfo(option).absoluteFilePath();
    const QString fromEnv = qEnvironmentVariable("SLOTDESK_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).absoluteFilePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace slotdesk::storage
