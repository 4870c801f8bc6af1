#pragma once
// MailOutboxRepository: the `mail_outbox` table — e-mails owed for bookings. A row is written in
// the same transaction as the booking change that owes it, once per idempotency key
// (booking + kind + sequence). A delivering process claims a due row with a lease (in a write
// transaction, so two processes never hold the same row) and records the outcome only while the
// lease is still its own.

#include "core/Result.h"
#include "storage/Repository.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct MailOutboxEntry {
    QString id;
    QString userId;
    QString bookingId;
    QString kind; // mail::toText(MailKind)
    int sequence = 0;
    QString recipient;
    QString language;
    QString idempotencyKey;
    QString status = QStringLiteral("owed"); // owed, sending, sent, failed
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QString leaseOwner;
    QDateTime leaseUntil;
    QDateTime createdAt;
    QDateTime sentAt;
};

class MailOutboxRepository : public Repository {
public:
    using Repository::Repository;

    // Adds the entry unless one with its idempotency key exists; whether it was added.
    Result<bool> enqueue(MailOutboxEntry entry);
    // Inside the caller's write transaction: the oldest due row — owed and due at `now`, or
    // sending under a lease that ran out — leased to `owner` until `leaseUntil`.
    Result<std::optional<MailOutboxEntry>> claimNext(const QString& owner, const QDateTime& now,
                                                     const QDateTime& leaseUntil);
    // The outcome of a claimed row; false when the lease is no longer `owner`'s.
    Result<bool> markSent(const QString& id, const QString& owner, const QDateTime& now);
    Result<bool> reschedule(const QString& id, const QString& owner, int attempts,
                            const QDateTime& next, const QString& error);
    Result<bool> markFailed(const QString& id, const QString& owner, int attempts,
                            const QString& error);
    Result<bool> remove(const QString& id, const QString& owner);
    // Owed again now, attempts from zero: the admin's "retry" of a failed mail, or of one waiting
    // out its back-off. False for a mail sent, being sent, unknown or another admin's.
    Result<bool> retry(const QString& id, const QString& userId, const QDateTime& now);
    // Owed, sending and failed rows of `userId` (with the booking's first), oldest first.
    Result<QVector<MailOutboxEntry>> listUnsent(const QString& userId);
    Result<QVector<MailOutboxEntry>> listForBooking(const QString& bookingId);
};

} // namespace slotdesk::storage
