#pragma once
// BackupService: the backups of one SQLite database — made on demand, daily while SlotDesk runs
// (runIfDue), before a schema upgrade (preMigrationHook) — each written and checked by
// storage::SqliteBackup, recorded in BackupSettings, and the automatic ones rotated
// (BackupRotation). "Now" comes from the injected clock. A failure is returned, recorded as
// the last attempt (what Settings and `backup status` show) and logged on slotdesk.backup:
// never silent.

#include "backup/BackupFolder.h"
#include "backup/BackupSettings.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "storage/Migrations.h"

#include <QLoggingCategory>
#include <QSqlDatabase>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcBackup)

namespace slotdesk::backup {

class BackupService {
public:
    // For the SQLite file `databaseFile`.
    explicit BackupService(const QString& databaseFile, core::Clock clock = {});

    [[nodiscard]] BackupSettings& settings() { return m_settings; }
    [[nodiscard]] BackupFolder folder() const { return BackupFolder(m_settings.folder()); }

    // A backup of `kind` of the database `db` is connected to, into the backup folder — or to
    // `target` when given (a file that must not exist yet).
    Result<BackupFile> create(const QSqlDatabase& db, const QString& kind,
                              const QString& target = {});
    // The daily backup, when the newest one is a day old or there is none, then the rotation.
    // std::nullopt when none was due.
    Result<std::optional<BackupFile>> runIfDue(const QSqlDatabase& db);
    // Removes the daily backups the rotation no longer keeps; returns them.
    QList<BackupFile> rotate();

    // The hook Database::openFile runs before upgrading a file's schema: a verified
    // `pre-migration-v<from>` backup, or no upgrade.
    static storage::Migrations::BeforeMigrating preMigrationHook(core::Clock clock = {});

private:
    BackupSettings m_settings;
    core::Clock m_clock;
};

} // namespace slotdesk::backup
