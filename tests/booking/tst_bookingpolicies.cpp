// The admin's booking policies through BookingService on a real database (SQLite, and PostgreSQL
// in the _postgres run), with a ManualClock:
//  - approval "never": a request is created confirmed, with what approving it would have queued
//    (the Google Calendar insert, the Zoom meeting owed, the attendee's confirmation — no
//    "request received"), all in the one transaction that creates it;
//  - approval "short-notice": exactly N hours ahead is confirmed at once, a second less waits;
//  - attendee changes: the notice before the start (exactly at the limit allowed, a second
//    inside refused, the booking untouched), pending requests withdrawn any time before the
//    start, nothing after it, and rescheduling switched off;
//  - weekly and monthly caps, counted in the admin's zone across a DST change, re-checked in the
//    booking transaction with a message naming the cap;
//  - the settings themselves round-trip through storage.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "booking/ManageToken.h"
#include "booking/SlotService.h"
#include "core/Clock.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace slotdesk;
using namespace std::chrono_literals;

class TestBookingPolicies : public test::SeededSuite {
    Q_OBJECT

    core::ManualClock m_time{test::utc("2026-11-25T12:00:00Z")};

    BookingService bookings() { return BookingService(*m_db, m_time.clock()); }

    // Bookable around the clock, every day, in the admin's zone.
    void allDay() { QVERIFY(test::seedAvailability(*m_db, m_admin.id, m_admin.timeZone)); }
    void changeSettings(const std::function<void(BookingSettings&)>& change) {
        AvailabilityService availability(*m_db);
        auto settings = availability.settings(m_admin.id);
        QVERIFY(settings.ok());
        change(*settings);
        auto saved = availability.saveSettings(*settings);
        QVERIFY2(saved.ok(), saved ? "" : qPrintable(saved.error().message));
    }
    // A connected Google Calendar (approvals owe it an insert) and e-mail set up (they owe mails).
    void connectGoogleAndMail() {
        test::seedGoogle(*m_db, m_admin.id, QStringLiteral("google/alice"));
        QVERIFY(test::seedMailSettings(*m_db, m_admin.id));
    }
    static BookingRequest request(const QDateTime& start) { return test::makeRequest(start); }
    // A confirmed (or pending) booking an attendee holds the manage token of.
    Booking attendeeBooking(const QDateTime& start, BookingStatus status, QString* token) {
        Booking b = test::makeBooking(m_admin.id, start, 30, status);
        *token = ManageToken::generate();
        b.manageTokenHash = ManageToken::hash(*token);
        auto created = storage::BookingRepository(m_db->connection()).create(b);
        return created ? *created : Booking{};
    }
    BookingStatus statusOf(const QString& id) { return bookings().find(m_admin.id, id)->status; }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        QVERIFY(openSeeded());
        m_time.set(test::utc("2026-11-25T12:00:00Z"));
    }
    void cleanup() { closeSeeded(); }

    void settingsRoundTrip() {
        const auto defaults = AvailabilityService(*m_db).settings(m_admin.id);
        QCOMPARE(defaults->approvalPolicy, ApprovalPolicy::Always);
        QCOMPARE(defaults->attendeeChangeNoticeHours, 0);
        QVERIFY(defaults->attendeeReschedule);
        QCOMPARE(defaults->maxBookingsPerWeek, 0);
        changeSettings([](BookingSettings& s) {
            s.approvalPolicy = ApprovalPolicy::ShortNotice;
            s.approvalWithinHours = 36;
            s.attendeeChangeNoticeHours = 48;
            s.attendeeReschedule = false;
            s.maxBookingsPerWeek = 7;
            s.maxBookingsPerMonth = 20;
        });
        const auto stored = AvailabilityService(*m_db).settings(m_admin.id);
        QCOMPARE(stored->approvalPolicy, ApprovalPolicy::ShortNotice);
        QCOMPARE(stored->approvalWithinHours, 36);
        QCOMPARE(stored->attendeeChangeNoticeHours, 48);
        QVERIFY(!stored->attendeeReschedule);
        QCOMPARE(stored->maxBookingsPerWeek, 7);
        QCOMPARE(stored->maxBookingsPerMonth, 20);

        // Out of range: refused naming the field, nothing changes.
        BookingSettings bad = *stored;
        bad.attendeeChangeNoticeHours = 721;
        auto refused = AvailabilityService(*m_db).saveSettings(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("attendeeChangeNoticeHours"));
        bad = *stored;
        bad.approvalWithinHours = 0;
        QCOMPARE(AvailabilityService(*m_db).saveSettings(bad).error().field,
                 QStringLiteral("approvalWithinHours"));
        bad = *stored;
        bad.maxBookingsPerMonth = -1;
        QCOMPARE(AvailabilityService(*m_db).saveSettings(bad).error().field,
                 QStringLiteral("maxBookingsPerMonth"));
        QCOMPARE(AvailabilityService(*m_db).settings(m_admin.id)->attendeeChangeNoticeHours, 48);
    }

    void neverConfirmsAtOnceWithWhatApprovalOwes() {
        allDay();
        changeSettings([](BookingSettings& s) { s.approvalPolicy = ApprovalPolicy::Never; });
        connectGoogleAndMail();
        storage::VideoIntegration zoom;
        zoom.userId = m_admin.id;
        QVERIFY(storage::VideoIntegrationRepository(m_db->connection()).save(zoom).ok());

        BookingRequest r = request(test::utc("2026-11-30T09:00:00Z"));
        r.videoProvider = VideoProvider::Zoom;
        auto created = bookings().createForAttendee(m_admin, r);
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().message));
        QCOMPARE(created->status, BookingStatus::Confirmed);
        QCOMPARE(statusOf(created->id), BookingStatus::Confirmed);

        // The calendar insert approval would have queued, due now.
        const auto jobs =
            *storage::CalendarJobRepository(m_db->connection()).listForBooking(created->id);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().action, storage::CalendarJobAction::Insert);
        QCOMPARE(jobs.first().nextAttemptAt, m_time.now());
        // The Zoom meeting is owed for the confirmed booking.
        const auto owed =
            *storage::VideoIntegrationRepository(m_db->connection()).meetingsToCreate(m_admin.id);
        QCOMPARE(owed.size(), 1);
        QCOMPARE(owed.first().bookingId, created->id);
        // The attendee's confirmation (and its reminder), not "request received" + "confirmed";
        // the admin is not asked to approve anything.
        QCOMPARE(test::queuedMails(*m_db, created->id),
                 QStringList({"approved:bob@example.com", "reminder:bob@example.com"}));

        // Under "always" the same request waits, and owes the request's mails only.
        changeSettings([](BookingSettings& s) { s.approvalPolicy = ApprovalPolicy::Always; });
        auto waiting = bookings().create(m_admin, request(test::utc("2026-11-30T10:00:00Z")));
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->status, BookingStatus::Pending);
        QVERIFY(storage::CalendarJobRepository(m_db->connection())
                    .listForBooking(waiting->id)
                    ->isEmpty());
        QCOMPARE(test::queuedMails(*m_db, waiting->id),
                 QStringList(
                     {"admin_new_request:alice@example.org", "request_received:bob@example.com"}));
    }

    // The confirmation and what it owes are one write: when queuing the mail fails, the booking
    // and its calendar job are not there either.
    void anAutoConfirmedBookingIsOneTransaction() {
        if (test::TestDatabase::roleMode() == QLatin1String("admin"))
            QSKIP("adds a trigger: DDL is the owner's (the owner's run covers this case)");
        allDay();
        changeSettings([](BookingSettings& s) { s.approvalPolicy = ApprovalPolicy::Never; });
        connectGoogleAndMail();
        QSqlQuery q(m_db->connection());
        const QStringList refuseMail =
            test::usingPostgres()
                ? QStringList{"CREATE FUNCTION refuse_mail() RETURNS trigger AS $$ BEGIN "
                              "RAISE EXCEPTION 'no mail today'; END $$ LANGUAGE plpgsql",
                              "CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox "
                              "FOR EACH ROW EXECUTE FUNCTION refuse_mail()"}
                : QStringList{"CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox "
                              "BEGIN SELECT RAISE(ABORT, 'no mail today'); END"};
        for (const QString& sql : refuseMail)
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        const QByteArray before = m_tdb->contentDigest();

        auto refused = bookings().create(m_admin, request(test::utc("2026-11-30T09:00:00Z")));
        QVERIFY(!refused.ok());
        QCOMPARE(m_tdb->contentDigest(), before);
        QVERIFY(storage::CalendarJobRepository(m_db->connection()).list(m_admin.id)->isEmpty());
    }

    // Approval only when the start is less than N hours away: exactly N hours ahead is
    // confirmed at once, a second less waits for the admin.
    void shortNoticeNeedsApprovalInsideTheHours() {
        allDay();
        changeSettings([](BookingSettings& s) {
            s.approvalPolicy = ApprovalPolicy::ShortNotice;
            s.approvalWithinHours = 24;
        });
        const QDateTime first = test::utc("2026-11-27T09:00:00Z");
        m_time.set(first.addSecs(-24 * 3600));
        auto atTheLimit = bookings().create(m_admin, request(first));
        QVERIFY2(atTheLimit.ok(), atTheLimit ? "" : qPrintable(atTheLimit.error().message));
        QCOMPARE(atTheLimit->status, BookingStatus::Confirmed);

        const QDateTime second = first.addSecs(1800);
        m_time.set(second.addSecs(-24 * 3600 + 1));
        auto inside = bookings().create(m_admin, request(second));
        QVERIFY(inside.ok());
        QCOMPARE(inside->status, BookingStatus::Pending);

        // The rule itself, both sides, for each policy.
        BookingSettings s;
        const QDateTime now = test::utc("2026-11-25T12:00:00Z");
        s.approvalPolicy = ApprovalPolicy::ShortNotice;
        s.approvalWithinHours = 2;
        QVERIFY(!BookingService::needsApproval(s, now.addSecs(7200), now));
        QVERIFY(BookingService::needsApproval(s, now.addSecs(7199), now));
        s.approvalPolicy = ApprovalPolicy::Always;
        QVERIFY(BookingService::needsApproval(s, now.addDays(30), now));
        s.approvalPolicy = ApprovalPolicy::Never;
        QVERIFY(!BookingService::needsApproval(s, now.addSecs(1), now));
    }

    // The notice before the start for an attendee's cancel: exactly at the limit allowed, one
    // second inside refused naming the rule, and the booking stays as it was.
    void cancelNoticeBoundaries() {
        changeSettings([](BookingSettings& s) { s.attendeeChangeNoticeHours = 24; });
        const QDateTime start = test::utc("2026-12-01T09:00:00Z");
        QString early;
        QString late;
        const Booking a = attendeeBooking(start, BookingStatus::Confirmed, &early);
        const Booking b = attendeeBooking(start.addSecs(3600), BookingStatus::Confirmed, &late);

        m_time.set(start.addSecs(-24 * 3600));
        auto atTheLimit = bookings().cancelForAttendee(a.id, early, QStringLiteral("Ill"));
        QVERIFY2(atTheLimit.ok(), atTheLimit ? "" : qPrintable(atTheLimit.error().message));
        QCOMPARE(atTheLimit->status, BookingStatus::Cancelled);

        m_time.set(start.addSecs(3600 - 24 * 3600 + 1));
        const QByteArray before = m_tdb->contentDigest();
        auto inside = bookings().cancelForAttendee(b.id, late, QStringLiteral("Ill"));
        QVERIFY(!inside.ok());
        QCOMPARE(inside.error().code, ErrorCode::Validation);
        QCOMPARE(inside.error().field, QStringLiteral("attendeeChangeNoticeHours"));
        QVERIFY2(inside.error().message.contains(QStringLiteral("24 hours' notice")),
                 qPrintable(inside.error().message));
        QCOMPARE(m_tdb->contentDigest(), before);
        QCOMPARE(statusOf(b.id), BookingStatus::Confirmed);
        // The admin is not bound by it.
        QVERIFY(bookings().cancel(m_admin.id, b.id, QStringLiteral("Moved")).ok());
    }

    // A pending request commits nobody yet: it can be withdrawn inside the notice. Nothing
    // can be changed once the meeting has started, even without a notice.
    void pendingRequestsAndStartedMeetings() {
        changeSettings([](BookingSettings& s) { s.attendeeChangeNoticeHours = 24; });
        const QDateTime start = test::utc("2026-12-01T09:00:00Z");
        QString pendingToken;
        const Booking pending = attendeeBooking(start, BookingStatus::Pending, &pendingToken);
        m_time.set(start.addSecs(-60));
        QVERIFY(bookings().cancelForAttendee(pending.id, pendingToken, {}).ok());

        changeSettings([](BookingSettings& s) { s.attendeeChangeNoticeHours = 0; });
        QString atStart;
        QString afterStart;
        const Booking a = attendeeBooking(start.addSecs(3600), BookingStatus::Confirmed, &atStart);
        const Booking b =
            attendeeBooking(start.addSecs(7200), BookingStatus::Confirmed, &afterStart);
        m_time.set(a.startTime);
        QVERIFY(bookings().cancelForAttendee(a.id, atStart, {}).ok());
        m_time.set(b.startTime.addSecs(1));
        auto started = bookings().cancelForAttendee(b.id, afterStart, {});
        QVERIFY(!started.ok());
        QCOMPARE(started.error().field, QStringLiteral("start"));
        QCOMPARE(statusOf(b.id), BookingStatus::Confirmed);
    }

    // The one check the reschedule flow calls: the same notice, and the switch.
    void rescheduleCheck() {
        const QDateTime start = test::utc("2026-12-01T09:00:00Z");
        QString token;
        const Booking confirmed = attendeeBooking(start, BookingStatus::Confirmed, &token);
        changeSettings([](BookingSettings& s) { s.attendeeChangeNoticeHours = 2; });
        m_time.set(start.addSecs(-2 * 3600));
        QVERIFY(bookings().checkAttendeeChange(confirmed, AttendeeChange::Reschedule).ok());
        m_time.set(start.addSecs(-2 * 3600 + 1));
        const Status late = bookings().checkAttendeeChange(confirmed, AttendeeChange::Reschedule);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().field, QStringLiteral("attendeeChangeNoticeHours"));
        QVERIFY(late.error().message.startsWith(QStringLiteral("Rescheduling needs")));

        m_time.set(start.addDays(-3));
        changeSettings([](BookingSettings& s) { s.attendeeReschedule = false; });
        const Status off = bookings().checkAttendeeChange(confirmed, AttendeeChange::Reschedule);
        QVERIFY(!off.ok());
        QCOMPARE(off.error().code, ErrorCode::Validation);
        QCOMPARE(off.error().field, QStringLiteral("attendeeReschedule"));
        // Cancelling is still the attendee's.
        QVERIFY(bookings().checkAttendeeChange(confirmed, AttendeeChange::Cancel).ok());
        changeSettings([](BookingSettings& s) { s.attendeeReschedule = true; });
        QVERIFY(bookings().checkAttendeeChange(confirmed, AttendeeChange::Reschedule).ok());
    }

    // Berlin's week of Monday 2026-03-23 ends at 22:00Z on Sunday the 29th (CEST, after the
    // spring change): the cap counts and re-checks that week, in the booking transaction.
    void weeklyCapAcrossTheSpringChange() {
        m_time.set(test::utc("2026-03-20T12:00:00Z"));
        allDay();
        changeSettings([](BookingSettings& s) { s.maxBookingsPerWeek = 2; });
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-03-23T09:00:00Z"))).ok());
        // Sunday 23:00 CEST: still the same week, its last place.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-03-29T21:00:00Z"))).ok());

        auto full = bookings().create(m_admin, request(test::utc("2026-03-25T09:00:00Z")));
        QVERIFY(!full.ok());
        QCOMPARE(full.error().code, ErrorCode::Conflict);
        QCOMPARE(full.error().field, QStringLiteral("start"));
        QCOMPARE(full.error().message,
                 QStringLiteral("That week is fully booked (at most 2 bookings a week)"));
        // Monday 00:00 CEST is 22:00Z on Sunday: the next week, open.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-03-29T22:00:00Z"))).ok());

        // The slot engine offers nothing more in the full week, and the next week's times.
        auto listing = SlotService(*m_db, m_time.clock())
                           .listSlots(m_admin, {QDate(2026, 3, 23), QDate(2026, 3, 30),
                                                QStringLiteral("Europe/Berlin"), std::nullopt});
        QVERIFY(listing.ok());
        QCOMPARE(listing->days.size(), 1);
        QCOMPARE(listing->days.first().date, QDate(2026, 3, 30));
        QCOMPARE(listing->days.first().times.first().start, test::utc("2026-03-29T22:30:00Z"));

        // Pending and confirmed count; a cancelled one gives its place back.
        auto cancelled = bookings().list(m_admin.id, {});
        const auto it = std::find_if(cancelled->cbegin(), cancelled->cend(), [](const Booking& b) {
            return b.startTime == test::utc("2026-03-23T09:00:00Z");
        });
        QVERIFY(it != cancelled->cend());
        QVERIFY(bookings().approve(m_admin.id, it->id).ok());
        QVERIFY(!bookings().create(m_admin, request(test::utc("2026-03-25T09:00:00Z"))).ok());
        QVERIFY(bookings().cancel(m_admin.id, it->id, {}).ok());
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-03-25T09:00:00Z"))).ok());
    }

    // New York's October 2026 ends at 04:00Z on November 1 (EDT), its week of Monday
    // October 26 at 05:00Z on November 2 (EST, after the fall change).
    void monthlyAndWeeklyCapsAcrossTheFallChange() {
        if (test::TestDatabase::roleMode() == QLatin1String("admin"))
            QSKIP("works as a second admin: an admin's role reaches its own admin only (the "
                  "owner's run covers this case)");
        m_admin =
            test::seedAdmin(*m_db, QStringLiteral("nora"), QStringLiteral("America/New_York"));
        m_time.set(test::utc("2026-10-20T12:00:00Z"));
        allDay();
        changeSettings([](BookingSettings& s) { s.maxBookingsPerMonth = 1; });
        // October 31, 23:30 EDT.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-11-01T03:30:00Z"))).ok());
        auto october = bookings().create(m_admin, request(test::utc("2026-10-28T15:00:00Z")));
        QCOMPARE(october.error().message,
                 QStringLiteral("That month is fully booked (at most 1 booking a month)"));
        // November 1, 00:00 EDT: the next month.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-11-01T04:00:00Z"))).ok());

        changeSettings([](BookingSettings& s) {
            s.maxBookingsPerMonth = 0;
            s.maxBookingsPerWeek = 3;
        });
        // The week of October 26 holds both, and one more place until Sunday 23:59 EST.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-11-02T04:30:00Z"))).ok());
        auto week = bookings().create(m_admin, request(test::utc("2026-10-27T15:00:00Z")));
        QCOMPARE(week.error().message,
                 QStringLiteral("That week is fully booked (at most 3 bookings a week)"));
        // Monday November 2, 00:00 EST.
        QVERIFY(bookings().create(m_admin, request(test::utc("2026-11-02T05:00:00Z"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestBookingPolicies)
#include "tst_bookingpolicies.moc"
