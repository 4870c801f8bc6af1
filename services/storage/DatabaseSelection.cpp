#include "storage/DatabaseSelection.h"

#include "storage/DatabasePassword.h"
#include "storage/DatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace slotdesk::storage {

namespace {

QString selectedUrl(const QString& databaseOption, const QString& dataDirOption) {
    QString url = databaseOption;
    if (url.isEmpty() && dataDirOption.isEmpty())
        url = resolveDatabaseUrl({}, DatabasePassword::savedUrl());
    return url;
}

} // namespace

QString selectedDatabaseKey(const QString& databaseOption, const QString& dataDirOption) {
    if (const QString url = selectedUrl(databaseOption, dataDirOption); !url.isEmpty()) {
        auto parsed = DatabaseUrl::parse(url);
        return parsed ? parsed->masked() : url.section(u'@', -1);
    }
    const QString dir = resolveDataDirectory(dataDirOption);
    const QFileInfo info(dir);
    return info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
}

QString selectedSqliteFile(const QString& databaseOption, const QString& dataDirOption) {
    if (!selectedUrl(databaseOption, dataDirOption).isEmpty())
        return {};
    return QDir(resolveDataDirectory(dataDirOption))
        .filePath(QString::fromLatin1(Database::kFileName));
}

Result<std::unique_ptr<Database>>
openSelectedDatabase(const QString& databaseOption, const QString& dataDirOption,
                     const Migrations::BeforeMigrating& beforeMigrating) {
    const QString url = selectedUrl(databaseOption, dataDirOption);
    if (!url.isEmpty()) {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed)
            return parsed.error();
        if (parsed->password.isEmpty())
            parsed->password = DatabasePassword::fromKeychain(*parsed);
        return Database::openPostgres(*parsed);
    }
    const QString dataDir = resolveDataDirectory(dataDirOption);
    if (dataDirOption.isEmpty() && qEnvironmentVariableIsEmpty("SLOTDESK_DATA_DIR")) {
        // SlotDesk's own folder in the application data location, which older versions made
        // 0755: nothing else lives there, so it is made private like a new one (0700).
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        if (const auto permissions = QFile::permissions(dataDir);
            QFileInfo(dataDir).isDir() && (permissions & others))
            QFile::setPermissions(dataDir, permissions & ~others);
    }
    return Database::openInDirectory(dataDir, beforeMigrating);
}

} // namespace slotdesk::storage
