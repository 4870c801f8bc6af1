#include "mail/MailOutbox.h"

#include "booking/ManageToken.h"
#include "core/LeaseHolder.h"
#include "core/LogRedaction.h"
#include "mail/MailComposer.h"
#include "mail/MailKind.h"
#include "mail/MailSetup.h"
#include "mail/MimeWriter.h"
#include "mail/SmtpSender.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMail, "slotdesk.mail")

namespace slotdesk::mail {
namespace {

using storage::MailOutboxEntry;

QString idempotencyKey(const QString& bookingId, MailKind kind, int sequence) {
    return QStringLiteral("%1:%2:%3").arg(bookingId, toText(kind)).arg(sequence);
}

Status enqueue(const QSqlDatabase& db, const Booking& booking, MailKind kind,
               const MailSettings& settings, const QDateTime& due) {
    MailOutboxEntry entry;
    entry.userId = booking.userId;
    entry.bookingId = booking.id;
    entry.kind = toText(kind);
    entry.sequence = booking.sequence;
    if (isForAdmin(kind)) {
        auto admin = storage::UserRepository(db).findById(booking.userId);
        if (!admin)
            return admin.error();
        if (!admin->has_value())
            return Error::notFound(QStringLiteral("No admin for the booking"));
        entry.recipient = (*admin)->email;
        entry.language = settings.language;
    } else {
        entry.recipient = booking.attendeeEmail;
        entry.language = booking.language;
    }
    entry.idempotencyKey = idempotencyKey(booking.id, kind, booking.sequence);
    entry.nextAttemptAt = due;
    auto added = storage::MailOutboxRepository(db).enqueue(entry);
    if (!added)
        return added.error();
    return success();
}

// The reminder of a confirmed meeting, if the admin wants one and it is still ahead.
Status enqueueReminder(const QSqlDatabase& db, const Booking& booking, const MailSettings& settings,
                       const QDateTime& now) {
    if (booking.status != BookingStatus::Confirmed || settings.reminderMinutes <= 0)
        return success();
    const QDateTime due = booking.startTime.addSecs(-60 * qint64(settings.reminderMinutes));
    if (due <= now)
        return success();
    return enqueue(db, booking, MailKind::Reminder, settings, due);
}

// The admin's mail settings, if they set up e-mail.
Result<std::optional<MailSettings>> settingsOf(const QSqlDatabase& db, const QString& userId) {
    return storage::MailSettingsRepository(db).find(userId);
}

} // namespace

Status MailOutbox::enqueueForCreation(const QSqlDatabase& db, const Booking& booking,
                                      const QDateTime& now) {
    auto settings = settingsOf(db, booking.userId);
    if (!settings)
        return settings.error();
    if (!settings->has_value())
        return success();
    if (auto s = enqueue(db, booking, MailKind::RequestReceived, **settings, now); !s)
        return s;
    if ((*settings)->adminNotices)
        return enqueue(db, booking, MailKind::AdminNewRequest, **settings, now);
    return success();
}

Status MailOutbox::enqueueForReschedule(const QSqlDatabase& db, const Booking& moved,
                                        const QDateTime& now) {
    auto settings = settingsOf(db, moved.userId);
    if (!settings)
        return settings.error();
    if (!settings->has_value())
        return success();
    if (auto s = enqueue(db, moved, MailKind::Rescheduled, **settings, now); !s)
        return s;
    return enqueueReminder(db, moved, **settings, now);
}

Status MailOutbox::enqueueForTransition(const QSqlDatabase& db, const Booking& before,
                                        const Booking& after, bool byAttendee,
                                        const QDateTime& now) {
    auto found = settingsOf(db, after.userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return success();
    const MailSettings& settings = **found;
    const bool wasConfirmed = before.status == BookingStatus::Confirmed;
    QList<MailKind> kinds;
    switch (after.status) {
    case BookingStatus::Confirmed:
        kinds = {MailKind::Approved};
        break;
    case BookingStatus::Rejected:
        kinds = {MailKind::Rejected};
        break;
    case BookingStatus::Cancelled:
        if (byAttendee) {
            kinds = {wasConfirmed ? MailKind::CancelledByAttendee : MailKind::Withdrawn};
            if (settings.adminNotices)
                kinds.append(wasConfirmed ? MailKind::AdminAttendeeCancelled
                                          : MailKind::AdminAttendeeWithdrew);
        } else {
            // The admin calling off a request that was never confirmed declines it.
            kinds = {wasConfirmed ? MailKind::CancelledByAdmin : MailKind::Rejected};
        }
        break;
    case BookingStatus::Pending:
        break;
    }
    for (const MailKind kind : kinds)
        if (auto s = enqueue(db, after, kind, settings, now); !s)
            return s;
    return enqueueReminder(db, after, settings, now);
}

MailOutbox::MailOutbox(storage::Database& database, const PasswordSource& passwords,
                       core::Clock clock, QString leaseOwner)
    : m_database(database)
    , m_passwords(passwords)
    , m_clock(std::move(clock))
    , m_leaseOwner(leaseOwner.isEmpty() ? LeaseHolder::forThisProcess().id
                                        : std::move(leaseOwner)) {}

std::chrono::seconds MailOutbox::backoff(int attempts) {
    const int doublings = std::clamp(attempts - 1, 0, 6); // 1, 2, 4, ... 64 min
    return std::min(std::chrono::seconds(60 << doublings), std::chrono::seconds(3600));
}

Result<DeliveryReport> MailOutbox::deliverDue(int limit) {
    DeliveryReport report;
    auto db = m_database.connection();
    for (int handled = 0; handled < limit; ++handled) {
        const QDateTime now = m_clock.now();
        std::optional<MailOutboxEntry> claimed;
        {
            auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
            if (!tx)
                return tx.error();
            auto next = storage::MailOutboxRepository(db).claimNext(m_leaseOwner, now,
                                                                    now.addSecs(m_lease.count()));
            if (!next)
                return next.error();
            if (auto s = tx->commit(); !s)
                return s.error();
            claimed = *next;
        }
        if (!claimed)
            break;
        if (auto s = deliverOne(*claimed, report); !s)
            return s.error();
    }
    return report;
}

Result<QString> MailOutbox::mintManageToken(const QString& bookingId) {
    auto db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    const QString token = ManageToken::generate();
    if (auto s = storage::BookingAccessTokenRepository(db, m_clock)
                     .add(bookingId, ManageToken::hash(token));
        !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return token;
}

Status MailOutbox::deliverOne(const MailOutboxEntry& entry, DeliveryReport& report) {
    auto db = m_database.connection();
    storage::MailOutboxRepository outbox(db);
    const QDateTime now = m_clock.now();
    const auto fail = [&](const QString& why) -> Status {
        qCWarning(lcMail).noquote() << "mail" << entry.id << "failed:" << logQuoted(why);
        ++report.failed;
        auto done = outbox.markFailed(entry.id, m_leaseOwner, entry.attempts + 1, why);
        return done ? success() : Status(done.error());
    };
    const auto drop = [&]() -> Status {
        ++report.dropped;
        auto done = outbox.remove(entry.id, m_leaseOwner);
        return done ? success() : Status(done.error());
    };

    const auto kind = mailKindFromString(entry.kind);
    if (!kind)
        return fail(QStringLiteral("Unknown kind of mail '%1'").arg(entry.kind));
    auto booking = storage::BookingRepository(db).findById(entry.userId, entry.bookingId);
    if (!booking)
        return booking.error();
    if (!booking->has_value())
        return drop();
    if (*kind == MailKind::Reminder && (*booking)->status != BookingStatus::Confirmed)
        return drop(); // the meeting is off: nothing to remind of
    const bool live = (*booking)->status == BookingStatus::Pending ||
                      (*booking)->status == BookingStatus::Confirmed;
    if (*kind == MailKind::Rescheduled && !live)
        return drop(); // moved, then called off: the mail about that says so
    auto admin = storage::UserRepository(db).findById(entry.userId);
    if (!admin)
        return admin.error();
    auto settings = settingsOf(db, entry.userId);
    if (!settings)
        return settings.error();
    if (!admin->has_value() || !settings->has_value())
        return fail(QStringLiteral("E-mail is not set up"));
    const MailSettings& mailSettings = **settings;

    MailContext context;
    context.booking = **booking;
    // The mail describes the change that owed it, even if the booking has moved on since (its
    // invitation keeps its own SEQUENCE, so calendars apply the later change on top). A reminder
    // describes the meeting as it is now.
    if (*kind != MailKind::Reminder) {
        context.booking.sequence = entry.sequence;
        if (*kind == MailKind::Approved)
            context.booking.status = BookingStatus::Confirmed;
    }
    // A move: the time it replaces, and the event it continues (the first booking's UID).
    if (!context.booking.rescheduledFromId.isEmpty()) {
        storage::BookingRepository bookings(db);
        auto previous = bookings.findById(entry.userId, context.booking.rescheduledFromId);
        if (!previous)
            return previous.error();
        context.previous = *previous;
        auto first = bookings.firstOfChain(entry.userId, context.booking.id);
        if (!first)
            return first.error();
        context.eventBookingId = *first;
    }
    context.admin = **admin;
    context.from = {mailSettings.fromName, mailSettings.fromAddress};
    context.adminLanguage = mailSettings.language;
    context.now = now;
    if (m_manageLink && carriesManageLink(*kind)) {
        auto token = mintManageToken(context.booking.id);
        if (!token)
            return token.error();
        context.manageUrl = m_manageLink(context.booking, *token);
    }
    auto message = MailComposer::compose(*kind, context);
    if (!message)
        return fail(message.error().message);
    const QByteArray digest =
        QCryptographicHash::hash(entry.idempotencyKey.toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    const QString domain = mailSettings.fromAddress.section(u'@', -1);
    message->messageId = QString::fromLatin1(digest) + u'@' + domain;
    auto bytes = MimeWriter::render(*message);
    if (!bytes)
        return fail(bytes.error().message);

    const SmtpSettings smtp = smtpSettingsFor(mailSettings);
    const SendResult result = SmtpSender(smtp, &m_passwords, entry.userId)
                                  .send(mailSettings.fromAddress, {entry.recipient}, *bytes);
    Result<bool> recorded = false;
    switch (result.outcome) {
    case SendOutcome::Sent:
        ++report.sent;
        recorded = outbox.markSent(entry.id, m_leaseOwner, m_clock.now());
        break;
    case SendOutcome::Transient:
        if (entry.attempts + 1 >= m_maxAttempts)
            return fail(result.detail);
        ++report.retrying;
        qCInfo(lcMail).noquote() << "mail" << entry.id
                                 << "will be retried:" << logQuoted(result.detail);
        recorded = outbox.reschedule(entry.id, m_leaseOwner, entry.attempts + 1,
                                     m_clock.now().addSecs(backoff(entry.attempts + 1).count()),
                                     result.detail);
        break;
    case SendOutcome::Permanent:
        return fail(result.detail);
    }
    if (!recorded)
        return recorded.error();
    if (!*recorded)
        qCWarning(lcMail) << "mail" << entry.id << "was delivered after its lease ran out";
    return success();
}

} // namespace slotdesk::mail
