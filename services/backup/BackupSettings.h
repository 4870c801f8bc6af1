#pragma once
// BackupSettings: what this machine keeps about the backups of one SQLite database, beside it in
// its data directory (backup.ini): the folder they go to — `<data dir>/backups` unless the admin
// chose another (a synced folder, an external disk) — and the outcome of the last attempt and
// of the last good backup, which the window's Settings and `slotdesk-cli backup status` show.
// Several processes (the window, serve, a command) share it: QSettings locks the file.

#include <QDateTime>
#include <QString>

namespace slotdesk::backup {

// One backup attempt as recorded.
struct BackupAttempt {
    QDateTime at; // invalid: none recorded
    bool ok = false;
    QString kind; // daily, manual, pre-migration-vN, pre-restore
    QString file; // the backup written (ok) or meant to be written
    qint64 size = 0;
    QString error; // why it failed
};

class BackupSettings {
public:
    // For the SQLite database file `databaseFile`.
    explicit BackupSettings(const QString& databaseFile);

    [[nodiscard]] QString dataDirectory() const { return m_dataDir; }
    // Where backups go: the chosen folder, else `<data dir>/backups`.
    [[nodiscard]] QString folder() const;
    [[nodiscard]] QString defaultFolder() const;
    [[nodiscard]] bool hasChosenFolder() const;
    // An absolute folder; empty: back to the default.
    void setFolder(const QString& folder);

    [[nodiscard]] BackupAttempt lastAttempt() const;
    [[nodiscard]] BackupAttempt lastGood() const;
    void record(const BackupAttempt& attempt);

private:
    QString m_dataDir;
    QString m_file; // backup.ini
};

} // namespace slotdesk::backup
