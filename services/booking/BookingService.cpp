#include "booking/BookingService.h"

#include "booking/BookingStateMachine.h"
#include "booking/ManageToken.h"
#include "calendar/CalendarOutbox.h"
#include "core/TimeFormat.h"
#include "domain/Validation.h"
#include "mail/MailOutbox.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
#include "storage/VideoIntegrationRepository.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcBooking, "slotdesk.booking")

namespace slotdesk {

using storage::Transaction;

namespace {

Error bookingNotFound() {
    return Error::notFound(QStringLiteral("No such booking"));
}

Error noBookingWithId(const QString& bookingId) {
    return Error::notFound(QStringLiteral("No booking with id '%1'").arg(displayValue(bookingId)));
}

Status checkReason(const QString& reason) {
    return validation::optionalText(reason, QStringLiteral("reason"), validation::kMaxReasonLength);
}

// `userId`'s booking `bookingId` as stored (in the caller's transaction), or NotFound.
Result<Booking> findOwned(storage::BookingRepository& bookings, const QString& userId,
                          const QString& bookingId) {
    auto found = bookings.findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return noBookingWithId(bookingId);
    return **found;
}

// `booking` called off by a move for `reason`: cancelled, with its SEQUENCE raised (calendars
// take the change over the version they have). No state machine check: the callers only call
// off a pending or confirmed booking, which may always be cancelled.
Booking calledOff(Booking booking, const QString& reason) {
    booking.status = BookingStatus::Cancelled;
    booking.statusReason = reason;
    ++booking.sequence;
    return booking;
}

// The reason a moved booking's original keeps.
QString rescheduledTo(const Booking& moved) {
    return QStringLiteral("Rescheduled to %1").arg(timeformat::toRfc3339Utc(moved.startTime));
}

// What a move owes the calendar and video integrations, in its write transaction: the original
// `originalBefore` → `originalAfter` (cancelled), the new booking `movedBefore` → `movedAfter`
// (confirmed).
// TODO(reschedule, next step): hand the original's Google event and Zoom meeting over to the new
// booking instead — a calendar job that PATCHes the event's start/end (sendUpdates) and copies
// calendarEventId onto the new booking, and a Zoom PATCH that moves the video_meetings row and the
// video link with it. Until then the original's event is deleted and a new one inserted, as a
// cancellation and an approval would; the original keeps its calendarEventId and meeting row, so
// the hand-over has what it needs.
Status handOverIntegrations(const QSqlDatabase& db, const core::Clock& clock,
                            const Booking& originalBefore, const Booking& originalAfter,
                            const Booking& movedBefore, const Booking& movedAfter) {
    if (auto s = CalendarOutbox::enqueueForTransition(db, clock, originalBefore, originalAfter); !s)
        return s;
    return CalendarOutbox::enqueueForTransition(db, clock, movedBefore, movedAfter);
}

} // namespace

Result<Booking> BookingService::findForAttendee(const QString& bookingId, const QString& token) {
    auto db = m_database.connection();
    storage::BookingRepository bookings(db);
    auto found = bookings.findByIdUnscoped(bookingId);
    if (!found)
        return found.error();
    if (!found->has_value() || token.isEmpty())
        return bookingNotFound();
    // The token made with the booking, or one minted for an e-mail (booking_access_tokens) — of
    // this booking or of one it was moved from: the manage link of a moved booking leads on to
    // the new one. Both kinds are looked at whichever matches, so the time taken does not say
    // which one did.
    const QString hash = ManageToken::hash(token);
    std::optional<Booking> link = **found;
    for (int hops = 0; link && hops < storage::BookingRepository::kMaxChainLength; ++hops) {
        const bool original = !link->manageTokenHash.isEmpty() &&
                              ManageToken::hashesEqual(link->manageTokenHash, hash);
        auto minted = storage::BookingAccessTokenRepository(db).grants(link->id, hash);
        if (!minted)
            return minted.error();
        if (original || *minted)
            return **found;
        if (link->rescheduledFromId.isEmpty())
            break;
        auto previous = bookings.findById(link->userId, link->rescheduledFromId);
        if (!previous)
            return previous.error();
        link = *previous;
    }
    return bookingNotFound();
}

Result<Booking> BookingService::cancelForAttendee(const QString& bookingId, const QString& token,
                                                  const QString& reason) {
    auto booking = findForAttendee(bookingId, token);
    if (!booking)
        return booking.error();
    return transition(booking->userId, bookingId, BookingStatus::Cancelled, reason, true);
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

    const QDateTime now = SlotService(m_database, m_clock).now();
    const QDateTime start = request.start.toUTC();
    const QDateTime end = start.addSecs(60 * qint64(request.duration));
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

    if (auto s = checkSlot(admin, *settings, start, request.duration); !s)
        return s.error();

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
    booking.status = BookingStatus::Pending;
    const QString token = ManageToken::generate();
    booking.manageTokenHash = ManageToken::hash(token);
    if (auto s = validation::booking(booking); !s)
        return s.error();
    auto created = storage::BookingRepository(db, m_clock).create(booking);
    if (!created)
        return created.error();
    // The e-mails the request owes are queued in the same transaction.
    if (auto s = mail::MailOutbox::enqueueForCreation(db, *created, now); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    if (manageToken)
        *manageToken = token;
    return created;
}

Status BookingService::checkSlot(const User& admin, const BookingSettings& settings,
                                 const QDateTime& start, int duration,
                                 const QStringList& ignoredBookingIds) {
    SlotService slotService(m_database, m_clock);
    const QDateTime now = slotService.now();
    const QDateTime end = start.addSecs(60 * qint64(duration));
    if (start < now)
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("The start time is in the past"));
    if (start < now.addSecs(60 * qint64(settings.minimumNotice)))
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("Bookings need at least %1 minutes' notice")
                                     .arg(settings.minimumNotice));
    if (start > now.addDays(settings.horizonDays))
        return Error::validation(
            QStringLiteral("start"),
            QStringLiteral("Bookings open at most %1 days ahead").arg(settings.horizonDays));

