#pragma once
// BackupFolder: the backups in one folder, named
// `slotdesk-<UTC yyyyMMddTHHmmsszzz>Z-<kind>.sqlite` (kind: daily, manual, pre-migration-vN,
// pre-restore), so that listing them needs no index that could disagree with the files. Partial
// copies (hidden, ".partial") and anything else in the folder are not backups.

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace slotdesk::backup {

struct BackupFile {
    QString path;
    QDateTime takenAt; // UTC, from the name
    QString kind;
    qint64 size = 0;
};

class BackupFolder {
public:
    explicit BackupFolder(QString path)
        : m_path(std::move(path)) {}

    [[nodiscard]] QString path() const { return m_path; }
    // Creates it (owner-only, 0700) if missing.
    [[nodiscard]] Status ensureExists() const;
    // A name for a new backup of `kind` taken `at` that no file in the folder has yet.
    [[nodiscard]] QString newFilePath(const QString& kind, const QDateTime& at) const;
    // The finished backups, newest first.
    [[nodiscard]] QList<BackupFile> list() const;

private:
    QString m_path;
};

} // namespace slotdesk::backup
