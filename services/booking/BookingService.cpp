#include "booking/BookingService.h"

#include "booking/BookingStateMachine.h"
#include "booking/ManageToken.h"
#include "calendar/CalendarOutbox.h"
#include "domain/Validation.h"
#include "mail/MailOutbox.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/VideoIntegrationRepository.h"

#include <QLoggingCategory>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcBooking, "slotdesk.booking")

namespace slotdesk {

using storage::Transaction;

namespace {

Error bookingNotFound() {
    return Error::notFound(QStringLiteral("No such booking"));
}

QString hoursText(int hours) {
    return hours == 1 ? QStringLiteral("1 hour's") : QStringLiteral("%1 hours'").arg(hours);
}

// Why a start the engine would otherwise offer is refused: its day, week or month is full.
Error capReached(scheduling::CapPeriod period, const BookingSettings& settings) {
    const auto [cap, per] = [&]() -> std::pair<int, QString> {
        switch (period) {
        case scheduling::CapPeriod::Day:
            return {settings.maxBookingsPerDay, QStringLiteral("day")};
        case scheduling::CapPeriod::Week:
            return {settings.maxBookingsPerWeek, QStringLiteral("week")};
        case scheduling::CapPeriod::Month:
            return {settings.maxBookingsPerMonth, QStringLiteral("month")};
        }
        return {0, QString()};
    }();
    return Error::conflict(QStringLiteral("That %1 is fully booked (at most %2 a %1)")
                               .arg(per, cap == 1 ? QStringLiteral("1 booking")
                                                  : QStringLiteral("%1 bookings").arg(cap)),
                           QStringLiteral("start"));
}

} // namespace

Result<Booking> BookingService::findForAttendee(const QString& bookingId, const QString& token) {
    auto db = m_database.connection();
    auto found = storage::BookingRepository(db).findByIdUnscoped(bookingId);
    if (!found)
        return found.error();
    if (!found->has_value() || token.isEmpty())
        return bookingNotFound();
    // The token made with the booking, or one minted for an e-mail (booking_access_tokens).
    // Both are looked at whichever matches, so the time taken does not say which one did.
    const QString hash = ManageToken::hash(token);
    const bool original = !(*found)->manageTokenHash.isEmpty() &&
                          ManageToken::hashesEqual((*found)->manageTokenHash, hash);
    auto minted = storage::BookingAccessTokenRepository(db).grants(bookingId, hash);
    if (!minted)
        return minted.error();
    if (!original && !*minted)
        return bookingNotFound();
    return **found;
}

Result<Booking> BookingService::cancelForAttendee(const QString& bookingId, const QString& token,
                                                  const QString& reason) {
    auto booking = findForAttendee(bookingId, token);
    if (!booking)
        return booking.error();
    return transition(booking->userId, bookingId, BookingStatus::Cancelled, reason, true);
}

bool BookingService::needsApproval(const BookingSettings& settings, const QDateTime& start,
                                   const QDateTime& now) {
    switch (settings.approvalPolicy) {
    case ApprovalPolicy::Always:
        return true;
    case ApprovalPolicy::Never:
        return false;
    case ApprovalPolicy::ShortNotice:
        return now.msecsTo(start) < 3600 * 1000 * qint64(settings.approvalWithinHours);
    }
    return true;
}

Status BookingService::checkAttendeeChange(const BookingSettings& settings, const Booking& booking,
                                           AttendeeChange change, const QDateTime& now) {
    const bool cancel = change == AttendeeChange::Cancel;
    if (!cancel && !settings.attendeeReschedule)
        return Error::validation(QStringLiteral("attendeeReschedule"),
                                 QStringLiteral("The host does not let attendees reschedule"));
    const qint64 msLeft = now.msecsTo(booking.startTime);
    if (msLeft < 0)
        return Error::validation(QStringLiteral("start"),
                                 cancel ? QStringLiteral("The meeting has started; it can no "
                                                         "longer be cancelled")
                                        : QStringLiteral("The meeting has started; it can no "
                                                         "longer be rescheduled"));
    if (booking.status == BookingStatus::Confirmed &&
        msLeft < 3600 * 1000 * qint64(settings.attendeeChangeNoticeHours))
        return Error::validation(
            QStringLiteral("attendeeChangeNoticeHours"),
            QStringLiteral("%1 needs at least %2 notice before the start")
                .arg(cancel ? QStringLiteral("Cancelling") : QStringLiteral("Rescheduling"),
                     hoursText(settings.attendeeChangeNoticeHours)));
    return success();
}

Status BookingService::checkAttendeeChange(const Booking& booking, AttendeeChange change) {
    auto settings = storage::BookingSettingsRepository(m_database.connection()).get(booking.userId);
    if (!settings)
        return settings.error();
    return checkAttendeeChange(*settings, booking, change, m_clock.now());
}

Status BookingService::checkOfferedDuration(const QString& userId, int duration) {
    auto settings = storage::BookingSettingsRepository(m_database.connection()).get(userId);
    if (!settings)
        return settings.error();
    if (!settings->durations.contains(duration))
        return Error::validation(
            QStringLiteral("duration"),
            QStringLiteral("%1-minute meetings are not offered").arg(duration));
    return success();
}

QList<VideoProvider> BookingService::videoProviders(const User& admin) {
    QList<VideoProvider> providers;
    auto integrations =
        storage::CalendarIntegrationRepository(m_database.connection()).list(admin.id);
    if (!integrations)
        qCWarning(lcBooking) << "cannot read the calendar integrations; Google Meet not offered:"
                             << integrations.error().message;
    else if (std::any_of(integrations->cbegin(), integrations->cend(), [](const auto& i) {
                 return i.syncStatus != SyncStatus::Disconnected &&
                        i.type == CalendarType::GoogleCalendar;
             }))
        providers.append(VideoProvider::GoogleMeet);
    // Zoom only with a usable account (not one waiting to be reconnected).
    auto zoom = storage::VideoIntegrationRepository(m_database.connection())
                    .find(admin.id, QStringLiteral("zoom"));
    if (!zoom)
        qCWarning(lcBooking) << "cannot read the Zoom integration; Zoom not offered:"
                             << zoom.error().message;
    else if (*zoom && isUsable((*zoom)->status))
        providers.append(VideoProvider::Zoom);
    return providers;
}

Result<Booking> BookingService::createForAttendee(const User& admin, const BookingRequest& request,
                                                  QString* manageToken) {
    if (auto s = checkOfferedDuration(admin.id, request.duration); !s)
        return s.error();
    if (request.videoProvider && !videoProviders(admin).contains(*request.videoProvider))
        return Error::validation(QStringLiteral("videoProvider"),
                                 QStringLiteral("%1 is not available for this booking page")
                                     .arg(*request.videoProvider == VideoProvider::Zoom
                                              ? QStringLiteral("Zoom")
                                              : QStringLiteral("Google Meet")));
    return create(admin, request, manageToken);
}

Status BookingService::checkRequest(const BookingRequest& request) {
    if (!request.start.isValid())
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("A start time is required"));
    // Exactly a slot's start: the engine counts whole seconds, so a fraction would be rounded
    // onto the grid and the booking would overlap its neighbour.
    if (auto s = validation::wholeSecond(request.start, QStringLiteral("start")); !s)
        return s;
    if (auto s = validation::bookingLength(request.duration); !s)
        return s;
    if (auto s = validation::displayName(request.name); !s)
        return s;
    if (auto s = validation::email(request.email); !s)
        return s;
    if (auto s = validation::optionalText(request.notes, QStringLiteral("notes"),
                                          validation::kMaxNotesLength);
        !s)
        return s;
    if (auto s = validation::language(request.language); !s)
        return s;
    return validation::timeZone(request.timeZone);
}

