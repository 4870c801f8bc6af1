// Zoom end to end (issue 9): ZoomService and CalendarSyncService against FakeZoomServer and
// FakeGoogleServer (real sockets on 127.0.0.1) with the real Secret Service (run under
// dbus-run-session with gnome-keyring unlocked, see tools/test.sh). An attendee asks for Zoom,
// the admin approves → the booking carries the join_url and the Google event (which waits for
// it) carries it too; cancel → DELETE /v2/meetings/{id}. 429/5xx back off without touching the
// approval; disconnect revokes at Zoom; tokens never reach the SQLite file.

#include "booking/BookingService.h"
#include "calendar/CalendarSyncService.h"
#include "fakes/ConnectGoogle.h"
#include "fakes/FakeGoogleServer.h"
#include "fakes/FakeZoomServer.h"
#include "integration/OAuthTokenStore.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "video/ZoomConfig.h"
#include "video/ZoomService.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace slotdesk;
using ZoomRoute = test::FakeZoomServer::Route;
using GoogleRoute = test::FakeGoogleServer::Route;

namespace {

const QString kZone = QStringLiteral("Europe/Berlin");

} // namespace

class TestZoomService : public test::SeededSuite {
    Q_OBJECT

    QDate m_day;
    std::unique_ptr<test::FakeZoomServer> m_zoom;
    std::unique_ptr<test::FakeGoogleServer> m_google;
    std::unique_ptr<zoom::ZoomService> m_service;
    std::unique_ptr<CalendarSyncService> m_calendar;
    QStringList m_keychainKeys;

    std::optional<storage::VideoIntegration> zoomRow() {
        auto found = storage::VideoIntegrationRepository(m_db->connection())
                         .find(m_admin.id, QStringLiteral("zoom"));
        return found && *found ? **found : std::optional<storage::VideoIntegration>();
    }
    Booking booking(const QString& id) {
        auto found = storage::BookingRepository(m_db->connection()).findById(m_admin.id, id);
        return found && *found ? **found : Booking{};
    }

