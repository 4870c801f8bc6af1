#pragma once
// AdminDataTransfer: everything of one admin as one JSON document (docs/BACKUP.md, "Export
// format", version 3; versions 1 and 2 are still read) and back — the way from a laptop's SQLite
// file to a team's PostgreSQL database. One array per table, rows in key order with the table's
// columns in camelCase and values as the database holds them (instants are Unix epoch
// milliseconds, UTC), so the same data gives the same file on either engine. Tokens are never in
// it: they live in the OS keychain only; a calendar's sync cursor and HTTP validators are left
// out too (the next sync starts afresh). Work queues (calendar writes, the mail outbox) and the
// cache of calendar busy times are not data to move and are not exported.

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <utility>

namespace slotdesk::storage {

class AdminDataTransfer {
public:
    static constexpr int kFormatVersion = 3;

    struct Entry {
        QString table;
        QString key;
        bool added = false; // false: skipped, that key is in the database already
    };

    // The admin `userId`'s data; `exportedAt` is recorded in the document.
    static Result<QJsonObject> exportAdmin(const QSqlDatabase& db, const QString& userId,
                                           const QDateTime& exportedAt);
    // Adds the document's rows in one write transaction. Into a database without admins, unless
    // `merge`: then rows whose key exists are skipped (and reported so). `dryRun`: decides and
    // reports the same, changes nothing.
    static Result<QList<Entry>> importAdmin(const QSqlDatabase& db, const QJsonObject& document,
                                            bool merge, bool dryRun);
    // What an export holds: each table's name with its columns (the database's names), in the
    // document's order. tst_export compares it with the live schema.
    static QList<std::pair<QString, QStringList>> exportedColumns();
};

} // namespace slotdesk::storage
