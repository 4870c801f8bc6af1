#include "ui/BackupCard.h"

#include "backup/BackupScheduler.h"
#include "backup/BackupSettings.h"
#include "models/AdminSession.h"
#include "models/TimeText.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

QLabel* plainLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // paths and error messages come from outside
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BackupCard::BackupCard(models::AdminSession* session, QWidget* parent)
    : SectionCard(tr("Backups"), QString(), parent)
    , m_session(session)
    , m_folder(plainLabel(this, QStringLiteral("backupFolder")))
    , m_last(plainLabel(this, QStringLiteral("backupLast")))
    , m_error(plainLabel(this, QStringLiteral("fieldError")))
    , m_backUp(new QPushButton(tr("Back up now"), this))
    , m_choose(new QPushButton(tr("Choose folder…"), this))
    , m_default(new QPushButton(tr("Use the default folder"), this)) {
    setObjectName(QStringLiteral("backupCard"));
    if (session->database().dialect() == storage::SqlDialect::SQLite)
        m_databaseFile = session->database().filePath();
    auto* layout = body();
    if (m_databaseFile.isEmpty()) {
        m_last->setText(tr("This window works on a PostgreSQL database: its backups are made by "
                           "the database server (pg_dump, point-in-time recovery). See "
                           "docs/BACKUP.md."));
        layout->addWidget(m_last);
        for (QWidget* w : {static_cast<QWidget*>(m_folder), static_cast<QWidget*>(m_error),
                           static_cast<QWidget*>(m_backUp), static_cast<QWidget*>(m_choose),
                           static_cast<QWidget*>(m_default)})
            w->hide();
        return;
    }
    auto* explanation = plainLabel(this, QString());
    explanation->setText(
        tr("A checked copy of your data is made every day while SlotDesk runs, and before "
           "every upgrade; 7 daily and 4 weekly copies are kept. To restore one, close "
           "SlotDesk and run: slotdesk-cli backup restore FILE"));
    layout->addWidget(explanation);
    layout->addWidget(m_folder);
    layout->addWidget(m_last);
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_choose);
    buttons->addWidget(m_default);
    buttons->addStretch(1);
    buttons->addWidget(m_backUp);
    layout->addLayout(buttons);
    m_backUp->setEnabled(false);
    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Folder for backups"), backup::BackupSettings(m_databaseFile).folder());
        if (!folder.isEmpty())
            chooseFolder(folder);
    });
    connect(m_default, &QPushButton::clicked, this, [this] { chooseFolder({}); });
    refresh();
}

void BackupCard::setScheduler(backup::BackupScheduler* scheduler) {
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    m_backUp->setEnabled(scheduler && scheduler->isAvailable() && !scheduler->isRunning());
    if (!scheduler)
        return;
    connect(m_backUp, &QPushButton::clicked, scheduler, &backup::BackupScheduler::backUpNow,
            Qt::UniqueConnection);
    connect(scheduler, &backup::BackupScheduler::started, this, [this] {
        m_backUp->setEnabled(false);
        m_last->setText(tr("Backing up…"));
    });
    connect(scheduler, &backup::BackupScheduler::finished, this, &BackupCard::backupFinished);
}

void BackupCard::backupFinished(const QString& error) {
    Q_UNUSED(error); // recorded as the last attempt: refresh() shows it
    m_backUp->setEnabled(true);
    refresh();
}

void BackupCard::chooseFolder(const QString& folder) {
    if (m_databaseFile.isEmpty())
        return;
    backup::BackupSettings(m_databaseFile).setFolder(folder);
    refresh();
}

void BackupCard::refresh() {
    if (m_databaseFile.isEmpty())
        return;
    const backup::BackupSettings settings(m_databaseFile);
    m_folder->setText(
        settings.hasChosenFolder()
            ? tr("Folder: %1").arg(QDir::toNativeSeparators(settings.folder()))
            : tr("Folder: %1 (the default)").arg(QDir::toNativeSeparators(settings.folder())));
    m_default->setEnabled(settings.hasChosenFolder());
    const auto now = m_session->clock().now();
    const backup::BackupAttempt good = settings.lastGood();
    if (!good.at.isValid())
        m_last->setText(tr("No backup yet."));
    else
        m_last->setText(tr("Last backup: %1 (%2), %3 — %4")
                            .arg(models::TimeText::ago(good.at, now),
                                 QLocale().toString(good.at.toLocalTime(), QLocale::ShortFormat),
                                 QLocale().formattedDataSize(good.size),
                                 QDir::toNativeSeparators(good.file)));
    const backup::BackupAttempt last = settings.lastAttempt();
    const bool failed = last.at.isValid() && !last.ok;
    m_error->setText(failed ? tr("The last backup failed (%1): %2")
                                  .arg(models::TimeText::ago(last.at, now), last.error)
                            : QString());
    m_error->setVisible(failed);
}

QString BackupCard::folderText() const {
    return m_folder->text();
}
QString BackupCard::lastBackupText() const {
    return m_last->text();
}
QString BackupCard::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace slotdesk::ui
