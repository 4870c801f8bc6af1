#pragma once
// Migrations: the schema as an ordered list of versioned steps. Each step runs in one write
// transaction together with its row in `schema_version`, so a step is applied wholly or not at
// all, and two processes opening a fresh database at once apply it once.

#include "core/Result.h"

#include <QSqlDatabase>

#include <functional>

namespace slotdesk::storage {

class Migrations {
public:
    // The newest schema version this binary knows.
    [[nodiscard]] static int latestVersion();
    // The version recorded in the database; 0 for an empty database.
    [[nodiscard]] static int currentVersion(const QSqlDatabase& db);
    // SchemaTooNew when the database was written by a newer SlotDesk. Reads only.
    [[nodiscard]] static Status checkCompatible(const QSqlDatabase& db);
    // Called once before the first step is applied to a database that already has a schema
    // (`fromVersion` >= 1), e.g. to back it up; an error stops the migration with nothing changed.
    using BeforeMigrating =
        std::function<Status(const QSqlDatabase& db, int fromVersion, int toVersion)>;

    // Applies the steps up to `targetVersion` (0 = all) that the database lacks.
    [[nodiscard]] static Status migrate(const QSqlDatabase& db, int targetVersion = 0,
                                        const BeforeMigrating& beforeMigrating = {});
};

} // namespace slotdesk::storage
