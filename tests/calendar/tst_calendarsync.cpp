// Google Calendar end to end against FakeGoogleServer (real sockets on 127.0.0.1) and the real
// Secret Service (the keychain tests need a D-Bus session: tools/test.sh provides one with an
// unlocked gnome-keyring). Connect (loopback OAuth, PKCE, state) → sync → busy time removes
// slots → approve creates the event with a Meet link → cancel deletes it; every error path;
// the 410 path; back-off; the lease; the scale figure. Time is a ManualClock the tests move:
// back-off and due times, the lease and the 90-day window are reached without waiting.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "booking/SlotService.h"
#include "calendar/CalendarChoices.h"
#include "calendar/CalendarSyncService.h"
#include "core/Clock.h"
#include "fakes/ConnectGoogle.h"
#include "fakes/FakeGoogleServer.h"
#include "integration/OAuthTokenStore.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace slotdesk;
using Route = test::FakeGoogleServer::Route;

namespace {

// Every log line of the process, to prove no token is ever written to one.
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    g_log.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

const QString kZone = QStringLiteral("Europe/Berlin");
// Where each test's clock starts: a Monday morning.
const QDateTime kStart(QDate(2026, 12, 7), QTime(8, 0), Qt::UTC);

QDateTime berlin(const QDate& date, int hour, int minute = 0) {
    return QDateTime(date, QTime(hour, minute), QTimeZone(kZone.toLatin1()));
}

QJsonObject timedEvent(const QString& id, const QDateTime& start, const QDateTime& end,
                       const QJsonObject& extra = {}) {
    QJsonObject event{{QStringLiteral("id"), id},
                      {QStringLiteral("summary"), QStringLiteral("Event %1").arg(id)},
                      {QStringLiteral("start"),
                       QJsonObject{{QStringLiteral("dateTime"), start.toString(Qt::ISODate)}}},
                      {QStringLiteral("end"),
                       QJsonObject{{QStringLiteral("dateTime"), end.toString(Qt::ISODate)}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        event.insert(it.key(), it.value());
    return event;
}

// An event's start.dateTime.
QString startOf(const QJsonObject& event) {
    return event.value(QLatin1String("start"))
        .toObject()
        .value(QLatin1String("dateTime"))
        .toString();
}

} // namespace

class TestCalendarSync : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_dataDir;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;
    std::unique_ptr<test::FakeGoogleServer> m_google;
    std::unique_ptr<CalendarSyncService> m_service;
    core::ManualClock m_time{kStart}; // "now" for every service here
    QDate m_day; // a weekday two weeks ahead, with bookable hours 09:00-17:00 Berlin
    QStringList m_keychainKeys;

    CalendarIntegration integration() {
        auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
        return all && !all->isEmpty() ? all->first() : CalendarIntegration{};
    }
    // The integration's calendar with Google's id `remoteId` ("primary" or a calendarList id).
    storage::IntegrationCalendar calendarRow(const QString& remoteId) {
        auto found = storage::IntegrationCalendarRepository(m_db->connection())
                         .findByRemoteId(integration().id, remoteId);
        return found && found->has_value() ? **found : storage::IntegrationCalendar{};
    }
    // The sync token of the integration's primary calendar.
    QString primaryToken() { return calendarRow(QStringLiteral("primary")).syncToken; }
    // The admin's choice for one calendar, as the Integrations page and the CLI make it.
    bool choose(const QString& remoteId, std::optional<bool> blocksTime,
                std::optional<bool> receivesBookings) {
        auto chosen =
            CalendarChoices(*m_db, m_time.clock())
                .choose(m_admin.id, calendarRow(remoteId).id, blocksTime, receivesBookings);
        if (!chosen)
            qWarning() << chosen.error().message;
        return chosen.ok();
    }
    CalendarEvent storedEvent(const QString& externalId) {
        for (const auto& event : storedEvents())
            if (event.externalEventId == externalId)
                return event;
        return {};
    }
    // The external ids of the busy events that count for slots on m_day.
    QStringList busyOnTheDay() {
        auto busy = storage::CalendarEventRepository(m_db->connection())
                        .listBusy(m_admin.id, berlin(m_day, 0), berlin(m_day.addDays(1), 0));
        QStringList ids;
        for (const auto& event : busy ? *busy : QVector<CalendarEvent>{})
            ids.append(event.externalEventId);
        ids.sort();
        return ids;
    }
    // The events.list requests to one calendar since the requests were cleared.
    QVector<test::FakeGoogleServer::Request> listsOf(const QString& remoteId) {
        QVector<test::FakeGoogleServer::Request> lists;
        for (const auto& request : m_google->requestsTo(Route::EventsList))
            if (request.calendarId == remoteId)
                lists.append(request);
        return lists;
    }
    QVector<CalendarEvent> storedEvents() {
        return *storage::CalendarEventRepository(m_db->connection()).list(integration().id);
    }
    storage::CalendarSyncState syncState() {
        return *storage::CalendarSyncStateRepository(m_db->connection()).get(integration().id);
    }
    QVector<storage::CalendarJob> jobs() {
        return *storage::CalendarJobRepository(m_db->connection()).list(m_admin.id);
    }

    // Connects through the whole loopback flow, the fake acting as the browser.
    bool connectGoogle() {
        const bool connected = test::connectGoogle(*m_service, *m_google);
        if (!integration().id.isEmpty())
            m_keychainKeys.append(integration().keychainKey);
        return connected;
    }
    // Two calendars at Google, connected: the primary one with "mine" (10:00-11:00 on m_day)
    // and "Team" with "teams" (12:00-13:00). The Team calendar's id, or empty.
    QString connectWithTeamCalendar() {
        const QString team = QStringLiteral("team@group.calendar.google.com");
        m_google->addCalendar(team, QStringLiteral("Team"));
        m_google->putEvent(timedEvent("mine", berlin(m_day, 10), berlin(m_day, 11)));
        m_google->putEvent(team, timedEvent("teams", berlin(m_day, 12), berlin(m_day, 13)));
        return connectGoogle() ? team : QString();
    }
    SyncReport sync() {
        QSignalSpy finished(m_service.get(), &CalendarSyncService::syncFinished);
        m_service->syncNow(integration().id);
        if (finished.isEmpty())
            finished.wait(30000);
        return m_service->lastReport(integration().id).value_or(SyncReport{});
    }
    [[nodiscard]] BookingService bookingService() const {
        return BookingService(*m_db, m_time.clock());
    }
    Booking approvedBooking(int hour, std::optional<VideoProvider> video) {
        BookingService bookings = bookingService();
        BookingRequest request = test::makeRequest(berlin(m_day, hour).toUTC(), 60);
        request.videoProvider = video;
        return test::requestAndApprove(bookings, m_admin, request);
    }
    QStringList slotStarts(const QDate& date) {
        SlotService slotService(*m_db, m_time.clock());
        auto listing = slotService.listSlots(m_admin, {date, date, kZone, 60});
        QStringList starts;
        if (!listing)
            return starts;
        for (const auto& day : listing->days)
            for (const auto& slot : day.times)
                starts.append(slot.start.toTimeZone(QTimeZone(kZone.toLatin1()))
                                  .toString(QStringLiteral("HH:mm")));
        return starts;
    }

    // The booking's event id, once its insert has run.
    QString eventOf(const Booking& booking) {
        return bookingService().find(m_admin.id, booking.id)->calendarEventId;
    }
    // The admin moves a confirmed booking to `hour` (Berlin) on m_day: the new booking.
    Booking movedTo(const Booking& original, int hour) {
        auto moved = bookingService().reschedule(m_admin.id, original.id,
                                                 berlin(m_day, hour).toUTC(), 60, "Clash");
        if (!moved)
            qWarning() << moved.error().message;
        return moved ? *moved : Booking{};
    }
    // Google saw exactly one write since the requests were cleared: a PATCH of `eventId` to
    // `hour`, with sendUpdates=all — no insert, no delete.
    void verifyOnePatch(const QString& eventId, int hour) {
        const auto patches = m_google->requestsTo(Route::EventsPatch);
        QCOMPARE(patches.size(), 1);
        QVERIFY2(patches.first().path.endsWith("/events/" + eventId),
                 qPrintable(patches.first().path));
        QCOMPARE(patches.first().query.queryItemValue("sendUpdates"), QString("all"));
        const QJsonObject sent = QJsonDocument::fromJson(patches.first().body).object();
        QCOMPARE(sent["start"]["dateTime"].toString(),
                 berlin(m_day, hour).toUTC().toString(Qt::ISODate));
        QCOMPARE(sent["end"]["dateTime"].toString(),
                 berlin(m_day, hour + 1).toUTC().toString(Qt::ISODate));
        QCOMPARE(m_google->count(Route::EventsInsert), 0);
        QCOMPARE(m_google->count(Route::EventsDelete), 0);
        // Google has the event at the new time; it is still the only one.
        QCOMPARE(startOf(m_google->event(eventId)),
                 berlin(m_day, hour).toUTC().toString(Qt::ISODate));
        QVERIFY(m_google->hasLiveEvent(eventId));
        QCOMPARE(m_google->liveEventCount(), 1);
    }

private slots:
    void initTestCase() {
        g_previousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("slotdesk.*=true\nqt.networkauth*=true"));
    }

    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_dataDir = m_dir.filePath(QString::number(++m_run));
        auto db = storage::Database::openInDirectory(m_dataDir);
        QVERIFY(db.ok());
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db, "alice", kZone);
        AvailabilityService availability(*m_db);
        for (int day = 0; day <= 6; ++day)
            QVERIFY(availability.add({{}, m_admin.id, day, 9 * 60, 17 * 60, kZone, true, {}, {}}));
        m_time.set(kStart);
        m_day = kStart.date().addDays(14);
        while (m_day.dayOfWeek() > 5)
            m_day = m_day.addDays(1);

