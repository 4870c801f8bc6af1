// ZoomClient against FakeZoomServer with the real OS keychain (run under dbus-run-session with
// gnome-keyring unlocked): connect (code + PKCE, Basic client credentials), meeting create and
// delete, refresh-token rotation stored each time, and the failures the outbox retries.

#include "fakes/FakeZoomServer.h"
#include "integration/Backoff.h"
#include "integration/LoopbackAuthorizationFlow.h"
#include "integration/OAuthTokenStore.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "video/ZoomAuthorizationFlow.h"
#include "video/ZoomClient.h"
#include "video/ZoomMeetingSync.h"

#include "storage/Database.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <QtTest>

#include <optional>

#include <qt6keychain/keychain.h>

using namespace slotdesk;
using slotdesk::test::FakeZoomServer;
using Route = FakeZoomServer::Route;

namespace {

template <typename T> T await(const std::function<void(std::function<void(T)>)>& start) {
    std::optional<T> value;
    QEventLoop loop;
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    start([&](T v) {
        value = std::move(v);
        loop.quit();
    });
    if (!value)
        loop.exec();
    if (!value)
        qFatal("timed out");
    return *value;
}

} // namespace

storage::VideoIntegration videoIntegration(const QString& userId, const QString& provider) {
    storage::VideoIntegration row;
    row.userId = userId;
    row.provider = provider;
    row.accountEmail = QStringLiteral("alice@example.org");
    return row;
}

class TestZoomClient : public QObject {
    Q_OBJECT

    FakeZoomServer* m_zoom = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    integration::OAuthTokenStore* m_store = nullptr;
    zoom::ZoomClient* m_client = nullptr;
    QString m_key;

