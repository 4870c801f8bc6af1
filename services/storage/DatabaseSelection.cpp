#include "storage/DatabaseSelection.h"

#include "storage/DatabasePassword.h"
#include "storage/DatabaseUrl.h"

#include <QDir>
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

Result<std::unique_ptr<Database>> openSelectedDatabase(const QString& databaseOption,
                                                       const QString& dataDirOption) {
    const QString url = selectedUrl(databaseOption, dataDirOption);
    if (!url.isEmpty()) {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed)
            return parsed.error();
        if (parsed->password.isEmpty())
            parsed->password = DatabasePassword::fromKeychain(*parsed);
        return Database::openPostgres(*parsed);
    }
    return Database::openInDirectory(resolveDataDirectory(dataDirOption));
}

} // namespace slotdesk::storage
