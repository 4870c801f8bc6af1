#pragma once
// SqliteBackup: consistent copies of a live SQLite database and the check that a copy is good.
// A copy is made with `VACUUM INTO` (SQLite's own snapshot of one read transaction: writers
// carry on, the copy holds exactly what was committed when it began; never a copy of the file
// while it changes). It is written under a hidden ".partial" name, locked while written, checked
// (`PRAGMA integrity_check`, schema version) and only then renamed to its final name — a process
// killed on the way leaves a partial file nobody counts as a backup, and the live database is
// only ever read.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace slotdesk::storage {

struct BackupCheck {
    int schemaVersion = 0;
    qint64 size = 0; // bytes
};

class SqliteBackup {
public:
    // Copies the database `db` is connected to into `target` (which must not exist) and checks
    // the copy. `db` must not be inside a transaction.
    static Result<BackupCheck> write(const QSqlDatabase& db, const QString& target);
    // write() from the database file `sourceFile` through a connection of its own, for when no
    // SlotDesk process has it open (a restore holds its lock).
    static Result<BackupCheck> writeFromFile(const QString& sourceFile, const QString& target);
    // Puts a copy of the checked backup `backupFile` in place of the database file `liveFile`
    // (its -wal and -shm go: they belong to the file replaced). The copy is checked again and
    // renamed over `liveFile` in one step. Only while no process has `liveFile` open.
    static Status replaceDatabase(const QString& liveFile, const QString& backupFile);
    // Whether `file` is a sound SlotDesk database this binary can open: SQLite's integrity check
    // passes and its schema version is known. Reads only. Conflict (with a one-line reason) when
    // not; SchemaTooNew when it is newer than this SlotDesk.
    static Result<BackupCheck> verify(const QString& file);
    // Partial files in `folder` whose writer is gone (killed mid-copy): removed. Returns how many.
    static int removeAbandonedPartials(const QString& folder);
    // Whether `fileName` is a partial (unfinished) copy.
    static bool isPartial(const QString& fileName);
};

} // namespace slotdesk::storage
