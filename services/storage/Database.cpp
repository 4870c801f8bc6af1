#include "storage/Database.h"

#include "storage/Migrations.h"
#include "storage/SqlSupport.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

namespace slotdesk::storage {
namespace {

QString nextConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("slotdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath)) {}

Database::~Database() {
    {
        auto db = connection();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openFile(const QString& filePath) {
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, filePath));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return Error::storage(
                QStringLiteral("The Qt SQLite driver (QSQLITE) is not available"));
        db.setDatabaseName(filePath);
        // Other processes (slotdesk-cli serve, a second window) share the file: wait for their
        // write transactions rather than failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            return Error::storage(QStringLiteral("Cannot open the database %1: %2")
                                      .arg(filePath, db.lastError().databaseText()));
        if (auto s = execNoRows(db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
            return s.error();
    }
    // The version check reads only: a database from a newer SlotDesk is left exactly as it is.
    if (auto s = Migrations::checkCompatible(database->connection()); !s)
        return s.error();
    {
        auto db = database->connection();
        auto wal = exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!wal)
            return wal.error();
        // A booking acknowledged must survive a power cut too, not only a killed process.
        if (auto s = execNoRows(db, QStringLiteral("PRAGMA synchronous = FULL")); !s)
            return s.error();
    }
    if (auto s = Migrations::migrate(database->connection()); !s)
        return s.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::openInDirectory(const QString& dataDir) {
    if (!QDir().mkpath(dataDir))
        return Error::storage(QStringLiteral("Cannot create the data directory %1").arg(dataDir));
    return openFile(QDir(dataDir).filePath(QString::fromLatin1(kFileName)));
}

int Database::schemaVersion() const {
    return Migrations::currentVersion(connection());
}

Result<qint64> Database::changeStamp() const {
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
