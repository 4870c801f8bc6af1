#pragma once
// AttendeeDataRepository: an attendee's personal data (the data model's attendeeName,
// attendeeEmail and notes) across the tables that hold it — bookings, mail_outbox,
// booking_access_tokens — and the admin's retention setting (privacy_settings). What to erase
// and when is privacy::AttendeePrivacy's; this only reads and writes rows.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace slotdesk::storage {

// A booking's manage tokens besides bookings.manage_token_hash (only counts and times: the
// hashes are no one's business). They do not expire; forgetting deletes them.
struct AccessTokenSummary {
    int count = 0;
    QDateTime oldest; // invalid when count is 0
    QDateTime newest;
};

struct RetentionSetting {
    QString userId;
    int days = 0; // 0 = off
};

class AttendeeDataRepository : public Repository {
public:
    // What an anonymised booking holds instead of the attendee's name and e-mail. The address
    // passes validation::email (so the row stays a valid Booking) and, under the reserved
    // ".invalid" top-level domain (RFC 2606), can never reach anyone.
    static constexpr auto kForgottenName = "Forgotten attendee";
    static constexpr auto kForgottenEmail = "forgotten@anonymised.invalid";
    static constexpr int kMaxRetentionDays = 36500;

    using Repository::Repository;

    Result<AccessTokenSummary> accessTokens(const QString& bookingId);
    // Inside the caller's write transaction: deletes the booking's mails (whoever they were
    // addressed to: their text is composed from the booking when sent) and access tokens, and
    // replaces its attendee's name, e-mail and notes — and its title or reason where they name
    // them — keeping its times and status. `booking` as read in the same transaction.
    Status anonymise(const Booking& booking);
    // The ids of `userId`'s bookings not yet anonymised that ended at or before `cutoff`.
    Result<QStringList> endedBy(const QString& userId, const QDateTime& cutoff);

    Result<int> retentionDays(const QString& userId);
    Status setRetentionDays(const QString& userId, int days);
    // Every admin whose retention is on.
    Result<QList<RetentionSetting>> retentionSettings();

    // SQLite: folds the write-ahead log into the file and truncates it, rebuilds the file
    // without free pages (VACUUM) and truncates the log again, so erased rows survive in neither
    // file's bytes. Outside any transaction. False when another connection's reader kept the
    // log from being emptied. PostgreSQL: nothing to do (true).
    Result<bool> compact();
};

} // namespace slotdesk::storage