    // The whole loopback flow, a QNetworkAccessManager acting as the browser.
    bool connectZoom() {
        QSignalSpy url(m_service.get(), &zoom::ZoomService::authorizationUrlReady);
        QSignalSpy finished(m_service.get(), &zoom::ZoomService::connectFinished);
        m_service->connectZoom();
        if (!url.wait(10000))
            return false;
        QNetworkAccessManager browser;
        QNetworkReply* reply = browser.get(QNetworkRequest(url.first().first().toUrl()));
        if (finished.isEmpty() && !finished.wait(20000))
            return false;
        reply->deleteLater();
        if (!finished.first().first().toBool()) {
            qWarning() << "Zoom connect failed:" << finished.first().last().toString();
            return false;
        }
        if (auto row = zoomRow())
            m_keychainKeys.append(zoom::keychainKeyFor(row->id));
        return zoomRow().has_value();
    }
    bool connectGoogle() {
        const bool connected = test::connectGoogle(*m_calendar, *m_google);
        auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
        if (all && !all->isEmpty())
            m_keychainKeys.append(all->first().keychainKey);
        return connected;
    }
    zoom::ZoomSyncReport zoomPass() {
        QSignalSpy finished(m_service.get(), &zoom::ZoomService::syncFinished);
        m_service->syncNow();
        if (finished.isEmpty())
            finished.wait(20000);
        return m_service->lastReport(m_admin.id).value_or(zoom::ZoomSyncReport{});
    }
    void calendarPass() {
        QSignalSpy finished(m_calendar.get(), &CalendarSyncService::syncFinished);
        m_calendar->syncNow();
        QVERIFY(!finished.isEmpty() || finished.wait(20000));
    }
    Booking requestAndApprove(int hour, std::optional<VideoProvider> provider) {
        BookingService bookings(*m_db);
        BookingRequest request = test::makeRequest(
            QDateTime(m_day, QTime(hour, 0), QTimeZone(kZone.toLatin1())).toUTC(), 30);
        request.videoProvider = provider;
        return test::requestAndApprove(bookings, m_admin, request);
    }

private slots:
    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(openSeeded(QStringLiteral("alice"), kZone));
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, kZone, {0, 1, 2, 3, 4, 5, 6}, 9 * 60,
                                       17 * 60));
        m_day = QDate::currentDate().addDays(14);
        m_zoom = std::make_unique<test::FakeZoomServer>();
        QVERIFY(m_zoom->listen());
        m_zoom->exportEnvironment();
        m_google = std::make_unique<test::FakeGoogleServer>();
        QVERIFY(m_google->listen());
        m_google->exportEnvironment();
        m_service = std::make_unique<zoom::ZoomService>(*m_db);
        m_calendar = std::make_unique<CalendarSyncService>(*m_db);
    }

    void cleanup() {
        m_service.reset();
        m_calendar.reset();
        QVERIFY(test::forgetKeychainEntries(m_keychainKeys)); // nothing left in the keyring
        m_zoom.reset();
        m_google.reset();
        closeSeeded();
    }

    void connectReadsTheAccountAndKeepsTokensOnlyInTheKeychain() {
        QVERIFY(connectZoom());
        const auto row = zoomRow();
        QCOMPARE(row->status, VideoIntegrationStatus::Connected);
        QCOMPARE(row->accountEmail, m_zoom->accountEmail);
        QCOMPARE(m_zoom->count(ZoomRoute::Me), 1);
        const auto tokens = test::keychainTokens(zoom::keychainKeyFor(row->id));
        QVERIFY(tokens);
        QCOMPARE(tokens->refreshToken, m_zoom->currentRefreshToken());
        const QByteArray bytes = test::databaseBytes(*m_db);
        QVERIFY(!bytes.isEmpty());
        for (const QString& secret : m_zoom->issuedRefreshTokens())
            QVERIFY2(!bytes.contains(secret.toUtf8()), "a Zoom token is in the database file");
        QVERIFY(!bytes.contains(tokens->accessToken.toUtf8()));
    }

    // The "done when", with Google Calendar connected too.
    void approvedZoomBookingCarriesTheLinkIntoTheCalendarAndCancelDeletesTheMeeting() {
        QVERIFY(connectGoogle());
        QVERIFY(connectZoom());
        const Booking approved = requestAndApprove(10, VideoProvider::Zoom);
        QVERIFY(!approved.id.isEmpty());
        QCOMPARE(approved.status, BookingStatus::Confirmed);

        // The calendar goes first here: its insert waits for the Zoom link, not counted as a
        // failed attempt.
        calendarPass();
        QCOMPARE(m_google->count(GoogleRoute::EventsInsert), 0);
        auto jobs = *storage::CalendarJobRepository(m_db->connection()).list(m_admin.id);
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().attempts, 0);
        QVERIFY(jobs.first().lastError.contains(QLatin1String("Zoom")));

        QSignalSpy created(m_service.get(), &zoom::ZoomService::meetingsCreated);
        const auto report = zoomPass();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.created, 1);
        QCOMPARE(created.size(), 1);
        const auto meeting =
            *storage::VideoIntegrationRepository(m_db->connection()).meetingFor(approved.id);
        QVERIFY(meeting);
        const Booking linked = booking(approved.id);
        QCOMPARE(linked.videoProvider, VideoProvider::Zoom);
        QCOMPARE(linked.videoLink,
                 m_zoom->meeting(meeting->meetingId).value(QLatin1String("join_url")).toString());
        QVERIFY(linked.videoLink.startsWith(QLatin1String("https://zoom.example/j/")));
        const QJsonObject body =
            QJsonDocument::fromJson(m_zoom->requestsTo(ZoomRoute::CreateMeeting).constLast().body)
                .object();
        QCOMPARE(body.value(QLatin1String("duration")).toInt(), 30);
        QCOMPARE(body.value(QLatin1String("timezone")).toString(),
                 QStringLiteral("America/New_York"));

        // The stored link made the waiting insert due: the event carries it.
        calendarPass();
        QCOMPARE(m_google->count(GoogleRoute::EventsInsert), 1);
        const QJsonObject event =
            QJsonDocument::fromJson(m_google->requestsTo(GoogleRoute::EventsInsert).first().body)
                .object();
        QCOMPARE(event.value(QLatin1String("location")).toString(), linked.videoLink);
        const QString description = event.value(QLatin1String("description")).toString();
        QVERIFY(description.contains(linked.videoLink));
        QVERIFY(description.contains(QLatin1String("Quarterly review")));
        QVERIFY(!event.contains(QLatin1String("conferenceData")));

        // Cancel → the meeting is deleted at Zoom.
        QVERIFY(BookingService(*m_db).cancel(m_admin.id, approved.id, QStringLiteral("ill")));
        QVERIFY(zoomPass().ok);
        const auto deletes = m_zoom->requestsTo(ZoomRoute::DeleteMeeting);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().path, QStringLiteral("/v2/meetings/") + meeting->meetingId);
        QVERIFY(!m_zoom->hasMeeting(meeting->meetingId));
        QVERIFY((*storage::VideoIntegrationRepository(m_db->connection()).meetingFor(approved.id))
                    ->deleted);
        QCOMPARE(zoomPass().deleted, 0); // nothing owed twice
    }

    // ---- moves (issue 16): the meeting goes with the booking ----------------------------------

