// The pure parts of the Google Calendar integration: how an events.list item becomes busy time
// (or not), the integration status machine, and the outbox rules for approve/cancel. No network,
// no keychain. (The back-off schedule, PKCE and the token format are provider-neutral:
// tests/integration/tst_integrationlayer.)

#include "booking/BookingService.h"
#include "calendar/CalendarOutbox.h"
#include "calendar/GoogleEventMapper.h"
#include "calendar/IntegrationStatusMachine.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

QJsonObject item(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestGoogleMapping : public QObject {
    Q_OBJECT

private slots:
    void timedEventWithOffsetIsBusy() {
        const auto change =
            google::mapEvent(item(R"({"id":"a1","summary":"Dentist","status":"confirmed",
                     "start":{"dateTime":"2026-12-01T10:00:00+01:00"},
                     "end":{"dateTime":"2026-12-01T11:30:00+01:00"}})"),
                             "Europe/Berlin");
        QVERIFY(!change.removed);
        QCOMPARE(change.externalId, QString("a1"));
        QCOMPARE(change.event.startTime, test::utc("2026-12-01T09:00:00Z"));
        QCOMPARE(change.event.endTime, test::utc("2026-12-01T10:30:00Z"));
        QCOMPARE(change.event.title, QString("Dentist"));
        QVERIFY(change.event.isBusy);
    }

    void allDayEventCoversWholeDaysInTheCalendarZone() {
        // end.date is exclusive: 1 and 2 December, Berlin midnight to midnight.
        const auto change = google::mapEvent(
            item(R"({"id":"d1","start":{"date":"2026-12-01"},"end":{"date":"2026-12-03"}})"),
            "Europe/Berlin");
        QVERIFY(!change.removed);
        QCOMPARE(change.event.startTime, test::utc("2026-11-30T23:00:00Z"));
        QCOMPARE(change.event.endTime, test::utc("2026-12-02T23:00:00Z"));
        QVERIFY(change.event.isBusy);
    }

    void allDayEventAcrossDstChangeUsesEachDaysOffset() {
        // New York leaves DST on 2026-11-01: the day is 25 hours long.
        const auto change = google::mapEvent(
            item(R"({"id":"d2","start":{"date":"2026-11-01"},"end":{"date":"2026-11-02"}})"),
            "America/New_York");
        QCOMPARE(change.event.startTime, test::utc("2026-11-01T04:00:00Z"));
        QCOMPARE(change.event.endTime, test::utc("2026-11-02T05:00:00Z"));
    }

    void calendarZoneFallsBackToTheAdminsThenUtc() {
        QCOMPARE(google::effectiveZone("Asia/Tokyo", "Europe/Berlin"), QString("Asia/Tokyo"));
        QCOMPARE(google::effectiveZone("", "Europe/Berlin"), QString("Europe/Berlin"));
        QCOMPARE(google::effectiveZone("Not/AZone", "Europe/Berlin"), QString("Europe/Berlin"));
        QCOMPARE(google::effectiveZone("", ""), QString("UTC"));
    }

    void cancelledEventIsRemoved() {
        const auto change = google::mapEvent(item(R"({"id":"c1","status":"cancelled"})"), "UTC");
        QVERIFY(change.removed);
        QCOMPARE(change.externalId, QString("c1"));
    }

    void freeTimeKindsAreNotBusy_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("busy");
        const QString times = QStringLiteral(R"("start":{"dateTime":"2026-12-01T09:00:00Z"},
                                                 "end":{"dateTime":"2026-12-01T10:00:00Z"})");
        auto row = [&](const char* name, const QString& extra, bool busy) {
            QTest::newRow(name) << QStringLiteral("{\"id\":\"x\",%1%2}").arg(times, extra) << busy;
        };
        row("opaque", {}, true);
        row("transparent", R"(,"transparency":"transparent")", false);
        row("tentative", R"(,"status":"tentative")", true);
        row("declined by me",
            R"(,"attendees":[{"email":"bob@example.com","responseStatus":"accepted"},
                             {"email":"alice@example.org","self":true,"responseStatus":"declined"}])",
            false);
        row("declined by someone else",
            R"(,"attendees":[{"email":"bob@example.com","responseStatus":"declined"},
                             {"email":"alice@example.org","self":true,"responseStatus":"accepted"}])",
            true);
        row("needs my action",
            R"(,"attendees":[{"email":"alice@example.org","self":true,"responseStatus":"needsAction"}])",
            true);
        row("working location", R"(,"eventType":"workingLocation")", false);
        row("out of office", R"(,"eventType":"outOfOffice")", true);
        row("focus time", R"(,"eventType":"focusTime")", true);
    }
    void freeTimeKindsAreNotBusy() {
        QFETCH(QString, json);
        QFETCH(bool, busy);
        const auto change =
            google::mapEvent(QJsonDocument::fromJson(json.toUtf8()).object(), "UTC");
        QVERIFY(!change.removed);
        QCOMPARE(change.event.isBusy, busy);
    }

    void unusableTimesAreRemoved() {
        QVERIFY(google::mapEvent(item(R"({"id":"z","start":{},"end":{}})"), "UTC").removed);
        QVERIFY(google::mapEvent(item(R"({"id":"z","start":{"dateTime":"2026-12-01T10:00:00Z"},
                                          "end":{"dateTime":"2026-12-01T10:00:00Z"}})"),
                                 "UTC")
                    .removed);
        QVERIFY(google::mapEvent(item(R"({"id":"z","start":{"dateTime":"yesterday"},
                                          "end":{"dateTime":"2026-12-01T10:00:00Z"}})"),
                                 "UTC")
                    .removed);
    }

    void statusMachineFollowsTheSpec() {
        using S = SyncStatus;
        QVERIFY(IntegrationStatusMachine::isAllowed(S::Disconnected, S::Active));
        QVERIFY(IntegrationStatusMachine::isAllowed(S::Active, S::Error));
        QVERIFY(IntegrationStatusMachine::isAllowed(S::Error, S::Active));
        QVERIFY(IntegrationStatusMachine::isAllowed(S::Active, S::Disconnected));
        QVERIFY(IntegrationStatusMachine::isAllowed(S::Error, S::Disconnected)); // documented
        QVERIFY(!IntegrationStatusMachine::isAllowed(S::Disconnected, S::Error));
        QVERIFY(!IntegrationStatusMachine::isAllowed(S::Disconnected, S::Disconnected));
        const auto refused = IntegrationStatusMachine::check(S::Disconnected, S::Error);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidTransition);
    }

    void approveAndCancelQueueCalendarWritesOnlyWhenConnected() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        BookingService bookings(**db);
        storage::CalendarJobRepository jobs((*db)->connection());

        // No calendar connected: approving owes nothing.
        const auto first = test::seedBooking(**db, admin.id, test::utc("2026-12-01T09:00:00Z"));
        QVERIFY(bookings.approve(admin.id, first.id).ok());
        QCOMPARE(jobs.list(admin.id)->size(), 0);

        const CalendarIntegration google =
            test::seedGoogle(**db, admin.id, QStringLiteral("google-calendar/test"));

        // Approve → insert job, in the same transaction as the status change.
        const auto second = test::seedBooking(**db, admin.id, test::utc("2026-12-02T09:00:00Z"));
        QVERIFY(bookings.approve(admin.id, second.id).ok());
        auto queued = jobs.listForBooking(second.id);
        QCOMPARE(queued->size(), 1);
        QCOMPARE(queued->first().action, storage::CalendarJobAction::Insert);
        QCOMPARE(queued->first().state, storage::CalendarJobState::Pending);

        // Cancel before the event existed: the insert is dropped, nothing to delete.
        QVERIFY(bookings.cancel(admin.id, second.id, {}).ok());
        QCOMPARE(jobs.listForBooking(second.id)->size(), 0);

        // Cancel after the event exists: a delete job.
        const auto third = test::seedBooking(**db, admin.id, test::utc("2026-12-03T09:00:00Z"));
        QVERIFY(bookings.approve(admin.id, third.id).ok());
        QVERIFY(jobs.removeForBooking(third.id, storage::CalendarJobAction::Insert));
        Booking withEvent = *bookings.find(admin.id, third.id);
        withEvent.calendarEventId = "abcdef12345";
        // The event is in the primary calendar, which the delete goes to.
        withEvent.eventCalendarId = storage::IntegrationCalendarRepository((*db)->connection())
                                        .findByRemoteId(google.id, QStringLiteral("primary"))
                                        ->value()
                                        .id;
        QVERIFY(storage::BookingRepository((*db)->connection()).update(withEvent));
        QVERIFY(bookings.cancel(admin.id, third.id, "Travelling").ok());
        queued = jobs.listForBooking(third.id);
        QCOMPARE(queued->size(), 1);
        QCOMPARE(queued->first().action, storage::CalendarJobAction::Delete);

        // Rejecting a request never owes anything.
        const auto fourth = test::seedBooking(**db, admin.id, test::utc("2026-12-04T09:00:00Z"));
        QVERIFY(bookings.reject(admin.id, fourth.id, {}).ok());
        QCOMPARE(jobs.listForBooking(fourth.id)->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGoogleMapping)
#include "tst_googlemapping.moc"
