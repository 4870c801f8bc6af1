#include "storage/AvailabilityRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {

Result<AvailabilityBlock> AvailabilityRepository::create(AvailabilityBlock block) {
    block.id = newId();
    block.createdAt = block.updatedAt = m_clock.now();
    if (auto s = execNoRows(
            m_db,
            QStringLiteral(
                "INSERT INTO availability_blocks (id, user_id, day_of_week, start_minute, "
                "end_minute, timezone, is_active, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {block.id, block.userId, block.dayOfWeek, block.startMinute, block.endMinute,
             block.timeZone, block.isActive ? 1 : 0, toDb(block.createdAt), toDb(block.updatedAt)});
        !s)
        return s.error();
    return block;
}

Result<AvailabilityBlock> AvailabilityRepository::update(AvailabilityBlock block) {
    block.updatedAt = m_clock.now();
    auto q =
        exec(m_db,
             QStringLiteral("UPDATE availability_blocks SET day_of_week = ?, start_minute = ?, "
                            "end_minute = ?, timezone = ?, is_active = ?, updated_at = ? "
                            "WHERE id = ? AND user_id = ?"),
             {block.dayOfWeek, block.startMinute, block.endMinute, block.timeZone,
              block.isActive ? 1 : 0, toDb(block.updatedAt), block.id, block.userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("No availability block with id %1").arg(displayValue(block.id)));
    return block;
}

Status AvailabilityRepository::remove(const QString& userId, const QString& id) {
    auto q =
        exec(m_db, QStringLiteral("DELETE FROM availability_blocks WHERE id = ? AND user_id = ?"),
             {id, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("No availability block with id %1").arg(displayValue(id)));
    return success();
}

Result<int> AvailabilityRepository::clear(const QString& userId) {
    auto q =
        exec(m_db, QStringLiteral("DELETE FROM availability_blocks WHERE user_id = ?"), {userId});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<QVector<AvailabilityBlock>> AvailabilityRepository::list(const QString& userId,
                                                                bool activeOnly) {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT id, user_id, day_of_week, start_minute, end_minute, timezone, "
                            "is_active, created_at, updated_at FROM availability_blocks "
                            "WHERE user_id = ? AND (is_active = 1 OR ? = 0) "
                            "ORDER BY day_of_week, start_minute, end_minute, id"),
             {userId, activeOnly ? 1 : 0}),
        [](const QSqlQuery& q) {
            AvailabilityBlock b;
            RowReader(q).read(b.id, b.userId, b.dayOfWeek, b.startMinute, b.endMinute, b.timeZone,
                              b.isActive, b.createdAt, b.updatedAt);
            return b;
        });
}

} // namespace slotdesk::storage