Result<Booking> BookingService::create(const User& admin, const BookingRequest& request,
                                       QString* manageToken) {
    if (auto s = checkRequest(request); !s)
        return s.error();

    auto db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    auto settings = storage::BookingSettingsRepository(db).get(admin.id);
    if (!settings)
        return settings.error();

    SlotService slotService(m_database, m_clock);
    const QDateTime now = slotService.now();
    const QDateTime start = request.start.toUTC();
    const QDateTime end = start.addSecs(60 * qint64(request.duration));
    if (start < now)
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("The start time is in the past"));
    if (start < now.addSecs(60 * qint64(settings->minimumNotice)))
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("Bookings need at least %1 minutes' notice")
                                     .arg(settings->minimumNotice));
    if (start > now.addDays(settings->horizonDays))
        return Error::validation(
            QStringLiteral("start"),
            QStringLiteral("Bookings open at most %1 days ahead").arg(settings->horizonDays));

    if (request.maxOpenRequestsPerEmail > 0) {
        auto open = storage::BookingRepository(db).countOpenRequests(admin.id,
                                                                     request.email.trimmed(), now);
        if (!open)
            return open.error();
        if (*open >= request.maxOpenRequestsPerEmail)
            return Error{
                ErrorCode::RateLimited,
                QStringLiteral("You already have %1 requests waiting for approval").arg(*open),
                QStringLiteral("email")};
    }

    auto input = slotService.loadInput(admin, *settings, request.duration, start.addDays(-1),
                                       end.addDays(1));
    if (!input)
        return input.error();
    const scheduling::Interval wanted{toEngine(start), toEngine(end)};
    if (!scheduling::SlotEngine::offers(*input, wanted, toEngine(now))) {
        // Would it be a slot if nothing were booked? Then someone was faster (to the time, or to
        // the last place a cap allows); else it never was.
        const auto full = scheduling::SlotEngine::fullPeriod(*input, wanted.start);
        input->bookings.clear();
        input->busyEvents.clear();
        if (!scheduling::SlotEngine::offers(*input, wanted, toEngine(now)))
            return Error::validation(
                QStringLiteral("start"),
                QStringLiteral("The start time is not one of the offered slots"));
        if (full)
            return capReached(*full, *settings);
        return Error::conflict(QStringLiteral("That slot is no longer available"),
                               QStringLiteral("start"));
    }
    const bool confirmNow = !needsApproval(*settings, start, now);

    Booking booking;
    booking.userId = admin.id;
    booking.startTime = start;
    booking.endTime = end;
    booking.attendeeName = request.name.trimmed();
    booking.attendeeEmail = request.email.trimmed();
    booking.notes = request.notes;
    booking.timeZone = request.timeZone;
    booking.language = request.language;
    booking.requestedVideoProvider = request.videoProvider;
    booking.status = confirmNow ? BookingStatus::Confirmed : BookingStatus::Pending;
    const QString token = ManageToken::generate();
    booking.manageTokenHash = ManageToken::hash(token);
    if (auto s = validation::booking(booking); !s)
        return s.error();
    auto created = storage::BookingRepository(db, m_clock).create(booking);
    if (!created)
        return created.error();
    // What the booking owes is queued in the same transaction: for a request, its e-mails; for a
    // booking the standing rule confirmed, what approving that request would have queued.
    if (confirmNow) {
        Booking requested = *created;
        requested.status = BookingStatus::Pending;
        if (auto s = CalendarOutbox::enqueueForTransition(db, m_clock, requested, *created); !s)
            return s.error();
        if (auto s = mail::MailOutbox::enqueueForTransition(db, requested, *created, false, now);
            !s)
            return s.error();
    } else if (auto s = mail::MailOutbox::enqueueForCreation(db, *created, now); !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    if (manageToken)
        *manageToken = token;
    return created;
}

