// Reschedule (issue 16): a move is a new booking linked to the original, made in one write
// transaction under every booking rule except a conflict with the original itself. The admin's
// move of a confirmed meeting is confirmed at once; an attendee's move is a request that keeps
// the original until the admin decides (approve: the original is cancelled in that transaction;
// reject: it stays as it was); a pending original is replaced at once; one move in flight per
// booking; twenty concurrent moves onto one free slot leave exactly one winner. On SQLite and
// (the _postgres run) PostgreSQL.

#include "availability/AvailabilityService.h"
#include "booking/BookingConflictService.h"
#include "booking/BookingService.h"
#include "mail/MailKind.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QTest>

#include <latch>
#include <thread>
#include <vector>

using namespace slotdesk;

namespace {

// A booking row as the attendee and the admin see it, for "untouched" comparisons (updated_at
// included: a row that was written again is not untouched).
QString rowOf(const Booking& b) {
    return QStringList{b.id,
                       toText(b.status),
                       b.statusReason,
                       b.startTime.toString(Qt::ISODateWithMs),
                       b.endTime.toString(Qt::ISODateWithMs),
                       QString::number(b.sequence),
                       b.rescheduledFromId,
                       b.rescheduledToId,
                       b.calendarEventId,
                       b.updatedAt.toString(Qt::ISODateWithMs)}
        .join(u'|');
}

} // namespace

class TestReschedule : public test::SeededSuite {
    Q_OBJECT

    std::unique_ptr<core::ManualClock> m_clock;

    // Monday 2026-11-30, 08:00 UTC; the admin (UTC) is available around the clock, on a
    // half-hour grid, for 30 or 60 minutes, with 2 hours' notice and 60 days ahead.
    static QDateTime at(const char* time) {
        return test::utc(QByteArray("2026-12-01T") + time + "Z");
    }

    BookingService service() { return BookingService(*m_db, m_clock->clock()); }

