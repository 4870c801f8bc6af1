#pragma once
// MailOutbox: the durable e-mail outbox. Its static enqueue functions run inside BookingService's
// write transaction, so the mails a booking change owes are committed with the change or not at
// all (nothing is queued while the admin has no mail_settings). deliverDue() is the delivery
// runner: it claims one due mail at a time under a lease (several processes on one database
// deliver each mail once), renders it in the recipient's language, sends it through the admin's
// SMTP server and records the outcome — sent; transient: again after a back-off; permanent:
// failed and kept for the admin to see. It blocks on the network: run it off the GUI thread.
//
// Each mail's Message-ID is derived from its idempotency key, so should a process die after the
// server accepted a mail but before the row says so, the copy sent after the lease expires
// carries the same Message-ID and receiving systems can fold the two.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "mail/PasswordSource.h"

#include <QSqlDatabase>

#include <chrono>
#include <functional>

namespace slotdesk::storage {
class Database;
struct MailOutboxEntry;
} // namespace slotdesk::storage

namespace slotdesk::mail {

struct DeliveryReport {
    int sent = 0;
    int retrying = 0; // transient failures, owed again later
    int failed = 0;   // permanent failures
    int dropped = 0;  // no longer needed (a reminder for a meeting that is off, a deleted booking)
};

class MailOutbox {
public:
    // The link an attendee manages `booking` with, given a manage token minted for the mail
    // (e.g. manageLinkFor() in mail/ManageLinkFor.h), or empty (the mail then has none).
    using ManageLink = std::function<QString(const Booking& booking, const QString& token)>;

    // In the caller's write transaction on `db`: the mails a new request owes (the attendee's
    // "request received", the admin's notice).
    static Status enqueueForCreation(const QSqlDatabase& db, const Booking& booking,
                                     const QDateTime& now);
    // In the caller's write transaction: the mail a move owes the attendee — one "rescheduled"
    // mail about `moved` (the new booking; its invitation replaces the original's event), and
    // the reminder of it once it is confirmed.
    static Status enqueueForReschedule(const QSqlDatabase& db, const Booking& moved,
                                       const QDateTime& now);
    // In the caller's write transaction: the mails a status change owes. `byAttendee`: the
    // attendee withdrew or cancelled (through their manage link), else the admin decided.
    static Status enqueueForTransition(const QSqlDatabase& db, const Booking& before,
                                       const Booking& after, bool byAttendee, const QDateTime& now);

    // `passwords` must outlive the outbox. `leaseOwner` names this runner in the leases it
    // takes (default: LeaseHolder::forThisProcess().id).
    MailOutbox(storage::Database& database, const PasswordSource& passwords, core::Clock clock = {},
               QString leaseOwner = {});

    // With a link function, each attendee mail about a meeting still on (carriesManageLink())
    // carries a manage link with a fresh token; only its hash is stored, in
    // booking_access_tokens, committed before the mail is sent. A retried send of the same row
    // mints another token (the earlier one stays valid: it may have reached the attendee). The
    // admin's mails carry no manage link.
    void setManageLink(ManageLink link) { m_manageLink = std::move(link); }
    // At most this many attempts for transient failures; then the mail fails. Default 12.
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }

    // Delivers due mails one by one until none is due or `limit` were handled.
    Result<DeliveryReport> deliverDue(int limit = 100);
    // The wait before attempt `attempts + 1` after a transient failure: 1 min doubling, at most
    // 1 h.
    static std::chrono::seconds backoff(int attempts);

private:
    Status deliverOne(const storage::MailOutboxEntry& entry, DeliveryReport& report);
    // A fresh manage token for `bookingId`, its hash committed to booking_access_tokens.
    Result<QString> mintManageToken(const QString& bookingId);

    storage::Database& m_database;
    const PasswordSource& m_passwords;
    core::Clock m_clock;
    QString m_leaseOwner;
    ManageLink m_manageLink;
    int m_maxAttempts = 12;
    std::chrono::seconds m_lease{600}; // longer than any one SMTP transaction (SmtpSettings)
};

} // namespace slotdesk::mail