Result<Booking> BookingService::approve(const QString& userId, const QString& bookingId) {
    return transition(userId, bookingId, BookingStatus::Confirmed, {}, false);
}

Result<Booking> BookingService::reject(const QString& userId, const QString& bookingId,
                                       const QString& reason) {
    return transition(userId, bookingId, BookingStatus::Rejected, reason, false);
}

Result<Booking> BookingService::cancel(const QString& userId, const QString& bookingId,
                                       const QString& reason) {
    return transition(userId, bookingId, BookingStatus::Cancelled, reason, false);
}

Result<Booking> BookingService::transition(const QString& userId, const QString& bookingId,
                                           BookingStatus to, const QString& reason,
                                           bool byAttendee) {
    if (auto s = validation::optionalText(reason, QStringLiteral("reason"),
                                          validation::kMaxReasonLength);
        !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, m_clock);
    auto found = bookings.findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("No booking with id '%1'").arg(displayValue(bookingId)));
    Booking booking = **found;
    if (auto s = BookingStateMachine::check(booking.status, to); !s)
        return s.error();
    if (byAttendee) {
        // Through the manage link the admin's rules for attendee changes apply, read in this
        // transaction.
        auto settings = storage::BookingSettingsRepository(db).get(userId);
        if (!settings)
            return settings.error();
        if (auto s = checkAttendeeChange(*settings, booking, AttendeeChange::Cancel, m_clock.now());
            !s)
            return s.error();
    }
    booking.status = to;
    booking.statusReason = reason;
    ++booking.sequence; // the attendee's calendar takes the new status over the old
    auto updated = bookings.update(booking);
    if (!updated)
        return updated.error();
    // The calendar write this change owes (if any) is queued in the same transaction.
    if (auto s = CalendarOutbox::enqueueForTransition(db, m_clock, **found, *updated); !s)
        return s.error();
    // ... and so are the e-mails it owes.
    const QDateTime now = m_clock.now();
    if (auto s = mail::MailOutbox::enqueueForTransition(db, **found, *updated, byAttendee, now); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return updated;
}

