#pragma once
// Which database a SlotDesk process opens — the same rule for the window and slotdesk-cli:
// --database URL, else (unless --data-dir was given) $SLOTDESK_DATABASE_URL, else the GUI's
// database/url setting; a PostgreSQL URL without a password looks in the OS keychain. Without
// a URL: SQLite in --data-dir, $SLOTDESK_DATA_DIR or the application data folder.

#include "core/Result.h"
#include "storage/Database.h"

#include <memory>

namespace slotdesk::storage {

// `beforeMigrating` runs before a SQLite file with an older schema is upgraded (the
// pre-upgrade backup); PostgreSQL's backups belong to its server.
Result<std::unique_ptr<Database>>
openSelectedDatabase(const QString& databaseOption, const QString& dataDirOption,
                     const Migrations::BeforeMigrating& beforeMigrating = {});

// The SQLite file the same options select, without opening it; empty when they select
// PostgreSQL.
QString selectedSqliteFile(const QString& databaseOption, const QString& dataDirOption);

// What the same options select, as a stable name (without opening anything): the PostgreSQL
// URL without its password, or the SQLite data directory's canonical path. Two launches that
// would open the same database get the same name.
QString selectedDatabaseKey(const QString& databaseOption, const QString& dataDirOption);

} // namespace slotdesk::storage
