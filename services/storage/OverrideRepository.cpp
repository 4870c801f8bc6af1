#include "storage/OverrideRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

QVariant optionalInt(const std::optional<int>& value) {
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

QVariant dateOrNull(const QDate& date) {
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType::fromType<QString>());
}

} // namespace

Result<AvailabilityOverride> OverrideRepository::create(AvailabilityOverride e) {
    e.id = newId();
    e.createdAt = e.updatedAt = m_clock.now();
    if (auto s = execNoRows(
            m_db,
            QStringLiteral("INSERT INTO date_overrides (id, user_id, local_date, timezone, "
                           "start_minute, end_minute, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {e.id, e.userId, e.date.toString(Qt::ISODate), e.timeZone, optionalInt(e.startMinute),
             optionalInt(e.endMinute), toDb(e.createdAt), toDb(e.updatedAt)});
        !s)
        return s.error();
    return e;
}

Status OverrideRepository::remove(const QString& userId, const QString& id) {
    auto q = exec(m_db, QStringLiteral("DELETE FROM date_overrides WHERE id = ? AND user_id = ?"),
                  {id, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("No override with id %1").arg(displayValue(id)));
    return success();
}

Result<int> OverrideRepository::removeDate(const QString& userId, const QDate& date) {
    auto q = exec(m_db,
                  QStringLiteral("DELETE FROM date_overrides WHERE user_id = ? AND local_date = ?"),
                  {userId, date.toString(Qt::ISODate)});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<QVector<AvailabilityOverride>> OverrideRepository::list(const QString& userId,
                                                               const QDate& from, const QDate& to) {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT id, user_id, local_date, timezone, start_minute, end_minute, "
                            "created_at, updated_at FROM date_overrides WHERE user_id = ? "
                            "AND (CAST(? AS TEXT) IS NULL OR local_date >= ?) "
                            "AND (CAST(? AS TEXT) IS NULL OR local_date <= ?) "
                            "ORDER BY local_date, start_minute, id"),
             {userId, dateOrNull(from), dateOrNull(from), dateOrNull(to), dateOrNull(to)}),
        [](const QSqlQuery& q) {
            AvailabilityOverride e;
            RowReader(q).read(e.id, e.userId, e.date, e.timeZone, e.startMinute, e.endMinute,
                              e.createdAt, e.updatedAt);
            return e;
        });
}

} // namespace slotdesk::storage
