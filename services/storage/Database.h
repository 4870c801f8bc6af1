#pragma once
// Database: one open SlotDesk database — the SQLite file in the data directory — with its
// pragmas set and its schema migrated to the version this binary knows. One instance per thread.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace slotdesk::storage {

class Database {
public:
    static constexpr auto kFileName = "slotdesk.sqlite";

    // Opens (creating if needed) `filePath`, refuses a schema newer than this binary without
    // touching the file, and applies pending migrations.
    static Result<std::unique_ptr<Database>> openFile(const QString& filePath);
    // openFile() on `dataDir`/slotdesk.sqlite, creating the directory.
    static Result<std::unique_ptr<Database>> openInDirectory(const QString& dataDir);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] QSqlDatabase connection() const {
        return QSqlDatabase::database(m_connectionName, false);
    }
    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] int schemaVersion() const;
    // A value that changes whenever anyone — this connection or another process — commits a
    // change to the database. Caches compare it to know they are stale.
    [[nodiscard]] Result<qint64> changeStamp() const;

private:
    Database(QString connectionName, QString filePath);

    QString m_connectionName;
    QString m_filePath;
};

// The directory SlotDesk keeps its data in: `option` if given, else $SLOTDESK_DATA_DIR, else the
// platform's application data location (e.g. ~/.local/share/SlotDesk on Linux).
QString resolveDataDirectory(const QString& option);

} // namespace slotdesk::storage
