#include "privacy/AttendeePrivacy.h"

#include "booking/BookingService.h"
#include "domain/Validation.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPrivacy, "slotdesk.privacy")

namespace slotdesk::privacy {
namespace {

// What a cancellation for an erasure says (the attendee is not named in it).
const QString kCancelReason = QStringLiteral("Attendee data erased on request");

bool isFuture(const Booking& b, const QDateTime& now) {
    return b.startTime > now &&
           (b.status == BookingStatus::Pending || b.status == BookingStatus::Confirmed);
}

} // namespace

Result<QVector<Booking>> AttendeePrivacy::bookingsOf(const QString& userId, const QString& email) {
    if (auto s = validation::email(email.trimmed()); !s)
        return s.error();
    auto all = storage::BookingRepository(m_database.connection(), m_clock).list(userId);
    if (!all)
        return all.error();
    QVector<Booking> theirs;
    for (const Booking& b : *all)
        if (b.attendeeEmail.compare(email.trimmed(), Qt::CaseInsensitive) == 0)
            theirs.append(b);
    return theirs;
}

Result<QVector<AttendeeBooking>> AttendeePrivacy::show(const QString& userId,
                                                       const QString& email) {
    auto tx =
        storage::Transaction::begin(m_database.connection(), storage::Transaction::Mode::Read);
    if (!tx)
        return tx.error();
    auto bookings = bookingsOf(userId, email);
    if (!bookings)
        return bookings.error();
    storage::MailOutboxRepository mails(m_database.connection(), m_clock);
    storage::AttendeeDataRepository data(m_database.connection(), m_clock);
    QVector<AttendeeBooking> record;
    for (const Booking& b : *bookings) {
        auto sent = mails.listForBooking(b.id);
        if (!sent)
            return sent.error();
        auto tokens = data.accessTokens(b.id);
        if (!tokens)
            return tokens.error();
        record.append({b, *sent, *tokens});
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return record;
}

Result<QVector<Booking>> AttendeePrivacy::toCancel(const QString& userId, const QString& email) {
    auto bookings = bookingsOf(userId, email);
    if (!bookings)
        return bookings.error();
    const QDateTime now = m_clock.now();
    QVector<Booking> future;
    for (const Booking& b : *bookings)
        if (isFuture(b, now))
            future.append(b);
    return future;
}

Result<ForgetOutcome> AttendeePrivacy::forget(const QString& userId, const QString& email) {
    auto future = toCancel(userId, email);
    if (!future)
        return future.error();
    ForgetOutcome outcome;
    BookingService bookings(m_database, m_clock);
    for (const Booking& b : *future) {
        auto cancelled = bookings.cancel(userId, b.id, kCancelReason);
        if (!cancelled)
            return cancelled.error();
        outcome.cancelled << b.id;
    }
    auto theirs = bookingsOf(userId, email);
    if (!theirs)
        return theirs.error();
    QStringList ids;
    for (const Booking& b : *theirs)
        ids << b.id;
    auto anonymised = anonymise(userId, ids);
    if (!anonymised)
        return anonymised.error();
    outcome.anonymised = *anonymised;
    auto compacted = storage::AttendeeDataRepository(m_database.connection()).compact();
    if (!compacted)
        return compacted.error();
    outcome.compacted = *compacted;
    return outcome;
}

Result<int> AttendeePrivacy::anonymise(const QString& userId, const QStringList& ids) {
    if (ids.isEmpty())
        return 0;
    const QSqlDatabase db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, m_clock);
    storage::AttendeeDataRepository data(db, m_clock);
    int changed = 0;
    for (const QString& id : ids) {
        auto found = bookings.findById(userId, id);
        if (!found)
            return found.error();
        if (!found->has_value())
            continue; // deleted meanwhile
        if (auto s = data.anonymise(**found); !s)
            return s.error();
        ++changed;
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return changed;
}

Result<int> AttendeePrivacy::retentionDays(const QString& userId) {
    return storage::AttendeeDataRepository(m_database.connection()).retentionDays(userId);
}

Status AttendeePrivacy::setRetentionDays(const QString& userId, int days) {
    return storage::AttendeeDataRepository(m_database.connection(), m_clock)
        .setRetentionDays(userId, days);
}

Result<int> AttendeePrivacy::applyRetention() {
    storage::AttendeeDataRepository data(m_database.connection(), m_clock);
    auto settings = data.retentionSettings();
    if (!settings)
        return settings.error();
    int changed = 0;
    for (const auto& setting : *settings) {
        auto due = data.endedBy(setting.userId, m_clock.now().addDays(-setting.days));
        if (!due)
            return due.error();
        auto anonymised = anonymise(setting.userId, *due);
        if (!anonymised)
            return anonymised.error();
        changed += *anonymised;
    }
    if (changed > 0) {
        auto compacted = data.compact();
        if (!compacted)
            return compacted.error();
        if (!*compacted)
            qCWarning(lcPrivacy) << "Attendee data anonymised, but another connection kept the "
                                    "SQLite write-ahead log from being emptied; the next "
                                    "anonymisation or forget empties it";
    }
    return changed;
}

} // namespace slotdesk::privacy