    auto input = slotService.loadInput(admin, settings, duration, start.addDays(-1), end.addDays(1),
                                       ignoredBookingIds);
    if (!input)
        return input.error();
    const scheduling::Interval wanted{toEngine(start), toEngine(end)};
    if (!scheduling::SlotEngine::offers(*input, wanted, toEngine(now))) {
        // Would it be a slot if nothing were booked? Then someone was faster; else it never was.
        input->bookings.clear();
        input->busyEvents.clear();
        if (scheduling::SlotEngine::offers(*input, wanted, toEngine(now)))
            return Error::conflict(QStringLiteral("That slot is no longer available"),
                                   QStringLiteral("start"));
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("The start time is not one of the offered slots"));
    }
    return success();
}

Result<Booking> BookingService::reschedule(const QString& userId, const QString& bookingId,
                                           const QDateTime& newStartUtc, int durationMinutes,
                                           const QString& reason) {
    return move(userId, bookingId, newStartUtc, durationMinutes, {}, reason, false);
}

Result<Booking> BookingService::rescheduleForAttendee(const QString& bookingId,
                                                      const QString& token,
                                                      const RescheduleRequest& request) {
    auto booking = findForAttendee(bookingId, token);
    if (!booking)
        return booking.error();
    if (auto s = checkOfferedDuration(booking->userId, request.duration); !s)
        return s.error();
    return move(booking->userId, booking->id, request.start, request.duration, request.timeZone, {},
                true);
}

Status BookingService::attendeeMayReschedule(const User& admin, const Booking& booking) {
    // TODO(policies): return checkAttendeeChange(admin, booking, ChangeKind::Reschedule) — the
    // admin's minimum notice for attendee changes and the switch that turns reschedule off
    // (branch `policies`); until the two are joined every attendee move is allowed here.
    Q_UNUSED(admin)
    Q_UNUSED(booking)
    return success();
}

Result<std::optional<Booking>> BookingService::meetingMovedBy(storage::BookingRepository& bookings,
                                                              const Booking& booking) {
    if (booking.status != BookingStatus::Pending || booking.rescheduledFromId.isEmpty())
        return std::optional<Booking>();
    auto from = bookings.findById(booking.userId, booking.rescheduledFromId);
    if (!from)
        return from.error();
    if (!*from || (*from)->status != BookingStatus::Confirmed ||
        (*from)->rescheduledToId != booking.id)
        return std::optional<Booking>();
    return *from;
}

Result<QStringList> BookingService::replacedByMove(const Booking& booking) {
    storage::BookingRepository bookings(m_database.connection());
    auto meeting = meetingMovedBy(bookings, booking);
    if (!meeting)
        return meeting.error();
    QStringList ids{booking.id};
    if (*meeting)
        ids.append((*meeting)->id);
    return ids;
}

