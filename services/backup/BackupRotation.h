#pragma once
// BackupRotation: which automatic (daily) backups to keep — the newest of each of the 7 most
// recent days that have one, plus the newest of each of the 4 most recent ISO weeks (UTC) before
// those whose newest is not already kept (borg's "--keep-daily 7 --keep-weekly 4"). Counting
// days that have a backup rather than calendar days means a laptop that stayed off for a month
// keeps its older backups. Manual, pre-migration and pre-restore backups are never removed
// automatically.

#include "backup/BackupFolder.h"

namespace slotdesk::backup {

class BackupRotation {
public:
    static constexpr int kDaily = 7;
    static constexpr int kWeekly = 4;

    // The daily backups among `backups` (any order) that fall outside the set kept.
    static QList<BackupFile> expired(const QList<BackupFile>& backups, int daily = kDaily,
                                     int weekly = kWeekly);
};

} // namespace slotdesk::backup
