#include "storage/CalendarJobRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns =
    QStringLiteral("id, user_id, booking_id, action, state, attempts, next_attempt_at, "
                   "last_error, created_at, updated_at, integration_calendar_id");

CalendarJob readJob(const QSqlQuery& q) {
    CalendarJob job;
    job.id = q.value(0).toString();
    job.userId = q.value(1).toString();
    job.bookingId = q.value(2).toString();
    const QString action = q.value(3).toString();
    job.action = action == QLatin1String("delete")   ? CalendarJobAction::Delete
                 : action == QLatin1String("update") ? CalendarJobAction::Update
                                                     : CalendarJobAction::Insert;
    job.state = q.value(4).toString() == QLatin1String("failed") ? CalendarJobState::Failed
                                                                 : CalendarJobState::Pending;
    job.attempts = q.value(5).toInt();
    job.nextAttemptAt = instantFromDb(q.value(6));
    job.lastError = q.value(7).toString();
    job.createdAt = instantFromDb(q.value(8));
    job.updatedAt = instantFromDb(q.value(9));
    job.calendarId = q.value(10).toString();
    return job;
}

Result<QVector<CalendarJob>> readAll(Result<QSqlQuery> q) {
    if (!q)
        return q.error();
    QVector<CalendarJob> jobs;
    while (q->next())
        jobs.append(readJob(*q));
    return jobs;
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
    return readAll(exec(m_db,
                        QStringLiteral("SELECT %1 FROM calendar_jobs WHERE user_id = ? AND "
                                       "state = 'pending' AND next_attempt_at <= ? "
                                       "ORDER BY created_at, id LIMIT ?")
                            .arg(kColumns),
                        {userId, toDb(now), limit}));
}

Result<QVector<CalendarJob>> CalendarJobRepository::list(const QString& userId) {
    return readAll(exec(
        m_db,
        QStringLiteral("SELECT %1 FROM calendar_jobs WHERE user_id = ? ORDER BY created_at, id")
            .arg(kColumns),
        {userId}));
}

Result<QVector<CalendarJob>> CalendarJobRepository::listForBooking(const QString& bookingId) {
    return readAll(exec(
        m_db,
        QStringLiteral("SELECT %1 FROM calendar_jobs WHERE booking_id = ? ORDER BY created_at, id")
            .arg(kColumns),
        {bookingId}));
}

Result<std::optional<CalendarJob>> CalendarJobRepository::findById(const QString& id) {
    auto q =
        exec(m_db, QStringLiteral("SELECT %1 FROM calendar_jobs WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<CalendarJob>{};
    return std::optional<CalendarJob>(readJob(*q));
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
