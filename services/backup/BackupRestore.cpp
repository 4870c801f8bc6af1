#include "backup/BackupRestore.h"

#include "backup/BackupService.h"
#include "storage/Database.h"
#include "storage/FileLock.h"
#include "storage/SqliteBackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace slotdesk::backup {
namespace {

const QString kPreRestore = QStringLiteral("pre-restore");

// The current file as a verified backup; if it is too damaged for SQLite to copy, the file
// and its -wal as they are (named so that they are not taken for a checked backup).
Result<QString> keepCurrent(const QString& databaseFile, const core::Clock& clock) {
    BackupService service(databaseFile, clock);
    const BackupFolder folder = service.folder();
    if (auto s = folder.ensureExists(); !s)
        return s.error();
    const QString target = folder.newFilePath(kPreRestore, clock.now());
    auto copied = storage::SqliteBackup::writeFromFile(databaseFile, target);
    if (copied) {
        service.settings().record({clock.now(), true, kPreRestore, target, copied->size, {}});
        return target;
    }
    qCWarning(lcBackup).noquote()
        << QStringLiteral("%1 could not be backed up as a database (%2); keeping a plain copy")
               .arg(databaseFile, copied.error().message);
    const QString raw = target + QStringLiteral(".unchecked");
    for (const char* suffix : {"", "-wal"}) {
        const QString from = databaseFile + QLatin1String(suffix);
        if (QFileInfo::exists(from) && !QFile::copy(from, raw + QLatin1String(suffix)))
            return Error::storage(
                QStringLiteral("Cannot keep a copy of %1 in %2")
                    .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(folder.path())));
    }
    return raw;
}

} // namespace

Result<RestoreOutcome> BackupRestore::restore(const QString& databaseFile,
                                              const QString& backupFile, core::Clock clock) {
    // A lost data directory is made again (owner-only) to hold the lock and the database.
    const QString dataDir = QFileInfo(databaseFile).absolutePath();
    if (!QFileInfo(dataDir).isDir() &&
        !QDir().mkdir(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) &&
        !QDir().mkpath(dataDir))
        return Error::storage(QStringLiteral("Cannot create the data directory %1")
                                  .arg(QDir::toNativeSeparators(dataDir)));
    auto lock = storage::FileLock::acquire(storage::Database::lockFilePath(databaseFile),
                                           storage::FileLock::Mode::Exclusive, 0);
    if (!lock) {
        if (lock.error().code != ErrorCode::Conflict)
            return lock.error();
        return Error::conflict(
            QStringLiteral("Another SlotDesk process (the window, slotdesk-cli serve or a "
                           "command) has %1 open; close it, then restore. Nothing was changed.")
                .arg(QDir::toNativeSeparators(databaseFile)));
    }
    const QFileInfo backup(backupFile);
    if (QFileInfo::exists(databaseFile) &&
        backup.canonicalFilePath() == QFileInfo(databaseFile).canonicalFilePath())
        return Error::validation(QStringLiteral("file"),
                                 QStringLiteral("That is the database itself, not a backup"));
    auto check = storage::SqliteBackup::verify(backupFile);
    if (!check) {
        Error refusal = check.error();
        refusal.message += QStringLiteral(". Nothing was changed.");
        return refusal;
    }
    RestoreOutcome outcome{backup.absoluteFilePath(), check->schemaVersion, {}};
    if (QFileInfo::exists(databaseFile)) {
        auto kept = keepCurrent(databaseFile, clock);
        if (!kept)
            return Error::storage(kept.error().message + QStringLiteral(". Nothing was restored."));
        outcome.previousKeptAs = *kept;
    }
    if (auto s = storage::SqliteBackup::replaceDatabase(databaseFile, outcome.restoredFrom); !s)
        return s.error();
    qCInfo(lcBackup).noquote() << QStringLiteral("Restored %1 from %2 (the previous file is in %3)")
                                      .arg(databaseFile, outcome.restoredFrom,
                                           outcome.previousKeptAs);
    return outcome;
}

} // namespace slotdesk::backup
