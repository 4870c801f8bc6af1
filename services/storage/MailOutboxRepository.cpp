#include "storage/MailOutboxRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "id, user_id, booking_id, kind, sequence, recipient, language, idempotency_key, status, "
    "attempts, next_attempt_at, last_error, lease_owner, lease_until, created_at, sent_at");

MailOutboxEntry readEntry(const QSqlQuery& q) {
    MailOutboxEntry e;
    RowReader(q).read(e.id, e.userId, e.bookingId, e.kind, e.sequence, e.recipient, e.language,
                      e.idempotencyKey, e.status, e.attempts, e.nextAttemptAt, e.lastError,
                      e.leaseOwner, e.leaseUntil, e.createdAt, e.sentAt);
    return e;
}

Result<bool> changedOne(Result<QSqlQuery> q) {
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

} // namespace

Result<bool> MailOutboxRepository::enqueue(MailOutboxEntry e) {
    if (e.id.isEmpty())
        e.id = newId();
    const qint64 now = m_clock.nowMs();
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO mail_outbox (id, user_id, booking_id, kind, "
                                 "sequence, recipient, language, idempotency_key, status, "
                                 "attempts, next_attempt_at, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'owed', 0, ?, ?, ?) "
                                 "ON CONFLICT (idempotency_key) DO NOTHING"),
                  {e.id, e.userId, e.bookingId, e.kind, e.sequence, e.recipient, e.language,
                   e.idempotencyKey, toDb(e.nextAttemptAt), now, now});
    return changedOne(std::move(q));
}

Result<std::optional<MailOutboxEntry>>
MailOutboxRepository::claimNext(const QString& owner, const QDateTime& now,
                                const QDateTime& leaseUntil) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT %1 FROM mail_outbox WHERE "
                                 "(status = 'owed' AND next_attempt_at <= ?) OR "
                                 "(status = 'sending' AND lease_until <= ?) "
                                 "ORDER BY next_attempt_at, created_at, id LIMIT 1")
                      .arg(kColumns),
                  {toDb(now), toDb(now)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<MailOutboxEntry>();
    MailOutboxEntry entry = readEntry(*q);
    if (auto s = execNoRows(m_db,
                            QStringLiteral("UPDATE mail_outbox SET status = 'sending', "
                                           "lease_owner = ?, lease_until = ?, updated_at = ? "
                                           "WHERE id = ?"),
                            {owner, toDb(leaseUntil), m_clock.nowMs(), entry.id});
        !s)
        return s.error();
    entry.status = QStringLiteral("sending");
    entry.leaseOwner = owner;
    entry.leaseUntil = leaseUntil;
    return std::optional<MailOutboxEntry>(entry);
}

Result<bool> MailOutboxRepository::markSent(const QString& id, const QString& owner,
                                            const QDateTime& now) {
    return changedOne(exec(m_db,
                           QStringLiteral("UPDATE mail_outbox SET status = 'sent', sent_at = ?, "
                                          "last_error = NULL, lease_owner = NULL, "
                                          "lease_until = NULL, updated_at = ? "
                                          "WHERE id = ? AND lease_owner = ?"),
                           {toDb(now), m_clock.nowMs(), id, owner}));
}

Result<bool> MailOutboxRepository::reschedule(const QString& id, const QString& owner, int attempts,
                                              const QDateTime& next, const QString& error) {
    return changedOne(exec(m_db,
                           QStringLiteral("UPDATE mail_outbox SET status = 'owed', attempts = ?, "
                                          "next_attempt_at = ?, last_error = ?, "
                                          "lease_owner = NULL, lease_until = NULL, "
                                          "updated_at = ? WHERE id = ? AND lease_owner = ?"),
                           {attempts, toDb(next), toDb(error), m_clock.nowMs(), id, owner}));
}

Result<bool> MailOutboxRepository::markFailed(const QString& id, const QString& owner, int attempts,
                                              const QString& error) {
    return changedOne(exec(m_db,
                           QStringLiteral("UPDATE mail_outbox SET status = 'failed', "
                                          "attempts = ?, last_error = ?, lease_owner = NULL, "
                                          "lease_until = NULL, updated_at = ? "
                                          "WHERE id = ? AND lease_owner = ?"),
                           {attempts, toDb(error), m_clock.nowMs(), id, owner}));
}

Result<bool> MailOutboxRepository::remove(const QString& id, const QString& owner) {
    return changedOne(exec(m_db,
                           QStringLiteral("DELETE FROM mail_outbox WHERE id = ? AND "
                                          "lease_owner = ?"),
                           {id, owner}));
}

Result<bool> MailOutboxRepository::retry(const QString& id, const QString& userId,
                                         const QDateTime& now) {
    return changedOne(
        exec(m_db,
             QStringLiteral("UPDATE mail_outbox SET status = 'owed', attempts = 0, "
                            "next_attempt_at = ?, updated_at = ? "
                            "WHERE id = ? AND user_id = ? AND status IN ('failed', 'owed')"),
             {toDb(now), m_clock.nowMs(), id, userId}));
}

Result<QVector<MailOutboxEntry>> MailOutboxRepository::listUnsent(const QString& userId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM mail_outbox WHERE user_id = ? AND "
                                        "status <> 'sent' ORDER BY created_at, id")
                             .arg(kColumns),
                         {userId}),
                    readEntry);
}

Result<QVector<MailOutboxEntry>> MailOutboxRepository::listForBooking(const QString& bookingId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM mail_outbox WHERE booking_id = ? "
                                        "ORDER BY created_at, id")
                             .arg(kColumns),
                         {bookingId}),
                    readEntry);
}

} // namespace slotdesk::storage