private:
    // A confirmed Zoom booking at 10:00 with its meeting (and, with Google, its event) made; the
    // admin then moves it to 14:00. Returns the new booking.
    Booking movedZoomBooking(bool withGoogle) {
        const Booking approved = requestAndApprove(10, VideoProvider::Zoom);
        if (!zoomPass().ok)
            return {};
        if (withGoogle)
            calendarPass();
        auto moved = BookingService(*m_db).reschedule(m_admin.id, approved.id, berlinAt(14), 30);
        if (!moved)
            qWarning() << moved.error().message;
        return moved ? *moved : Booking{};
    }
    QDateTime berlinAt(int hour) const {
        return QDateTime(m_day, QTime(hour, 0), QTimeZone(kZone.toLatin1())).toUTC();
    }
    QString meetingIdOf(const QString& bookingId) {
        auto meeting =
            storage::VideoIntegrationRepository(m_db->connection()).meetingFor(bookingId);
        return meeting && *meeting ? (*meeting)->meetingId : QString();
    }

private slots:
    void aMovedBookingKeepsItsZoomMeetingAndItsEvent() {
        QVERIFY(connectGoogle());
        QVERIFY(connectZoom());
        const Booking moved = movedZoomBooking(true);
        QVERIFY(!moved.id.isEmpty());
        const QString meetingId = meetingIdOf(moved.id);
        QVERIFY(!meetingId.isEmpty());
        const QString link = m_zoom->meeting(meetingId).value(QLatin1String("join_url")).toString();
        QCOMPARE(moved.videoProvider, VideoProvider::Zoom);
        QCOMPARE(moved.videoLink, link);
        QVERIFY(booking(moved.rescheduledFromId).videoLink.isEmpty());
        QVERIFY(meetingIdOf(moved.rescheduledFromId).isEmpty());
        QCOMPARE(m_google->count(GoogleRoute::EventsInsert), 1);

        const auto report = zoomPass();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.created, 0);
        QCOMPARE(report.deleted, 0);
        const auto patches = m_zoom->requestsTo(ZoomRoute::UpdateMeeting);
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().path, QStringLiteral("/v2/meetings/") + meetingId);
        const QJsonObject body = QJsonDocument::fromJson(patches.first().body).object();
        const QString start = berlinAt(14).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
        QCOMPARE(body.value(QLatin1String("start_time")).toString(), start);
        QCOMPARE(body.value(QLatin1String("duration")).toInt(), 30);
        QCOMPARE(body.value(QLatin1String("timezone")).toString(),
                 QStringLiteral("America/New_York"));
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 1); // the original's, only
        QCOMPARE(m_zoom->count(ZoomRoute::DeleteMeeting), 0);
        QCOMPARE(m_zoom->meeting(meetingId).value(QLatin1String("start_time")).toString(), start);
        QCOMPARE(m_zoom->meetingCount(), 1);
        QCOMPARE(booking(moved.id).videoLink, link);
        QCOMPARE(zoomPass().updated, 0); // the mark is cleared: nothing owed twice

        // The calendar moves its one event (which carries the same link) rather than a new one.
        calendarPass();
        QCOMPARE(m_google->count(GoogleRoute::EventsPatch), 1);
        QCOMPARE(m_google->count(GoogleRoute::EventsInsert), 1);
        QCOMPARE(m_google->count(GoogleRoute::EventsDelete), 0);
        QCOMPARE(m_google->liveEventCount(), 1);
    }

    void aFailedMeetingMoveIsRetried() {
        QVERIFY(connectZoom());
        const Booking moved = movedZoomBooking(false);
        QVERIFY(!moved.id.isEmpty());
        m_zoom->failNext(ZoomRoute::UpdateMeeting, 503);
        const auto failed = zoomPass();
        QVERIFY(!failed.ok);
        QVERIFY(failed.transient);
        QCOMPARE(storage::VideoIntegrationRepository(m_db->connection())
                     .meetingsToUpdate(m_admin.id)
                     ->size(),
                 1);
        QCOMPARE(booking(moved.id).videoLink, moved.videoLink);
        const auto again = zoomPass();
        QVERIFY2(again.ok, qPrintable(again.message));
        QCOMPARE(again.updated, 1);
        QCOMPARE(m_zoom->count(ZoomRoute::UpdateMeeting), 2);
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 1);
        QCOMPARE(m_zoom->count(ZoomRoute::DeleteMeeting), 0);
    }

    void aMovedMeetingZoomNoLongerHasIsMadeAgain() {
        QVERIFY(connectZoom());
        const Booking moved = movedZoomBooking(false);
        QVERIFY(!moved.id.isEmpty());
        const QString oldId = meetingIdOf(moved.id);
        m_zoom->forgetMeeting(oldId); // deleted in Zoom's own app
        const auto report = zoomPass();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.created, 1);
        QCOMPARE(m_zoom->count(ZoomRoute::UpdateMeeting), 1);
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 2);
        QCOMPARE(m_zoom->count(ZoomRoute::DeleteMeeting), 0);
        const QString newId = meetingIdOf(moved.id);
        QVERIFY(!newId.isEmpty() && newId != oldId);
        const Booking relinked = booking(moved.id);
        QCOMPARE(relinked.videoLink,
                 m_zoom->meeting(newId).value(QLatin1String("join_url")).toString());
        QVERIFY(relinked.videoLink != moved.videoLink);
        QCOMPARE(m_zoom->meeting(newId).value(QLatin1String("start_time")).toString(),
                 berlinAt(14).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'")));
    }

    void rateLimitBacksOffAndNeverUndoesTheApproval_data() {
        QTest::addColumn<int>("status");
        QTest::newRow("429") << 429;
        QTest::newRow("503") << 503;
    }
    void rateLimitBacksOffAndNeverUndoesTheApproval() {
        QFETCH(int, status);
        QVERIFY(connectGoogle());
        QVERIFY(connectZoom());
        m_zoom->failNext(ZoomRoute::CreateMeeting, status, 1, 60);
        const Booking approved = requestAndApprove(11, VideoProvider::Zoom);
        const auto report = zoomPass();
        QVERIFY(!report.ok);
        QVERIFY(report.transient);
        QCOMPARE(booking(approved.id).status, BookingStatus::Confirmed);
        QVERIFY(booking(approved.id).videoLink.isEmpty());
        QCOMPARE(zoomRow()->status, VideoIntegrationStatus::Error);
        QVERIFY(!zoomRow()->lastError.isEmpty());
        const QDateTime retry = m_service->retryAt(m_admin.id);
        QVERIFY(retry >= QDateTime::currentDateTimeUtc().addSecs(59)); // Retry-After honoured

        // The timer waits out the back-off.
        const int creates = m_zoom->count(ZoomRoute::CreateMeeting);
        m_service->setPollInterval(std::chrono::milliseconds(50));
        m_service->start();
        QTest::qWait(400);
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), creates);

        // Zoom is in error: the calendar event goes ahead without a link.
        calendarPass();
        QCOMPARE(m_google->count(GoogleRoute::EventsInsert), 1);
        const QJsonObject event =
            QJsonDocument::fromJson(m_google->requestsTo(GoogleRoute::EventsInsert).first().body)
                .object();
        QVERIFY(!event.contains(QLatin1String("location")));

        // An explicit sync now doesn't wait; success clears the back-off and the error.
        const auto again = zoomPass();
        QVERIFY2(again.ok, qPrintable(again.message));
        QCOMPARE(again.created, 1);
        QVERIFY(!m_service->retryAt(m_admin.id).isValid());
        QCOMPARE(zoomRow()->status, VideoIntegrationStatus::Connected);
        QVERIFY(!booking(approved.id).videoLink.isEmpty());
    }

    void theTimerFindsWorkWithoutBeingAsked() {
        QVERIFY(connectZoom());
        m_service->setPollInterval(std::chrono::milliseconds(100));
        m_service->start();
        const Booking plain = requestAndApprove(12, std::nullopt);
        const Booking approved = requestAndApprove(13, VideoProvider::Zoom);
        QTRY_VERIFY_WITH_TIMEOUT(!booking(approved.id).videoLink.isEmpty(), 10000);
        QVERIFY(booking(plain.id).videoLink.isEmpty());
        QCOMPARE(m_zoom->meetingCount(), 1);
        // No work, no calls.
        const int calls = int(m_zoom->requests().size());
        QTest::qWait(400);
        QCOMPARE(int(m_zoom->requests().size()), calls);
    }

    void neverTwoPassesForOneUserAtOnce() {
        QVERIFY(connectZoom());
        const Booking approved = requestAndApprove(14, VideoProvider::Zoom);
        QSignalSpy started(m_service.get(), &zoom::ZoomService::syncStarted);
        QSignalSpy finished(m_service.get(), &zoom::ZoomService::syncFinished);
        m_service->syncNow();
        m_service->syncNow();
        m_service->syncNow();
        QCOMPARE(started.size(), 1);
        QVERIFY(m_service->isSyncing(m_admin.id));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000); // one more pass, coalesced
        QCOMPARE(m_zoom->meetingCount(), 1);
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 1);
        QVERIFY(!booking(approved.id).videoLink.isEmpty());
    }

    // Two processes on one database (a desktop next to `serve`, or a team's servers) pass over
    // the same bookings at the same moment: each meeting is made once, by whoever claims the
    // booking first; a claim left by a process that died is taken over once it is stale.
    void twoProcessesNeverMakeTwoMeetingsForOneBooking() {
        QVERIFY(connectZoom());
        const Booking first = requestAndApprove(10, VideoProvider::Zoom);
        const Booking second = requestAndApprove(11, VideoProvider::Zoom);
        auto otherDb = m_tdb->open();
        QVERIFY(otherDb.ok());
        zoom::ZoomService other(**otherDb);
        QSignalSpy mine(m_service.get(), &zoom::ZoomService::syncFinished);
        QSignalSpy theirs(&other, &zoom::ZoomService::syncFinished);
        m_service->syncNow();
        other.syncNow();
        QVERIFY(mine.wait(20000) || !mine.isEmpty());
        QVERIFY(!theirs.isEmpty() || theirs.wait(20000));
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 2);
        QCOMPARE(m_zoom->meetingCount(), 2);
        QVERIFY(!booking(first.id).videoLink.isEmpty());
        QVERIFY(!booking(second.id).videoLink.isEmpty());

        // A claim whose process died: fresh, it keeps others away; stale, it is work again.
        const Booking third = requestAndApprove(12, VideoProvider::Zoom);
        storage::VideoIntegrationRepository repo(m_db->connection());
        QCOMPARE(repo.claimMeeting(third.id).value(), true);
        QCOMPARE(repo.claimMeeting(third.id).value(), false);
        QCOMPARE(repo.hasMeetingWork(m_admin.id).value(), false);
        QSqlQuery age(m_db->connection());
        QVERIFY(age.exec(QStringLiteral("UPDATE video_meetings SET created_at = 0 WHERE "
                                        "meeting_id = ''")));
        QCOMPARE(repo.hasMeetingWork(m_admin.id).value(), true);
        QVERIFY(zoomPass().ok);
        QVERIFY(!booking(third.id).videoLink.isEmpty());
        QCOMPARE(m_zoom->count(ZoomRoute::CreateMeeting), 3);
    }

    // Issue 13: a process shutting down in the middle of a pass (serve's SIGTERM, the window
    // quitting) gives its claims back instead of leaving them to go stale for 5 minutes, and
    // the aborted request is not recorded as a Zoom failure.
    void shutdownMidPassReleasesTheClaim() {
        QVERIFY(connectZoom());
        const Booking approved = requestAndApprove(10, VideoProvider::Zoom);
        storage::VideoIntegrationRepository repo(m_db->connection());
        QCOMPARE(repo.hasMeetingWork(m_admin.id).value(), true);
        m_zoom->setStalled(ZoomRoute::CreateMeeting, true);
        m_service->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_zoom->count(ZoomRoute::CreateMeeting), 1, 10000);
        QCOMPARE(repo.hasMeetingWork(m_admin.id).value(), false); // claimed by the pass

        m_service.reset();
        QCOMPARE(repo.hasMeetingWork(m_admin.id).value(), true);
        QCOMPARE(zoomRow()->status, VideoIntegrationStatus::Connected);

        m_zoom->setStalled(ZoomRoute::CreateMeeting, false);
        m_service = std::make_unique<zoom::ZoomService>(*m_db);
        QVERIFY(zoomPass().ok);
        QVERIFY(!booking(approved.id).videoLink.isEmpty());
    }

    void disconnectRevokesAtZoomAndForgetsTheTokens() {
        QVERIFY(connectZoom());
        const auto row = *zoomRow();
        const QString refresh = test::keychainTokens(zoom::keychainKeyFor(row.id))->refreshToken;
        QSignalSpy finished(m_service.get(), &zoom::ZoomService::disconnectFinished);
        m_service->disconnectZoom();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().last().toString()));
        QCOMPARE(m_zoom->revokedTokens(), QStringList{refresh});
        const auto revoke = m_zoom->requestsTo(ZoomRoute::Revoke).constLast();
        QVERIFY(revoke.headers.value("authorization").startsWith("Basic "));
        QVERIFY(!zoomRow());
        const auto tokens = test::keychainTokens(zoom::keychainKeyFor(row.id));
        QVERIFY(!tokens);
        QCOMPARE(tokens.error().code, ErrorCode::NotFound);
        // Nothing to do without an account.
        QSignalSpy again(m_service.get(), &zoom::ZoomService::disconnectFinished);
        m_service->disconnectZoom();
        QCOMPARE(again.size(), 1);
        QVERIFY(!again.first().first().toBool());
    }
};

QTEST_GUILESS_MAIN(TestZoomService)
#include "tst_zoomservice.moc"