Status BookingService::recordVideoMeeting(const QString& userId,
                                          const storage::VideoMeeting& meeting) {
    const auto provider = videoProviderFromString(meeting.provider);
    if (!provider || meeting.joinUrl.isEmpty())
        return Error::validation(QStringLiteral("videoLink"),
                                 QStringLiteral("A meeting needs a known provider and a link"));
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, m_clock);
    auto found = bookings.findById(userId, meeting.bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return bookingNotFound();
    if (auto s = storage::VideoIntegrationRepository(db, m_clock).saveMeeting(meeting); !s)
        return s;
    Booking booking = **found;
    if (booking.videoLink != meeting.joinUrl)
        ++booking.sequence;
    booking.videoProvider = provider;
    booking.videoLink = meeting.joinUrl;
    if (auto updated = bookings.update(booking); !updated)
        return updated.error();
    return tx->commit();
}

Result<std::optional<Booking>>
BookingService::recordCalendarEvent(const QSqlDatabase& db, const core::Clock& clock,
                                    const QString& userId, const QString& bookingId,
                                    const QString& eventId, const QString& meetLink) {
    storage::BookingRepository bookings(db, clock);
    auto found = bookings.findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<Booking>();
    Booking booking = **found;
    booking.calendarEventId = eventId;
    if (booking.requestedVideoProvider == VideoProvider::GoogleMeet && !meetLink.isEmpty()) {
        if (booking.videoLink != meetLink)
            ++booking.sequence;
        booking.videoProvider = VideoProvider::GoogleMeet;
        booking.videoLink = meetLink;
    }
    auto updated = bookings.update(booking);
    if (!updated)
        return updated.error();
    return std::optional<Booking>(*updated);
}

Result<Booking> BookingService::find(const QString& userId, const QString& bookingId) {
    auto found = storage::BookingRepository(m_database.connection()).findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("No booking with id '%1'").arg(displayValue(bookingId)));
    return **found;
}

Result<QVector<Booking>> BookingService::list(const QString& userId,
                                              const storage::BookingFilter& filter) {
    return storage::BookingRepository(m_database.connection()).list(userId, filter);
}

} // namespace slotdesk