        m_google = std::make_unique<test::FakeGoogleServer>();
        QVERIFY(m_google->listen());
        m_google->exportEnvironment();
        m_service = std::make_unique<CalendarSyncService>(*m_db, m_time.clock());
        g_log.clear();
    }

    void cleanup() {
        m_service.reset();
        QVERIFY(test::forgetKeychainEntries(m_keychainKeys)); // nothing left in the keyring
        m_google.reset();
        m_db.reset();
    }

    // ---- connect --------------------------------------------------------------------------

    void connectUsesLoopbackPkceAndStateAndKeepsTokensOnlyInTheKeychain() {
        QVERIFY(connectGoogle());
        const CalendarIntegration i = integration();
        QCOMPARE(i.syncStatus, SyncStatus::Active);
        QCOMPARE(i.accountEmail, QString("alice@example.org"));
        QCOMPARE(i.keychainKey, QString("google-calendar/") + i.id);
        QVERIFY(i.lastSyncAt.isValid());

        // The authorization request: PKCE S256, a random state, loopback redirect, scopes.
        const QUrlQuery auth = m_google->lastAuthorizationQuery();
        QCOMPARE(auth.queryItemValue("code_challenge_method"), QString("S256"));
        QCOMPARE(auth.queryItemValue("code_challenge").size(), 43);
        QVERIFY(auth.queryItemValue("state").size() >= 43);
        const QUrl redirect(auth.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QString("127.0.0.1"));
        QVERIFY(auth.queryItemValue("scope", QUrl::FullyDecoded)
                    .contains("https://www.googleapis.com/auth/calendar.events"));
        // The token request carried the verifier (the fake checked it against the challenge).
        const auto tokenRequests = m_google->requestsTo(Route::Token);
        QVERIFY(!tokenRequests.isEmpty());
        QVERIFY(tokenRequests.first().body.contains("code_verifier="));
        // The listener closed after the first valid callback.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(redirect.port()));
        QVERIFY(!probe.waitForConnected(1000));

        // The tokens are in the keychain...
        auto tokens = test::keychainTokens(i.keychainKey);
        QVERIFY(tokens.ok());
        QVERIFY(m_google->issuedSecrets().contains(tokens->accessToken));
        QVERIFY(m_google->issuedSecrets().contains(tokens->refreshToken));
        // ...and nowhere in the database files or the logs.
        const QByteArray bytes = test::databaseBytes(*m_db);
        QVERIFY(!bytes.isEmpty());
        for (const auto& secret : m_google->issuedSecrets()) {
            QVERIFY2(!bytes.contains(secret.toUtf8()), "a token reached the database");
            QVERIFY2(!g_log.join('\n').contains(secret), "a token reached a log line");
        }
    }

    void redirectWithWrongStateIsIgnored() {
        QSignalSpy url(m_service.get(), &CalendarSyncService::authorizationUrlReady);
        QSignalSpy connected(m_service.get(), &CalendarSyncService::connectFinished);
        m_service->connectGoogle();
        QVERIFY(url.wait(10000));
        const QUrlQuery auth(url.first().first().toUrl());
        QUrl forged(auth.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        forged.setQuery("code=4/forged&state=not-the-state");
        QNetworkAccessManager browser;
        QNetworkReply* reply = browser.get(QNetworkRequest(forged));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        QTest::qWait(200);
        QCOMPARE(m_google->count(Route::Token), 0);
        QVERIFY(connected.isEmpty());
        // The real redirect still works afterwards.
        m_google->actAsBrowser(url.first().first().toUrl());
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 10000);
        QVERIFY(connected.first().first().toBool());
        m_keychainKeys.append(integration().keychainKey);
        delete reply;
    }

    void deniedConsentConnectsNothing() {
        m_google->denyConsent = true;
        QSignalSpy url(m_service.get(), &CalendarSyncService::authorizationUrlReady);
        QSignalSpy connected(m_service.get(), &CalendarSyncService::connectFinished);
        m_service->connectGoogle();
        QVERIFY(url.wait(10000));
        m_google->actAsBrowser(url.first().first().toUrl());
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 10000);
        QVERIFY(!connected.first().first().toBool());
        QVERIFY(connected.first().last().toString().contains("access_denied"));
        QCOMPARE(m_google->count(Route::Token), 0);
        QVERIFY(integration().id.isEmpty());
    }

    void wrongVerifierIsRefusedByGoogle() {
        // The fake forgets the challenge's pair: any verifier fails, as a tampered one would.
        QSignalSpy url(m_service.get(), &CalendarSyncService::authorizationUrlReady);
        QSignalSpy connected(m_service.get(), &CalendarSyncService::connectFinished);
        m_service->connectGoogle();
        QVERIFY(url.wait(10000));
        QUrl tampered = url.first().first().toUrl();
        QUrlQuery query(tampered);
        query.removeQueryItem("code_challenge");
        query.addQueryItem("code_challenge", QString(43, u'A'));
        tampered.setQuery(query);
        m_google->actAsBrowser(tampered);
        QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 10000);
        QVERIFY(!connected.first().first().toBool());
        QVERIFY2(connected.first().last().toString().contains("invalid_grant"),
                 qPrintable(connected.first().last().toString()));
        QVERIFY(integration().id.isEmpty());
    }

    // ---- the happy path end to end ---------------------------------------------------------

    void busyTimeBlocksSlotsAndBookingsLandInTheCalendar() {
        const QDate next = m_day.addDays(1);
        m_google->putEvent(timedEvent("busy1", berlin(m_day, 10), berlin(m_day, 11)));
        m_google->putEvent(timedEvent("free1", berlin(m_day, 12), berlin(m_day, 13),
                                      {{"transparency", "transparent"}}));
        m_google->putEvent(
            timedEvent("declined1", berlin(m_day, 13), berlin(m_day, 14),
                       {{"attendees", QJsonArray{QJsonObject{{"email", "alice@example.org"},
                                                             {"self", true},
                                                             {"responseStatus", "declined"}}}}}));
        m_google->putEvent(timedEvent("office1", berlin(m_day, 9), berlin(m_day, 17),
                                      {{"eventType", "workingLocation"}}));
        m_google->putEvent(timedEvent("ooo1", berlin(m_day, 15), berlin(m_day, 16),
                                      {{"eventType", "outOfOffice"}}));
        m_google->putEvent({{"id", "allday1"},
                            {"start", QJsonObject{{"date", next.toString(Qt::ISODate)}}},
                            {"end", QJsonObject{{"date", next.addDays(1).toString(Qt::ISODate)}}}});
        QCOMPARE(slotStarts(m_day).size(), 8);

        QVERIFY(connectGoogle());
        QCOMPARE(storedEvents().size(), 6);
        QCOMPARE(slotStarts(m_day),
                 QStringList({"09:00", "11:00", "12:00", "13:00", "14:00", "16:00"}));
        QCOMPARE(slotStarts(next), QStringList());

        // Approve a Meet booking: the job is drained, the event inserted with a Meet link.
        const Booking booking = approvedBooking(14, VideoProvider::GoogleMeet);
        QVERIFY(!booking.id.isEmpty());
        QCOMPARE(jobs().size(), 1);
        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.jobsDone, 1);
        QCOMPARE(jobs().size(), 0);
        const auto inserts = m_google->requestsTo(Route::EventsInsert);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(inserts.first().query.queryItemValue("sendUpdates"), QString("all"));
        QCOMPARE(inserts.first().query.queryItemValue("conferenceDataVersion"), QString("1"));
        const QJsonObject sent = QJsonDocument::fromJson(inserts.first().body).object();
        QCOMPARE(sent["description"].toString(), QString("Quarterly review"));
        QCOMPARE(sent["attendees"].toArray().first()["email"].toString(),
                 QString("bob@example.com"));
        const QJsonObject create = sent["conferenceData"]["createRequest"].toObject();
        QCOMPARE(create["requestId"].toString(), booking.id);
        QCOMPARE(create["conferenceSolutionKey"]["type"].toString(), QString("hangoutsMeet"));
        QCOMPARE(sent["start"]["dateTime"].toString(),
                 berlin(m_day, 14).toUTC().toString(Qt::ISODate));

        const Booking stored = *bookingService().find(m_admin.id, booking.id);
        QCOMPARE(stored.status, BookingStatus::Confirmed);
        QVERIFY(!stored.calendarEventId.isEmpty());
        QVERIFY(m_google->hasLiveEvent(stored.calendarEventId));
        QCOMPARE(stored.videoProvider, std::optional(VideoProvider::GoogleMeet));
        QVERIFY(stored.videoLink.startsWith("https://meet.google.com/"));

        // Cancel: the event is deleted (and the attendee told).
        QVERIFY(bookingService().cancel(m_admin.id, booking.id, "Travelling").ok());
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().action, storage::CalendarJobAction::Delete);
        QVERIFY(sync().ok);
        QCOMPARE(jobs().size(), 0);
        QVERIFY(!m_google->hasLiveEvent(stored.calendarEventId));
        const auto deletes = m_google->requestsTo(Route::EventsDelete);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().query.queryItemValue("sendUpdates"), QString("all"));
    }

    void theTimerDrainsCalendarWritesWithoutBeingAsked() {
        QVERIFY(connectGoogle());
        m_service->setPollInterval(std::chrono::milliseconds(50));
        m_service->start();
        const Booking booking = approvedBooking(10, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(jobs().isEmpty(), 10000);
        const Booking stored = *bookingService().find(m_admin.id, booking.id);
        QVERIFY(m_google->hasLiveEvent(stored.calendarEventId));
        QVERIFY(!stored.videoProvider.has_value()); // no Meet asked for, none created
        QVERIFY(!m_google->requestsTo(Route::EventsInsert)
                     .first()
                     .query.hasQueryItem("conferenceDataVersion"));
    }

    void pendingConferenceIsReadAgain() {
        QVERIFY(connectGoogle());
        m_google->conferencePendingReads = 2;
        const Booking booking = approvedBooking(11, VideoProvider::GoogleMeet);
        QVERIFY(sync().ok);
        const Booking stored = *bookingService().find(m_admin.id, booking.id);
        QVERIFY(stored.videoLink.startsWith("https://meet.google.com/"));
        QCOMPARE(m_google->count(Route::EventsGet), 2);
        QVERIFY(jobs().isEmpty());
    }

    void failedConferenceKeepsTheEventAndReportsTheJob() {
        QVERIFY(connectGoogle());
        m_google->conferenceFails = true;
        const Booking booking = approvedBooking(11, VideoProvider::GoogleMeet);
        QVERIFY(sync().ok);
        const Booking stored = *bookingService().find(m_admin.id, booking.id);
        QVERIFY(!stored.calendarEventId.isEmpty());
        QVERIFY(stored.videoLink.isEmpty());
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().state, storage::CalendarJobState::Failed);
        QVERIFY(jobs().first().lastError.contains("Meet"));
    }

    void failedWriteKeepsTheApprovalAndRetriesWithoutDuplicates() {
        QVERIFY(connectGoogle());
        m_google->failNext(Route::EventsInsert, 503, "backendError");
        const Booking booking = approvedBooking(15, std::nullopt);
        SyncReport report = sync();
        QVERIFY(report.ok); // the events sync itself was fine
        QCOMPARE(report.jobsRescheduled, 1);
        auto pending = jobs();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().state, storage::CalendarJobState::Pending);
        QCOMPARE(pending.first().attempts, 1);
        QVERIFY(pending.first().lastError.contains("503"));
        // The first retry waits half to all of the back-off's first step (30 s).
        const QDateTime due = pending.first().nextAttemptAt;
        QVERIFY(due >= m_time.now().addSecs(15) && due < m_time.now().addSecs(30));
        QCOMPARE(bookingService().find(m_admin.id, booking.id)->status, BookingStatus::Confirmed);

        // Not due yet, to the millisecond: a sync leaves it alone.
        m_time.set(due.addMSecs(-1));
        QVERIFY(sync().ok);
        QCOMPARE(m_google->count(Route::EventsInsert), 1);

        // Pretend the first attempt did reach Google and only the answer was lost.
        const QString eventId = QString(booking.id).remove('-');
        m_google->putEvent(timedEvent(eventId, berlin(m_day, 15), berlin(m_day, 16)));
        m_time.set(due);
        report = sync();
        QCOMPARE(report.jobsDone, 1);
        QCOMPARE(m_google->count(Route::EventsInsert), 2); // the retry got 409 duplicate
        const Booking stored = *bookingService().find(m_admin.id, booking.id);
        QCOMPARE(stored.calendarEventId, eventId);
        QCOMPARE(m_google->liveEventCount(), 1);
    }

    void deletingAnEventGoogleNoLongerHasCountsAsDone_data() {
        QTest::addColumn<bool>("alreadyCancelled");
        QTest::newRow("410 deleted") << true;
        QTest::newRow("404 unknown") << false;
    }
    void deletingAnEventGoogleNoLongerHasCountsAsDone() {
        QFETCH(bool, alreadyCancelled);
        QVERIFY(connectGoogle());
        const Booking booking = approvedBooking(9, std::nullopt);
        QVERIFY(sync().ok);
        const QString eventId = bookingService().find(m_admin.id, booking.id)->calendarEventId;
        if (alreadyCancelled) {
            m_google->cancelEvent(eventId);
        } else {
            Booking b = *bookingService().find(m_admin.id, booking.id);
            b.calendarEventId = "unknownevent1";
            QVERIFY(storage::BookingRepository(m_db->connection()).update(b));
        }
        QVERIFY(bookingService().cancel(m_admin.id, booking.id, {}).ok());
        QVERIFY(sync().ok);
        QVERIFY(jobs().isEmpty());
    }

    void cancelWhileTheInsertIsInFlightStillDeletesTheEvent() {
        QVERIFY(connectGoogle());
        m_google->setDelay(Route::EventsInsert, 400);
        const Booking booking = approvedBooking(16, std::nullopt);
        QSignalSpy finished(m_service.get(), &CalendarSyncService::syncFinished);
        m_service->syncNow(integration().id);
        QTRY_COMPARE_WITH_TIMEOUT(m_google->count(Route::EventsInsert), 1, 5000);
        // The insert is on the wire; the admin cancels meanwhile.
        QVERIFY(bookingService().cancel(m_admin.id, booking.id, {}).ok());
        QVERIFY(finished.wait(10000));
        // The landing insert noticed and queued the delete.
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().action, storage::CalendarJobAction::Delete);
        m_google->setDelay(Route::EventsInsert, 0);
        QVERIFY(sync().ok);
        QVERIFY(jobs().isEmpty());
        QCOMPARE(m_google->liveEventCount(), 0);
    }

    // While Zoom is connected, the event of a booking that asked for Zoom waits for the meeting
    // link (ZoomService makes the job due once it has one), looked at again every
    // kZoomLinkRetry; after kZoomLinkPatience it goes without.
    void anInsertWaitsForTheZoomLinkOnlySoLong() {
        QVERIFY(connectGoogle());
        storage::VideoIntegration zoom;
        zoom.userId = m_admin.id;
        zoom.accountEmail = QStringLiteral("alice@example.org");
        QVERIFY(storage::VideoIntegrationRepository(m_db->connection(), m_time.clock())
                    .save(zoom)
                    .ok());
        const QDateTime approvedAt = m_time.now();
        const Booking booking = approvedBooking(13, VideoProvider::Zoom);
        QVERIFY(!booking.id.isEmpty());

        SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.jobsRescheduled, 1);
        QCOMPARE(m_google->count(Route::EventsInsert), 0);
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().attempts, 0); // waiting is not failing
        QCOMPARE(
            jobs().first().nextAttemptAt,
            m_time.now().addSecs(std::chrono::seconds(CalendarSyncRun::kZoomLinkRetry).count()));

        // Still waiting a millisecond before the patience runs out...
        const QDateTime patienceEnds =
            approvedAt.addSecs(std::chrono::seconds(CalendarSyncRun::kZoomLinkPatience).count());
        m_time.set(patienceEnds.addMSecs(-1));
        QVERIFY(sync().ok);
        QCOMPARE(m_google->count(Route::EventsInsert), 0);
        QCOMPARE(jobs().first().lastError, QString("Waiting for the Zoom meeting link"));
        // ...and at the next look, past it, the event goes without the link.
        m_time.set(jobs().first().nextAttemptAt);
        QVERIFY(m_time.now() > patienceEnds);
        report = sync();
        QCOMPARE(report.jobsDone, 1);
        QCOMPARE(m_google->count(Route::EventsInsert), 1);
        QVERIFY(jobs().isEmpty());
        const QJsonObject sent =
            QJsonDocument::fromJson(m_google->requestsTo(Route::EventsInsert).first().body)
                .object();
        QVERIFY(!sent.contains("location"));
        QVERIFY(!sent.contains("conferenceData"));
    }

    // ---- moves (issue 16): the event goes with the meeting -----------------------------------

    void aMoveMovesTheEventAndKeepsItsMeetLink() {
        QVERIFY(connectGoogle());
        const Booking original = approvedBooking(10, VideoProvider::GoogleMeet);
        QVERIFY(sync().ok);
        const Booking inserted = *bookingService().find(m_admin.id, original.id);
        const QString eventId = inserted.calendarEventId;
        QVERIFY(!eventId.isEmpty());
        QVERIFY(inserted.videoLink.startsWith("https://meet.google.com/"));
        m_google->clearRequests();

        const Booking moved = movedTo(original, 14);
        QVERIFY(!moved.id.isEmpty());
        // In the move's transaction: the event, and its Meet link, went to the new booking.
        QCOMPARE(moved.calendarEventId, eventId);
        QCOMPARE(moved.videoProvider, std::optional(VideoProvider::GoogleMeet));
        QCOMPARE(moved.videoLink, inserted.videoLink);
        const Booking retired = *bookingService().find(m_admin.id, original.id);
        QCOMPARE(retired.status, BookingStatus::Cancelled);
        QVERIFY(retired.calendarEventId.isEmpty());
        QVERIFY(retired.videoLink.isEmpty());
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().action, storage::CalendarJobAction::Update);
        QCOMPARE(jobs().first().bookingId, moved.id);

        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.jobsDone, 1);
        QVERIFY(jobs().isEmpty());
        verifyOnePatch(eventId, 14);
        const Booking stored = *bookingService().find(m_admin.id, moved.id);
        QCOMPARE(stored.calendarEventId, eventId);
        QCOMPARE(stored.videoLink, inserted.videoLink);
        QVERIFY(bookingService().find(m_admin.id, original.id)->calendarEventId.isEmpty());

        // Cancelling the moved meeting deletes that one event.
        QVERIFY(bookingService().cancel(m_admin.id, moved.id, {}).ok());
        QVERIFY(sync().ok);
        QCOMPARE(m_google->requestsTo(Route::EventsDelete).size(), 1);
        QVERIFY(m_google->requestsTo(Route::EventsDelete).first().path.endsWith(eventId));
        QCOMPARE(m_google->liveEventCount(), 0);
    }

    void anApprovedMoveRequestMovesTheEvent() {
        auto settings = *storage::BookingSettingsRepository(m_db->connection()).get(m_admin.id);
        settings.durations = {30, 60};
        QVERIFY(storage::BookingSettingsRepository(m_db->connection()).save(settings).ok());
        QVERIFY(connectGoogle());
        BookingRequest request;
        request.start = berlin(m_day, 9).toUTC();
        request.duration = 60;
        request.name = "Bob Example";
        request.email = "bob@example.com";
        request.timeZone = kZone;
        QString token;
        auto created = bookingService().create(m_admin, request, &token);
        QVERIFY(created.ok());
        QVERIFY(bookingService().approve(m_admin.id, created->id).ok());
        QVERIFY(sync().ok);
        const QString eventId = eventOf(*created);
        QVERIFY(!eventId.isEmpty());
        m_google->clearRequests();

        // The attendee asks to move: nothing changes at Google until the admin approves.
        auto asked = bookingService().rescheduleForAttendee(created->id, token,
                                                            {berlin(m_day, 15).toUTC(), 60, {}});
        QVERIFY2(asked.ok(), asked ? "" : qPrintable(asked.error().message));
        QCOMPARE(asked->status, BookingStatus::Pending);
        QVERIFY(jobs().isEmpty());
        QVERIFY(sync().ok);
        QCOMPARE(m_google->count(Route::EventsPatch), 0);

        auto approved = bookingService().approve(m_admin.id, asked->id);
        QVERIFY(approved.ok());
        QCOMPARE(approved->calendarEventId, eventId);
        QVERIFY(eventOf(*created).isEmpty());
        QVERIFY(sync().ok);
        QVERIFY(jobs().isEmpty());
        verifyOnePatch(eventId, 15);
    }

    void aMoveBeforeTheInsertRanInsertsTheNewBookingsEvent() {
        QVERIFY(connectGoogle());
        const Booking original = approvedBooking(10, std::nullopt);
        m_google->clearRequests();
        const Booking moved = movedTo(original, 12); // the insert has not run yet
        QVERIFY(moved.calendarEventId.isEmpty());
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().action, storage::CalendarJobAction::Insert);
        QCOMPARE(jobs().first().bookingId, moved.id);
        QVERIFY(sync().ok);
        QCOMPARE(m_google->count(Route::EventsInsert), 1);
        QCOMPARE(m_google->count(Route::EventsPatch), 0);
        QCOMPARE(m_google->count(Route::EventsDelete), 0);
        QVERIFY(m_google->hasLiveEvent(eventOf(moved)));
        QVERIFY(eventOf(original).isEmpty());
        QCOMPARE(m_google->liveEventCount(), 1);
    }

    void aFailedMoveIsRetriedWithBackoff() {
        QVERIFY(connectGoogle());
        const Booking original = approvedBooking(11, std::nullopt);
        QVERIFY(sync().ok);
        const QString eventId = eventOf(original);
        m_google->clearRequests();
        m_google->failNext(Route::EventsPatch, 500, "backendError");
        const Booking moved = movedTo(original, 15);

        SyncReport report = sync();
        QCOMPARE(report.jobsRescheduled, 1);
        auto pending = jobs();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().action, storage::CalendarJobAction::Update);
        QCOMPARE(pending.first().attempts, 1);
        QVERIFY(pending.first().lastError.contains("500"));
        const QDateTime due = pending.first().nextAttemptAt;
        QVERIFY(due >= m_time.now().addSecs(15) && due < m_time.now().addSecs(30));
        // Google still has the old time; the booking keeps the event.
        QCOMPARE(startOf(m_google->event(eventId)),
                 berlin(m_day, 11).toUTC().toString(Qt::ISODate));
        QCOMPARE(eventOf(moved), eventId);

        m_time.set(due);
        report = sync();
        QCOMPARE(report.jobsDone, 1);
        QVERIFY(jobs().isEmpty());
        QCOMPARE(m_google->count(Route::EventsPatch), 2);
        QCOMPARE(m_google->count(Route::EventsInsert), 0);
        QCOMPARE(m_google->count(Route::EventsDelete), 0);
        QCOMPARE(startOf(m_google->event(eventId)),
                 berlin(m_day, 15).toUTC().toString(Qt::ISODate));
    }

    void aMovedEventGoogleNoLongerHasIsInsertedAgain_data() {
        QTest::addColumn<bool>("alreadyCancelled");
        QTest::newRow("410 deleted") << true;
        QTest::newRow("404 unknown") << false;
    }
    void aMovedEventGoogleNoLongerHasIsInsertedAgain() {
        QFETCH(bool, alreadyCancelled);
        QVERIFY(connectGoogle());
        const Booking original = approvedBooking(9, std::nullopt);
        QVERIFY(sync().ok);
        const QString eventId = eventOf(original);
        const Booking moved = movedTo(original, 13);
        QCOMPARE(moved.calendarEventId, eventId);
        if (alreadyCancelled) {
            m_google->cancelEvent(eventId); // the admin deleted it in Google Calendar
        } else {
            Booking b = moved;
            b.calendarEventId = "unknownevent1";
            QVERIFY(storage::BookingRepository(m_db->connection()).update(b));
        }
        m_google->clearRequests();

        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QVERIFY(jobs().isEmpty());
        QCOMPARE(m_google->count(Route::EventsPatch), 1);
        const auto inserts = m_google->requestsTo(Route::EventsInsert);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(startOf(QJsonDocument::fromJson(inserts.first().body).object()),
                 berlin(m_day, 13).toUTC().toString(Qt::ISODate));
        QCOMPARE(m_google->count(Route::EventsDelete), 0);
        const QString newEventId = eventOf(moved);
        QVERIFY(!newEventId.isEmpty());
        QVERIFY(newEventId != eventId);
        QVERIFY(m_google->hasLiveEvent(newEventId));
        // (The 404 case pointed the booking elsewhere; the fake still holds the event it had.)
        QCOMPARE(m_google->liveEventCount(), alreadyCancelled ? 1 : 2);
    }

    // ---- several calendars ---------------------------------------------------------------

    void onlyTheCalendarsChosenToBlockTimeBlockSlots() {
        const QString team = QStringLiteral("team@group.calendar.google.com");
        m_google->addCalendar(team, QStringLiteral("Team"), QStringLiteral("#16a765"));
        m_google->putEvent(timedEvent("mine", berlin(m_day, 10), berlin(m_day, 11)));
        m_google->putEvent(team, timedEvent("teams", berlin(m_day, 12), berlin(m_day, 13)));
        QVERIFY(connectGoogle());

        // Both calendars are known; only the primary one blocks time until the admin says so.
        QCOMPARE(calendarRow(team).displayName, QString("Team"));
        QVERIFY(!calendarRow(team).blocksTime);
        QVERIFY(calendarRow("primary").blocksTime);
        QCOMPARE(busyOnTheDay(), QStringList{"mine"});
        QVERIFY(!slotStarts(m_day).contains("10:00"));
        QVERIFY(slotStarts(m_day).contains("12:00"));
        QVERIFY(listsOf(team).isEmpty());

        // The admin picks the team calendar instead of the primary one.
        QVERIFY(choose(team, true, std::nullopt));
        QVERIFY(choose("primary", false, std::nullopt));
        m_google->clearRequests();
        QVERIFY(sync().ok);
        QCOMPARE(listsOf(team).size(), 1);
        QVERIFY(listsOf("primary").isEmpty());
        QCOMPARE(busyOnTheDay(), QStringList{"teams"});
        QVERIFY(slotStarts(m_day).contains("10:00"));
        QVERIFY(!slotStarts(m_day).contains("12:00"));
    }

    void eachCalendarKeepsItsOwnSyncToken() {
        const QString team = connectWithTeamCalendar();
        QVERIFY(!team.isEmpty());
        QVERIFY(choose(team, true, std::nullopt));
        QVERIFY(sync().ok);
        const QString primaryBefore = primaryToken();
        const QString teamBefore = calendarRow(team).syncToken;
        QVERIFY(!primaryBefore.isEmpty());
        QVERIFY(!teamBefore.isEmpty());
        QCOMPARE(busyOnTheDay(), QStringList({"mine", "teams"}));
        const CalendarEvent mineBefore = storedEvent("mine");
        QVERIFY(!mineBefore.id.isEmpty());

        // Google expires the team calendar's token only; its events changed meanwhile.
        m_google->invalidateSyncTokens(team);
        m_google->cancelEvent(team, "teams");
        m_google->putEvent(team, timedEvent("standup", berlin(m_day, 15), berlin(m_day, 16)));
        m_google->clearRequests();
        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        // The primary calendar was read incrementally with its own token, and kept its rows.
        const auto primaryLists = listsOf("primary");
        QCOMPARE(primaryLists.size(), 1);
        QCOMPARE(primaryLists.first().query.queryItemValue("syncToken", QUrl::FullyDecoded),
                 primaryBefore);
        QVERIFY(!primaryToken().isEmpty());
        // The team calendar: 410 on its token, then a full read.
        const auto teamLists = listsOf(team);
        QCOMPARE(teamLists.size(), 2);
        QCOMPARE(teamLists[0].query.queryItemValue("syncToken", QUrl::FullyDecoded), teamBefore);
        QVERIFY(!teamLists[1].query.hasQueryItem("syncToken"));
        QVERIFY(teamLists[1].query.hasQueryItem("timeMin"));
        QVERIFY(!calendarRow(team).syncToken.isEmpty());
        QVERIFY(calendarRow(team).syncToken != teamBefore);
        QCOMPARE(busyOnTheDay(), QStringList({"mine", "standup"}));
        QCOMPARE(storedEvent("mine").id, mineBefore.id); // the same row, not rewritten
        QCOMPARE(storedEvent("mine").updatedAt, mineBefore.updatedAt);

        // Next time both are read incrementally again: the 410 reset only the team calendar.
        m_google->clearRequests();
        QVERIFY(sync().ok);
        QCOMPARE(listsOf("primary").size(), 1);
        QVERIFY(listsOf("primary").first().query.hasQueryItem("syncToken"));
        QCOMPARE(listsOf(team).size(), 1);
        QVERIFY(listsOf(team).first().query.hasQueryItem("syncToken"));
    }

    void bookingsLandInTheCalendarChosenToReceiveThem() {
        const QString team = QStringLiteral("team@group.calendar.google.com");
        m_google->addCalendar(team, QStringLiteral("Team"));
        QVERIFY(connectGoogle());
        QVERIFY(calendarRow("primary").receivesBookings);
        QVERIFY(choose(team, std::nullopt, true));
        QVERIFY(calendarRow(team).receivesBookings);
        QVERIFY(!calendarRow("primary").receivesBookings); // the flag moved

        const Booking booking = approvedBooking(14, std::nullopt);
        QVERIFY(!booking.id.isEmpty());
        m_google->clearRequests();
        QVERIFY(sync().ok);
        const QString eventId = eventOf(booking);
        QVERIFY(!eventId.isEmpty());
        QVERIFY(m_google->hasLiveEvent(team, eventId));
        QCOMPARE(m_google->liveEventCount(team), 1);
        QCOMPARE(m_google->liveEventCount("primary"), 0);
        QCOMPARE(m_google->requestsTo(Route::EventsInsert).first().calendarId, team);

        // The flag moves back to the primary calendar; the booking's event stays where it is,
        // and cancelling deletes it there.
        QVERIFY(choose("primary", std::nullopt, true));
        QVERIFY(!calendarRow(team).receivesBookings);
        QVERIFY(bookingService().cancel(m_admin.id, booking.id, "Travelling").ok());
        m_google->clearRequests();
        QVERIFY(sync().ok);
        const auto deletes = m_google->requestsTo(Route::EventsDelete);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().calendarId, team);
        QVERIFY(!m_google->hasLiveEvent(team, eventId));
        QCOMPARE(jobs().size(), 0);
    }

    void aCalendarThatStopsBlockingTimeFreesItsSlotsAtOnce() {
        const QString team = QStringLiteral("team@group.calendar.google.com");
        m_google->addCalendar(team, QStringLiteral("Team"));
        m_google->putEvent(team, timedEvent("teams", berlin(m_day, 12), berlin(m_day, 13)));
        QVERIFY(connectGoogle());
        QVERIFY(choose(team, true, std::nullopt));
        QVERIFY(sync().ok);
        QVERIFY(!slotStarts(m_day).contains("12:00"));
        const QString tokenBefore = calendarRow(team).syncToken;
        QVERIFY(!tokenBefore.isEmpty());

        // Off: its events go now, without a sync; it is not read any more.
        QVERIFY(choose(team, false, std::nullopt));
        QCOMPARE(*storage::CalendarEventRepository(m_db->connection())
                      .countInCalendar(calendarRow(team).id),
                 0);
        QVERIFY(slotStarts(m_day).contains("12:00"));
        m_google->putEvent(team, timedEvent("later", berlin(m_day, 15), berlin(m_day, 16)));
        m_google->clearRequests();
        QVERIFY(sync().ok);
        QVERIFY(listsOf(team).isEmpty());
        QVERIFY(slotStarts(m_day).contains("15:00"));

        // On again: its token is forgotten, and the next sync reads it in full.
        QVERIFY(choose(team, true, std::nullopt));
        QVERIFY(calendarRow(team).syncToken.isEmpty());
        QVERIFY(slotStarts(m_day).contains("12:00")); // until that sync
        m_google->clearRequests();
        QVERIFY(sync().ok);
        QCOMPARE(listsOf(team).size(), 1);
        QVERIFY(listsOf(team).first().query.hasQueryItem("timeMin"));
        QVERIFY(!slotStarts(m_day).contains("12:00"));
        QVERIFY(!slotStarts(m_day).contains("15:00"));
        QCOMPARE(busyOnTheDay(), QStringList({"later", "teams"}));
    }

    void choosingAnUnknownCalendarIsNotFound() {
        QVERIFY(connectGoogle());
        auto chosen = CalendarChoices(*m_db, m_time.clock())
                          .choose(m_admin.id, QStringLiteral("nope"), true, std::nullopt);
        QVERIFY(!chosen);
        QCOMPARE(chosen.error().code, ErrorCode::NotFound);
    }

    // Google no longer has the calendar receiving bookings (404 on its events): its busy time
    // goes, the booking owed to it fails with the reason and the account says so (without
    // backing off); the primary calendar keeps syncing. Choosing another calendar ends it.
    void aGoneCalendarReceivingBookingsFailsItsWritesVisibly() {
        const QString team = connectWithTeamCalendar();
        QVERIFY(!team.isEmpty());
        QVERIFY(choose(team, true, true));
        QVERIFY(sync().ok);
        QCOMPARE(busyOnTheDay(), QStringList({"mine", "teams"}));
        const QString teamId = calendarRow(team).id;

        m_google->removeCalendar(team);
        const Booking booking = approvedBooking(14, std::nullopt);
        QVERIFY(!booking.id.isEmpty());
        m_google->clearRequests();
        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.jobsFailed, 1);
        QCOMPARE(m_google->count(Route::EventsInsert), 0);
        QCOMPARE(busyOnTheDay(), QStringList{"mine"});
        const storage::IntegrationCalendar kept = calendarRow(team);
        QCOMPARE(kept.id, teamId);
        QVERIFY(kept.receivesBookings);
        QVERIFY(kept.syncToken.isEmpty());
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        QCOMPARE(integration().syncError,
                 QString("The calendar \"Team\" that receives bookings is gone from the server; "
                         "choose another calendar for bookings"));
        QCOMPARE(syncState().failureCount, 0);
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(jobs().first().state, storage::CalendarJobState::Failed);
        QCOMPARE(jobs().first().lastError,
                 QString("The calendar \"Team\" is gone from the server; choose another "
                         "calendar for bookings"));

        // The next pass finds it gone again.
        QVERIFY(sync().ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        // The primary calendar receives bookings again: the team calendar goes, the account is
        // active.
        QVERIFY(choose("primary", std::nullopt, true));
        QVERIFY(sync().ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QVERIFY(calendarRow(team).id.isEmpty());
    }

    // ---- tokens -----------------------------------------------------------------------------

    void refreshesBeforeTheAccessTokenExpires() {
        m_google->accessTokenLifetime = 30; // inside the one-minute margin
        QVERIFY(connectGoogle());
        auto refreshes = [this] {
            int n = 0;
            for (const auto& r : m_google->requestsTo(Route::Token))
                n += r.body.contains("grant_type=refresh_token") ? 1 : 0;
            return n;
        };
        QCOMPARE(refreshes(), 1); // before the first events.list, not after a 401
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        // Google sent no new refresh token: the old one is kept in the keychain.
        auto tokens = test::keychainTokens(integration().keychainKey);
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->refreshToken, m_google->issuedSecrets().first());
        QCOMPARE(m_google->issuedAccessTokens().size(), 2);
        QCOMPARE(tokens->accessToken, m_google->issuedAccessTokens().last());
    }

    void storesARotatedRefreshToken() {
        m_google->accessTokenLifetime = 30;
        m_google->rotateRefreshTokens = true;
        QVERIFY(connectGoogle());
        auto tokens = test::keychainTokens(integration().keychainKey);
        QVERIFY(tokens->refreshToken.startsWith("1//fake-rotated-"));
    }

    void refreshesOnceOnA401AndRetries() {
        QVERIFY(connectGoogle());
        m_google->expireAccessTokens();
        m_google->clearRequests();
        const SyncReport report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(m_google->count(Route::Token), 1);
        QCOMPARE(m_google->count(Route::EventsList), 2); // the 401, then the retry
    }

    // A team database: bob connected Google on his own desktop, so his tokens are in his
    // keychain, not in this one. Alice's window (--user alice) and a team server (no --user)
    // sync what they hold and leave bob's calendar alone instead of marking it broken; the
    // only admin's (or --user's) own missing tokens still show as an error.
    void anotherAdminsCalendarWithoutLocalTokensIsLeftAlone() {
        const User bob = test::seedAdmin(*m_db, "bob", kZone);
        CalendarIntegration bobs;
        bobs.userId = bob.id;
        bobs.keychainKey = QStringLiteral("google/not-on-this-machine-") + storage::newId();
        bobs.accountEmail = QStringLiteral("bob@example.org");
        bobs.syncStatus = SyncStatus::Active;
        auto created = storage::CalendarIntegrationRepository(m_db->connection()).create(bobs);
        QVERIFY(created.ok());
        auto bobsNow = [&] {
            return storage::CalendarIntegrationRepository(m_db->connection())
                .findById(bob.id, created->id)
                ->value();
        };

        // Without --user the reads refuse to guess which admin is meant.
        QVERIFY(!m_service->integrations().ok());
        m_service->setAdminUsername(QStringLiteral("alice"));
        QVERIFY(m_service->integrations().ok());
        QVERIFY(connectGoogle());
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QCOMPARE(m_service->integrations()->size(), 1); // alice's only

        // A server's view: every admin's calendars, on the timer.
        CalendarSyncService server(*m_db, m_time.clock());
        server.setPollInterval(std::chrono::milliseconds(50));
        QSignalSpy finished(&server, &CalendarSyncService::syncFinished);
        server.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return server.lastReport(created->id).has_value() &&
                       server.lastReport(integration().id).has_value();
            },
            20000));
        server.stop();
        QVERIFY(server.lastReport(integration().id)->ok);
        QVERIFY(!server.lastReport(created->id)->ran);
        QCOMPARE(bobsNow().syncStatus, SyncStatus::Active);
        QVERIFY(bobsNow().syncError.isEmpty());
        QCOMPARE(integration().syncStatus, SyncStatus::Active);

        // Bob's own process (--user bob) with this keychain: his tokens are missing here.
        CalendarSyncService bobsWindow(*m_db, m_time.clock());
        bobsWindow.setAdminUsername(QStringLiteral("bob"));
        QSignalSpy bobDone(&bobsWindow, &CalendarSyncService::syncFinished);
        bobsWindow.syncNow(created->id);
        QVERIFY(bobDone.wait(20000));
        QCOMPARE(bobsNow().syncStatus, SyncStatus::Error);
        QVERIFY2(bobsNow().syncError.contains(QStringLiteral("keychain")),
                 qPrintable(bobsNow().syncError));
    }

    void aSecond401AfterRefreshIsAnError() {
        QVERIFY(connectGoogle());
        m_google->rejectAllAccessTokens();
        m_google->clearRequests();
        const SyncReport report = sync();
        QVERIFY(!report.ok);
        QCOMPARE(m_google->count(Route::Token), 1); // exactly one refresh
        QCOMPARE(m_google->count(Route::EventsList), 2);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        QVERIFY(integration().syncError.contains("reconnect Google Calendar"));
    }

    void invalidGrantAsksToReconnectAndKeepsEvents() {
        m_google->putEvent(timedEvent("busy1", berlin(m_day, 10), berlin(m_day, 11)));
        QVERIFY(connectGoogle());
        QCOMPARE(storedEvents().size(), 1);
        m_google->revokeAllGrants();
        m_google->expireAccessTokens();
        const SyncReport report = sync();
        QVERIFY(!report.ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        QVERIFY2(integration().syncError.contains("invalid_grant"),
                 qPrintable(integration().syncError));
        QVERIFY(integration().syncError.contains("reconnect Google Calendar"));
        QCOMPARE(storedEvents().size(), 1);

        // Reconnecting brings it back to active (error → active).
        m_google->revokeAllGrants();
        QVERIFY(connectGoogle());
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QVERIFY(integration().syncError.isEmpty());
    }

    // ---- transient failures and back-off ------------------------------------------------------

    void transientFailuresBackOffAndKeepEvents_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("expected");
        QTest::newRow("403 rateLimitExceeded") << 403 << "rateLimitExceeded"
                                               << "rateLimitExceeded";
        QTest::newRow("403 userRateLimitExceeded") << 403 << "userRateLimitExceeded"
                                                   << "userRateLimitExceeded";
        QTest::newRow("429") << 429 << "rateLimitExceeded"
                             << "429";
        QTest::newRow("500") << 500 << "backendError"
                             << "500";
        QTest::newRow("503") << 503 << ""
                             << "503";
        QTest::newRow("network") << 0 << ""
                                 << "could not be reached";
    }
    void transientFailuresBackOffAndKeepEvents() {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, expected);
        m_google->putEvent(timedEvent("busy1", berlin(m_day, 10), berlin(m_day, 11)));
        QVERIFY(connectGoogle());
        const QDateTime lastGood = integration().lastSyncAt;
        QCOMPARE(lastGood, m_time.now());
        m_google->putEvent(timedEvent("busy2", berlin(m_day, 12), berlin(m_day, 13)));
        m_time.advance(std::chrono::minutes(5));

        auto failOnce = [&] {
            if (status == 0)
                m_google->dropNext(Route::EventsList, 4); // Qt retries a dropped keep-alive once
            else
                m_google->failNext(Route::EventsList, status, reason);
        };
        failOnce();
        SyncReport report = sync();
        m_google->clearFaults();
        QVERIFY(!report.ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        QVERIFY2(integration().syncError.contains(expected), qPrintable(integration().syncError));
        QCOMPARE(storedEvents().size(), 1);
        QCOMPARE(integration().lastSyncAt, lastGood);
        auto state = syncState();
        QCOMPARE(state.failureCount, 1);
        QVERIFY(state.retryAt >= m_time.now().addSecs(15) &&
                state.retryAt < m_time.now().addSecs(30));

        // A second failure in a row (once the first back-off is over) doubles the step.
        m_time.set(state.retryAt);
        failOnce();
        QVERIFY(!sync().ok);
        m_google->clearFaults();
        state = syncState();
        QCOMPARE(state.failureCount, 2);
        QVERIFY(state.retryAt >= m_time.now().addSecs(30) &&
                state.retryAt < m_time.now().addSecs(60));
        QCOMPARE(storedEvents().size(), 1);

        // Success: active again, back-off cleared, the new event in.
        m_time.set(state.retryAt);
        report = sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QVERIFY(integration().syncError.isEmpty());
        QCOMPARE(integration().lastSyncAt, m_time.now());
        QVERIFY(integration().lastSyncAt > lastGood);
        QCOMPARE(syncState().failureCount, 0);
        QVERIFY(!syncState().retryAt.isValid());
        QCOMPARE(storedEvents().size(), 2);
    }

    void aFailureThatCannotBeRecordedIsLogged() {
        QVERIFY(connectGoogle());
        // The database refuses to store the error state (any storage failure would do).
        QSqlQuery trigger(m_db->connection());
        QVERIFY2(trigger.exec("CREATE TRIGGER refuse_error BEFORE UPDATE OF sync_status ON "
                              "calendar_integrations WHEN NEW.sync_status = 'error' BEGIN "
                              "SELECT RAISE(ABORT, 'refused by the test'); END"),
                 qPrintable(trigger.lastError().text()));
        g_log.clear();
        m_google->failNext(Route::EventsList, 500, "backendError");
        const SyncReport report = sync();
        m_google->clearFaults();
        QVERIFY(!report.ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QCOMPARE(syncState().failureCount, 0);
        const QString log = g_log.join('\n');
        QVERIFY2(log.contains("the failure could not be recorded"), qPrintable(log));
    }

    void theTimerWaitsOutTheBackoff() {
        QVERIFY(connectGoogle());
        m_google->failNext(Route::EventsList, 500, "backendError");
        QVERIFY(!sync().ok);
        const QDateTime retryAt = syncState().retryAt;
        QVERIFY(retryAt >= m_time.now().addSecs(15));
        const int lists = m_google->count(Route::EventsList);
        // Always due but for the back-off; start-up and every poll respect it, up to its last
        // millisecond.
        m_service->setSyncInterval(std::chrono::milliseconds(0));
        m_service->setPollInterval(std::chrono::milliseconds(20));
        m_time.set(retryAt.addMSecs(-1));
        m_service->start();
        QTest::qWait(300);
        QCOMPARE(m_google->count(Route::EventsList), lists);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);
        // Once the back-off is over, the timer syncs by itself.
        m_time.set(retryAt);
        QTRY_COMPARE_WITH_TIMEOUT(integration().syncStatus, SyncStatus::Active, 10000);
        QVERIFY(m_google->count(Route::EventsList) > lists);
        m_service->stop();
    }

    // ---- sync semantics ---------------------------------------------------------------------

    void fullSyncFollowsPagesWithTheDocumentedParameters() {
        for (int i = 0; i < 2600; ++i) {
            const QDateTime start = berlin(m_day, 9).addSecs(60 * i);
            m_google->putEvent(timedEvent(QStringLiteral("ev%1").arg(i, 5, 10, QChar('0')), start,
                                          start.addSecs(30)));
        }
        QVERIFY(connectGoogle());
        QCOMPARE(storedEvents().size(), 2600);
        const auto lists = m_google->requestsTo(Route::EventsList);
        QCOMPARE(lists.size(), 2);
        const QUrlQuery first = lists[0].query;
        QCOMPARE(first.queryItemValue("singleEvents"), QString("true"));
        QCOMPARE(first.queryItemValue("maxResults"), QString("2500"));
        QVERIFY(!first.hasQueryItem("syncToken"));
        const QDateTime timeMin =
            QDateTime::fromString(first.queryItemValue("timeMin", QUrl::FullyDecoded), Qt::ISODate);
        QCOMPARE(timeMin, m_time.now().addDays(-90));
        QVERIFY(lists[1].query.hasQueryItem("pageToken"));
        QVERIFY(!primaryToken().isEmpty());

        // Incremental: the token, no timeMin.
        m_google->clearRequests();
        QVERIFY(sync().ok);
        const QUrlQuery incremental = m_google->requestsTo(Route::EventsList).first().query;
        QCOMPARE(incremental.queryItemValue("syncToken", QUrl::FullyDecoded), primaryToken());
        QVERIFY(!incremental.hasQueryItem("timeMin"));
        QCOMPARE(incremental.queryItemValue("singleEvents"), QString("true"));
    }

    void expiredSyncTokenKeepsOldEventsUntilTheNewSetReplacesThem() {
        for (int i = 0; i < 2600; ++i) {
            const QDateTime start = berlin(m_day, 9).addSecs(60 * i);
            m_google->putEvent(timedEvent(QStringLiteral("old%1").arg(i, 5, 10, QChar('0')), start,
                                          start.addSecs(30)));
        }
        QVERIFY(connectGoogle());
        QCOMPARE(storedEvents().size(), 2600);

        // Google expires the token; meanwhile 100 events went and 50 new ones came.
        m_google->invalidateSyncTokens();
        for (int i = 0; i < 100; ++i)
            m_google->cancelEvent(QStringLiteral("old%1").arg(i, 5, 10, QChar('0')));
        for (int i = 0; i < 50; ++i)
            m_google->putEvent(
                timedEvent(QStringLiteral("new%1").arg(i), berlin(m_day, 11), berlin(m_day, 12)));
        m_google->laterPageDelayMs = 500;
        m_google->clearRequests();
        QSignalSpy finished(m_service.get(), &CalendarSyncService::syncFinished);
        m_service->syncNow(integration().id);
        // While the second page of the new full sync is on its way: the old set, complete.
        QTRY_VERIFY_WITH_TIMEOUT(m_google->count(Route::EventsList) == 3, 10000);
        QCOMPARE(storedEvents().size(), 2600);
        QVERIFY(primaryToken().isEmpty()); // the dead token is dropped at once
        QVERIFY(finished.wait(10000));
        const auto lists = m_google->requestsTo(Route::EventsList);
        QVERIFY(lists[0].query.hasQueryItem("syncToken"));
        QVERIFY(!lists[1].query.hasQueryItem("syncToken"));
        QVERIFY(lists[1].query.hasQueryItem("timeMin"));
        QCOMPARE(storedEvents().size(), 2550);
        QCOMPARE(integration().syncStatus, SyncStatus::Active);
        QVERIFY(!primaryToken().isEmpty());
        QVERIFY(m_service->lastReport(integration().id)->fullSync);
    }

    void incrementalSyncOfTenChangesTouchesOnlyThoseRows() {
        for (int i = 0; i < 100; ++i) {
            const QDateTime start = berlin(m_day, 9).addSecs(300 * i);
            m_google->putEvent(timedEvent(QStringLiteral("e%1").arg(i), start, start.addSecs(60)));
        }
        QVERIFY(connectGoogle());
        QHash<QString, std::pair<QString, QDateTime>> before; // external id → (row id, updated)
        for (const auto& e : storedEvents())
            before.insert(e.externalEventId, {e.id, e.updatedAt});
        m_time.advance(std::chrono::seconds(1)); // a later updated_at for anything rewritten

        // 5 moved, 3 deleted, 2 added.
        for (int i = 0; i < 5; ++i)
            m_google->putEvent(
                timedEvent(QStringLiteral("e%1").arg(i), berlin(m_day, 16), berlin(m_day, 17)));
        for (int i = 10; i < 13; ++i)
            m_google->cancelEvent(QStringLiteral("e%1").arg(i));
        m_google->putEvent(timedEvent("n1", berlin(m_day, 8), berlin(m_day, 9)));
        m_google->putEvent(timedEvent("n2", berlin(m_day, 8), berlin(m_day, 9)));

        const SyncReport report = sync();
        QVERIFY(report.ok);
        QVERIFY(!report.fullSync);
        QCOMPARE(report.items, 10);
        const auto after = storedEvents();
        QCOMPARE(after.size(), 99);
        int untouched = 0, rewritten = 0, added = 0;
        for (const auto& e : after) {
            if (!before.contains(e.externalEventId)) {
                ++added;
                continue;
            }
            const auto& [rowId, updated] = before.value(e.externalEventId);
            QCOMPARE(e.id, rowId); // same row, never delete + insert
            if (e.updatedAt == updated)
                ++untouched;
            else
                ++rewritten;
        }
        QCOMPARE(added, 2);
        QCOMPARE(rewritten, 5);
        QCOMPARE(untouched, 92);
    }

    void eventsThatEndedOverNinetyDaysAgoAreDeleted() {
        QVERIFY(connectGoogle());
        CalendarEvent old;
        old.calendarIntegrationId = integration().id;
        old.externalEventId = "ancient";
        old.endTime = m_time.now().addDays(-CalendarSyncRun::kWindowDays);
        old.startTime = old.endTime.addSecs(-3600);
        QVERIFY(storage::CalendarEventRepository(m_db->connection()).upsert(old));
        QCOMPARE(storedEvents().size(), 1);
        QVERIFY(sync().ok);
        QCOMPARE(storedEvents().size(), 1); // ended exactly 90 days ago: still in the window
        m_time.advance(std::chrono::seconds(1));
        QVERIFY(sync().ok);
        QCOMPARE(storedEvents().size(), 0);
    }

    // ---- one sync at a time -----------------------------------------------------------------

    void twoProcessesNeverSyncOneIntegrationAtOnce() {
        QVERIFY(connectGoogle());
        // A second SlotDesk (its own connection, its own lease holder) on the same file.
        auto otherDb = storage::Database::openFile(m_db->filePath());
        QVERIFY(otherDb.ok());
        CalendarSyncService other(**otherDb, m_time.clock());
        m_google->setDelay(Route::EventsList, 500);
        m_google->clearRequests();
        QSignalSpy mine(m_service.get(), &CalendarSyncService::syncFinished);
        QSignalSpy theirs(&other, &CalendarSyncService::syncFinished);
        m_service->syncNow(integration().id);
        QTRY_COMPARE_WITH_TIMEOUT(m_google->count(Route::EventsList), 1, 5000);
        other.syncNow(integration().id);
        QVERIFY(theirs.wait(5000));
        const SyncReport skipped = *other.lastReport(integration().id);
        QVERIFY(!skipped.ran);
        QVERIFY(skipped.message.contains("Another SlotDesk process"));
        QVERIFY(mine.wait(10000));
        QVERIFY(m_service->lastReport(integration().id)->ran);
        QCOMPARE(m_google->count(Route::EventsList), 1);
        // The lease is released: the other process may sync now.
        m_google->setDelay(Route::EventsList, 0);
        theirs.clear();
        other.syncNow(integration().id);
        QVERIFY(theirs.wait(10000));
        QVERIFY(other.lastReport(integration().id)->ran);
    }

    // A lease held by a process on another machine (which cannot be asked whether it still
    // runs) is respected until it runs out, to the millisecond; then this process takes it.
    void anotherMachinesLeaseIsWaitedOutUntilItExpires() {
        QVERIFY(connectGoogle());
        const LeaseHolder elsewhere{QStringLiteral("elsewhere"),
                                    QStringLiteral("other-host/pid:[1]"), 4242};
        const QDateTime until =
            m_time.now().addSecs(std::chrono::seconds(CalendarSyncRun::kLease).count());
        {
            auto db = m_db->connection();
            auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
            QVERIFY(tx.ok());
            auto taken = storage::CalendarSyncStateRepository(db).tryAcquire(
                integration().id, elsewhere, m_time.now(), until);
            QVERIFY(taken.ok() && *taken);
            QVERIFY(tx->commit().ok());
        }
        m_google->clearRequests();
        m_time.set(until.addMSecs(-1));
        const SyncReport skipped = sync();
        QVERIFY(!skipped.ran);
        QVERIFY(skipped.leaseBusy);
        QCOMPARE(m_google->count(Route::EventsList), 0);
        QCOMPARE(syncState().leaseHolder.id, elsewhere.id);

        m_time.set(until);
        const SyncReport ran = sync();
        QVERIFY2(ran.ok, qPrintable(ran.message));
        QVERIFY(ran.ran);
        QCOMPARE(m_google->count(Route::EventsList), 1);
        QVERIFY(syncState().leaseHolder.id.isEmpty()); // given back after the pass
    }

    void syncNowDuringASyncIsCoalesced() {
        QVERIFY(connectGoogle());
        m_google->setDelay(Route::EventsList, 300);
        m_google->clearRequests();
        QSignalSpy finished(m_service.get(), &CalendarSyncService::syncFinished);
        m_service->syncNow(integration().id);
        m_service->syncNow(integration().id);
        m_service->syncNow(integration().id);
        QVERIFY(m_service->isSyncing(integration().id));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QTest::qWait(100);
        QCOMPARE(finished.size(), 2); // one pass, then one more — never two at once
        QCOMPARE(m_google->count(Route::EventsList), 2);
    }

    // ---- disconnect -------------------------------------------------------------------------

    void disconnectRevokesForgetsTokensAndEvents() {
        m_google->putEvent(timedEvent("busy1", berlin(m_day, 10), berlin(m_day, 11)));
        QVERIFY(connectGoogle());
        const CalendarIntegration connected = integration();
        const QString refresh = test::keychainTokens(connected.keychainKey)->refreshToken;
        approvedBooking(14, VideoProvider::GoogleMeet); // a calendar write still owed
        QCOMPARE(jobs().size(), 1);
        // Make it fail first: disconnecting from error is allowed too.
        m_google->failNext(Route::EventsList, 500);
        m_google->failNext(Route::EventsInsert, 500);
        QVERIFY(!sync().ok);
        QCOMPARE(integration().syncStatus, SyncStatus::Error);

        QSignalSpy done(m_service.get(), &CalendarSyncService::disconnectFinished);
        m_service->disconnectIntegration(connected.id);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().last().toString()));
        QCOMPARE(m_google->revokedTokens(), QStringList{refresh});
        QCOMPARE(test::keychainTokens(connected.keychainKey).error().code, ErrorCode::NotFound);
        QCOMPARE(integration().syncStatus, SyncStatus::Disconnected);
        QVERIFY(primaryToken().isEmpty());
        QCOMPARE(storedEvents().size(), 0);
        QVERIFY(jobs().isEmpty());
        QCOMPARE(slotStarts(m_day).contains("10:00"), true);

        // Disconnected: no sync, no job on the next approval.
        approvedBooking(9, std::nullopt);
        QVERIFY(jobs().isEmpty());
        const int lists = m_google->count(Route::EventsList);
        QSignalSpy synced(m_service.get(), &CalendarSyncService::syncFinished);
        m_service->syncNow(connected.id);
        QVERIFY(!synced.isEmpty() && !synced.first().first().toBool());
        QCOMPARE(m_google->count(Route::EventsList), lists);
    }

    // ---- scale ------------------------------------------------------------------------------

    void fullSyncOfTenThousandEvents() {
        const QDateTime base = m_time.now().addDays(-30);
        for (int i = 0; i < 10000; ++i) {
            const QDateTime start = base.addSecs(3600 * i / 4);
            m_google->putEvent(
                timedEvent(QStringLiteral("bulk%1").arg(i), start, start.addSecs(900)));
        }
        const qint64 fakeBefore = m_google->busyMs();
        QVERIFY(connectGoogle());
        const qint64 fakeMs = m_google->busyMs() - fakeBefore; // includes the OAuth round trip
        const SyncReport report = *m_service->lastReport(integration().id);
        QCOMPARE(report.pages, 4);
        QCOMPARE(report.items, 10000);
        QCOMPARE(storedEvents().size(), 10000);
        // The figure, not an assertion: timings depend on the machine (and ASan).
        qInfo().noquote() << QStringLiteral("FIGURE full sync of 10000 events in %1 pages: %2 ms "
                                            "(of which the fake server, same thread: %3 ms)")
                                 .arg(report.pages)
                                 .arg(report.elapsedMs)
                                 .arg(fakeMs);
        // And replacing them all again (a full sync over a full table).
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec("UPDATE calendar_integrations SET sync_token = NULL"));
        const SyncReport again = sync();
        QVERIFY(again.ok);
        qInfo().noquote() << QStringLiteral(
                                 "FIGURE full re-sync of 10000 events over 10000 stored: %1 ms")
                                 .arg(again.elapsedMs);
    }
};

QTEST_GUILESS_MAIN(TestCalendarSync)
#include "tst_calendarsync.moc"