Status BookingService::checkMovable(const Booking& booking, bool byAttendee) {
    if (booking.status != BookingStatus::Pending && booking.status != BookingStatus::Confirmed)
        return Error{ErrorCode::InvalidTransition,
                     QStringLiteral("A %1 booking can't be moved").arg(toText(booking.status)),
                     {}};
    if (booking.startTime <= m_clock.now())
        return Error{ErrorCode::InvalidTransition,
                     QStringLiteral("A meeting that has started can't be moved"),
                     {}};
    auto db = m_database.connection();
    if (!booking.rescheduledToId.isEmpty()) {
        auto next =
            storage::BookingRepository(db).findById(booking.userId, booking.rescheduledToId);
        if (!next)
            return next.error();
        if (*next && (*next)->status == BookingStatus::Pending)
            return Error::conflict(
                QStringLiteral("A move of this booking is already waiting for approval"));
    }
    if (!byAttendee)
        return success();
    auto admin = storage::UserRepository(db).findById(booking.userId);
    if (!admin)
        return admin.error();
    if (!*admin)
        return bookingNotFound();
    return attendeeMayReschedule(**admin, booking);
}

Result<Booking> BookingService::move(const QString& userId, const QString& bookingId,
                                     const QDateTime& start, int duration, const QString& timeZone,
                                     const QString& reason, bool byAttendee) {
    if (!start.isValid())
        return Error::validation(QStringLiteral("start"),
                                 QStringLiteral("A start time is required"));
    if (auto s = validation::wholeSecond(start, QStringLiteral("start")); !s)
        return s.error();
    if (auto s = validation::bookingLength(duration); !s)
        return s.error();
    if (!timeZone.isEmpty()) {
        if (auto s = validation::timeZone(timeZone); !s)
            return s.error();
    }
    if (auto s = checkReason(reason); !s)
        return s.error();

    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, m_clock);
    auto found = findOwned(bookings, userId, bookingId);
    if (!found)
        return found.error();
    const Booking original = *found;
    auto admin = storage::UserRepository(db).findById(userId);
    if (!admin)
        return admin.error();
    if (!*admin)
        return noBookingWithId(bookingId);
    if (auto s = checkMovable(original, byAttendee); !s)
        return s.error();
    // Moving a pending move request asks anew for the meeting it would move: the new request
    // replaces it and becomes that meeting's move.
    auto meeting = meetingMovedBy(bookings, original);
    if (!meeting)
        return meeting.error();
    const Booking& moves = *meeting ? **meeting : original;
    auto settings = storage::BookingSettingsRepository(db).get(userId);
    if (!settings)
        return settings.error();
    const QDateTime startUtc = start.toUTC();
    for (const Booking* b : {&original, &moves}) {
        if (startUtc == b->startTime && b->startTime.secsTo(b->endTime) == 60 * qint64(duration))
            return Error::validation(QStringLiteral("start"),
                                     QStringLiteral("That is the booking's time already"));
    }
    if (auto s =
            checkSlot(**admin, *settings, startUtc, duration, QStringList{original.id, moves.id});
        !s)
        return s.error();

    // The admin's move of a confirmed meeting is confirmed at once; anything else is a request.
    const bool confirmNow = !byAttendee && original.status == BookingStatus::Confirmed;
    Booking moved = original;
    moved.id.clear();
    moved.startTime = startUtc;
    moved.endTime = startUtc.addSecs(60 * qint64(duration));
    moved.status = confirmNow ? BookingStatus::Confirmed : BookingStatus::Pending;
    moved.statusReason = byAttendee ? QString() : reason;
    if (!timeZone.isEmpty())
        moved.timeZone = timeZone;
    // The meeting's provider-made parts stay with the original until they are handed over.
    moved.videoProvider.reset();
    moved.videoLink.clear();
    moved.calendarEventId.clear();
    // Access goes through the original's tokens (findForAttendee follows the chain).
    moved.manageTokenHash.clear();
    moved.rescheduledFromId = moves.id;
    moved.rescheduledToId.clear();
    // The attendee's calendar holds the original's event (the same UID): the move must
    // outrank every version of it they have — the original's retirement below included.
    moved.sequence = std::max(original.sequence, moves.sequence) + 2;
    if (auto s = validation::booking(moved); !s)
        return s.error();
    auto created = bookings.create(moved);
    if (!created)
        return created.error();

    // The original: linked to the move and — unless it is a confirmed meeting that keeps its
    // time until the admin decides on the attendee's request — withdrawn or cancelled.
    Booking retired = original;
    retired.rescheduledToId = created->id;
    if (confirmNow || original.status == BookingStatus::Pending)
        retired = calledOff(retired, rescheduledTo(*created));
    auto updated = bookings.update(retired);
    if (!updated)
        return updated.error();
    if (*meeting) {
        Booking relinked = **meeting;
        relinked.rescheduledToId = created->id;
        if (auto stored = bookings.update(relinked); !stored)
            return stored.error();
    }

    const QDateTime now = m_clock.now();
    if (confirmNow) {
        Booking asRequested = *created;
        asRequested.status = BookingStatus::Pending;
        if (auto s = handOverIntegrations(db, m_clock, original, *updated, asRequested, *created);
            !s)
            return s.error();
    }
    // The attendee's move is a new request to the admin; the admin's move is news to the
    // attendee.
    if (auto s = byAttendee ? mail::MailOutbox::enqueueForCreation(db, *created, now)
                            : mail::MailOutbox::enqueueForReschedule(db, *created, now);
        !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return created;
}

