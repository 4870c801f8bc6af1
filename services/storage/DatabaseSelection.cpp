#include "storage/DatabaseSelection.h"

#include "storage/DatabasePassword.h"
#include "storage/DatabaseUrl.h"

namespace slotdesk::storage {

Result<std::unique_ptr<Database>> openSelectedDatabase(const QString& databaseOption,
                                                       const QString& dataDirOption) {
    QString url = databaseOption;
    if (url.isEmpty() && dataDirOption.isEmpty())
        url = resolveDatabaseUrl({}, DatabasePassword::savedUrl());
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
