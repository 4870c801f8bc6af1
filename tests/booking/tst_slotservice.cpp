// SlotService and BookingService::create against a real database (SQLite, and PostgreSQL in the
// _postgres run) with a ManualClock that the tests move: slots come from what is stored, the 30 s
// cache sees every change and expires on time, and a booking is accepted exactly when its start
// is an offered slot — the notice period to the second.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "booking/SlotService.h"
#include "core/Clock.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

class TestSlotService : public test::SeededSuite {
    Q_OBJECT

    core::ManualClock m_time{test::utc("2026-11-25T12:00:00Z")};

    [[nodiscard]] core::Clock clock() const { return m_time.clock(); }
    // Monday 2026-11-30 to Friday 2026-12-04, 09:00-12:00 Berlin (08:00-11:00Z).
    void addWeekdayMornings() {
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, "Europe/Berlin", {1, 2, 3, 4, 5}, 9 * 60,
                                       12 * 60));
    }
    SlotRequest week(const QString& zone = "Europe/Berlin") {
        return {QDate(2026, 11, 30), QDate(2026, 12, 6), zone, std::nullopt};
    }
    QStringList startsOn(const SlotListing& listing, const QDate& date) {
        QStringList starts;
        for (const auto& day : listing.days) {
            if (day.date == date) {
                for (const auto& slot : day.times)
                    starts.append(slot.start.toString(Qt::ISODate));
            }
        }
        return starts;
    }
    int bookingCount() {
        QSqlQuery q(m_db->connection());
        q.exec("SELECT COUNT(*) FROM bookings");
        q.next();
        return q.value(0).toInt();
    }
    static BookingRequest request(const char* start, int minutes = 30) {
        return test::makeRequest(test::utc(start), minutes);
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        QVERIFY(openSeeded());
        m_time.set(test::utc("2026-11-25T12:00:00Z"));
        addWeekdayMornings();
    }
    void cleanup() { closeSeeded(); }

    void slotsComeFromStoredAvailability() {
        SlotService service(*m_db, clock());
        auto listing = service.listSlots(m_admin, week());
        QVERIFY2(listing.ok(), listing ? "" : qPrintable(listing.error().message));
        QCOMPARE(listing->duration, 30);
        QCOMPARE(listing->days.size(), 5);
        QCOMPARE(listing->days.first().date, QDate(2026, 11, 30));
        QCOMPARE(listing->days.first().times.size(), 6);
        QCOMPARE(listing->days.first().times.first().start, test::utc("2026-11-30T08:00:00Z"));
        QCOMPARE(listing->days.first().times.first().utcOffsetSeconds, 3600);
        // A viewer in Tokyo sees the same instants on Tokyo's dates and offset.
        auto tokyo = service.listSlots(m_admin, week("Asia/Tokyo"));
        QCOMPARE(tokyo->days.first().times.first().utcOffsetSeconds, 9 * 3600);
        QCOMPARE(tokyo->days.first().times.first().start, test::utc("2026-11-30T08:00:00Z"));
    }

    void pendingAndConfirmedBlockButRejectedAndCancelledDoNot() {
        test::seedBooking(*m_db, m_admin.id, test::utc("2026-11-30T08:00:00Z"), 30,
                          BookingStatus::Pending);
        test::seedBooking(*m_db, m_admin.id, test::utc("2026-11-30T09:00:00Z"), 30,
                          BookingStatus::Confirmed);
        test::seedBooking(*m_db, m_admin.id, test::utc("2026-11-30T10:00:00Z"), 30,
                          BookingStatus::Rejected);
        test::seedBooking(*m_db, m_admin.id, test::utc("2026-11-30T10:30:00Z"), 30,
                          BookingStatus::Cancelled);
        auto listing = SlotService(*m_db, clock()).listSlots(m_admin, week());
        QCOMPARE(startsOn(*listing, QDate(2026, 11, 30)),
                 QStringList({"2026-11-30T08:30:00Z", "2026-11-30T09:30:00Z",
                              "2026-11-30T10:00:00Z", "2026-11-30T10:30:00Z"}));
    }

    void busyCalendarEventsBlockAndFreeOnesDoNot() {
        storage::CalendarIntegrationRepository integrations(m_db->connection());
        CalendarIntegration c;
        c.userId = m_admin.id;
        c.keychainKey = "google/alice";
        auto integration = integrations.create(c);
        QVERIFY(integration.ok());
        storage::CalendarEventRepository events(m_db->connection());
        CalendarEvent busy{{},
                           integration->id,
                           "e1",
                           test::utc("2026-12-01T08:15:00Z"),
                           test::utc("2026-12-01T09:00:00Z"),
                           "Dentist",
                           true,
                           {},
                           {},
                           {},
                           {}};
        CalendarEvent free{{},
                           integration->id,
                           "e2",
                           test::utc("2026-12-01T10:00:00Z"),
                           test::utc("2026-12-01T11:00:00Z"),
                           "Focus (free)",
                           false,
                           {},
                           {},
                           {},
                           {}};
        QVERIFY(events.upsert(busy).ok());
        QVERIFY(events.upsert(free).ok());
        auto listing = SlotService(*m_db, clock()).listSlots(m_admin, week());
        QCOMPARE(startsOn(*listing, QDate(2026, 12, 1)),
                 QStringList({"2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z",
                              "2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"}));
    }

    void overridesAndSettingsApply() {
        AvailabilityService availability(*m_db);
        AvailabilityOverride off{{}, m_admin.id, QDate(2026, 12, 2), "Europe/Berlin", {}, {},
                                 {}, {}};
        QVERIFY(availability.addOverride(off).ok());
        AvailabilityOverride afternoon{
            {}, m_admin.id, QDate(2026, 12, 3), "Europe/Berlin", 14 * 60, 15 * 60, {}, {}};
        QVERIFY(availability.addOverride(afternoon).ok());
        auto settings = availability.settings(m_admin.id);
        settings->defaultDuration = 60;
        settings->durations = {30, 60};
        QVERIFY(availability.saveSettings(*settings).ok());

        auto listing = SlotService(*m_db, clock()).listSlots(m_admin, week());
        QCOMPARE(listing->duration, 60);
        QVERIFY(startsOn(*listing, QDate(2026, 12, 2)).isEmpty());
        QCOMPARE(startsOn(*listing, QDate(2026, 12, 3)), QStringList({"2026-12-03T13:00:00Z"}));
        QCOMPARE(startsOn(*listing, QDate(2026, 12, 4)).size(), 3);

        // Hours for a day marked unavailable replace the mark.
        AvailabilityOverride backOn{
            {}, m_admin.id, QDate(2026, 12, 2), "Europe/Berlin", 10 * 60, 11 * 60, {}, {}};
        QVERIFY(availability.addOverride(backOn).ok());
        QCOMPARE(availability.overrides(m_admin.id)->size(), 2);
        listing = SlotService(*m_db, clock()).listSlots(m_admin, week());
        QCOMPARE(startsOn(*listing, QDate(2026, 12, 2)), QStringList({"2026-12-02T09:00:00Z"}));
    }

    void invalidRequestsNameTheField() {
        SlotService service(*m_db, clock());
        SlotRequest tooLong{QDate(2026, 12, 1), QDate(2027, 2, 1), "UTC", std::nullopt};
        QCOMPARE(service.listSlots(m_admin, tooLong).error().field, QString("to"));
        SlotRequest backwards{QDate(2026, 12, 5), QDate(2026, 12, 1), "UTC", std::nullopt};
        QCOMPARE(service.listSlots(m_admin, backwards).error().field, QString("to"));
        SlotRequest zone{QDate(2026, 12, 1), QDate(2026, 12, 2), "Mars/Base", std::nullopt};
        QCOMPARE(service.listSlots(m_admin, zone).error().field, QString("timezone"));
        SlotRequest length{QDate(2026, 12, 1), QDate(2026, 12, 2), "UTC", 5};
        QCOMPARE(service.listSlots(m_admin, length).error().field, QString("duration"));
        SlotRequest sixtyTwo{QDate(2026, 12, 1), QDate(2027, 1, 31), "UTC", std::nullopt};
        QVERIFY(service.listSlots(m_admin, sixtyTwo).ok());
    }

    void cacheAnswersRepeatsAndSeesEveryChange() {
        SlotService service(*m_db, clock());
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QCOMPARE(service.cacheMisses(), 1);
        QCOMPARE(service.cacheHits(), 1);

        // A booking through this connection.
        QVERIFY(
            BookingService(*m_db, clock()).create(m_admin, request("2026-11-30T08:00:00Z")).ok());
        auto afterBooking = service.listSlots(m_admin, week());
        QCOMPARE(service.cacheMisses(), 2);
        QVERIFY(!startsOn(*afterBooking, QDate(2026, 11, 30)).contains("2026-11-30T08:00:00Z"));

        // A status change frees the time again.
        const QString id = BookingService(*m_db, clock()).list(m_admin.id, {})->first().id;
        QVERIFY(BookingService(*m_db, clock()).reject(m_admin.id, id, {}).ok());
        auto afterReject = service.listSlots(m_admin, week());
        QCOMPARE(service.cacheMisses(), 3);
        QVERIFY(startsOn(*afterReject, QDate(2026, 11, 30)).contains("2026-11-30T08:00:00Z"));

        // Another process's write (another connection to the same file).
        {
            auto other = m_db->openAgain();
            QVERIFY(other.ok());
            test::seedBooking(**other, m_admin.id, test::utc("2026-11-30T09:00:00Z"));
        }
        auto afterOther = service.listSlots(m_admin, week());
        QCOMPARE(service.cacheMisses(), 4);
        QVERIFY(!startsOn(*afterOther, QDate(2026, 11, 30)).contains("2026-11-30T09:00:00Z"));

        // Availability and settings changes.
        AvailabilityService availability(*m_db);
        AvailabilityBlock saturday{{},   m_admin.id, 6, 9 * 60, 10 * 60, "Europe/Berlin",
                                   true, {},         {}};
        QVERIFY(availability.add(saturday).ok());
        QCOMPARE(service.listSlots(m_admin, week())->days.size(), 6);
        QCOMPARE(service.cacheMisses(), 5);
        auto settings = availability.settings(m_admin.id);
        settings->bufferAfter = 30;
        QVERIFY(availability.saveSettings(*settings).ok());
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QCOMPARE(service.cacheMisses(), 6);

        // kCacheSeconds later the answer is computed afresh even if nothing changed: a second
        // before, it is still the cached one.
        m_time.advance(std::chrono::seconds(SlotService::kCacheSeconds - 1));
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QCOMPARE(service.cacheMisses(), 6);
        m_time.advance(std::chrono::seconds(1));
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QCOMPARE(service.cacheMisses(), 7);
        // And the fresh answer is kept for as long again.
        m_time.advance(std::chrono::seconds(SlotService::kCacheSeconds - 1));
        QVERIFY(service.listSlots(m_admin, week()).ok());
        QCOMPARE(service.cacheMisses(), 7);
    }

    // The notice period to the second (the admin's default: 120 minutes). A slot exactly
    // `minimumNotice` ahead is offered and can be booked; one second later it is neither.
    void noticeEndsExactlyAtTheLimit() {
        SlotService slotService(*m_db, clock());
        BookingService bookings(*m_db, clock());
        const QDate monday(2026, 11, 30);
        m_time.set(test::utc("2026-11-30T06:00:00Z"));
        QCOMPARE(startsOn(*slotService.listSlots(m_admin, week()), monday).first(),
                 QString("2026-11-30T08:00:00Z"));
        QVERIFY(bookings.create(m_admin, request("2026-11-30T08:00:00Z")).ok());

        m_time.set(test::utc("2026-11-30T06:30:00Z"));
        QCOMPARE(startsOn(*slotService.listSlots(m_admin, week()), monday).first(),
                 QString("2026-11-30T08:30:00Z"));
        m_time.advance(std::chrono::seconds(1));
        QCOMPARE(startsOn(*slotService.listSlots(m_admin, week()), monday).first(),
                 QString("2026-11-30T09:00:00Z"));
        auto late = bookings.create(m_admin, request("2026-11-30T08:30:00Z"));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, ErrorCode::Validation);
        QCOMPARE(late.error().field, QString("start"));
        QCOMPARE(late.error().message, QString("Bookings need at least 120 minutes' notice"));
        QCOMPARE(bookingCount(), 1);
    }

    // The horizon the same way: a start exactly horizonDays ahead is bookable, a second more
    // is not.
    void horizonEndsExactlyAtTheLimit() {
        AvailabilityService availability(*m_db);
        auto settings = availability.settings(m_admin.id);
        QVERIFY(settings.ok());
        BookingService bookings(*m_db, clock());
        const QDateTime start = test::utc("2026-11-30T08:00:00Z");
        m_time.set(start.addDays(-settings->horizonDays).addSecs(-1));
        auto early = bookings.create(m_admin, request("2026-11-30T08:00:00Z"));
        QVERIFY(!early.ok());
        QCOMPARE(early.error().field, QString("start"));
        QVERIFY2(early.error().message.contains("ahead"), qPrintable(early.error().message));
        m_time.advance(std::chrono::seconds(1));
        QVERIFY(bookings.create(m_admin, request("2026-11-30T08:00:00Z")).ok());
    }

    void cachedAnswersNeverOfferSlotsInsideTheNotice() {
        m_time.set(test::utc("2026-11-30T05:59:50Z")); // notice 2 h: 08:00Z is the first slot
        SlotService service(*m_db, clock());
        QCOMPARE(startsOn(*service.listSlots(m_admin, week()), QDate(2026, 11, 30)).first(),
                 QString("2026-11-30T08:00:00Z"));
        m_time.advance(std::chrono::seconds(20)); // 06:00:10: 08:00Z is now inside the notice
        auto cached = service.listSlots(m_admin, week());
        QCOMPARE(service.cacheHits(), 1);
        QCOMPARE(startsOn(*cached, QDate(2026, 11, 30)).first(), QString("2026-11-30T08:30:00Z"));
    }

    void renderingsFollowTheCachesRules() {
        m_time.set(test::utc("2026-11-30T05:59:40Z")); // notice 2 h: 08:00Z is the first slot
        SlotService service(*m_db, clock());
        auto stamp = m_db->changeStamp();
        QVERIFY(stamp.ok());
        auto listing = service.listSlots(m_admin, week());
        QVERIFY(listing.ok());
        QCOMPARE(listing->minimumNotice, 120);
        QVERIFY(!service.cachedRendering("week", *stamp).has_value());
        service.keepRendering("week", *stamp, *listing, "rendered");
        QCOMPARE(service.cachedRendering("week", *stamp), std::optional<QByteArray>("rendered"));
        // Another change stamp: stale.
        QVERIFY(!service.cachedRendering("week", *stamp + 1).has_value());
        // The first slot moves inside the notice: bytes cannot be filtered, so no hit.
        m_time.advance(std::chrono::seconds(20)); // 06:00:00 is still fine
        QVERIFY(service.cachedRendering("week", *stamp).has_value());
        m_time.advance(std::chrono::seconds(1));
        QVERIFY(!service.cachedRendering("week", *stamp).has_value());
        // A listing without slots is kept until it is kCacheSeconds old.
        service.keepRendering("empty", *stamp, SlotListing{}, "[]");
        m_time.advance(std::chrono::seconds(SlotService::kCacheSeconds - 1));
        QVERIFY(service.cachedRendering("empty", *stamp).has_value());
        m_time.advance(std::chrono::seconds(1));
        QVERIFY(!service.cachedRendering("empty", *stamp).has_value());
        // Renderings and listings share the cache but not their keys, nor the hit counters.
        QCOMPARE(service.cacheHits(), 0);
        QCOMPARE(service.cacheMisses(), 1);
    }

    void createAcceptsOnlyOfferedSlots_data() {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("expected"); // -1 ok, else ErrorCode
        QTest::addColumn<QString>("field");
        const int validationCode = int(ErrorCode::Validation);
        QTest::newRow("offered") << "2026-11-30T08:00:00Z" << 30 << "bob@example.com"
                                 << "Europe/Paris" << -1 << "";
        QTest::newRow("offered 60 min") << "2026-11-30T08:00:00Z" << 60 << "bob@example.com"
                                        << "UTC" << -1 << "";
        QTest::newRow("past") << "2026-11-20T08:00:00Z" << 30 << "bob@example.com"
                              << "UTC" << validationCode << "start";
        QTest::newRow("inside notice") << "2026-11-25T13:00:00Z" << 30 << "bob@example.com"
                                       << "UTC" << validationCode << "start";
        QTest::newRow("past horizon") << "2027-03-01T09:00:00Z" << 30 << "bob@example.com"
                                      << "UTC" << validationCode << "start";
        QTest::newRow("off grid") << "2026-11-30T08:10:00Z" << 30 << "bob@example.com"
                                  << "UTC" << validationCode << "start";
        QTest::newRow("outside availability") << "2026-11-30T14:00:00Z" << 30 << "bob@example.com"
                                              << "UTC" << validationCode << "start";
        QTest::newRow("runs past block end") << "2026-11-30T10:30:00Z" << 60 << "bob@example.com"
                                             << "UTC" << validationCode << "start";
        QTest::newRow("5 minutes") << "2026-11-30T08:00:00Z" << 5 << "bob@example.com"
                                   << "UTC" << validationCode << "duration";
        QTest::newRow("9 hours") << "2026-11-30T08:00:00Z" << 540 << "bob@example.com"
                                 << "UTC" << validationCode << "duration";
        QTest::newRow("bad email") << "2026-11-30T08:00:00Z" << 30 << "bob@"
                                   << "UTC" << validationCode << "email";
        QTest::newRow("bad zone") << "2026-11-30T08:00:00Z" << 30 << "bob@example.com"
                                  << "Nowhere/City" << validationCode << "timezone";
    }
    void createAcceptsOnlyOfferedSlots() {
        QFETCH(QString, start);
        QFETCH(int, minutes);
        QFETCH(QString, email);
        QFETCH(QString, zone);
        QFETCH(int, expected);
        QFETCH(QString, field);
        BookingRequest r = request(qPrintable(start), minutes);
        r.email = email;
        r.timeZone = zone;
        auto created = BookingService(*m_db, clock()).create(m_admin, r);
        if (expected < 0) {
            QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().message));
            QCOMPARE(created->status, BookingStatus::Pending);
            QCOMPARE(created->startTime, test::utc(qPrintable(start)));
            QCOMPARE(created->endTime, created->startTime.addSecs(60 * minutes));
            QCOMPARE(created->timeZone, zone);
            QCOMPARE(bookingCount(), 1);
        } else {
            QVERIFY(!created.ok());
            QCOMPARE(int(created.error().code), expected);
            QCOMPARE(created.error().field, field);
            QCOMPARE(bookingCount(), 0);
        }
    }

    void overlappingRequestsConflictUnlessTheOtherIsFinal() {
        BookingService service(*m_db, clock());
        auto first = service.create(m_admin, request("2026-11-30T09:00:00Z", 60));
        QVERIFY(first.ok());
        auto overlapping = service.create(m_admin, request("2026-11-30T09:30:00Z"));
        QCOMPARE(overlapping.error().code, ErrorCode::Conflict);
        QCOMPARE(overlapping.error().message, QString("That slot is no longer available"));
        auto touching = service.create(m_admin, request("2026-11-30T10:00:00Z"));
        QVERIFY(touching.ok());
        QVERIFY(service.reject(m_admin.id, first->id, "No").ok());
        QVERIFY(service.create(m_admin, request("2026-11-30T09:30:00Z")).ok());
        QCOMPARE(bookingCount(), 3);
    }

    // A start is a slot's start to the millisecond: the engine counts whole seconds, so a
    // fraction must not be rounded onto the grid.
    void createRefusesAFractionOfASecond() {
        BookingService service(*m_db, clock());
        for (qint64 ms : {1, 123, 999}) {
            BookingRequest r = request("2026-11-30T09:00:00Z");
            r.start = r.start.addMSecs(ms);
            auto created = service.create(m_admin, r);
            QVERIFY(!created.ok());
            QCOMPARE(created.error().code, ErrorCode::Validation);
            QCOMPARE(created.error().field, QString("start"));
        }
        QCOMPARE(bookingCount(), 0);
        QVERIFY(service.create(m_admin, request("2026-11-30T09:00:00Z")).ok());
    }

    // A row written before instants were whole seconds (09:00:00.123-09:30:00.123) still holds
    // all of its time: the 09:30 slot overlaps it and is not offered.
    void heldTimeIsNeverRoundedAway() {
        const Booking legacy = test::seedBooking(
            *m_db, m_admin.id, test::utc("2026-11-30T09:00:00Z"), 30, BookingStatus::Confirmed);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QString("UPDATE bookings SET start_time = start_time + 123, "
                               "end_time = end_time + 123 WHERE id = '%1'")
                           .arg(legacy.id)));
        BookingService service(*m_db, clock());
        auto next = service.create(m_admin, request("2026-11-30T09:30:00Z"));
        QVERIFY(!next.ok());
        QCOMPARE(next.error().code, ErrorCode::Conflict);
        QVERIFY(
            !startsOn(*SlotService(*m_db, clock()).listSlots(m_admin, week()), QDate(2026, 11, 30))
                 .contains("2026-11-30T09:30:00Z"));
        QCOMPARE(bookingCount(), 1);
    }

    void dailyCapCountsPendingAndConfirmed() {
        AvailabilityService availability(*m_db);
        auto settings = availability.settings(m_admin.id);
        settings->maxBookingsPerDay = 2;
        QVERIFY(availability.saveSettings(*settings).ok());
        BookingService service(*m_db, clock());
        QVERIFY(service.create(m_admin, request("2026-11-30T08:00:00Z")).ok());
        QVERIFY(service.create(m_admin, request("2026-11-30T09:00:00Z")).ok());
        QCOMPARE(service.create(m_admin, request("2026-11-30T10:00:00Z")).error().code,
                 ErrorCode::Conflict);
        QVERIFY(service.create(m_admin, request("2026-12-01T10:00:00Z")).ok());
        QVERIFY(
            startsOn(*SlotService(*m_db, clock()).listSlots(m_admin, week()), QDate(2026, 11, 30))
                .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSlotService)
#include "tst_slotservice.moc"