Result<std::optional<Booking>> BookingService::retireOriginal(const QSqlDatabase& db,
                                                              Booking& moved) {
    storage::BookingRepository bookings(db, m_clock);
    auto found = bookings.findById(moved.userId, moved.rescheduledFromId);
    if (!found)
        return found.error();
    if (!*found || (*found)->status != BookingStatus::Confirmed ||
        (*found)->rescheduledToId != moved.id)
        return std::optional<Booking>();
    auto updated = bookings.update(calledOff(**found, rescheduledTo(moved)));
    if (!updated)
        return updated.error();
    moved.sequence = std::max(moved.sequence, updated->sequence + 1);
    return std::optional<Booking>(*updated);
}

Status BookingService::withdrawMoveInFlight(const QSqlDatabase& db, const Booking& booking) {
    if (booking.rescheduledToId.isEmpty())
        return success();
    storage::BookingRepository bookings(db, m_clock);
    auto next = bookings.findById(booking.userId, booking.rescheduledToId);
    if (!next)
        return next.error();
    if (!*next || (*next)->status != BookingStatus::Pending)
        return success();
    auto updated = bookings.update(
        calledOff(**next, QStringLiteral("The meeting it would move was cancelled")));
    if (!updated)
        return updated.error();
    return success();
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
    if (auto s = checkReason(reason); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, m_clock);
    auto found = findOwned(bookings, userId, bookingId);
    if (!found)
        return found.error();
    Booking booking = *found;
    if (auto s = BookingStateMachine::check(booking.status, to); !s)
        return s.error();
    booking.status = to;
    booking.statusReason = reason;
    ++booking.sequence; // the attendee's calendar takes the new status over the old
    // Approving a move request cancels the meeting it moves, in this transaction.
    std::optional<Booking> original;
    if (to == BookingStatus::Confirmed && !booking.rescheduledFromId.isEmpty()) {
        auto retired = retireOriginal(db, booking);
        if (!retired)
            return retired.error();
        original = *retired;
    }
    // Called off here, not by a move: it no longer leads to a move of it, and the move still
    // waiting for approval is withdrawn with it. (So a cancelled booking with rescheduledToId is
    // one a move replaced: its manage page leads on to the move.)
    if (to != BookingStatus::Confirmed && !booking.rescheduledToId.isEmpty()) {
        if (auto s = withdrawMoveInFlight(db, booking); !s)
            return s.error();
        booking.rescheduledToId.clear();
    }
    auto updated = bookings.update(booking);
    if (!updated)
        return updated.error();
    // The calendar writes and the e-mails this change owes (if any) are queued in the same
    // transaction. A move that replaces a confirmed meeting owes the attendee one mail.
    const QDateTime now = m_clock.now();
    if (original) {
        Booking confirmedOriginal = *original;
        confirmedOriginal.status = BookingStatus::Confirmed;
        if (auto s =
                handOverIntegrations(db, m_clock, confirmedOriginal, *original, *found, *updated);
            !s)
            return s.error();
        if (auto s = mail::MailOutbox::enqueueForReschedule(db, *updated, now); !s)
            return s.error();
    } else {
        if (auto s = CalendarOutbox::enqueueForTransition(db, m_clock, *found, *updated); !s)
            return s.error();
        if (auto s = mail::MailOutbox::enqueueForTransition(db, *found, *updated, byAttendee, now);
            !s)
            return s.error();
    }
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
    storage::BookingRepository bookings(m_database.connection());
    return findOwned(bookings, userId, bookingId);
}

Result<QString> BookingService::eventBookingId(const Booking& booking) {
    if (booking.rescheduledFromId.isEmpty())
        return booking.id;
    return storage::BookingRepository(m_database.connection())
        .firstOfChain(booking.userId, booking.id);
}

Result<QVector<Booking>> BookingService::list(const QString& userId,
                                              const storage::BookingFilter& filter) {
    return storage::BookingRepository(m_database.connection()).list(userId, filter);
}

} // namespace slotdesk
