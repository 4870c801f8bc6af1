#pragma once
// DatabaseUrl: where a team's PostgreSQL database is —
// postgresql://user[:password]@host[:port]/dbname[?sslmode=require&...] — parsed, checked, and
// printable without its password. The password is kept only in memory: masked() is the form
// for logs and messages, keychainKey() names its OS keychain entry.

#include "core/Result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace slotdesk::storage {

struct DatabaseUrl {
    static constexpr int kDefaultPort = 5432;

    QString user;
    QString password; // empty: libpq's PGPASSFILE / ~/.pgpass, or the keychain (the caller's)
    QString host;
    int port = kDefaultPort;
    QString databaseName;
    // libpq connection parameters from the query string (sslmode, sslrootcert, options, ...).
    QList<QPair<QString, QString>> parameters;

    // Whether `text` names a PostgreSQL database (postgresql:// or postgres://).
    static bool isPostgresUrl(const QString& text);
    // Validation error (field "database") naming what is wrong; never echoes the password.
    static Result<DatabaseUrl> parse(const QString& text);

    // postgresql://user:***@host:port/dbname?... — safe to log or show.
    [[nodiscard]] QString masked() const;
    // postgresql/<user>@<host>:<port>/<db>: the keychain entry (service "SlotDesk") that may
    // hold the password.
    [[nodiscard]] QString keychainKey() const;
    // The parameters as QPSQL connect options (libpq conninfo pairs, quoted).
    [[nodiscard]] QString connectOptions() const;
};

// The database URL to use, if any: `option` (--database), else $SLOTDESK_DATABASE_URL, else
// `setting` (QSettings database/url). Empty: SQLite in the data directory.
QString resolveDatabaseUrl(const QString& option, const QString& setting = {});

} // namespace slotdesk::storage
