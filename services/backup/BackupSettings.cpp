#include "backup/BackupSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace slotdesk::backup {
namespace {

const QString kFolder = QStringLiteral("folder");

BackupAttempt readAttempt(const QSettings& settings, const QString& group) {
    BackupAttempt a;
    const QString prefix = group + u'/';
    a.at = QDateTime::fromString(settings.value(prefix + QStringLiteral("at")).toString(),
                                 Qt::ISODateWithMs);
    a.ok = settings.value(prefix + QStringLiteral("ok")).toBool();
    a.kind = settings.value(prefix + QStringLiteral("kind")).toString();
    a.file = settings.value(prefix + QStringLiteral("file")).toString();
    a.size = settings.value(prefix + QStringLiteral("size")).toLongLong();
    a.error = settings.value(prefix + QStringLiteral("error")).toString();
    return a;
}

void writeAttempt(QSettings& settings, const QString& group, const BackupAttempt& a) {
    const QString prefix = group + u'/';
    settings.setValue(prefix + QStringLiteral("at"), a.at.toUTC().toString(Qt::ISODateWithMs));
    settings.setValue(prefix + QStringLiteral("ok"), a.ok);
    settings.setValue(prefix + QStringLiteral("kind"), a.kind);
    settings.setValue(prefix + QStringLiteral("file"), a.file);
    settings.setValue(prefix + QStringLiteral("size"), a.size);
    settings.setValue(prefix + QStringLiteral("error"), a.error);
}

} // namespace

BackupSettings::BackupSettings(const QString& databaseFile)
    : m_dataDir(QFileInfo(databaseFile).absolutePath())
    , m_file(QDir(m_dataDir).filePath(QStringLiteral("backup.ini"))) {}

QString BackupSettings::defaultFolder() const {
    return QDir(m_dataDir).filePath(QStringLiteral("backups"));
}

QString BackupSettings::folder() const {
    const QString chosen = QSettings(m_file, QSettings::IniFormat).value(kFolder).toString();
    return chosen.isEmpty() ? defaultFolder() : chosen;
}

bool BackupSettings::hasChosenFolder() const {
    return !QSettings(m_file, QSettings::IniFormat).value(kFolder).toString().isEmpty();
}

void BackupSettings::setFolder(const QString& folder) {
    QSettings settings(m_file, QSettings::IniFormat);
    if (folder.isEmpty())
        settings.remove(kFolder);
    else
        settings.setValue(kFolder, QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
}

BackupAttempt BackupSettings::lastAttempt() const {
    return readAttempt(QSettings(m_file, QSettings::IniFormat), QStringLiteral("last"));
}

BackupAttempt BackupSettings::lastGood() const {
    return readAttempt(QSettings(m_file, QSettings::IniFormat), QStringLiteral("lastGood"));
}

void BackupSettings::record(const BackupAttempt& attempt) {
    QSettings settings(m_file, QSettings::IniFormat);
    writeAttempt(settings, QStringLiteral("last"), attempt);
    if (attempt.ok)
        writeAttempt(settings, QStringLiteral("lastGood"), attempt);
}

} // namespace slotdesk::backup
