#pragma once
// Small helpers every repository shares: parameterised execution with errors as values, and the
// one documented representation of instants in the database — Unix epoch milliseconds, UTC.

#include "core/Result.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace slotdesk::storage {

// The two engines SlotDesk stores its data in: a SQLite file on one desktop, or a PostgreSQL
// database a team shares.
enum class SqlDialect { SQLite, PostgreSQL };
SqlDialect dialectOf(const QSqlDatabase& db);

// Prepares `sql`, binds `params` positionally ("?") and executes it. Never interpolate values
// into `sql`: everything variable goes through `params`.
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params = {});
// exec() for statements whose result rows don't matter.
Status execNoRows(const QSqlDatabase& db, const QString& sql, const QVariantList& params = {});
// Runs one constant statement as it is, unprepared and without parameters: for what PostgreSQL
// cannot prepare (BEGIN, COMMIT, CREATE TABLE, ...), and to save a round trip.
Status execDirect(const QSqlDatabase& db, const QString& sql);

QVariant toDb(const QDateTime& instant); // NULL for an invalid QDateTime
QDateTime instantFromDb(const QVariant& value);
QVariant toDb(const QString& optionalText); // NULL for an empty string
QString newId();                            // random (v4) UUID without braces

} // namespace slotdesk::storage
