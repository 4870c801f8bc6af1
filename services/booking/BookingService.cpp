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
#include "storage/RowSecurity.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
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

// A change to one of `userId`'s bookings that the admin or attendee gives `reason` for, begun:
// the reason checked, then the write lock taken (a write Transaction) and the booking read as
// stored in it (NotFound when it isn't theirs). The transaction rolls back unless committed.
struct BookingChange {
    QSqlDatabase db;
    Transaction tx;
    storage::BookingRepository bookings;
    Booking stored;
};

Result<BookingChange> beginChange(storage::Database& database, const core::Clock& clock,
                                  const QString& userId, const QString& bookingId,
                                  const QString& reason) {
    if (auto s = checkReason(reason); !s)
        return s.error();
    auto db = database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db, clock);
    auto found = findOwned(bookings, userId, bookingId);
    if (!found)
        return found.error();
    return BookingChange{db, std::move(*tx), std::move(bookings), std::move(*found)};
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

// A confirmed meeting moved, in the move's write transaction: the original (`original`, as just
// stored: cancelled) hands what the providers made for it to the new booking (`moved`, as just
// stored: confirmed), so the attendee keeps one calendar event and one video link. Its Google
// event is moved (a calendar 'update' job PATCHes start/end with sendUpdates) and a Meet link
// stays with it; its Zoom meeting's row goes to the new booking marked for update
// (ZoomMeetingSync PATCHes its time), with the join link. The original keeps none of them, so
// its cancellation deletes nothing. An event not made yet (the original's insert still owed)
// is not waited for: that insert is dropped and the new booking's queued. Returns the new
// booking as stored.
Result<Booking> handOverIntegrations(const QSqlDatabase& db, const core::Clock& clock,
                                     Booking original, Booking moved) {
    const bool meetLinkGoes =
        !original.calendarEventId.isEmpty() && original.videoProvider == VideoProvider::GoogleMeet;
    moved.calendarEventId = std::exchange(original.calendarEventId, QString());
    moved.eventCalendarId = std::exchange(original.eventCalendarId, QString());
    auto meeting =
        storage::VideoIntegrationRepository(db, clock).handOverMeeting(original.id, moved.id);
    if (!meeting)
        return meeting.error();
    if (*meeting) {
        moved.videoProvider = VideoProvider::Zoom;
        moved.videoLink = (*meeting)->joinUrl;
    } else if (meetLinkGoes) {
        moved.videoProvider = original.videoProvider;
        moved.videoLink = original.videoLink;
    }
    if (*meeting || meetLinkGoes) {
        original.videoProvider.reset();
        original.videoLink.clear();
    }
    storage::BookingRepository bookings(db, clock);
    auto retired = bookings.update(original);
    if (!retired)
        return retired.error();
    auto updated = bookings.update(moved);
    if (!updated)
        return updated.error();
    if (auto s = CalendarOutbox::enqueueForMove(db, clock, *retired, *updated); !s)
        return s.error();
    return updated;
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
    // The endpoint's role reaches only the bookings the attendee's token opens (RowSecurity).
    if (auto s = storage::RowSecurity::presentBookingToken(db, ManageToken::hash(token)); !s)
        return s.error();
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
    // On a team's PostgreSQL the endpoint's role reaches exactly the bookings whose token it
    // presents: this new one (RowSecurity).
    if (auto s = storage::RowSecurity::presentBookingToken(db, booking.manageTokenHash); !s)
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
            return capReached(*full, settings);
        return Error::conflict(QStringLiteral("That slot is no longer available"),
                               QStringLiteral("start"));
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
    return checkAttendeeChange(booking, AttendeeChange::Reschedule);
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

    auto change = beginChange(m_database, m_clock, userId, bookingId, reason);
    if (!change)
        return change.error();
    auto& [db, tx, bookings, found] = *change;
    const Booking& original = found;
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

    // The admin's move of a confirmed meeting is confirmed at once, and so is the attendee's move
    // when the admin's approval policy confirms a request for that start without asking; anything
    // else is a request.
    const QDateTime now = m_clock.now();
    const bool confirmNow = byAttendee ? !needsApproval(*settings, startUtc, now)
                                       : original.status == BookingStatus::Confirmed;
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
    moved.eventCalendarId.clear();
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
    std::optional<Booking> meetingAfter;
    if (*meeting) {
        Booking relinked = **meeting;
        relinked.rescheduledToId = created->id;
        // A move made at once (the approval policy's) retires the meeting itself.
        if (confirmNow)
            relinked = calledOff(relinked, rescheduledTo(*created));
        auto stored = bookings.update(relinked);
        if (!stored)
            return stored.error();
        meetingAfter = *stored;
    }

    if (confirmNow) {
        // What the providers made belongs to the confirmed meeting being moved.
        auto handed =
            handOverIntegrations(db, m_clock, meetingAfter ? *meetingAfter : *updated, *created);
        if (!handed)
            return handed.error();
        created = std::move(handed);
    }
    // The attendee's move waiting for approval is a new request to the admin; a move made (or
    // the admin's move of a request) is news to the attendee.
    if (auto s = byAttendee && !confirmNow
                     ? mail::MailOutbox::enqueueForCreation(db, *created, now)
                     : mail::MailOutbox::enqueueForReschedule(db, *created, now);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
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
    auto change = beginChange(m_database, m_clock, userId, bookingId, reason);
    if (!change)
        return change.error();
    auto& [db, tx, bookings, found] = *change;
    Booking booking = found;
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
        auto handed = handOverIntegrations(db, m_clock, *original, *updated);
        if (!handed)
            return handed.error();
        updated = std::move(handed);
        if (auto s = mail::MailOutbox::enqueueForReschedule(db, *updated, now); !s)
            return s.error();
    } else {
        if (auto s = CalendarOutbox::enqueueForTransition(db, m_clock, found, *updated); !s)
            return s.error();
        if (auto s = mail::MailOutbox::enqueueForTransition(db, found, *updated, byAttendee, now);
            !s)
            return s.error();
    }
    if (auto s = tx.commit(); !s)
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
                                    const QString& eventId, const QString& calendarId,
                                    const QString& meetLink) {
    storage::BookingRepository bookings(db, clock);
    auto found = bookings.findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<Booking>();
    Booking booking = **found;
    booking.calendarEventId = eventId;
    booking.eventCalendarId = calendarId;
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
