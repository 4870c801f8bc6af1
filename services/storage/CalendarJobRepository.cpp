#include "storage/CalendarJobRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns =
    QStringLiteral("id, user_id, booking_id, action, state, attempts, next_attempt_at, "
                   "last_error, created_at, updated_at, integration_calendar_id");

CalendarJob readJob(const QSqlQuery& q) {
    CalendarJob job;
    RowReader row(q);
    row.read(job.id, job.userId, job.bookingId);
    const QString action = row.next().toString();
    job.action = action == QLatin1String("delete")   ? CalendarJobAction::Delete
                 : action == QLatin1String("update") ? CalendarJobAction::Update
                                                     : CalendarJobAction::Insert;
    job.state = row.next().toString() == QLatin1String("failed") ? CalendarJobState::Failed
                                                                 : CalendarJobState::Pending;
    row.read(job.attempts, job.nextAttemptAt, job.lastError, job.createdAt, job.updatedAt,
             job.calendarId);
    return job;
}

} // namespace

QString jobActionText(CalendarJobAction action) {
    switch (action) {
    case CalendarJobAction::Insert:
        break;
    case CalendarJobAction::Update:
        return QStringLiteral("update");
    case CalendarJobAction::Delete:
        return QStringLiteral("delete");
    }
    return QStringLiteral("insert");
}

QString jobStateText(CalendarJobState state) {
    return state == CalendarJobState::Failed ? QStringLiteral("failed") : QStringLiteral("pending");
}

Result<CalendarJob> CalendarJobRepository::enqueue(const QString& userId, const QString& bookingId,
                                                   CalendarJobAction action, const QDateTime& due,
                                                   const QString& calendarId) {
    CalendarJob job;
    job.id = newId();
    job.userId = userId;
    job.bookingId = bookingId;
    job.calendarId = calendarId;
    job.action = action;
    job.nextAttemptAt = due;
    job.createdAt = job.updatedAt = m_clock.now();
    if (auto s = execNoRows(m_db,
                            QStringLiteral("INSERT INTO calendar_jobs (%1) VALUES "
                                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                .arg(kColumns),
                            {job.id, job.userId, job.bookingId, jobActionText(job.action),
                             jobStateText(job.state), job.attempts, toDb(job.nextAttemptAt),
                             toDb(job.lastError), toDb(job.createdAt), toDb(job.updatedAt),
                             toDb(job.calendarId)});
        !s)
        return s.error();
    return job;
}

Result<QVector<CalendarJob>> CalendarJobRepository::listDue(const QString& userId,
                                                            const QDateTime& now, int limit) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM calendar_jobs WHERE user_id = ? AND "
                                        "state = 'pending' AND next_attempt_at <= ? "
                                        "ORDER BY created_at, id LIMIT ?")
                             .arg(kColumns),
                         {userId, toDb(now), limit}),
                    readJob);
}

Result<QVector<CalendarJob>>
CalendarJobRepository::listDueForIntegration(const QString& userId, const QString& integrationId,
                                             const QDateTime& now, int limit) {
    return readRows(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM calendar_jobs WHERE user_id = ? AND "
                            "state = 'pending' AND next_attempt_at <= ? AND "
                            "(integration_calendar_id IS NULL OR integration_calendar_id "
                            "IN (SELECT c.id FROM integration_calendars c "
                            "WHERE c.integration_id = ?)) "
                            "ORDER BY created_at, id LIMIT ?")
                 .arg(kColumns),
             {userId, toDb(now), integrationId, limit}),
        readJob);
}

Result<QVector<CalendarJob>> CalendarJobRepository::list(const QString& userId) {
    return readRows(
        exec(
            m_db,
            QStringLiteral("SELECT %1 FROM calendar_jobs WHERE user_id = ? ORDER BY created_at, id")
                .arg(kColumns),
            {userId}),
        readJob);
}

Result<QVector<CalendarJob>> CalendarJobRepository::listForBooking(const QString& bookingId) {
    return readRows(
        exec(m_db,
             QStringLiteral(
                 "SELECT %1 FROM calendar_jobs WHERE booking_id = ? ORDER BY created_at, id")
                 .arg(kColumns),
             {bookingId}),
        readJob);
}

Result<std::optional<CalendarJob>> CalendarJobRepository::findById(const QString& id) {
    return readFirst(
        exec(m_db, QStringLiteral("SELECT %1 FROM calendar_jobs WHERE id = ?").arg(kColumns), {id}),
        readJob);
}

Result<std::optional<QDateTime>> CalendarJobRepository::nextDue(const QString& userId) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT MIN(next_attempt_at) FROM calendar_jobs "
                                 "WHERE user_id = ? AND state = 'pending'"),
                  {userId});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<QDateTime>{};
    return std::optional<QDateTime>(instantFromDb(q->value(0)));
}

Status CalendarJobRepository::reschedule(const QString& id, int attempts,
                                         const QDateTime& nextAttemptAt, const QString& lastError) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE calendar_jobs SET attempts = ?, next_attempt_at = ?, "
                                     "last_error = ?, updated_at = ? WHERE id = ?"),
                      {attempts, toDb(nextAttemptAt), toDb(lastError), m_clock.nowMs(), id});
}

Status CalendarJobRepository::makeDue(const QString& bookingId, CalendarJobAction action,
                                      const QDateTime& when) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE calendar_jobs SET next_attempt_at = ?, updated_at = ? "
                                     "WHERE booking_id = ? AND action = ? AND state = 'pending'"),
                      {toDb(when), m_clock.nowMs(), bookingId, jobActionText(action)});
}

Status CalendarJobRepository::markFailed(const QString& id, int attempts,
                                         const QString& lastError) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE calendar_jobs SET state = 'failed', attempts = ?, "
                                     "last_error = ?, updated_at = ? WHERE id = ?"),
                      {attempts, toDb(lastError), m_clock.nowMs(), id});
}

Status CalendarJobRepository::remove(const QString& id) {
    return execNoRows(m_db, QStringLiteral("DELETE FROM calendar_jobs WHERE id = ?"), {id});
}

Status CalendarJobRepository::removeForBooking(const QString& bookingId, CalendarJobAction action) {
    return execNoRows(m_db,
                      QStringLiteral("DELETE FROM calendar_jobs WHERE booking_id = ? AND "
                                     "action = ?"),
                      {bookingId, jobActionText(action)});
}

Status CalendarJobRepository::removeForUser(const QString& userId) {
    return execNoRows(m_db, QStringLiteral("DELETE FROM calendar_jobs WHERE user_id = ?"),
                      {userId});
}

} // namespace slotdesk::storage
