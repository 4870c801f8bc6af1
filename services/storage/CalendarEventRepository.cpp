#include "storage/CalendarEventRepository.h"

#include "storage/RowSecurity.h"
#include "storage/SqlSupport.h"

#include <QSqlError>

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "e.id, e.calendar_integration_id, e.external_event_id, e.start_time, e.end_time, e.title, "
    "e.is_busy, e.synced_at, e.created_at, e.updated_at, e.integration_calendar_id");

CalendarEvent readEvent(const QSqlQuery& q) {
    CalendarEvent e;
    RowReader(q).read(e.id, e.calendarIntegrationId, e.externalEventId, e.startTime, e.endTime,
                      e.title, e.isBusy, e.syncedAt, e.createdAt, e.updatedAt,
                      e.integrationCalendarId);
    return e;
}

// One prepared statement, executed once per row.
class PreparedStatement {
public:
    PreparedStatement(const QSqlDatabase& db, const QString& sql)
        : m_query(db) {
        m_prepared = m_query.prepare(sql);
    }
    Status run(const QVariantList& params) {
        if (!m_prepared)
            return failure();
        for (int i = 0; i < params.size(); ++i)
            m_query.bindValue(i, params[i]);
        if (!m_query.exec())
            return failure();
        return success();
    }
    void finish() { m_query.finish(); }

private:
    Error failure() const {
        qCWarning(lcStorage) << "calendar event write failed:"
                             << m_query.lastError().nativeErrorCode()
                             << m_query.lastError().databaseText();
        return Error::storage(
            QStringLiteral("Database error: %1").arg(m_query.lastError().databaseText()));
    }

    QSqlQuery m_query;
    bool m_prepared = false;
};

// The row an event is in: its integration, its calendar (NULL: the implicit one) and its id.
// The implicit calendar's rows are unique through a partial index (NULLs are distinct in the
// other), which an upsert names with its WHERE.
const QString kWhereEvent =
    QStringLiteral("calendar_integration_id = ? AND external_event_id = ? AND "
                   "(integration_calendar_id = ? OR (CAST(? AS TEXT) IS NULL AND "
                   "integration_calendar_id IS NULL))");

QString upsertSql(const QString& calendarId) {
    return QStringLiteral(
               "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
               "start_time, end_time, title, is_busy, synced_at, created_at, updated_at, "
               "integration_calendar_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT %1 DO UPDATE SET "
               "start_time = excluded.start_time, end_time = excluded.end_time, "
               "title = excluded.title, is_busy = excluded.is_busy, "
               "synced_at = excluded.synced_at, updated_at = excluded.updated_at")
        .arg(calendarId.isEmpty()
                 ? QStringLiteral("(calendar_integration_id, external_event_id) "
                                  "WHERE integration_calendar_id IS NULL")
                 : QStringLiteral(
                       "(calendar_integration_id, integration_calendar_id, external_event_id)"));
}

Status upsertAll(const QSqlDatabase& db, const QString& integrationId, const QString& calendarId,
                 const QVector<CalendarEvent>& events, qint64 nowMs) {
    if (events.isEmpty())
        return success();
    const QVariant now = nowMs;
    const QVariant calendar = toDb(calendarId);
    PreparedStatement upsert(db, upsertSql(calendarId));
    for (const auto& e : events) {
        const QVariant synced = e.syncedAt.isValid() ? toDb(e.syncedAt) : now;
        if (auto s = upsert.run({newId(), integrationId, e.externalEventId, toDb(e.startTime),
                                 toDb(e.endTime), toDb(e.title), e.isBusy ? 1 : 0, synced, now, now,
                                 calendar});
            !s)
            return s;
    }
    upsert.finish();
    return success();
}

} // namespace

Status CalendarEventRepository::replaceAll(const QString& integrationId,
                                           const QVector<CalendarEvent>& events,
                                           const QString& calendarId) {
    if (auto s = execNoRows(
            m_db,
            QStringLiteral("DELETE FROM calendar_events WHERE calendar_integration_id = ? AND "
                           "(integration_calendar_id = ? OR "
                           "(CAST(? AS TEXT) IS NULL AND integration_calendar_id IS NULL))"),
            {integrationId, toDb(calendarId), toDb(calendarId)});
        !s)
        return s;
    return upsertAll(m_db, integrationId, calendarId, events, m_clock.nowMs());
}

Status CalendarEventRepository::applyChanges(const QString& integrationId,
                                             const QVector<CalendarEvent>& changed,
                                             const QStringList& removedExternalIds,
                                             const QString& calendarId) {
    if (!removedExternalIds.isEmpty()) {
        PreparedStatement remove(
            m_db, QStringLiteral("DELETE FROM calendar_events WHERE %1").arg(kWhereEvent));
        const QVariant calendar = toDb(calendarId);
        for (const auto& externalId : removedExternalIds) {
            if (auto s = remove.run({integrationId, externalId, calendar, calendar}); !s)
                return s;
        }
        remove.finish();
    }
    return upsertAll(m_db, integrationId, calendarId, changed, m_clock.nowMs());
}

