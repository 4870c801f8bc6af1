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
    auto q =
        exec(m_db,
             QStringLiteral("SELECT id, user_id, day_of_week, start_minute, end_minute, timezone, "
                            "is_active, created_at, updated_at FROM availability_blocks "
                            "WHERE user_id = ? AND (is_active = 1 OR ? = 0) "
                            "ORDER BY day_of_week, start_minute, end_minute, id"),
             {userId, activeOnly ? 1 : 0});
    if (!q)
        return q.error();
    QVector<AvailabilityBlock> blocks;
    while (q->next()) {
        AvailabilityBlock b;
        b.id = q->value(0).toString();
        b.userId = q->value(1).toString();
        b.dayOfWeek = q->value(2).toInt();
        b.startMinute = q->value(3).toInt();
        b.endMinute = q->value(4).toInt();
        b.timeZone = q->value(5).toString();
        b.isActive = q->value(6).toInt() != 0;
        b.createdAt = instantFromDb(q->value(7));
        b.updatedAt = instantFromDb(q->value(8));
        blocks.append(b);
    }
    return blocks;
}

} // namespace slotdesk::storage
