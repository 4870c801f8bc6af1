#include "backup/BackupService.h"

#include "backup/BackupRotation.h"
#include "storage/SqliteBackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

Q_LOGGING_CATEGORY(lcBackup, "slotdesk.backup")

namespace slotdesk::backup {
namespace {

const QString kDaily = QStringLiteral("daily");
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

} // namespace

BackupService::BackupService(const QString& databaseFile, core::Clock clock)
    : m_settings(databaseFile)
    , m_clock(std::move(clock)) {}

Result<BackupFile> BackupService::create(const QSqlDatabase& db, const QString& kind,
                                         const QString& target) {
    // Not an attempt that failed, a file the caller named that is there already.
    if (!target.isEmpty() && QFileInfo::exists(target))
        return Error::validation(QStringLiteral("to"),
                                 QStringLiteral("%1 exists already; name a new file")
                                     .arg(QDir::toNativeSeparators(target)));
    const QDateTime now = m_clock.now();
    BackupAttempt attempt{now, false, kind, target, 0, {}};
    const auto failed = [&](const Error& error) -> Result<BackupFile> {
        attempt.error = error.message;
        m_settings.record(attempt);
        qCWarning(lcBackup).noquote() << QStringLiteral("The %1 backup of %2 failed: %3")
                                             .arg(kind, db.databaseName(), error.message);
        return error;
    };
    const BackupFolder into(target.isEmpty() ? m_settings.folder()
                                             : QFileInfo(target).absolutePath());
    if (auto s = into.ensureExists(); !s)
        return failed(s.error());
    if (const int removed = storage::SqliteBackup::removeAbandonedPartials(into.path()))
        qCInfo(lcBackup) << "Removed" << removed << "unfinished backup(s) of a stopped process";
    attempt.file =
        target.isEmpty() ? into.newFilePath(kind, now) : QFileInfo(target).absoluteFilePath();
    auto written = storage::SqliteBackup::write(db, attempt.file);
    if (!written)
        return failed(written.error());
    attempt.ok = true;
    attempt.size = written->size;
    m_settings.record(attempt);
    qCInfo(lcBackup).noquote() << QStringLiteral("Backed up %1 to %2 (%3 bytes)")
                                      .arg(db.databaseName(), attempt.file)
                                      .arg(attempt.size);
    return BackupFile{attempt.file, now, kind, attempt.size};
}

Result<std::optional<BackupFile>> BackupService::runIfDue(const QSqlDatabase& db) {
    const QDateTime now = m_clock.now();
    const auto backups = folder().list();
    const bool recent = std::any_of(backups.begin(), backups.end(), [&](const BackupFile& b) {
        return b.kind == kDaily && b.takenAt <= now && b.takenAt.msecsTo(now) < kDayMs;
    });
    if (recent)
        return std::optional<BackupFile>();
    auto made = create(db, kDaily);
    if (!made)
        return made.error();
    rotate();
    return std::optional<BackupFile>(*made);
}

QList<BackupFile> BackupService::rotate() {
    QList<BackupFile> removed;
    for (const BackupFile& old : BackupRotation::expired(folder().list())) {
        // Another process may be rotating the same folder: gone already is fine.
        if (QFile::remove(old.path) || !QFileInfo::exists(old.path))
            removed.append(old);
        else
            qCWarning(lcBackup).noquote()
                << QStringLiteral("Cannot remove the old backup %1").arg(old.path);
    }
    return removed;
}

storage::Migrations::BeforeMigrating BackupService::preMigrationHook(core::Clock clock) {
    return [clock](const QSqlDatabase& db, int fromVersion, int toVersion) -> Status {
        BackupService service(db.databaseName(), clock);
        auto made = service.create(db, QStringLiteral("pre-migration-v%1").arg(fromVersion));
        if (!made)
            return Error::storage(
                QStringLiteral("SlotDesk did not upgrade %1 from schema version %2 to %3 "
                               "because the backup before it failed: %4")
                    .arg(db.databaseName())
                    .arg(fromVersion)
                    .arg(toVersion)
                    .arg(made.error().message));
        return success();
    };
}

} // namespace slotdesk::backup
