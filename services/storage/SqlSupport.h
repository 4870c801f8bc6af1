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
#include <QVector>

#include <optional>
#include <type_traits>

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
// Whether `error` (from exec) is the engine's "busy/locked, try again".
bool isBusy(const Error& error);
// Runs one constant statement as it is, unprepared and without parameters: for what PostgreSQL
// cannot prepare (BEGIN, COMMIT, CREATE TABLE, ...), and to save a round trip.
Status execDirect(const QSqlDatabase& db, const QString& sql);

QVariant toDb(const QDateTime& instant); // NULL for an invalid QDateTime
QDateTime instantFromDb(const QVariant& value);
QVariant toDb(const QString& optionalText); // NULL for an empty string
QString newId();                            // random (v4) UUID without braces

// A row about to be inserted: its id, unless the caller chose one, and created_at = updated_at
// = `now`.
template <typename Row> void stampNew(Row& row, const QDateTime& now) {
    if (row.id.isEmpty())
        row.id = newId();
    row.createdAt = row.updatedAt = now;
}

// Reads the columns of a query's current row in order (the order of the SELECT), into fields
// whose type says how: QString (text), int, qint64, bool (an INTEGER 0/1), QDateTime (epoch
// milliseconds, UTC), QDate (ISO text), std::optional<int> (NULL: none). A column read another
// way (an enum stored as its word) is taken with next().
class RowReader {
public:
    explicit RowReader(const QSqlQuery& q)
        : m_q(q) {}

    template <typename... Fields> void read(Fields&... fields) { (readInto(fields), ...); }
    // The next column as it is.
    QVariant next() { return m_q.value(m_column++); }

private:
    void readInto(QString& field) { field = next().toString(); }
    void readInto(int& field) { field = next().toInt(); }
    void readInto(qint64& field) { field = next().toLongLong(); }
    void readInto(bool& field) { field = next().toInt() != 0; }
    void readInto(QDateTime& field) { field = instantFromDb(next()); }
    void readInto(QDate& field) { field = QDate::fromString(next().toString(), Qt::ISODate); }
    void readInto(std::optional<int>& field) {
        const QVariant value = next();
        field = value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
    }

    const QSqlQuery& m_q;
    int m_column = 0;
};

// Every row `q` returned, each read by `read` (a function of the query on that row); or the
// error that kept `q` from running.
template <typename Read>
auto readRows(Result<QSqlQuery> q, Read read)
    -> Result<QVector<std::invoke_result_t<Read&, const QSqlQuery&>>> {
    if (!q)
        return q.error();
    QVector<std::invoke_result_t<Read&, const QSqlQuery&>> rows;
    while (q->next())
        rows.append(read(*q));
    return rows;
}

// The first row `q` returned, read by `read`; std::nullopt when there is none.
template <typename Read>
auto readFirst(Result<QSqlQuery> q, Read read)
    -> Result<std::optional<std::invoke_result_t<Read&, const QSqlQuery&>>> {
    using Row = std::invoke_result_t<Read&, const QSqlQuery&>;
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Row>();
    return std::optional<Row>(read(*q));
}

} // namespace slotdesk::storage
