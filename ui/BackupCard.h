#pragma once
// BackupCard: Settings → Backups. Where the SQLite database's backups go (the default folder in
// the data directory, or one the admin chooses — a synced folder, an external disk), the last
// good backup (time, size, file) and, when the last attempt failed, why — in red: a failing
// backup is never silent. "Back up now" runs a manual backup on the scheduler's thread. On
// PostgreSQL the card says that the server keeps the backups. Restoring needs the window closed
// (it replaces the file the window has open): the card says how (`slotdesk-cli backup restore`).

#include "ui/SectionCard.h"

#include <QPointer>

class QLabel;
class QPushButton;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::backup {
class BackupScheduler;
}

namespace slotdesk::ui {

class BackupCard : public SectionCard {
    Q_OBJECT
public:
    explicit BackupCard(models::AdminSession* session, QWidget* parent = nullptr);

    // The window's scheduler, for "Back up now" (null: the button stays off). Not owned.
    void setScheduler(backup::BackupScheduler* scheduler);
    // Chooses `folder` as the backup folder (what the folder dialog does); empty: the default.
    void chooseFolder(const QString& folder);

    [[nodiscard]] QPushButton* backUpButton() const { return m_backUp; }
    [[nodiscard]] QString folderText() const;
    [[nodiscard]] QString lastBackupText() const;
    [[nodiscard]] QString errorText() const;

public slots:
    // Reads the recorded outcome again.
    void refresh();

private:
    void backupFinished(const QString& error);

    models::AdminSession* m_session;
    QString m_databaseFile; // empty on PostgreSQL
    QPointer<backup::BackupScheduler> m_scheduler;
    QLabel* m_folder;
    QLabel* m_last;
    QLabel* m_error;
    QPushButton* m_backUp;
    QPushButton* m_choose;
    QPushButton* m_default;
};

} // namespace slotdesk::ui
