#include "backup/BackupFolder.h"

#include "storage/SqliteBackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace slotdesk::backup {
namespace {

const QString kStampFormat = QStringLiteral("yyyyMMdd'T'HHmmsszzz");

QString fileNameFor(const QString& kind, const QDateTime& at) {
    return QStringLiteral("slotdesk-%1Z-%2.sqlite").arg(at.toUTC().toString(kStampFormat), kind);
}

} // namespace

Status BackupFolder::ensureExists() const {
    const QFileInfo info(m_path);
    if (info.isDir())
        return success();
    if (info.exists())
        return Error::validation(
            QStringLiteral("folder"),
            QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(m_path)));
    if (!QDir().mkpath(info.absolutePath()) ||
        (!QDir().mkdir(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) &&
         !QFileInfo(m_path).isDir()))
        return Error::storage(QStringLiteral("Cannot create the backup folder %1")
                                  .arg(QDir::toNativeSeparators(m_path)));
    return success();
}

QString BackupFolder::newFilePath(const QString& kind, const QDateTime& at) const {
    const QDir dir(m_path);
    // Two backups in the same millisecond (a test's clock that stands still) get the next one.
    QDateTime stamp = at.toUTC();
    while (QFileInfo::exists(dir.filePath(fileNameFor(kind, stamp))) ||
           QFileInfo::exists(
               dir.filePath(u'.' + fileNameFor(kind, stamp) + QStringLiteral(".partial"))))
        stamp = stamp.addMSecs(1);
    return dir.filePath(fileNameFor(kind, stamp));
}

QList<BackupFile> BackupFolder::list() const {
    static const QRegularExpression pattern(
        QStringLiteral("^slotdesk-(\\d{8}T\\d{9})Z-([a-z0-9-]+)\\.sqlite$"));
    QList<BackupFile> backups;
    const auto entries = QDir(m_path).entryInfoList({QStringLiteral("slotdesk-*.sqlite")},
                                                    QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        const auto match = pattern.match(entry.fileName());
        if (!match.hasMatch() || storage::SqliteBackup::isPartial(entry.fileName()))
            continue;
        QDateTime at = QDateTime::fromString(match.captured(1), kStampFormat);
        if (!at.isValid())
            continue;
        at.setTimeSpec(Qt::UTC);
        backups.append({entry.absoluteFilePath(), at, match.captured(2), entry.size()});
    }
    std::sort(backups.begin(), backups.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.path > b.path;
    });
    return backups;
}

} // namespace slotdesk::backup