    std::optional<integration::OAuthTokens> stored() {
        auto result = await<Result<integration::OAuthTokens>>(
            [this](auto done) { m_store->read(m_key, this, done); });
        if (!result)
            return std::nullopt;
        return *result;
    }
    void storeTokens(const QString& access, const QString& refresh, int expiresInSecs = 3600) {
        const integration::OAuthTokens tokens{
            access, refresh, QDateTime::currentDateTimeUtc().addSecs(expiresInSecs), {}};
        const Status written =
            await<Status>([&](auto done) { m_store->write(m_key, tokens, this, done); });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    }
    void connectAccount() {
        const auto [access, refresh] = m_zoom->issueTokens();
        storeTokens(access, refresh);
    }
    std::pair<integration::ProviderReply, zoom::Meeting> create() {
        zoom::MeetingRequest request{QStringLiteral("Intro call with Bob"),
                                     QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC), 45,
                                     QStringLiteral("Europe/Berlin")};
        using Pair = std::pair<integration::ProviderReply, zoom::Meeting>;
        return await<Pair>([&](auto done) {
            m_client->createMeeting(request, this,
                                    [done](integration::ProviderReply r, zoom::Meeting m) {
                                        done(Pair{std::move(r), std::move(m)});
                                    });
        });
    }

    // The real binary on a private data and config folder, without the client in the
    // environment (the settings and the keychain have to provide it).
    struct Cli {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QString dataDir() const { return dir.filePath(QStringLiteral("data")); }
        QString settingsFile() const {
            return dir.filePath(QStringLiteral("config/SlotDesk/SlotDesk.conf"));
        }
        QByteArray settingsBytes() const {
            QFile file(settingsFile());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }
        Cli() {
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            env.remove(QStringLiteral("SLOTDESK_ZOOM_CLIENT_ID"));
            env.remove(QStringLiteral("SLOTDESK_ZOOM_CLIENT_SECRET"));
        }
        QProcess* start(const QStringList& args, QObject* parent) {
            auto* process = new QProcess(parent);
            process->setProcessEnvironment(env);
            process->start(QStringLiteral(SLOTDESK_CLI_PATH),
                           QStringList{QStringLiteral("--data-dir"), dataDir()} + args);
            return process;
        }
    };
    struct Finished {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Finished finish(QProcess* process) {
        if (process->state() != QProcess::NotRunning) {
            QSignalSpy finished(process, &QProcess::finished);
            finished.wait(30'000);
        }
        Finished f{process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
                   QString::fromUtf8(process->readAllStandardOutput()),
                   QString::fromUtf8(process->readAllStandardError())};
        process->deleteLater();
        return f;
    }
    Finished run(Cli& cli, const QStringList& args, const QByteArray& input = {}) {
        QProcess* process = cli.start(args, this);
        process->write(input);
        process->closeWriteChannel();
        return finish(process);
    }
    bool initAdmin(Cli& cli) {
        return run(cli, {QStringLiteral("init"), QStringLiteral("--username"),
                         QStringLiteral("alice"), QStringLiteral("--name"), QStringLiteral("Alice"),
                         QStringLiteral("--email"), QStringLiteral("alice@example.org"),
                         QStringLiteral("--timezone"), QStringLiteral("Europe/Berlin")})
                   .exitCode == 0;
    }
    // The keychain entry as QtKeychain has it (service "SlotDesk"), read directly; empty when
    // there is none.
    static QByteArray keychainEntry(const QString& key) {
        QKeychain::ReadPasswordJob job(QStringLiteral("SlotDesk"));
        job.setAutoDelete(false);
        job.setInsecureFallback(false);
        job.setKey(key);
        QEventLoop loop;
        connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
        job.start();
        loop.exec();
        return job.error() == QKeychain::NoError ? job.binaryData() : QByteArray();
    }
    void removeKeychainEntry(const QString& key) {
        (void)await<Status>([&](auto done) { m_store->remove(key, this, done); });
    }
    // `zoom connect --no-browser` with this process as the browser.
    Finished connectThroughCli(Cli& cli) {
        QProcess* process = cli.start(
            {QStringLiteral("zoom"), QStringLiteral("connect"), QStringLiteral("--no-browser")},
            this);
        QString printed;
        const bool ready = QTest::qWaitFor(
            [&] {
                printed += QString::fromUtf8(process->readAllStandardOutput());
                return printed.contains(QLatin1String("code_challenge")) ||
                       process->state() == QProcess::NotRunning;
            },
            20'000);
        static const QRegularExpression urlPattern(QStringLiteral("(http://\\S+)"));
        const auto match = urlPattern.match(printed);
        if (ready && match.hasMatch()) {
            QNetworkAccessManager browser;
            QNetworkReply* reply = browser.get(QNetworkRequest(QUrl(match.captured(1))));
            (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 20'000);
        }
        Finished f = finish(process);
        f.out.prepend(printed);
        return f;
    }

private slots:
    void initTestCase() {
        m_zoom = new FakeZoomServer(this);
        QVERIFY(m_zoom->listen());
        m_zoom->exportEnvironment();
        m_network = new QNetworkAccessManager(this);
        m_store = new integration::OAuthTokenStore(this);
    }
    void init() {
        if (QLatin1String(QTest::currentTestFunction()) == QLatin1String("repository"))
            return;
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_key = zoom::keychainKeyFor(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_client = new zoom::ZoomClient(zoom::Endpoints::fromEnvironment(), m_network, m_store,
                                        m_key, this);
    }
    void cleanup() {
        if (m_store && !m_key.isEmpty())
            (void)await<Status>([this](auto done) { m_store->remove(m_key, this, done); });
        delete m_client;
        m_client = nullptr;
    }

    // Migration 5: a connected Zoom account per user and the meeting kept per booking.
    void repository() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db);
        const User admin = test::seedAdmin(**db);
        storage::VideoIntegrationRepository repo((*db)->connection());
        QVERIFY(!*repo.find(admin.id, QStringLiteral("zoom")));
        auto saved = repo.save(videoIntegration(admin.id, QStringLiteral("zoom")));
        QVERIFY(saved);
        auto found = repo.find(admin.id, QStringLiteral("zoom"));
        QVERIFY(found && *found);
        QCOMPARE((*found)->status, VideoIntegrationStatus::Connected);
        QVERIFY(
            repo.setStatus(saved->id, VideoIntegrationStatus::ReauthRequired, QStringLiteral("x")));
        QCOMPARE((*repo.find(admin.id, QStringLiteral("zoom")))->status,
                 VideoIntegrationStatus::ReauthRequired);
        // The database keeps the words it always had.
        QSqlQuery stored((*db)->connection());
        QVERIFY(stored.exec(QStringLiteral("SELECT status FROM video_integrations")));
        QVERIFY(stored.next());
        QCOMPARE(stored.value(0).toString(), QStringLiteral("reauth_required"));
        stored.finish();
        QVERIFY(!isUsable(VideoIntegrationStatus::ReauthRequired));
        QVERIFY(isUsable(VideoIntegrationStatus::Error));
        QVERIFY(isUsable(VideoIntegrationStatus::Connected));
        // Only 'zoom' is a valid provider.
        QVERIFY(!repo.save(videoIntegration(admin.id, QStringLiteral("webex"))));

        const Booking booking =
            test::seedBooking(**db, admin.id, test::utc("2026-12-01T09:00:00Z"));
        QVERIFY(repo.saveMeeting({booking.id, QStringLiteral("zoom"), QStringLiteral("857"),
                                  QStringLiteral("https://zoom.example/j/857"), false}));
        auto meeting = repo.meetingFor(booking.id);
        QVERIFY(meeting && *meeting);
        QCOMPARE((*meeting)->meetingId, QStringLiteral("857"));
        QVERIFY(!(*meeting)->deleted);
        QVERIFY(repo.markMeetingDeleted(booking.id));
        QVERIFY((*repo.meetingFor(booking.id))->deleted);
        QVERIFY(repo.remove(admin.id, QStringLiteral("zoom")));
        QVERIFY(!*repo.find(admin.id, QStringLiteral("zoom")));
    }

    void endpointsFromEnvironment() {
        const auto endpoints = zoom::Endpoints::fromEnvironment();
        QCOMPARE(endpoints.token, m_zoom->tokenUrl());
        QCOMPARE(endpoints.api, m_zoom->apiUrl());
        QCOMPARE(endpoints.authorization, m_zoom->authUrl());
    }

    void connectExchangesTheCodeWithPkceAndBasicAuth() {
        const QString verifier = integration::LoopbackAuthorizationFlow::newCodeVerifier();
        const QUrl redirect(QStringLiteral("http://127.0.0.1:54321/"));
        const QString code = m_zoom->grantCode(
            integration::LoopbackAuthorizationFlow::codeChallenge(verifier), redirect.toString());
        const auto reply = await<integration::ProviderReply>([&](auto done) {
            m_client->exchangeCode({code, verifier, redirect}, this,
                                   [done](integration::ProviderReply r, integration::OAuthTokens) {
                                       done(std::move(r));
                                   });
        });
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        const auto request = m_zoom->requestsTo(Route::Token).constLast();
        QVERIFY(request.headers.value("authorization").startsWith("Basic "));
        QVERIFY(!request.body.contains("client_secret"));
        const auto tokens = stored();
        QVERIFY(tokens);
        QCOMPARE(tokens->refreshToken, m_zoom->currentRefreshToken());
        QVERIFY(tokens->expiresAt.isValid());

        // A code is single use; a wrong verifier is refused.
        const QString other = m_zoom->grantCode(
            integration::LoopbackAuthorizationFlow::codeChallenge(verifier), redirect.toString());
        const auto refused = await<integration::ProviderReply>([&](auto done) {
            m_client->exchangeCode({other, verifier + QLatin1Char('x'), redirect}, this,
                                   [done](integration::ProviderReply r, integration::OAuthTokens) {
                                       done(std::move(r));
                                   });
        });
        QCOMPARE(refused.failure, integration::Failure::AuthRevoked);
    }

    // The whole connect: loopback listener, consent (the fake acts for Zoom and the browser
    // follows its redirect), code exchange with PKCE, tokens in the keychain.
    void connectThroughTheLoopbackFlow() {
        const zoom::ClientCredentials client{m_zoom->clientId, m_zoom->clientSecret};
        zoom::ZoomAuthorizationFlow flow(zoom::Endpoints::fromEnvironment(), client, m_client);
        QNetworkAccessManager browser;
        bool granted = false;
        QString failure;
        QEventLoop loop;
        connect(&flow, &zoom::ZoomAuthorizationFlow::authorizationUrlReady, this,
                [&](const QUrl& url) {
                    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
                    browser.get(QNetworkRequest(url));
                });
        connect(&flow, &zoom::ZoomAuthorizationFlow::granted, this, [&] {
            granted = true;
            loop.quit();
        });
        connect(&flow, &zoom::ZoomAuthorizationFlow::failed, this, [&](const QString& m) {
            failure = m;
            loop.quit();
        });
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        flow.start();
        loop.exec();
        QVERIFY2(granted, qPrintable(failure));
        QCOMPARE(flow.redirectUri().host(), QStringLiteral("127.0.0.1"));
        const auto tokens = stored();
        QVERIFY(tokens);
        QCOMPARE(tokens->refreshToken, m_zoom->currentRefreshToken());
        const auto token = m_zoom->requestsTo(Route::Token).constLast();
        QVERIFY(token.body.contains("code_verifier="));
        QVERIFY(!token.body.contains("client_secret"));
    }

    // slotdesk-cli zoom connect (the browser step done here) → status → disconnect.
    void cliConnectStatusDisconnect() {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        const auto run = [&](const QStringList& args, QProcess* process = nullptr) {
            std::unique_ptr<QProcess> owned;
            if (!process) {
                owned = std::make_unique<QProcess>();
                process = owned.get();
                process->setProcessEnvironment(env);
                process->start(QStringLiteral(SLOTDESK_CLI_PATH),
                               QStringList{QStringLiteral("--data-dir"), dataDir} + args);
            }
            if (process->state() != QProcess::NotRunning) {
                QSignalSpy finished(process, &QProcess::finished);
                finished.wait(30'000);
            }
            return std::make_pair(process->exitCode(),
                                  QString::fromUtf8(process->readAllStandardOutput()));
        };
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--username"), QStringLiteral("alice"),
                      QStringLiteral("--name"), QStringLiteral("Alice"), QStringLiteral("--email"),
                      QStringLiteral("alice@example.org"), QStringLiteral("--timezone"),
                      QStringLiteral("Europe/Berlin")})
                     .first,
                 0);
        QVERIFY(run({QStringLiteral("zoom"), QStringLiteral("status")})
                    .second.contains(QLatin1String("not connected")));

        QProcess connectProcess;
        connectProcess.setProcessEnvironment(env);
        connectProcess.start(QStringLiteral(SLOTDESK_CLI_PATH),
                             {QStringLiteral("--data-dir"), dataDir, QStringLiteral("zoom"),
                              QStringLiteral("connect"), QStringLiteral("--no-browser")});
        QString printed;
        QTRY_VERIFY_WITH_TIMEOUT(
            (printed += QString::fromUtf8(connectProcess.readAllStandardOutput()))
                .contains(QLatin1String("code_challenge")),
            20'000);
        static const QRegularExpression urlPattern(QStringLiteral("(http://\\S+)"));
        const QUrl url(urlPattern.match(printed).captured(1));
        QNetworkAccessManager browser;
        QNetworkReply* reply = browser.get(QNetworkRequest(url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20'000);
        const auto connected = run({}, &connectProcess);
        QCOMPARE(connected.first, 0);
        QVERIFY(run({QStringLiteral("zoom"), QStringLiteral("status")})
                    .second.contains(QLatin1String("Zoom: connected")));
        QCOMPARE(run({QStringLiteral("zoom"), QStringLiteral("disconnect")}).first, 0);
        QVERIFY(run({QStringLiteral("zoom"), QStringLiteral("status")})
                    .second.contains(QLatin1String("not connected")));
    }

    // Approved booking that asked for Zoom → meeting + video_link; cancelled → meeting deleted;
    // failures leave the booking as it is and show on the integration.
    void meetingSyncCreatesAndDeletes() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db);
        const User admin = test::seedAdmin(**db);
        storage::VideoIntegrationRepository repo((*db)->connection());
        auto row = videoIntegration(admin.id, QStringLiteral("zoom"));
        row.id = m_key.mid(QStringLiteral("zoom/").size());
        QVERIFY(repo.save(row));
        connectAccount();
        const Booking booking = test::seedBooking(**db, admin.id, test::utc("2026-12-01T09:00:00Z"),
                                                  30, BookingStatus::Confirmed);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE bookings SET requested_video_provider = 'zoom'")));
        zoom::ZoomMeetingSync sync(**db, m_network, m_store);
        const auto pass = [&](int failures = 0) {
            return await<zoom::ZoomSyncReport>(
                [&](auto done) { sync.run(admin.id, failures, done); });
        };

        m_zoom->failNext(Route::CreateMeeting, 503, 1, 120);
        auto report = pass();
        QVERIFY(!report.ok);
        QVERIFY(report.transient);
        QVERIFY(report.retryIn >= std::chrono::milliseconds(120'000));
        QCOMPARE((*repo.find(admin.id, QStringLiteral("zoom")))->status,
                 VideoIntegrationStatus::Error);
        QVERIFY(q.exec(QStringLiteral("SELECT status, video_link FROM bookings")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("confirmed"));
        QVERIFY(q.value(1).isNull());

        report = pass(1);
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.created, 1);
        QCOMPARE((*repo.find(admin.id, QStringLiteral("zoom")))->status,
                 VideoIntegrationStatus::Connected);
        const auto meeting = *repo.meetingFor(booking.id);
        QVERIFY(meeting);
        QVERIFY(m_zoom->hasMeeting(meeting->meetingId));
        QCOMPARE(m_zoom->meeting(meeting->meetingId).value(QLatin1String("duration")).toInt(), 30);
        QVERIFY(q.exec(QStringLiteral("SELECT video_provider, video_link FROM bookings")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("zoom"));
        QCOMPARE(q.value(1).toString(), meeting->joinUrl);
        QCOMPARE(pass().created, 0); // nothing owed twice

        QVERIFY(q.exec(QStringLiteral("UPDATE bookings SET status = 'cancelled'")));
        report = pass();
        QCOMPARE(report.deleted, 1);
        QVERIFY(!m_zoom->hasMeeting(meeting->meetingId));
        QCOMPARE(pass().deleted, 0);

        // A revoked grant needs the admin.
        const Booking second = test::seedBooking(**db, admin.id, test::utc("2026-12-02T09:00:00Z"),
                                                 30, BookingStatus::Confirmed);
        QVERIFY(q.exec(QStringLiteral("UPDATE bookings SET requested_video_provider = 'zoom'")));
        m_zoom->revokeAll();
        report = pass();
        QVERIFY(!report.ok && !report.transient);
        QCOMPARE((*repo.find(admin.id, QStringLiteral("zoom")))->status,
                 VideoIntegrationStatus::ReauthRequired);
        QVERIFY(!*repo.meetingFor(second.id));
    }

    void wrongClientSecretIsRefused() {
        connectAccount();
        qputenv("SLOTDESK_ZOOM_CLIENT_SECRET", "wrong");
        const auto reply =
            await<integration::ProviderReply>([&](auto done) { m_client->refresh(this, done); });
        m_zoom->exportEnvironment();
        QCOMPARE(reply.httpStatus, 401);
        QCOMPARE(reply.failure, integration::Failure::AuthRevoked);
    }

    void createsAScheduledMeeting() {
        connectAccount();
        const auto [reply, meeting] = create();
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QVERIFY(m_zoom->hasMeeting(meeting.id));
        QCOMPARE(meeting.joinUrl, QStringLiteral("https://zoom.example/j/") + meeting.id);
        const QJsonObject body =
            QJsonDocument::fromJson(m_zoom->requestsTo(Route::CreateMeeting).constLast().body)
                .object();
        QCOMPARE(body.value(QLatin1String("type")).toInt(), 2);
        QCOMPARE(body.value(QLatin1String("start_time")).toString(),
                 QStringLiteral("2026-12-01T09:30:00Z"));
        QCOMPARE(body.value(QLatin1String("duration")).toInt(), 45);
        QCOMPARE(body.value(QLatin1String("timezone")).toString(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(body.value(QLatin1String("topic")).toString(),
                 QStringLiteral("Intro call with Bob"));
    }

    void deletesTheMeetingAndTreatsUnknownAsDeleted() {
        connectAccount();
        const auto [reply, meeting] = create();
        QVERIFY(reply.ok());
        auto deleted = await<integration::ProviderReply>(
            [&](auto done) { m_client->deleteMeeting(meeting.id, this, done); });
        QVERIFY2(deleted.ok(), qPrintable(deleted.message));
        QVERIFY(!m_zoom->hasMeeting(meeting.id));
        QCOMPARE(m_zoom->requestsTo(Route::DeleteMeeting).constLast().path,
                 QStringLiteral("/v2/meetings/") + meeting.id);
        deleted = await<integration::ProviderReply>(
            [&](auto done) { m_client->deleteMeeting(meeting.id, this, done); });
        QVERIFY(deleted.ok());
    }

    void rotatedRefreshTokenIsStoredEveryTime() {
        connectAccount();
        const QString first = stored()->refreshToken;
        for (int round = 0; round < 3; ++round) {
            m_zoom->expireAccessTokens(); // the stored access token now gets a 401
            const int tokenCalls = m_zoom->count(Route::Token);
            const auto [reply, meeting] = create();
            QVERIFY2(reply.ok(), qPrintable(reply.message));
            QCOMPARE(m_zoom->count(Route::Token), tokenCalls + 1);
            QCOMPARE(stored()->refreshToken, m_zoom->currentRefreshToken());
        }
        QVERIFY(stored()->refreshToken != first);
        // The spent refresh token is refused: only the stored (newest) one works.
        const auto again =
            await<integration::ProviderReply>([&](auto done) { m_client->refresh(this, done); });
        QVERIFY2(again.ok(), qPrintable(again.message));
    }

    // Two clients on one keychain entry (the desktop app and `serve`) refresh at the same moment.
    // Zoom spends the refresh token on first use, so without care the second would be told to
    // reconnect; instead it waits for the first and takes the tokens it stored.
    void simultaneousRefreshesSpendTheRefreshTokenOnce() {
        connectAccount();
        zoom::ZoomClient other(zoom::Endpoints::fromEnvironment(), m_network, m_store, m_key);
        const int tokenCalls = m_zoom->count(Route::Token);
        std::optional<integration::ProviderReply> mine, theirs;
        m_client->refresh(this, [&](integration::ProviderReply r) { mine = r; });
        other.refresh(this, [&](integration::ProviderReply r) { theirs = r; });
        QTRY_VERIFY_WITH_TIMEOUT(mine && theirs, 20000);
        QVERIFY2(mine->ok(), qPrintable(mine->message));
        QVERIFY2(theirs->ok(), qPrintable(theirs->message));
        QCOMPARE(m_zoom->count(Route::Token), tokenCalls + 1);
        QCOMPARE(stored()->refreshToken, m_zoom->currentRefreshToken());
        const auto [reply, meeting] = create();
        QVERIFY2(reply.ok(), qPrintable(reply.message));
    }

    void staleAccessTokenIsRefreshedBeforeUse() {
        const auto [access, refresh] = m_zoom->issueTokens();
        storeTokens(access, refresh, -10);
        const auto [reply, meeting] = create();
        QVERIFY(reply.ok());
        QCOMPARE(m_zoom->requestsTo(Route::CreateMeeting).size() > 0, true);
        QCOMPARE(stored()->refreshToken, m_zoom->currentRefreshToken());
        QVERIFY(stored()->refreshToken != refresh);
    }

    void rateLimitAndServerErrorsAreTransient() {
        connectAccount();
        m_zoom->failNext(Route::CreateMeeting, 429, 1, 90);
        auto [limited, none] = create();
        QCOMPARE(limited.failure, integration::Failure::RateLimited);
        QVERIFY(limited.isTransient());
        QCOMPARE(limited.retryAfter, std::chrono::milliseconds(90'000));
        QVERIFY(integration::Backoff::delay(1, limited.retryAfter) >= limited.retryAfter);
        QVERIFY(limited.message.contains(QLatin1String("Zoom")));

        m_zoom->failNext(Route::CreateMeeting, 503);
        auto [down, none2] = create();
        QCOMPARE(down.failure, integration::Failure::ServerError);
        QVERIFY(down.isTransient());

        m_zoom->failNext(Route::DeleteMeeting, 500);
        const auto del = await<integration::ProviderReply>(
            [&](auto done) { m_client->deleteMeeting(QStringLiteral("1"), this, done); });
        QCOMPARE(del.failure, integration::Failure::ServerError);

        m_zoom->failNext(Route::Token, 502);
        m_zoom->expireAccessTokens();
        auto [tokenDown, none3] = create();
        QCOMPARE(tokenDown.failure, integration::Failure::ServerError);
        QVERIFY(tokenDown.isTransient());
        // Nothing was rotated, so the stored refresh token still works afterwards.
        auto [recovered, meeting] = create();
        QVERIFY2(recovered.ok(), qPrintable(recovered.message));
    }

    void revokedGrantNeedsReconnect() {
        connectAccount();
        m_zoom->revokeAll();
        auto [reply, meeting] = create();
        QCOMPARE(reply.failure, integration::Failure::AuthRevoked);
        QVERIFY(!reply.isTransient());
        QVERIFY(reply.message.contains(QLatin1String("reconnect Zoom")));
    }

    void noTokensInTheKeychain() {
        auto [reply, meeting] = create();
        QCOMPARE(reply.failure, integration::Failure::Keychain);
        QCOMPARE(m_zoom->count(Route::CreateMeeting), m_zoom->count(Route::CreateMeeting));
    }

    // Issue 13 (9): a client secret an older SlotDesk kept in the settings file moves to the
    // keychain when `serve` (or the desktop app) starts, and is gone from the file afterwards;
    // connect and disconnect then work with the secret from the keychain alone.
    void clientSecretMovesFromTheSettingsFileToTheKeychain() {
        Cli cli;
        QVERIFY(initAdmin(cli));
        const QString secretKey = QStringLiteral("zoom/client/") + m_zoom->clientId;
        removeKeychainEntry(secretKey);
        {
            QSettings old(cli.settingsFile(), QSettings::IniFormat);
            old.setValue(QStringLiteral("zoom/clientId"), m_zoom->clientId);
            old.setValue(QStringLiteral("zoom/clientSecret"), m_zoom->clientSecret);
            old.setValue(QStringLiteral("window/page"), QStringLiteral("calendar"));
        }
        QVERIFY(cli.settingsBytes().contains(m_zoom->clientSecret.toUtf8()));

        QProcess* serve = cli.start(
            {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
            this);
        QTRY_VERIFY_WITH_TIMEOUT(!cli.settingsBytes().contains(m_zoom->clientSecret.toUtf8()),
                                 20'000);
        serve->terminate();
        const Finished served = finish(serve);
        QVERIFY2(served.exitCode == 0, qPrintable(served.err));
        const QByteArray settings = cli.settingsBytes();
        QVERIFY2(settings.contains(m_zoom->clientId.toUtf8()), settings.constData());
        QVERIFY2(settings.contains("window"), settings.constData()); // the rest is kept
        QVERIFY(!settings.contains("clientSecret"));
        QCOMPARE(keychainEntry(secretKey), m_zoom->clientSecret.toUtf8());

        const int grants = m_zoom->count(Route::Token);
        const Finished connected = connectThroughCli(cli);
        QVERIFY2(connected.exitCode == 0, qPrintable(connected.err));
        QCOMPARE(m_zoom->count(Route::Token), grants + 1); // Basic auth with the keychain's secret
        const Finished disconnected =
            run(cli, {QStringLiteral("zoom"), QStringLiteral("disconnect")});
        QVERIFY2(disconnected.exitCode == 0, qPrintable(disconnected.err));
        QVERIFY(!cli.settingsBytes().contains(m_zoom->clientSecret.toUtf8()));
        removeKeychainEntry(secretKey);
    }

    // `zoom set-client` takes the secret on stdin and keeps it in the keychain only; without a
    // usable keychain it says so in one line and writes nothing anywhere.
    void setClientKeepsTheSecretInTheKeychainOnly() {
        Cli cli;
        QVERIFY(initAdmin(cli));
        const QString id = QStringLiteral("set-client-test");
        const QByteArray secret = "s3cret-for-set-client";
        const QString secretKey = QStringLiteral("zoom/client/") + id;

        Cli locked;
        QVERIFY(initAdmin(locked));
        locked.env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                          QStringLiteral("unix:path=") +
                              locked.dir.filePath(QStringLiteral("none")));
        locked.env.remove(QStringLiteral("DISPLAY"));
        locked.env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const Finished refused = run(locked,
                                     {QStringLiteral("zoom"), QStringLiteral("set-client"),
                                      QStringLiteral("--client-id"), id},
                                     secret + '\n');
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(refused.err.contains(QLatin1String("keychain")), qPrintable(refused.err));
        QVERIFY(!locked.settingsBytes().contains(secret));
        QVERIFY(!locked.settingsBytes().contains(id.toUtf8()));

        const Finished saved = run(cli,
                                   {QStringLiteral("zoom"), QStringLiteral("set-client"),
                                    QStringLiteral("--client-id"), id},
                                   secret + '\n');
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QVERIFY(!saved.out.contains(QString::fromUtf8(secret)));
        QVERIFY(cli.settingsBytes().contains(id.toUtf8()));
        QVERIFY(!cli.settingsBytes().contains(secret));
        QCOMPARE(keychainEntry(secretKey), secret);

        const Finished empty = run(cli, {QStringLiteral("zoom"), QStringLiteral("set-client"),
                                         QStringLiteral("--client-id"), id});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY(empty.err.contains(QLatin1String("clientSecret")));
        removeKeychainEntry(secretKey);
    }

    void missingClientCredentials() {
        connectAccount();
        qunsetenv("SLOTDESK_ZOOM_CLIENT_ID");
        const auto reply =
            await<integration::ProviderReply>([&](auto done) { m_client->refresh(this, done); });
        m_zoom->exportEnvironment();
        QCOMPARE(reply.failure, integration::Failure::Rejected);
        QVERIFY(reply.message.contains(QLatin1String("SLOTDESK_ZOOM_CLIENT_ID")));
    }
};

QTEST_GUILESS_MAIN(TestZoomClient)
#include "tst_zoomclient.moc"
