#pragma once
// BookingService: everything that changes a booking. Each change is one write transaction that
// re-reads the booking, asks BookingStateMachine, and writes — or changes nothing.

#include "booking/SlotService.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/BookingRepository.h"

#include <QList>
#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk {
namespace storage {
class Database;
struct VideoMeeting;
} // namespace storage

// What an attendee (or the admin on their behalf) asks for.
struct BookingRequest {
    QDateTime start;  // UTC
    int duration = 0; // minutes
    QString name;
    QString email;
    QString notes;
    QString timeZone;                        // the attendee's
    QString language = QStringLiteral("en"); // the booking page's: "en", "de" or "fr"
    std::optional<VideoProvider> videoProvider;
    // At most this many pending future requests per attendee email (0 = no cap).
    int maxOpenRequestsPerEmail = 0;
};

// What an attendee asks for when moving their booking from the manage page.
struct RescheduleRequest {
    QDateTime start;  // UTC
    int duration = 0; // minutes
    QString timeZone; // the attendee's; empty: the booking's
};
// What an attendee may ask to change about their booking through its manage link.
enum class AttendeeChange { Cancel, Reschedule };

class BookingService {
public:
    // `clock` says what "now" is: for the notice and horizon rules, and the rows' stamps.
    explicit BookingService(storage::Database& database, core::Clock clock = {})
        : m_database(database)
        , m_clock(std::move(clock)) {}

    // Creates a booking if and only if `request.start` is a slot the engine offers right now for
    // that length (and the fields are valid). The check and the insert share one write
    // transaction, so of two overlapping requests — from any processes — at most one succeeds;
    // the other gets a Conflict ("no longer available"; or, when a daily, weekly or monthly cap
    // is what the others used up, a Conflict naming that cap).
    // The booking is pending when the admin's approval policy asks for approval (needsApproval());
    // otherwise the admin's standing rule confirms it in the same transaction, with everything
    // approve() would queue (the calendar write, the attendee's confirmation instead of "request
    // received"; a Zoom meeting follows from the confirmed row).
    // A fresh manage token for the attendee goes to `manageToken` (only its hash is stored).
    Result<Booking> create(const User& admin, const BookingRequest& request,
                           QString* manageToken = nullptr);
    // The request's own fields (a whole-second start, the length, name, email, notes, zone):
    // what create() checks before it looks at the database.
    static Status checkRequest(const BookingRequest& request);

    // The attendee's request from the booking page: as create(), and only for a length the admin
    // offers (checkOfferedDuration()) and a video provider from videoProviders().
    Result<Booking> createForAttendee(const User& admin, const BookingRequest& request,
                                      QString* manageToken = nullptr);
    // A Validation error on "duration" unless `admin` offers meetings of `duration` minutes.
    Status checkOfferedDuration(const QString& userId, int duration);
    // The video providers an attendee may choose: Google Meet while a Google Calendar is
    // connected, Zoom while the Zoom account does not need authorising again. A provider whose
    // integration cannot be read is left out (and logged).
    QList<VideoProvider> videoProviders(const User& admin);

    // Whether a request starting at `start` waits for the admin under `settings`' approval
    // policy: always, never, or when it starts less than approvalWithinHours after `now`
    // (exactly that far ahead is confirmed at once).
    static bool needsApproval(const BookingSettings& settings, const QDateTime& start,
                              const QDateTime& now);

    // The attendee's access: NotFound alike for an unknown id and a wrong token.
    Result<Booking> findForAttendee(const QString& bookingId, const QString& token);
    // Withdraws a pending request or cancels a confirmed booking, if checkAttendeeChange()
    // allows it (checked again inside the write transaction).
    Result<Booking> cancelForAttendee(const QString& bookingId, const QString& token,
                                      const QString& reason);
    // The admin's rules for an attendee's own change, at `now`: a Validation error naming the
    // rule, or success. Nothing may change once the meeting has started (field "start"); a
    // confirmed meeting may be changed only until attendeeChangeNoticeHours before its start —
    // exactly then still, a second later no more (field "attendeeChangeNoticeHours"); a pending
    // request, which holds nobody to anything yet, may be withdrawn or moved until its start.
    // Reschedule also needs attendeeReschedule on (field "attendeeReschedule"). Whether the
    // status allows the change at all is BookingStateMachine's question, not this one's.
    static Status checkAttendeeChange(const BookingSettings& settings, const Booking& booking,
                                      AttendeeChange change, const QDateTime& now);
    // The same with the admin's stored settings and this service's clock.
    Status checkAttendeeChange(const Booking& booking, AttendeeChange change);

