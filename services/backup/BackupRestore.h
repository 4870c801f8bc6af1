#pragma once
// BackupRestore: puts a backup in place of a SQLite database. Refused, with nothing changed,
// while any SlotDesk process has the database open (each holds a shared lock on its lock file,
// see storage::Database::openFile; the restore needs it exclusively, and holds it throughout, so
// nobody opens the database halfway), when the backup is not a sound SlotDesk database
// (integrity check) or is newer than this SlotDesk. The current file is backed up first
// (kind pre-restore; a file too damaged for that is copied as it is), so a restore can be undone
// by restoring that backup.

#include "backup/BackupFolder.h"
#include "core/Clock.h"
#include "core/Result.h"

namespace slotdesk::backup {

struct RestoreOutcome {
    QString restoredFrom;
    int schemaVersion = 0;
    QString previousKeptAs; // the pre-restore backup; empty when there was no database
};

class BackupRestore {
public:
    static Result<RestoreOutcome> restore(const QString& databaseFile, const QString& backupFile,
                                          core::Clock clock = {});
};

} // namespace slotdesk::backup
