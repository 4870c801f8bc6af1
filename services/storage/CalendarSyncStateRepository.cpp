#include "storage/CalendarSyncStateRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {

Result<CalendarSyncState> CalendarSyncStateRepository::get(const QString& integrationId) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT lease_holder, lease_until, failure_count, retry_at, "
                                 "lease_host, lease_pid "
                                 "FROM calendar_sync_state WHERE calendar_integration_id = ?"),
                  {integrationId});
    if (!q)
        return q.error();
    CalendarSyncState state;
    state.integrationId = integrationId;
    if (q->next())
        RowReader(*q).read(state.leaseHolder.id, state.leaseUntil, state.failureCount,
                           state.retryAt, state.leaseHolder.host, state.leaseHolder.pid);
    return state;
}

Result<bool> CalendarSyncStateRepository::tryAcquire(const QString& integrationId,
                                                     const LeaseHolder& holder,
                                                     const QDateTime& now, const QDateTime& until) {
    auto q = exec(
        m_db,
        QStringLiteral("INSERT INTO calendar_sync_state (calendar_integration_id, lease_holder, "
                       "lease_host, lease_pid, lease_until, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (calendar_integration_id) DO UPDATE SET "
                       "lease_holder = excluded.lease_holder, lease_host = excluded.lease_host, "
                       "lease_pid = excluded.lease_pid, lease_until = excluded.lease_until, "
                       "updated_at = excluded.updated_at "
                       "WHERE calendar_sync_state.lease_holder IS NULL "
                       "OR calendar_sync_state.lease_until IS NULL "
                       "OR calendar_sync_state.lease_until <= ? "
                       "OR calendar_sync_state.lease_holder = excluded.lease_holder"),
        {integrationId, holder.id, toDb(holder.host), holder.pid, toDb(until), m_clock.nowMs(),
         toDb(now)});
    if (!q)
        return q.error();
    if (q->numRowsAffected() > 0)
        return true;
    q->finish();
    // Held and not expired. A holder that was a process on this machine and is gone (killed,
    // crashed) will never renew or release it: take it now rather than when it expires. The
    // caller's write transaction keeps anyone else from changing the row in between.
    auto current = get(integrationId);
    if (!current)
        return current.error();
    if (current->leaseHolder.id.isEmpty() || !current->leaseHolder.isGoneFromThisHost())
        return false;
    qCInfo(lcStorage).nospace() << "taking over the calendar sync lease of process "
                                << current->leaseHolder.pid << ", which no longer exists";
    auto taken =
        exec(m_db,
             QStringLiteral("UPDATE calendar_sync_state SET lease_holder = ?, lease_host = ?, "
                            "lease_pid = ?, lease_until = ?, updated_at = ? "
                            "WHERE calendar_integration_id = ? AND lease_holder = ?"),
             {holder.id, toDb(holder.host), holder.pid, toDb(until), m_clock.nowMs(), integrationId,
              current->leaseHolder.id});
    if (!taken)
        return taken.error();
    return taken->numRowsAffected() > 0;
}

Status CalendarSyncStateRepository::release(const QString& integrationId, const QString& holderId) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE calendar_sync_state SET lease_holder = NULL, "
                                     "lease_host = NULL, lease_pid = NULL, lease_until = NULL, "
                                     "updated_at = ? "
                                     "WHERE calendar_integration_id = ? AND lease_holder = ?"),
                      {m_clock.nowMs(), integrationId, holderId});
}

Status CalendarSyncStateRepository::recordFailure(const QString& integrationId, int failureCount,
                                                  const QDateTime& retryAt) {
    return execNoRows(
        m_db,
        QStringLiteral("INSERT INTO calendar_sync_state (calendar_integration_id, failure_count, "
                       "retry_at, updated_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (calendar_integration_id) DO UPDATE SET "
                       "failure_count = excluded.failure_count, retry_at = excluded.retry_at, "
                       "updated_at = excluded.updated_at"),
        {integrationId, failureCount, toDb(retryAt), m_clock.nowMs()});
}

Status CalendarSyncStateRepository::recordSuccess(const QString& integrationId) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE calendar_sync_state SET failure_count = 0, "
                                     "retry_at = NULL, updated_at = ? "
                                     "WHERE calendar_integration_id = ?"),
                      {m_clock.nowMs(), integrationId});
}

Status CalendarSyncStateRepository::remove(const QString& integrationId) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM calendar_sync_state WHERE calendar_integration_id = ?"),
        {integrationId});
}

} // namespace slotdesk::storage
