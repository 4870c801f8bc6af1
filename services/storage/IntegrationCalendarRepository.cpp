#include "storage/IntegrationCalendarRepository.h"

#include "storage/SqlSupport.h"

#include <QRegularExpression>

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "c.id, c.integration_id, c.remote_id, c.display_name, c.color, c.blocks_time, "
    "c.receives_bookings, c.sync_token, c.ctag, c.last_sync_at, c.created_at, c.updated_at");

// The user's calendars: those of their integrations.
const QString kOfUser = QStringLiteral(
    "c.integration_id IN (SELECT i.id FROM calendar_integrations i WHERE i.user_id = ?)");

IntegrationCalendar readCalendar(const QSqlQuery& q) {
    IntegrationCalendar c;
    RowReader(q).read(c.id, c.integrationId, c.remoteId, c.displayName, c.color, c.blocksTime,
                      c.receivesBookings, c.syncToken, c.ctag, c.lastSyncAt, c.createdAt,
                      c.updatedAt);
    return c;
}

Error noSuchCalendar(const QString& id) {
    return Error::notFound(QStringLiteral("No calendar with id %1").arg(displayValue(id)));
}

// A change of one row: not found when no row matched.
Status changedOne(Result<QSqlQuery> q, const QString& id) {
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return noSuchCalendar(id);
    return success();
}

} // namespace

bool isCalendarColor(const QString& color) {
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return color.isEmpty() || hex.match(color).hasMatch();
}

Result<IntegrationCalendar> IntegrationCalendarRepository::create(IntegrationCalendar c) {
    if (!isCalendarColor(c.color))
        return Error::validation(
            QStringLiteral("color"),
            QStringLiteral("must be #rrggbb, not %1").arg(displayValue(c.color)));
    stampNew(c, m_clock.now());
    if (auto s = execNoRows(
            m_db,
            QStringLiteral("INSERT INTO integration_calendars (id, integration_id, remote_id, "
                           "display_name, color, blocks_time, receives_bookings, sync_token, ctag, "
                           "last_sync_at, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"),
            {c.id, c.integrationId, c.remoteId, toDb(c.displayName), toDb(c.color),
             c.blocksTime ? 1 : 0, toDb(c.syncToken), toDb(c.ctag), toDb(c.lastSyncAt),
             toDb(c.createdAt), toDb(c.updatedAt)});
        !s)
        return s.error();
    if (c.receivesBookings) {
        auto q = exec(
            m_db, QStringLiteral("SELECT i.user_id FROM calendar_integrations i WHERE i.id = ?"),
            {c.integrationId});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(QStringLiteral("No calendar integration with id %1")
                                       .arg(displayValue(c.integrationId)));
        const QString userId = q->value(0).toString();
        q->finish();
        if (auto s = setReceivesBookings(userId, c.id, true); !s)
            return s.error();
    }
    return c;
}

Status IntegrationCalendarRepository::updateDetails(const QString& integrationId, const QString& id,
                                                    const QString& displayName,
                                                    const QString& color) {
    if (!isCalendarColor(color))
        return Error::validation(
            QStringLiteral("color"),
            QStringLiteral("must be #rrggbb, not %1").arg(displayValue(color)));
    return changedOne(exec(m_db,
                           QStringLiteral("UPDATE integration_calendars SET display_name = ?, "
                                          "color = ?, updated_at = ? "
                                          "WHERE id = ? AND integration_id = ?"),
                           {toDb(displayName), toDb(color), m_clock.nowMs(), id, integrationId}),
                      id);
}

Status IntegrationCalendarRepository::setBlocksTime(const QString& userId, const QString& id,
                                                    bool blocksTime) {
    return changedOne(exec(m_db,
                           QStringLiteral("UPDATE integration_calendars SET blocks_time = ?, "
                                          "updated_at = ? WHERE id = ? AND integration_id IN "
                                          "(SELECT i.id FROM calendar_integrations i "
                                          "WHERE i.user_id = ?)"),
                           {blocksTime ? 1 : 0, m_clock.nowMs(), id, userId}),
                      id);
}

Status IntegrationCalendarRepository::setReceivesBookings(const QString& userId, const QString& id,
                                                          bool receives) {
    auto found = findById(userId, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return noSuchCalendar(id);
    if (!receives)
        return execNoRows(m_db,
                          QStringLiteral("UPDATE integration_calendars SET receives_bookings = 0, "
                                         "updated_at = ? WHERE id = ? AND receives_bookings = 1"),
                          {m_clock.nowMs(), id});
    // One statement moves the flag: there is no moment with two calendars receiving bookings,
    // whoever else writes.
    return execNoRows(
        m_db,
        QStringLiteral("UPDATE integration_calendars SET receives_bookings = CASE WHEN id = ? "
                       "THEN 1 ELSE 0 END, updated_at = ? WHERE (receives_bookings = 1 OR id = ?) "
                       "AND integration_id IN (SELECT i.id FROM calendar_integrations i "
                       "WHERE i.user_id = ?)"),
        {id, m_clock.nowMs(), id, userId});
}

Status IntegrationCalendarRepository::recordSync(const QString& integrationId, const QString& id,
                                                 const QString& syncToken, const QString& ctag,
                                                 const QDateTime& syncedAt) {
    return changedOne(
        exec(m_db,
             QStringLiteral("UPDATE integration_calendars SET sync_token = ?, "
                            "ctag = ?, last_sync_at = ?, updated_at = ? "
                            "WHERE id = ? AND integration_id = ?"),
             {toDb(syncToken), toDb(ctag), toDb(syncedAt), m_clock.nowMs(), id, integrationId}),
        id);
}

Result<std::optional<IntegrationCalendar>>
IntegrationCalendarRepository::findById(const QString& userId, const QString& id) {
    return readFirst(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM integration_calendars c WHERE c.id = ? AND %2")
                 .arg(kColumns, kOfUser),
             {id, userId}),
        readCalendar);
}

Result<std::optional<IntegrationCalendar>>
IntegrationCalendarRepository::findByRemoteId(const QString& integrationId,
                                              const QString& remoteId) {
    return readFirst(exec(m_db,
                          QStringLiteral("SELECT %1 FROM integration_calendars c "
                                         "WHERE c.integration_id = ? AND c.remote_id = ?")
                              .arg(kColumns),
                          {integrationId, remoteId}),
                     readCalendar);
}

Result<QVector<IntegrationCalendar>>
IntegrationCalendarRepository::list(const QString& integrationId) {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM integration_calendars c WHERE c.integration_id = ? "
                            "ORDER BY c.receives_bookings DESC, lower(c.display_name), "
                            "c.remote_id")
                 .arg(kColumns),
             {integrationId}),
        readCalendar);
}

Result<std::optional<IntegrationCalendar>>
IntegrationCalendarRepository::receivingBookings(const QString& userId) {
    return readFirst(exec(m_db,
                          QStringLiteral("SELECT %1 FROM integration_calendars c "
                                         "WHERE c.receives_bookings = 1 AND %2 ORDER BY c.id")
                              .arg(kColumns, kOfUser),
                          {userId}),
                     readCalendar);
}

Status IntegrationCalendarRepository::remove(const QString& integrationId, const QString& id) {
    return changedOne(exec(m_db,
                           QStringLiteral("DELETE FROM integration_calendars "
                                          "WHERE id = ? AND integration_id = ?"),
                           {id, integrationId}),
                      id);
}

} // namespace slotdesk::storage