    // A request through the service, with its manage token; approved when `confirm`.
    Booking book(const QDateTime& start, int minutes, bool confirm, QString* token = nullptr,
                 const QString& email = QStringLiteral("zoe@example.com")) {
        BookingRequest r;
        r.start = start;
        r.duration = minutes;
        r.name = QStringLiteral("Zoë");
        r.email = email;
        r.timeZone = QStringLiteral("Europe/Berlin");
        auto created = service().create(m_admin, r, token);
        if (!created) {
            qWarning() << created.error().message;
            return {};
        }
        if (!confirm)
            return *created;
        auto approved = service().approve(m_admin.id, created->id);
        return approved ? *approved : Booking{};
    }
    Booking stored(const QString& id) { return *service().find(m_admin.id, id); }
    // The kinds of the mails queued for the booking, sorted.
    QStringList mailKinds(const QString& bookingId) {
        QStringList kinds;
        for (const QString& mail : test::queuedMails(*m_db, bookingId))
            kinds.append(mail.section(u':', 0, 0));
        return kinds;
    }
    QStringList calendarJobs(const QString& bookingId) {
        QStringList jobs;
        const auto listed =
            storage::CalendarJobRepository(m_db->connection()).listForBooking(bookingId);
        for (const auto& j : *listed)
            jobs << storage::jobActionText(j.action);
        return jobs;
    }
    void setUpMail() { QVERIFY(test::seedMailSettings(*m_db, m_admin.id)); }
    void connectGoogle() {
        const CalendarIntegration google =
            test::seedGoogle(*m_db, m_admin.id, QStringLiteral("google/test"));
        auto primary = storage::IntegrationCalendarRepository(m_db->connection())
                           .findByRemoteId(google.id, QStringLiteral("primary"));
        QVERIFY(primary.ok() && primary->has_value());
        m_primaryCalendar = (*primary)->id;
    }
    QString m_primaryCalendar;

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        QVERIFY(openSeeded(QStringLiteral("alice"), QStringLiteral("UTC")));
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, QStringLiteral("UTC")));
        AvailabilityService availability(*m_db);
        auto settings = availability.settings(m_admin.id);
        QVERIFY(settings.ok());
        settings->durations = {30, 60};
        settings->slotInterval = 30;
        QVERIFY(availability.saveSettings(*settings).ok());
        m_clock = std::make_unique<core::ManualClock>(test::utc("2026-11-30T08:00:00Z"));
    }
    void cleanup() { closeSeeded(); }

    // The admin's move of a confirmed meeting: a confirmed booking at the new time and the
    // original cancelled with its reason, linked both ways, in one transaction; the attendee
    // gets one "rescheduled" mail (and the new meeting's reminder), not a cancellation.
    void adminMovesAConfirmedMeeting() {
        setUpMail();
        const Booking original = book(at("10:00:00"), 30, true);
        QVERIFY(!original.id.isEmpty());
        const auto moved = service().reschedule(m_admin.id, original.id, at("14:00:00"), 60,
                                                QStringLiteral("Room change"));
        QVERIFY2(moved.ok(), moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(moved->status, BookingStatus::Confirmed);
        QCOMPARE(moved->startTime, at("14:00:00"));
        QCOMPARE(moved->endTime, at("15:00:00"));
        QCOMPARE(moved->rescheduledFromId, original.id);
        QCOMPARE(moved->attendeeEmail, original.attendeeEmail);
        QCOMPARE(moved->timeZone, original.timeZone);
        QCOMPARE(moved->statusReason, QString("Room change"));
        QVERIFY(moved->sequence > original.sequence);

        const Booking after = stored(original.id);
        QCOMPARE(after.status, BookingStatus::Cancelled);
        QCOMPARE(after.statusReason, QString("Rescheduled to 2026-12-01T14:00:00Z"));
        QCOMPARE(after.rescheduledToId, moved->id);
        QCOMPARE(after.startTime, original.startTime);
        QVERIFY(moved->sequence > after.sequence);
        QCOMPARE(stored(moved->id).status, BookingStatus::Confirmed);

        QCOMPARE(mailKinds(moved->id), (QStringList{"reminder", "rescheduled"}));
        QVERIFY(!mailKinds(original.id).contains("cancelled_by_admin"));
    }

    // The original's Google event goes to the new booking, in the move's transaction, with a
    // job that moves it (CalendarSyncRun PATCHes it: tst_calendarsync); the original keeps no
    // event, so its cancellation deletes nothing.
    void adminMoveHandsTheEventOver() {
        connectGoogle();
        const Booking original = book(at("10:00:00"), 30, true);
        Booking withEvent = original;
        withEvent.calendarEventId = QStringLiteral("slotdeskevent1");
        withEvent.eventCalendarId = m_primaryCalendar;
        QVERIFY(storage::BookingRepository(m_db->connection()).update(withEvent).ok());
        QVERIFY(storage::CalendarJobRepository(m_db->connection())
                    .removeForBooking(original.id, storage::CalendarJobAction::Insert)
                    .ok());
        const auto moved = service().reschedule(m_admin.id, original.id, at("11:00:00"), 30);
        QVERIFY(moved.ok());
        QCOMPARE(calendarJobs(original.id), QStringList());
        QCOMPARE(calendarJobs(moved->id), QStringList{"update"});
        QCOMPARE(moved->calendarEventId, QString("slotdeskevent1"));
        QCOMPARE(stored(moved->id).calendarEventId, QString("slotdeskevent1"));
        QVERIFY(stored(original.id).calendarEventId.isEmpty());
    }

    // Moved before its event was made: the original's insert is dropped, the new booking's
    // queued — whoever holds no event gets one inserted.
    void adminMoveBeforeTheInsertQueuesTheNewBookingsInsert() {
        connectGoogle();
        const Booking original = book(at("10:00:00"), 30, true);
        QCOMPARE(calendarJobs(original.id), QStringList{"insert"});
        const auto moved = service().reschedule(m_admin.id, original.id, at("11:00:00"), 30);
        QVERIFY(moved.ok());
        QCOMPARE(calendarJobs(original.id), QStringList());
        QCOMPARE(calendarJobs(moved->id), QStringList{"insert"});
        QVERIFY(moved->calendarEventId.isEmpty());
    }

    // The original's Zoom meeting goes to the new booking with its link, marked for update (the
    // PATCH itself: tst_zoomservice) — by the admin's move and by an approved move request.
    void zoomMeetingGoesWithTheMove_data() {
        QTest::addColumn<bool>("byAttendee");
        QTest::newRow("admin's move") << false;
        QTest::newRow("approved request") << true;
    }
    void zoomMeetingGoesWithTheMove() {
        QFETCH(bool, byAttendee);
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        const QString link = QStringLiteral("https://zoom.example/j/8574");
        QVERIFY(service()
                    .recordVideoMeeting(m_admin.id, {original.id, QStringLiteral("zoom"),
                                                     QStringLiteral("8574"), link, false})
                    .ok());
        storage::VideoIntegrationRepository videos(m_db->connection(), m_clock->clock());
        QVERIFY(videos.meetingsToUpdate(m_admin.id)->isEmpty());

        Result<Booking> moved = Error::notFound(QStringLiteral("not moved"));
        if (byAttendee) {
            auto asked =
                service().rescheduleForAttendee(original.id, token, {at("12:00:00"), 30, {}});
            QVERIFY(asked.ok());
            // A request moves nothing yet: the original keeps its meeting.
            QCOMPARE(videos.meetingFor(original.id)->value().meetingId, QString("8574"));
            QVERIFY(!videos.meetingFor(asked->id)->has_value());
            QVERIFY(asked->videoLink.isEmpty());
            moved = service().approve(m_admin.id, asked->id);
        } else {
            moved = service().reschedule(m_admin.id, original.id, at("12:00:00"), 30);
        }
        QVERIFY(moved.ok());
        QCOMPARE(moved->videoProvider, std::optional(VideoProvider::Zoom));
        QCOMPARE(moved->videoLink, link);
        QCOMPARE(stored(moved->id).videoLink, link);
        const Booking retired = stored(original.id);
        QCOMPARE(retired.status, BookingStatus::Cancelled);
        QVERIFY(!retired.videoProvider.has_value());
        QVERIFY(retired.videoLink.isEmpty());
        QVERIFY(!videos.meetingFor(original.id)->has_value());
        QCOMPARE(videos.meetingFor(moved->id)->value().meetingId, QString("8574"));
        // Zoom owes an update of that meeting to the new time, and nothing to delete.
        const auto owed = *videos.meetingsToUpdate(m_admin.id);
        QCOMPARE(owed.size(), 1);
        QCOMPARE(owed.first().bookingId, moved->id);
        QCOMPARE(owed.first().meetingId, QString("8574"));
        QCOMPARE(owed.first().startTime, at("12:00:00"));
        QVERIFY(videos.meetingsToDelete(m_admin.id)->isEmpty());
        QVERIFY(*videos.hasMeetingWork(m_admin.id));
        QVERIFY(videos.markMeetingUpdated(moved->id, QStringLiteral("8574")).ok());
        QVERIFY(videos.meetingsToUpdate(m_admin.id)->isEmpty());
        QVERIFY(!*videos.hasMeetingWork(m_admin.id));
    }

    // The admin's move of a pending request: a pending request at the new time, the original
    // withdrawn; the admin then decides on it as on any request.
    void adminMovesAPendingRequest() {
        setUpMail();
        const Booking original = book(at("10:00:00"), 30, false);
        const auto moved = service().reschedule(m_admin.id, original.id, at("12:00:00"), 30);
        QVERIFY2(moved.ok(), moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(moved->status, BookingStatus::Pending);
        const Booking after = stored(original.id);
        QCOMPARE(after.status, BookingStatus::Cancelled);
        QCOMPARE(after.statusReason, QString("Rescheduled to 2026-12-01T12:00:00Z"));
        QCOMPARE(after.rescheduledToId, moved->id);
        QCOMPARE(mailKinds(moved->id), QStringList{"rescheduled"});
        QVERIFY(service().approve(m_admin.id, moved->id).ok());
        QCOMPARE(stored(moved->id).status, BookingStatus::Confirmed);
    }

    // The attendee's move of a confirmed meeting is a request; the original holds its time until
    // the admin approves, which cancels it in the same transaction.
    void approvingTheAttendeesMoveCancelsTheOriginal() {
        setUpMail();
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        const auto moved =
            service().rescheduleForAttendee(original.id, token, {at("15:30:00"), 30, {}});
        QVERIFY2(moved.ok(), moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(moved->status, BookingStatus::Pending);
        QCOMPARE(moved->rescheduledFromId, original.id);
        QCOMPARE(mailKinds(moved->id), (QStringList{"admin_new_request", "request_received"}));
        const Booking waiting = stored(original.id);
        QCOMPARE(waiting.status, BookingStatus::Confirmed);
        QCOMPARE(waiting.rescheduledToId, moved->id);
        QCOMPARE(waiting.sequence, original.sequence);
        // Both hold their time meanwhile.
        const auto taken = service().create(
            m_admin,
            {at("10:00:00"), 30, "Bob", "bob@example.com", {}, "UTC", "en", std::nullopt, 0});
        QCOMPARE(taken.error().code, ErrorCode::Conflict);

        const auto approved = service().approve(m_admin.id, moved->id);
        QVERIFY(approved.ok());
        QCOMPARE(approved->status, BookingStatus::Confirmed);
        const Booking retired = stored(original.id);
        QCOMPARE(retired.status, BookingStatus::Cancelled);
        QCOMPARE(retired.statusReason, QString("Rescheduled to 2026-12-01T15:30:00Z"));
        QVERIFY(approved->sequence > retired.sequence);
        // One mail for the attendee about the move, no cancellation of the original.
        QCOMPARE(mailKinds(moved->id),
                 (QStringList{"admin_new_request", "reminder", "request_received", "rescheduled"}));
        QCOMPARE(mailKinds(original.id),
                 (QStringList{"admin_new_request", "approved", "reminder", "request_received"}));
        // The original's time is free again.
        QVERIFY(service()
                    .create(m_admin, {at("10:00:00"),
                                      30,
                                      "Bob",
                                      "bob@example.com",
                                      {},
                                      "UTC",
                                      "en",
                                      std::nullopt,
                                      0})
                    .ok());
    }

    // Rejecting the attendee's move leaves the original exactly as it was; withdrawing it too.
    void rejectingOrWithdrawingTheMoveLeavesTheOriginal() {
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        const auto first =
            service().rescheduleForAttendee(original.id, token, {at("16:00:00"), 30, {}});
        QVERIFY(first.ok());
        const QString before = rowOf(stored(original.id));
        m_clock->advance(std::chrono::minutes(5));
        QVERIFY(service().reject(m_admin.id, first->id, QStringLiteral("Busy then")).ok());
        QCOMPARE(rowOf(stored(original.id)), before);
        QCOMPARE(stored(original.id).status, BookingStatus::Confirmed);
        QCOMPARE(stored(original.id).rescheduledToId, first->id);

        // After a refusal the attendee may ask again; withdrawing that one leaves it as well.
        const auto second =
            service().rescheduleForAttendee(original.id, token, {at("17:00:00"), 30, {}});
        QVERIFY2(second.ok(), second ? "" : qPrintable(second.error().message));
        const QString waiting = rowOf(stored(original.id));
        QVERIFY(service().cancelForAttendee(second->id, token, {}).ok());
        QCOMPARE(rowOf(stored(original.id)), waiting);
        QCOMPARE(stored(second->id).status, BookingStatus::Cancelled);
    }

    // A pending original is replaced at once: withdrawn in the transaction that makes the move.
    void aPendingOriginalIsReplacedAtOnce() {
        setUpMail();
        QString token;
        const Booking original = book(at("10:00:00"), 30, false, &token);
        const auto moved =
            service().rescheduleForAttendee(original.id, token, {at("11:00:00"), 30, {}});
        QVERIFY2(moved.ok(), moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(moved->status, BookingStatus::Pending);
        const Booking after = stored(original.id);
        QCOMPARE(after.status, BookingStatus::Cancelled);
        QCOMPARE(after.statusReason, QString("Rescheduled to 2026-12-01T11:00:00Z"));
        QCOMPARE(after.rescheduledToId, moved->id);
        // No withdrawal mails: the new request's mails tell both sides.
        QCOMPARE(mailKinds(original.id), (QStringList{"admin_new_request", "request_received"}));
        // Approving the replacement is a plain approval (nothing left to cancel).
        const auto approved = service().approve(m_admin.id, moved->id);
        QVERIFY(approved.ok());
        QCOMPARE(stored(original.id).status, BookingStatus::Cancelled);
        QVERIFY(mailKinds(moved->id).contains("approved"));
    }

    // Moving a move request that still waits asks anew for the same meeting: the new request
    // replaces the old one at once and becomes the meeting's move (its time free for it too),
    // so approving it cancels the meeting — whether the attendee or the admin moved the request.
    void movingAWaitingMoveRequestMovesTheMeeting_data() {
        QTest::addColumn<bool>("byAdmin");
        QTest::newRow("attendee") << false;
        QTest::newRow("admin") << true;
    }
    void movingAWaitingMoveRequestMovesTheMeeting() {
        QFETCH(bool, byAdmin);
        QString token;
        const Booking meeting = book(at("10:00:00"), 60, true, &token);
        const auto first =
            service().rescheduleForAttendee(meeting.id, token, {at("14:00:00"), 60, {}});
        QVERIFY(first.ok());
        // Half an hour later than the meeting: overlaps its time, which the move replaces.
        const auto second =
            byAdmin ? service().reschedule(m_admin.id, first->id, at("10:30:00"), 60)
                    : service().rescheduleForAttendee(first->id, token, {at("10:30:00"), 60, {}});
        QVERIFY2(second.ok(), second ? "" : qPrintable(second.error().message));
        QCOMPARE(second->status, BookingStatus::Pending);
        QCOMPARE(second->rescheduledFromId, meeting.id);
        QVERIFY(second->sequence > meeting.sequence);
        QCOMPARE(stored(first->id).status, BookingStatus::Cancelled);
        QCOMPARE(stored(first->id).rescheduledToId, second->id);
        QCOMPARE(stored(meeting.id).status, BookingStatus::Confirmed);
        QCOMPARE(stored(meeting.id).rescheduledToId, second->id);
        // Still one move in flight for the meeting.
        QCOMPARE(service()
                     .rescheduleForAttendee(meeting.id, token, {at("16:00:00"), 60, {}})
                     .error()
                     .code,
                 ErrorCode::Conflict);
        QVERIFY(service().approve(m_admin.id, second->id).ok());
        QCOMPARE(stored(meeting.id).status, BookingStatus::Cancelled);
        QCOMPARE(stored(meeting.id).statusReason, QString("Rescheduled to 2026-12-01T10:30:00Z"));
        QCOMPARE(*service().eventBookingId(*second), meeting.id);
    }

    // One move in flight per booking: a second is a Conflict, for the attendee and the admin.
    void oneMoveInFlight() {
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        QVERIFY(service().rescheduleForAttendee(original.id, token, {at("13:00:00"), 30, {}}).ok());
        const QByteArray digest = m_tdb->contentDigest();
        const auto again =
            service().rescheduleForAttendee(original.id, token, {at("14:00:00"), 30, {}});
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(again.error().message.contains("already waiting"));
        const auto byAdmin = service().reschedule(m_admin.id, original.id, at("14:00:00"), 30);
        QCOMPARE(byAdmin.error().code, ErrorCode::Conflict);
        QCOMPARE(m_tdb->contentDigest(), digest);
    }

    // The original's own time counts as free for its move: half an hour later overlaps it.
    void aMoveMayOverlapTheOriginal() {
        QString token;
        const Booking confirmed = book(at("10:00:00"), 60, true, &token);
        const auto byAttendee =
            service().rescheduleForAttendee(confirmed.id, token, {at("10:30:00"), 60, {}});
        QVERIFY2(byAttendee.ok(), byAttendee ? "" : qPrintable(byAttendee.error().message));
        // Approving it is no conflict with the meeting it moves (that is cancelled with it).
        QVERIFY(BookingConflictService(*m_db).conflicts(m_admin.id, *byAttendee)->isEmpty());
        QVERIFY(service().approve(m_admin.id, byAttendee->id).ok());
        const auto byAdmin = service().reschedule(m_admin.id, byAttendee->id, at("10:00:00"), 60);
        QVERIFY2(byAdmin.ok(), byAdmin ? "" : qPrintable(byAdmin.error().message));
        QCOMPARE(stored(byAttendee->id).status, BookingStatus::Cancelled);
        // ... but not another booking's.
        const Booking other = book(at("12:00:00"), 30, true, nullptr, "bob@example.com");
        const auto onOther = service().reschedule(m_admin.id, byAdmin->id, at("11:30:00"), 60);
        QCOMPARE(onOther.error().code, ErrorCode::Conflict);
        QVERIFY(!other.id.isEmpty());
    }

    // Every rule of a new booking applies, and a refused move changes nothing.
    void theBookingRulesApply_data() {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("duration");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const int validation = int(ErrorCode::Validation);
        QTest::newRow("off the grid") << at("10:10:00") << 30 << validation << "start"
                                      << "not one of the offered slots";
        QTest::newRow("in the past")
            << test::utc("2026-11-30T07:00:00Z") << 30 << validation << "start"
            << "in the past";
        QTest::newRow("inside the notice")
            << test::utc("2026-11-30T09:00:00Z") << 30 << validation << "start"
            << "notice";
        QTest::newRow("beyond the horizon")
            << test::utc("2027-03-01T10:00:00Z") << 30 << validation << "start"
            << "days ahead";
        QTest::newRow("a length not offered") << at("12:00:00") << 45 << validation << "duration"
                                              << "not offered";
        QTest::newRow("a taken slot") << at("09:00:00") << 30 << int(ErrorCode::Conflict) << "start"
                                      << "no longer available";
    }
    void theBookingRulesApply() {
        QFETCH(QDateTime, start);
        QFETCH(int, duration);
        QFETCH(int, code);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        QVERIFY(!book(at("09:00:00"), 30, true, nullptr, "bob@example.com").id.isEmpty());
        const QByteArray digest = m_tdb->contentDigest();
        const auto moved =
            service().rescheduleForAttendee(original.id, token, {start, duration, {}});
        QVERIFY(!moved.ok());
        QCOMPARE(int(moved.error().code), code);
        QCOMPARE(moved.error().field, field);
        QVERIFY2(moved.error().message.contains(message), qPrintable(moved.error().message));
        QCOMPARE(m_tdb->contentDigest(), digest);
    }

    // What cannot be moved: a finished or started meeting, a cancelled one, an unknown id, a
    // wrong token.
    void whatCannotBeMoved() {
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        QCOMPARE(service()
                     .rescheduleForAttendee(original.id, QStringLiteral("wrong"),
                                            {at("12:00:00"), 30, {}})
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(service()
                     .reschedule(m_admin.id, QStringLiteral("nope"), at("12:00:00"), 30)
                     .error()
                     .code,
                 ErrorCode::NotFound);
        const User other = test::seedAdmin(*m_db, QStringLiteral("carol"));
        QCOMPARE(service().reschedule(other.id, original.id, at("12:00:00"), 30).error().code,
                 ErrorCode::NotFound);
        m_clock->set(at("10:05:00"));
        QCOMPARE(service().reschedule(m_admin.id, original.id, at("14:00:00"), 30).error().code,
                 ErrorCode::InvalidTransition);
        m_clock->set(test::utc("2026-11-30T08:00:00Z"));
        QVERIFY(service().cancel(m_admin.id, original.id, {}).ok());
        QCOMPARE(service().reschedule(m_admin.id, original.id, at("14:00:00"), 30).error().code,
                 ErrorCode::InvalidTransition);
    }

    // The manage link of the original leads to the new booking: its token opens the moves made
    // from it (and theirs), not the other way round, and no other booking.
    void theOriginalsTokenOpensItsMoves() {
        QString token;
        QString otherToken;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        const Booking unrelated =
            book(at("11:00:00"), 30, true, &otherToken, QStringLiteral("bob@example.com"));
        const auto first =
            service().rescheduleForAttendee(original.id, token, {at("13:00:00"), 30, {}});
        QVERIFY(first.ok());
        QVERIFY(service().approve(m_admin.id, first->id).ok());
        const auto second =
            service().rescheduleForAttendee(first->id, token, {at("14:00:00"), 30, {}});
        QVERIFY2(second.ok(), second ? "" : qPrintable(second.error().message));
        QCOMPARE(service().findForAttendee(second->id, token)->id, second->id);
        QCOMPARE(service().findForAttendee(original.id, token)->rescheduledToId, first->id);
        QCOMPARE(service().findForAttendee(second->id, otherToken).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(service().findForAttendee(unrelated.id, token).error().code, ErrorCode::NotFound);
        // The calendar event is the first booking's throughout.
        QCOMPARE(*service().eventBookingId(*second), original.id);
        QCOMPARE(*service().eventBookingId(original), original.id);
    }

    // Cancelling the meeting (admin or attendee) withdraws its move still waiting for approval.
    void cancellingTheOriginalWithdrawsItsMove() {
        QString token;
        const Booking original = book(at("10:00:00"), 30, true, &token);
        const auto moved =
            service().rescheduleForAttendee(original.id, token, {at("13:00:00"), 30, {}});
        QVERIFY(moved.ok());
        QVERIFY(service().cancelForAttendee(original.id, token, {}).ok());
        QCOMPARE(stored(moved->id).status, BookingStatus::Cancelled);
        // No move replaced it: the cancelled original no longer leads anywhere.
        QVERIFY(stored(original.id).rescheduledToId.isEmpty());
        QCOMPARE(stored(moved->id).rescheduledFromId, original.id);
        QCOMPARE(service().approve(m_admin.id, moved->id).error().code,
                 ErrorCode::InvalidTransition);
    }

    // Twenty moves onto one free slot at once, each on its own thread and connection: exactly
    // one wins, the others are told the slot is gone and their originals stay as they were.
    void twentyConcurrentMovesOneWins() {
        constexpr int kMoves = 20;
        QVector<Booking> originals;
        for (int i = 0; i < kMoves; ++i) {
            // 30-minute meetings from 10:00 on, every half hour, one attendee each.
            originals.append(book(at("10:00:00").addSecs(1800 * i), 30, true, nullptr,
                                  QStringLiteral("racer%1@example.com").arg(i)));
            QVERIFY(!originals.last().id.isEmpty());
        }
        const QDateTime target = test::utc("2026-12-02T09:00:00Z");
        std::latch ready(kMoves);
        std::vector<Result<Booking>> results(kMoves, Error{});
        std::vector<std::thread> threads;
        const core::Clock clock = m_clock->clock();
        for (int i = 0; i < kMoves; ++i) {
            threads.emplace_back([&, i] {
                auto db = m_tdb->open(); // this thread's own connection
                ready.arrive_and_wait();
                if (!db) {
                    results[i] = db.error();
                    return;
                }
                results[i] =
                    BookingService(**db, clock).reschedule(m_admin.id, originals[i].id, target, 30);
            });
        }
        for (auto& thread : threads)
            thread.join();
        int wins = 0;
        QStringList other;
        for (int i = 0; i < kMoves; ++i) {
            if (results[i])
                ++wins;
            else if (results[i].error().code != ErrorCode::Conflict)
                other << results[i].error().message;
        }
        QVERIFY2(other.isEmpty(), qPrintable(other.join('\n')));
        QCOMPARE(wins, 1);
        storage::BookingFilter filter;
        filter.startsFrom = target;
        filter.startsBefore = target.addSecs(1800);
        const auto atTarget = *service().list(m_admin.id, filter);
        QCOMPARE(atTarget.size(), 1);
        int cancelled = 0;
        for (const Booking& b : originals) {
            const Booking now = stored(b.id);
            if (now.status == BookingStatus::Cancelled) {
                ++cancelled;
                QCOMPARE(now.rescheduledToId, atTarget.first().id);
            } else {
                QCOMPARE(rowOf(now), rowOf(b));
            }
        }
        QCOMPARE(cancelled, 1);
    }
};

QTEST_GUILESS_MAIN(TestReschedule)
#include "tst_reschedule.moc"