    // A reschedule is a new booking linked to the one it moves (rescheduledFromId on the new one,
    // rescheduledToId on the original), made in one write transaction that applies every rule
    // create() does — slot grid, notice, horizon, caps, conflicts — except that the original's
    // own time counts as free. So it is race-free like a new booking: of two moves (or a move and
    // a booking) onto the same time at most one succeeds. One move per booking at a time: while
    // a move waits for approval, another is a Conflict. Both functions return the new booking.
    //
    // The admin's move (the window, `slotdesk-cli bookings reschedule`):
    //  - a confirmed booking: the new one is confirmed at once and the original cancelled
    //    ("Rescheduled to <time>"); the attendee gets one "rescheduled" mail whose invitation
    //    updates the event they have.
    //  - a pending request: the new one is a pending request at the new time and the original
    //    is withdrawn the same way; the admin decides on it as on any request, and the attendee
    //    is told that their request was moved.
    // `reason` (optional) is kept on the new booking and shown in the attendee's mail.
    Result<Booking> reschedule(const QString& userId, const QString& bookingId,
                               const QDateTime& newStartUtc, int durationMinutes,
                               const QString& reason = {});
    // The attendee's move through their manage link (a token of the booking or of one it was
    // moved from; NotFound otherwise), for a length the admin offers: a new pending request.
    //  - the original confirmed: it keeps its time until the admin decides. Approving the new
    //    request cancels the original in that transaction ("Rescheduled to <time>"); rejecting
    //    it (or the attendee withdrawing it) leaves the original as it was.
    //  - the original pending: the new request replaces it at once (the original is withdrawn
    //    in the same transaction).
    // The admin is told as of a new request.
    Result<Booking> rescheduleForAttendee(const QString& bookingId, const QString& token,
                                          const RescheduleRequest& request);
    // Whether `booking` may be moved now — pending or confirmed, not started, no move of it
    // waiting for approval, and for the attendee (`byAttendee`) the admin's change policy:
    // success, or why not (InvalidTransition, Conflict).
    Status checkMovable(const Booking& booking, bool byAttendee);
    // The bookings a move of `booking` replaces, whose time is free for it: `booking`, and when
    // it is itself a pending move request, the confirmed meeting it would move (a new move
    // replaces the request and becomes that meeting's move).
    Result<QStringList> replacedByMove(const Booking& booking);

    Result<Booking> approve(const QString& userId, const QString& bookingId);
    Result<Booking> reject(const QString& userId, const QString& bookingId, const QString& reason);
    Result<Booking> cancel(const QString& userId, const QString& bookingId, const QString& reason);

    // What an integration made for a booking. A Zoom meeting: kept in video_meetings and its join
    // URL made the booking's video link (provider Zoom), both in one write transaction, whatever
    // the booking's status by now (a cancelled booking's meeting is deleted by the next pass).
    Status recordVideoMeeting(const QString& userId, const storage::VideoMeeting& meeting);
    // Google's event for a booking, written inside the caller's write transaction on `db` (the
    // calendar job's outcome goes into the same one): the event id, and the Meet link when the
    // attendee asked for Meet and the event carries one. The booking as stored; std::nullopt when
    // it no longer exists.
    static Result<std::optional<Booking>>
    recordCalendarEvent(const QSqlDatabase& db, const core::Clock& clock, const QString& userId,
                        const QString& bookingId, const QString& eventId, const QString& calendarId,
                        const QString& meetLink);

    Result<Booking> find(const QString& userId, const QString& bookingId);
    // The id that names `booking`'s calendar event (its .ics UID): the first booking of its
    // reschedule chain, so that every move updates the event the attendee already has.
    Result<QString> eventBookingId(const Booking& booking);
    Result<QVector<Booking>> list(const QString& userId, const storage::BookingFilter& filter);

private:
    // `byAttendee`: through the attendee's manage link (which decides the e-mails it owes).
    Result<Booking> transition(const QString& userId, const QString& bookingId, BookingStatus to,
                               const QString& reason, bool byAttendee);
    // Both reschedules: `timeZone` empty keeps the booking's.
    Result<Booking> move(const QString& userId, const QString& bookingId, const QDateTime& start,
                         int duration, const QString& timeZone, const QString& reason,
                         bool byAttendee);
    // The booking rules for [start, start + duration) at now, inside the caller's write
    // transaction: not in the past, the notice, the horizon, and a slot the engine offers (its
    // grid, the cap, no conflict). The time of `ignoredBookingIds` (what a move replaces)
    // counts as free.
    Status checkSlot(const User& admin, const BookingSettings& settings, const QDateTime& start,
                     int duration, const QStringList& ignoredBookingIds = {});
    // The confirmed meeting `booking` asks to move, if it is a pending move request of one
    // (that meeting's move in flight); std::nullopt otherwise.
    static Result<std::optional<Booking>> meetingMovedBy(storage::BookingRepository& bookings,
                                                         const Booking& booking);
    // In the approving transaction of a move request `moved`: cancels its original if that is
    // still the confirmed meeting it moves ("Rescheduled to <time>") and raises `moved`'s
    // SEQUENCE above it. The original as it is now; std::nullopt when it had nothing to hand
    // over (it was a pending request, replaced when the move was asked for).
    Result<std::optional<Booking>> retireOriginal(const QSqlDatabase& db, Booking& moved);
    // In the transaction that cancels `booking`: withdraws the move of it still waiting for
    // approval, if any (the meeting it would move is off).
    Status withdrawMoveInFlight(const QSqlDatabase& db, const Booking& booking);

    storage::Database& m_database;
    core::Clock m_clock;
};

} // namespace slotdesk