Status CalendarEventRepository::removeCalendar(const QString& calendarId) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM calendar_events WHERE integration_calendar_id = ?"),
        {calendarId});
}

Result<int> CalendarEventRepository::countInCalendar(const QString& calendarId) {
    auto q = exec(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM calendar_events WHERE integration_calendar_id = ?"),
        {calendarId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Status CalendarEventRepository::removeAll(const QString& integrationId) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM calendar_events WHERE calendar_integration_id = ?"),
        {integrationId});
}

Result<int> CalendarEventRepository::count(const QString& integrationId) {
    auto q = exec(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM calendar_events WHERE calendar_integration_id = ?"),
        {integrationId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<CalendarEvent> CalendarEventRepository::upsert(CalendarEvent e) {
    const auto now = m_clock.now();
    if (!e.syncedAt.isValid())
        e.syncedAt = now;
    const QVariant calendar = toDb(e.integrationCalendarId);
    auto existing =
        exec(m_db,
             QStringLiteral("SELECT id, created_at FROM calendar_events WHERE %1").arg(kWhereEvent),
             {e.calendarIntegrationId, e.externalEventId, calendar, calendar});
    if (!existing)
        return existing.error();
    e.updatedAt = now;
    if (existing->next()) {
        e.id = existing->value(0).toString();
        e.createdAt = instantFromDb(existing->value(1));
        existing->finish();
        if (auto s = execNoRows(
                m_db,
                QStringLiteral("UPDATE calendar_events SET start_time = ?, end_time = ?, "
                               "title = ?, is_busy = ?, synced_at = ?, updated_at = ? "
                               "WHERE id = ?"),
                {toDb(e.startTime), toDb(e.endTime), toDb(e.title), e.isBusy ? 1 : 0,
                 toDb(e.syncedAt), toDb(e.updatedAt), e.id});
            !s)
            return s.error();
        return e;
    }
    e.id = newId();
    e.createdAt = now;
    if (auto s = execNoRows(
            m_db,
            QStringLiteral(
                "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
                "start_time, end_time, title, is_busy, synced_at, created_at, updated_at, "
                "integration_calendar_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {e.id, e.calendarIntegrationId, e.externalEventId, toDb(e.startTime), toDb(e.endTime),
             toDb(e.title), e.isBusy ? 1 : 0, toDb(e.syncedAt), toDb(e.createdAt),
             toDb(e.updatedAt), calendar});
        !s)
        return s.error();
    return e;
}

Status CalendarEventRepository::removeByExternalId(const QString& integrationId,
                                                   const QString& externalEventId,
                                                   const QString& calendarId) {
    const QVariant calendar = toDb(calendarId);
    return execNoRows(m_db, QStringLiteral("DELETE FROM calendar_events WHERE %1").arg(kWhereEvent),
                      {integrationId, externalEventId, calendar, calendar});
}

Result<QVector<CalendarEvent>> CalendarEventRepository::list(const QString& integrationId) {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM calendar_events e WHERE e.calendar_integration_id = ? "
                            "ORDER BY e.start_time, e.id")
                 .arg(kColumns),
             {integrationId}),
        readEvent);
}

Result<QVector<CalendarEvent>> CalendarEventRepository::listBusy(const QString& userId,
                                                                 const QDateTime& from,
                                                                 const QDateTime& to) {
    // The booking endpoint's role sees when the admin is busy, not what the events are.
    if (RowSecurity::sessionRole(m_db) == RowSecurity::Role::Endpoint)
        return readRows(exec(m_db,
                             QStringLiteral("SELECT %1 FROM slotdesk_busy_events(?, ?, ?) e "
                                            "ORDER BY e.start_time")
                                 .arg(kColumns),
                             {userId, toDb(from), toDb(to)}),
                        readEvent);
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM calendar_events e JOIN calendar_integrations i "
                            "ON i.id = e.calendar_integration_id LEFT JOIN integration_calendars c "
                            "ON c.id = e.integration_calendar_id WHERE i.user_id = ? "
                            "AND e.is_busy = 1 AND e.start_time < ? AND e.end_time > ? "
                            "AND (e.integration_calendar_id IS NULL OR c.blocks_time = 1) "
                            "ORDER BY e.start_time")
                 .arg(kColumns),
             {userId, toDb(to), toDb(from)}),
        readEvent);
}

Result<int> CalendarEventRepository::removeEndedBefore(const QDateTime& cutoff) {
    auto q = exec(m_db, QStringLiteral("DELETE FROM calendar_events WHERE end_time < ?"),
                  {toDb(cutoff)});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

} // namespace slotdesk::storage
