#pragma once
// AttendeePrivacy: one attendee's personal data on request — everything held about them
// (show), and erasing it (forget) — and the admin's retention rule, which anonymises a booking's
// attendee data a set number of days after the meeting ended. An attendee is their e-mail
// address, matched in any case. Anonymising keeps a booking's times and status (history and
// busy time stay right) and replaces name, e-mail and notes; the attendee's mails and manage
// tokens are deleted. On SQLite the file is compacted afterwards so that nothing of them stays
// in its bytes or its write-ahead log (docs/BACKUP.md, "Attendee privacy").

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/AttendeeDataRepository.h"
#include "storage/MailOutboxRepository.h"

#include <QLoggingCategory>
#include <QVector>

Q_DECLARE_LOGGING_CATEGORY(lcPrivacy)

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::privacy {

struct AttendeeBooking {
    Booking booking;
    QVector<storage::MailOutboxEntry> mails; // the booking's mails, whoever they are addressed to
    storage::AccessTokenSummary accessTokens;
};

struct ForgetOutcome {
    int anonymised = 0;    // bookings whose attendee data was replaced
    QStringList cancelled; // ids of the future bookings cancelled first
    bool compacted = true; // false: another connection kept SQLite's log from being emptied
};

class AttendeePrivacy {
public:
    explicit AttendeePrivacy(storage::Database& database, core::Clock clock = {})
        : m_database(database)
        , m_clock(std::move(clock)) {}

    // The admin's bookings by `email` (any case), oldest first, with their mails and tokens.
    Result<QVector<AttendeeBooking>> show(const QString& userId, const QString& email);
    // The bookings forget() would cancel: pending or confirmed, starting after now.
    Result<QVector<Booking>> toCancel(const QString& userId, const QString& email);
    // Cancels the attendee's future bookings through BookingService (each in its own write
    // transaction, so calendar jobs follow), then anonymises all their bookings in one write
    // transaction, then compacts SQLite. Running it again finishes what a failure left.
    Result<ForgetOutcome> forget(const QString& userId, const QString& email);

    Result<int> retentionDays(const QString& userId);
    Status setRetentionDays(const QString& userId, int days);
    // For every admin with retention on: anonymises the bookings that ended `days` days ago or
    // earlier (a meeting that ended exactly `days` × 24 h ago included). How many it changed.
    Result<int> applyRetention();

private:
    Result<QVector<Booking>> bookingsOf(const QString& userId, const QString& email);
    // In one write transaction: anonymises each of `ids` (re-read inside it).
    Result<int> anonymise(const QString& userId, const QStringList& ids);

    storage::Database& m_database;
    core::Clock m_clock;
};

} // namespace slotdesk::privacy
