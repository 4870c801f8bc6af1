#include "storage/SqliteBackup.h"

#include "storage/FileLock.h"
#include "storage/Migrations.h"
#include "storage/SqlSupport.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <filesystem>
#include <system_error>

#ifndef Q_OS_WIN
#include <fcntl.h>
#include <unistd.h>
#endif

namespace slotdesk::storage {
namespace {

const QLatin1String kPartialSuffix(".partial");

QString partialPathFor(const QString& target) {
    const QFileInfo info(target);
    return info.absoluteDir().filePath(u'.' + info.fileName() + kPartialSuffix);
}

// Data written by VACUUM INTO is on disk before the file gets its final name.
bool syncToDisk(const QString& path) {
#ifdef Q_OS_WIN
    Q_UNUSED(path);
    return true;
#else
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#endif
}

// A private connection to `file` for the length of one check or copy.
class FileConnection {
public:
    enum class Access { ReadOnly, ReadWrite };
    FileConnection(const QString& file, Access access) {
        static QAtomicInt counter;
        m_name = QStringLiteral("slotdesk-backup-%1").arg(counter.fetchAndAddRelaxed(1));
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        if (access == Access::ReadOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_opened = db.open();
        m_error = db.lastError().databaseText();
    }
    ~FileConnection() {
        {
            auto db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    FileConnection(const FileConnection&) = delete;
    FileConnection& operator=(const FileConnection&) = delete;

    [[nodiscard]] QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    [[nodiscard]] bool isOpen() const { return m_opened; }
    [[nodiscard]] QString error() const { return m_error; }

private:
    QString m_name;
    bool m_opened = false;
    QString m_error;
};

Error notGood(const QString& file, const QString& why) {
    return Error::conflict(QStringLiteral("%1 is not a usable SlotDesk backup: %2")
                               .arg(QDir::toNativeSeparators(file), why));
}

} // namespace

bool SqliteBackup::isPartial(const QString& fileName) {
    return fileName.endsWith(kPartialSuffix);
}

Result<BackupCheck> SqliteBackup::verify(const QString& file) {
    const QFileInfo info(file);
    if (!info.isFile())
        return Error::notFound(
            QStringLiteral("There is no file %1").arg(QDir::toNativeSeparators(file)));
    BackupCheck check;
    check.size = info.size();
    FileConnection connection(file, FileConnection::Access::ReadOnly);
    if (!connection.isOpen())
        return notGood(file, connection.error());
    auto integrity = exec(connection.db(), QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return notGood(file, integrity.error().message);
    if (!integrity->next())
        return notGood(file, QStringLiteral("the integrity check gave no answer"));
    if (const QString first = integrity->value(0).toString(); first != QLatin1String("ok"))
        return notGood(file, QStringLiteral("the integrity check failed (%1)").arg(first));
    integrity->finish();
    check.schemaVersion = Migrations::currentVersion(connection.db());
    if (check.schemaVersion <= 0)
        return notGood(file, QStringLiteral("it holds no SlotDesk schema"));
    if (check.schemaVersion > Migrations::latestVersion())
        return Error{ErrorCode::SchemaTooNew,
                     QStringLiteral("%1 has schema version %2, newer than this SlotDesk "
                                    "understands (%3); use a newer SlotDesk with it")
                         .arg(QDir::toNativeSeparators(file))
                         .arg(check.schemaVersion)
                         .arg(Migrations::latestVersion()),
                     {}};
    return check;
}

Result<BackupCheck> SqliteBackup::write(const QSqlDatabase& db, const QString& target) {
    if (QFileInfo::exists(target))
        return Error::conflict(
            QStringLiteral("%1 exists already").arg(QDir::toNativeSeparators(target)));
    const QString partial = partialPathFor(target);
    // An empty file for VACUUM INTO to fill (it accepts an empty one), created owner-only like
    // the database and locked for as long as it is written: removeAbandonedPartials() tells a
    // killed writer's leftovers from a copy under way by that lock.
    QFile::remove(partial);
    auto lock = FileLock::acquire(partial, FileLock::Mode::Exclusive, 0);
    if (!lock)
        return Error::storage(QStringLiteral("Cannot write %1: %2")
                                  .arg(QDir::toNativeSeparators(partial), lock.error().message));
    const auto discard = [&partial](const Error& error) -> Result<BackupCheck> {
        QFile::remove(partial);
        return error;
    };
    if (auto s = execNoRows(db, QStringLiteral("VACUUM INTO ?"), {partial}); !s)
        return discard(
            Error::storage(QStringLiteral("Cannot copy the database to %1: %2")
                               .arg(QDir::toNativeSeparators(partial), s.error().message)));
    auto check = verify(partial);
    if (!check)
        return discard(check.error());
    if (!syncToDisk(partial))
        return discard(Error::storage(
            QStringLiteral("Cannot flush %1 to disk").arg(QDir::toNativeSeparators(partial))));
    if (!QFile::rename(partial, target))
        return discard(Error::storage(
            QStringLiteral("Cannot rename %1 to %2")
                .arg(QDir::toNativeSeparators(partial), QDir::toNativeSeparators(target))));
    syncToDisk(QFileInfo(target).absolutePath()); // the rename itself
    return check;
}

int SqliteBackup::removeAbandonedPartials(const QString& folder) {
    int removed = 0;
    const auto names = QDir(folder).entryList({u'*' + kPartialSuffix},
                                              QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        const QString path = QDir(folder).filePath(name);
        // Free means its writer ended before renaming it: a copy under way keeps it locked.
        auto lock = FileLock::acquire(path, FileLock::Mode::Exclusive, 0);
        if (lock && QFile::remove(path))
            ++removed;
    }
    return removed;
}

} // namespace slotdesk::storage

namespace slotdesk::storage {

Result<BackupCheck> SqliteBackup::writeFromFile(const QString& sourceFile, const QString& target) {
    // Read-write: a database in WAL mode is read together with its -wal, which a read-only
    // connection may not be able to open. Closing it (the last connection) folds the -wal in.
    FileConnection connection(sourceFile, FileConnection::Access::ReadWrite);
    if (!connection.isOpen())
        return Error::storage(QStringLiteral("Cannot open %1: %2")
                                  .arg(QDir::toNativeSeparators(sourceFile), connection.error()));
    return write(connection.db(), target);
}

Status SqliteBackup::replaceDatabase(const QString& liveFile, const QString& backupFile) {
    const QFileInfo live(liveFile);
    const QString incoming =
        live.absoluteDir().filePath(u'.' + live.fileName() + QStringLiteral(".restoring"));
    QFile::remove(incoming);
    if (!QFile::copy(backupFile, incoming))
        return Error::storage(
            QStringLiteral("Cannot copy %1 to %2")
                .arg(QDir::toNativeSeparators(backupFile), QDir::toNativeSeparators(incoming)));
    QFile::setPermissions(incoming, QFile::ReadOwner | QFile::WriteOwner);
    // The copy, not the original, is what goes live: check it (and flush it) once more.
    if (auto check = verify(incoming); !check) {
        QFile::remove(incoming);
        return check.error();
    }
    if (!syncToDisk(incoming)) {
        QFile::remove(incoming);
        return Error::storage(
            QStringLiteral("Cannot flush %1 to disk").arg(QDir::toNativeSeparators(incoming)));
    }
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = liveFile + QLatin1String(suffix);
        if (QFileInfo::exists(side) && !QFile::remove(side)) {
            QFile::remove(incoming);
            return Error::storage(
                QStringLiteral("Cannot remove %1").arg(QDir::toNativeSeparators(side)));
        }
    }
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(incoming.toStdU16String()),
                            std::filesystem::path(liveFile.toStdU16String()), error);
    if (error) {
        QFile::remove(incoming);
        return Error::storage(QStringLiteral("Cannot put %1 in place of %2: %3")
                                  .arg(QDir::toNativeSeparators(incoming),
                                       QDir::toNativeSeparators(liveFile),
                                       QString::fromStdString(error.message())));
    }
    syncToDisk(live.absolutePath());
    return success();
}

} // namespace slotdesk::storage
