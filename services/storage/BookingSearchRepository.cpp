#include "storage/BookingSearchRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

// Every filter is a parameter (NULL when unset), so no input ever becomes statement text. The
// CASTs give PostgreSQL a type for a parameter that is only tested for NULL; lower() on both
// sides makes the search case-insensitive on both engines (LIKE is case-sensitive on
// PostgreSQL).
const QString kWhere = QStringLiteral(
    "WHERE user_id = ? AND (CAST(? AS TEXT) IS NULL OR status = ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR start_time >= ?) "
    "AND (CAST(? AS BIGINT) IS NULL OR start_time < ?) "
    "AND (CAST(? AS TEXT) IS NULL OR lower(attendee_name) LIKE ? ESCAPE '\\' "
    "OR lower(attendee_email) LIKE ? ESCAPE '\\' OR lower(notes) LIKE ? ESCAPE '\\')");

// lower() folds only A-Z on SQLite but every letter on PostgreSQL: fold the pattern the same way
// the column is folded, so that "Élodie" finds "Élodie" on both (and "élodie" on PostgreSQL).
QString foldLikeTheEngine(const QString& text, const QSqlDatabase& db) {
    if (db.driverName() != QLatin1String("QSQLITE"))
        return text.toLower();
    QString folded = text;
    for (QChar& c : folded) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return folded;
}

QVariantList whereParams(const QString& userId, const BookingSearch& search,
                         const QSqlDatabase& db) {
    const QVariant noText(QMetaType::fromType<QString>());
    const QVariant status = search.status ? QVariant(toText(*search.status)) : noText;
    QVariant pattern = noText;
    if (!search.text.trimmed().isEmpty()) {
        QString escaped = foldLikeTheEngine(search.text.trimmed(), db);
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QVariant(QLatin1Char('%') + escaped + QLatin1Char('%'));
    }
    return {userId,
            status,
            status,
            toDb(search.startsFrom),
            toDb(search.startsFrom),
            toDb(search.startsBefore),
            toDb(search.startsBefore),
            pattern,
            pattern,
            pattern,
            pattern};
}

// A fixed fragment per order: the statement text depends on an enum, never on input.
QString orderBy(const BookingSearch& search) {
    const QString dir = search.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString key;
    switch (search.order) {
    case BookingSearch::Order::Start:
        key = QStringLiteral("start_time %1, id %1");
        break;
    case BookingSearch::Order::Length:
        key = QStringLiteral("end_time - start_time %1, start_time, id");
        break;
    case BookingSearch::Order::Attendee:
        key = QStringLiteral("lower(attendee_name) %1, start_time, id");
        break;
    case BookingSearch::Order::Email:
        key = QStringLiteral("lower(attendee_email) %1, start_time, id");
        break;
    case BookingSearch::Order::Status:
        key = QStringLiteral("status %1, start_time, id");
        break;
    }
    return key.arg(dir);
}

} // namespace

Result<QVector<BookingSummary>> BookingSearchRepository::page(const QString& userId,
                                                              const BookingSearch& search,
                                                              int offset, int limit) {
    QVariantList params = whereParams(userId, search, m_db);
    params << limit << offset;
    auto q = exec(m_db,
                  QStringLiteral("SELECT id, start_time, end_time, attendee_name, attendee_email, "
                                 "notes, status, timezone, updated_at FROM bookings %1 "
                                 "ORDER BY %2 LIMIT ? OFFSET ?")
                      .arg(kWhere, orderBy(search)),
                  params);
    if (!q)
        return q.error();
    QVector<BookingSummary> rows;
    rows.reserve(limit);
    while (q->next()) {
        BookingSummary row;
        RowReader columns(*q);
        columns.read(row.id, row.startTime, row.endTime, row.attendeeName, row.attendeeEmail,
                     row.notes);
        row.status =
            bookingStatusFromString(columns.next().toString()).value_or(BookingStatus::Pending);
        columns.read(row.timeZone, row.updatedAt);
        rows.append(std::move(row));
    }
    return rows;
}

Result<int> BookingSearchRepository::count(const QString& userId, const BookingSearch& search) {
    auto q = exec(m_db, QStringLiteral("SELECT COUNT(*) FROM bookings %1").arg(kWhere),
                  whereParams(userId, search, m_db));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(QStringLiteral("Cannot count the bookings"));
    return q->value(0).toInt();
}

} // namespace slotdesk::storage
