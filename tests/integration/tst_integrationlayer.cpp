// The provider-neutral integration layer (services/integration/) on its own, with an invented
// provider "Acme": reply classification (a table, and real answers over a socket on 127.0.0.1),
// the back-off schedule, the form encoding, the token format the keychain holds (including what
// earlier versions stored), the token endpoint's grants, the loopback authorization flow (a
// client acting as the browser), and the secret store against the real keychain (run under
// dbus-run-session with gnome-keyring unlocked, as tools/test.sh does).

#include "core/Clock.h"
#include "integration/Backoff.h"
#include "integration/LoopbackAuthorizationFlow.h"
#include "integration/OAuthTokenEndpoint.h"
#include "integration/OAuthTokenStore.h"
#include "integration/ProviderHttp.h"
#include "integration/ProviderReply.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

using namespace slotdesk;
using namespace slotdesk::integration;
using namespace std::chrono_literals;

namespace {

const Provider kAcme{QStringLiteral("Acme"), QStringLiteral("Acme Calendar")};

// Answers each HTTP request on 127.0.0.1 with the next canned response and keeps what it got.
class CannedServer : public QObject {
public:
    struct Received {
        QByteArray head; // request line and headers
        QByteArray body;
    };

    CannedServer() {
        connect(&m_server, &QTcpServer::newConnection, this, &CannedServer::onConnection);
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }
    QUrl url(const QString& path = QStringLiteral("/token")) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void answer(int status, const QByteArray& body, const QByteArray& extraHeaders = {}) {
        m_responses.append(
            "HTTP/1.1 " + QByteArray::number(status) + " Canned\r\n" + extraHeaders +
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\nConnection: close\r\n\r\n" + body);
    }
    // Read nothing, answer nothing: the client waits.
    void stall() { m_stalled = true; }
    const QList<Received>& received() const { return m_received; }

private:
    void onConnection() {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                if (m_stalled)
                    return;
                buffer->append(socket->readAll());
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QByteArray head = buffer->left(headerEnd);
                static const QRegularExpression lengthHeader(
                    QStringLiteral("content-length:\\s*(\\d+)"),
                    QRegularExpression::CaseInsensitiveOption);
                const auto match = lengthHeader.match(QString::fromLatin1(head));
                const qsizetype length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                m_received.append({head, buffer->mid(headerEnd + 4, length)});
                buffer->clear();
                socket->write(m_responses.isEmpty() ? QByteArray("HTTP/1.1 500 Nothing canned\r\n"
                                                                 "Content-Length: 0\r\n\r\n")
                                                    : m_responses.takeFirst());
                socket->disconnectFromHost();
            });
        }
    }

    QTcpServer m_server;
    QList<QByteArray> m_responses;
    QList<Received> m_received;
    bool m_stalled = false;
};

// A provider's flow as Google's and Zoom's are made: the request, and an exchange that answers
// with what the test says (recording the code it was given).
class AcmeFlow : public LoopbackAuthorizationFlow {
public:
    explicit AcmeFlow(AuthorizationRequest request)
        : LoopbackAuthorizationFlow(std::move(request), nullptr) {}

    std::optional<AuthorizationCode> exchanged;
    ProviderReply answer;
    OAuthTokens tokens{QStringLiteral("at-1"), QStringLiteral("rt-1"), {}, {}};

protected:
    void exchangeCode(const AuthorizationCode& code, OAuthTokenEndpoint::Done done) override {
        exchanged = code;
        QMetaObject::invokeMethod(
            this, [this, done = std::move(done)] { done(answer, tokens); }, Qt::QueuedConnection);
    }
};

AuthorizationRequest acmeRequest() {
    return {kAcme,
            QUrl(QStringLiteral("https://acme.example/authorize?tenant=t1")),
            QStringLiteral("client+id&x=1"),
            QStringLiteral("calendar.read calendar+write"),
            {{QStringLiteral("prompt"), QStringLiteral("consent")}},
            QStringLiteral("Connected to Acme.")};
}

template <typename T> std::optional<T> waitFor(std::optional<T>& value, int ms = 20'000) {
    (void)QTest::qWaitFor([&value] { return value.has_value(); }, ms);
    return value;
}

// What the browser does after the provider's consent page: follow the redirect to the listener.
int browse(const QUrl& redirect, const QString& query) {
    QUrl target = redirect;
    target.setQuery(query);
    QNetworkAccessManager browser;
    QNetworkReply* reply = browser.get(QNetworkRequest(target));
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

} // namespace

class TestIntegrationLayer : public QObject {
    Q_OBJECT

    QNetworkAccessManager* m_network = nullptr;

    ProviderReply send(const QUrl& url, const QByteArray& verb = QByteArrayLiteral("GET")) {
        std::optional<ProviderReply> reply;
        sendRequest(m_network, kAcme.name, QNetworkRequest(url), verb, {}, this,
                    [&reply](ProviderReply r) { reply = std::move(r); });
        return waitFor(reply).value_or(ProviderReply{});
    }
    using Grant = std::pair<ProviderReply, OAuthTokens>;
    Grant grant(const std::function<void(OAuthTokenEndpoint::Done)>& start) {
        std::optional<Grant> result;
        start([&result](ProviderReply r, OAuthTokens t) { result = Grant{r, t}; });
        return waitFor(result).value_or(Grant{});
    }

private slots:
    void initTestCase() { m_network = new QNetworkAccessManager(this); }

    // ---- replies --------------------------------------------------------------------------

    void classificationTable_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<bool>("transient");
        QTest::newRow("200") << 200 << "" << Failure::None << false;
        QTest::newRow("204") << 204 << "" << Failure::None << false;
        QTest::newRow("no answer") << 0 << "" << Failure::Network << true;
        QTest::newRow("401") << 401 << "" << Failure::Unauthorized << false;
        QTest::newRow("403 rate") << 403 << "rateLimitExceeded" << Failure::RateLimited << true;
        QTest::newRow("403 user rate")
            << 403 << "userRateLimitExceeded" << Failure::RateLimited << true;
        QTest::newRow("403 other") << 403 << "forbidden" << Failure::Rejected << false;
        QTest::newRow("429") << 429 << "" << Failure::RateLimited << true;
        QTest::newRow("500") << 500 << "" << Failure::ServerError << true;
        QTest::newRow("503") << 503 << "backendError" << Failure::ServerError << true;
        QTest::newRow("410 sync token")
            << 410 << "fullSyncRequired" << Failure::FullSyncRequired << false;
        QTest::newRow("410") << 410 << "deleted" << Failure::Gone << false;
        QTest::newRow("404") << 404 << "" << Failure::NotFound << false;
        QTest::newRow("409") << 409 << "duplicate" << Failure::Duplicate << false;
        QTest::newRow("400 invalid_grant")
            << 400 << "invalid_grant" << Failure::AuthRevoked << false;
        QTest::newRow("400") << 400 << "invalid_request" << Failure::Rejected << false;
    }
    void classificationTable() {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(Failure, failure);
        QFETCH(bool, transient);
        QCOMPARE(ProviderReply::classify(status, reason), failure);
        QCOMPARE(ProviderReply::localFailure(failure, {}).isTransient(), transient);
    }

    void repliesAreReadFromRealAnswers() {
        CannedServer server;
        server.answer(200, R"({"id":"primary","summary":"Work"})");
        ProviderReply ok = send(server.url());
        QVERIFY2(ok.ok(), qPrintable(ok.message));
        QCOMPARE(ok.httpStatus, 200);
        QCOMPARE(ok.body.value(QLatin1String("summary")).toString(), QStringLiteral("Work"));
        QVERIFY(server.received().constLast().head.contains("Accept: application/json"));

        // An API error: reason from errors[0], the message names the provider.
        server.answer(403,
                      R"({"error":{"code":403,"message":"Rate Limit Exceeded",)"
                      R"("errors":[{"reason":"rateLimitExceeded"}]}})",
                      "Retry-After: 90\r\n");
        const ProviderReply limited = send(server.url());
        QCOMPARE(limited.failure, Failure::RateLimited);
        QCOMPARE(limited.reason, QStringLiteral("rateLimitExceeded"));
        QCOMPARE(limited.retryAfter, 90'000ms);
        QCOMPARE(limited.message,
                 QStringLiteral("Acme answered HTTP 403 (rateLimitExceeded): Rate Limit Exceeded"));

        // An OAuth endpoint's error: {"error": "...", "error_description": "..."}.
        server.answer(400, R"({"error":"invalid_grant","error_description":"Token expired"})");
        const ProviderReply revoked = send(server.url(), QByteArrayLiteral("POST"));
        QCOMPARE(revoked.failure, Failure::AuthRevoked);
        QCOMPARE(revoked.message,
                 QStringLiteral("Acme answered HTTP 400 (invalid_grant): Token expired"));

        // No HTTP answer at all.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nobody(QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort()));
        closed.close();
        const ProviderReply unreachable = send(nobody);
        QCOMPARE(unreachable.failure, Failure::Network);
        QCOMPARE(unreachable.httpStatus, 0);
        QVERIFY2(unreachable.message.startsWith(QLatin1String("Acme could not be reached: ")),
                 qPrintable(unreachable.message));
    }

    void aRequestWhoseContextIsGoneIsAbortedUnanswered() {
        CannedServer server;
        server.stall();
        auto context = std::make_unique<QObject>();
        bool called = false;
        sendRequest(m_network, kAcme.name, QNetworkRequest(server.url()), "GET", {}, context.get(),
                    [&called](const ProviderReply&) { called = true; });
        QTest::qWait(100);
        context.reset();
        QTest::qWait(100);
        QVERIFY(!called);
    }

    void formBodyEncodesEveryReservedCharacter() {
        QCOMPARE(formBody({{QStringLiteral("a b"), QStringLiteral("x&y=z+/ü")},
                           {QStringLiteral("empty"), QString()}}),
                 QByteArray("a%20b=x%26y%3Dz%2B%2F%C3%BC&empty="));
        QCOMPARE(formRequest(QUrl(QStringLiteral("http://127.0.0.1/")))
                     .header(QNetworkRequest::ContentTypeHeader)
                     .toString(),
                 QStringLiteral("application/x-www-form-urlencoded"));
    }

    // ---- back-off -------------------------------------------------------------------------

    void backoffDoublesFromThirtySecondsAndCapsAtThirtyMinutes() {
        const QList<qint64> steps{30'000,  60'000,  120'000,   240'000,
                                  480'000, 960'000, 1'800'000, 1'800'000};
        for (int failures = 1; failures <= steps.size(); ++failures) {
            const qint64 step = steps[failures - 1];
            QCOMPARE(Backoff::step(failures).count(), step);
            QCOMPARE(Backoff::delay(failures, 0.0).count(), step / 2);
            QCOMPARE(Backoff::delay(failures, 1.0).count(), step);
        }
        QCOMPARE(Backoff::step(100).count(), 1'800'000);
    }

    void backoffJittersWithinTheUpperHalf() {
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const auto delay = Backoff::delay(3);
            QVERIFY(delay >= 60s && delay <= 120s);
            seen.insert(delay.count());
        }
        QVERIFY2(seen.size() > 50, "the jitter should spread the retries");
        // A server's Retry-After is honoured, but never beyond the cap.
        QVERIFY(Backoff::delay(1, 300s) >= 300s);
        QCOMPARE(Backoff::delay(1, 3h), Backoff::kCap);
    }

    // ---- tokens ---------------------------------------------------------------------------

    void tokensRoundTripAndKnowWhenToRefresh() {
        OAuthTokens tokens{"at", "rt", test::utc("2026-12-01T10:00:00Z"), "calendar.read"};
        const auto back = OAuthTokens::fromJson(tokens.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->accessToken, QString("at"));
        QCOMPARE(back->refreshToken, QString("rt"));
        QCOMPARE(back->expiresAt, tokens.expiresAt);
        QCOMPARE(back->scope, QString("calendar.read"));
        QVERIFY(!tokens.needsRefresh(test::utc("2026-12-01T09:58:00Z")));
        QVERIFY(tokens.needsRefresh(test::utc("2026-12-01T09:59:30Z")));        // within a minute
        QVERIFY(OAuthTokens{}.needsRefresh(test::utc("2026-12-01T09:00:00Z"))); // no access token
        QVERIFY(!OAuthTokens::fromJson("not json").has_value());
        QVERIFY(!OAuthTokens::fromJson(R"({"accessToken":"","refreshToken":""})").has_value());
    }

    // Keychain entries written before the integration layer existed (GoogleTokens) still read,
    // and tokens without a scope are written exactly as then, so an older SlotDesk reads them.
    void theStoredFormatIsTheOneEarlierVersionsWrote() {
        const QByteArray earlier =
            R"({"accessToken":"ya29.a","expiresAt":1796119200000,"refreshToken":"1//r"})";
        const auto read = OAuthTokens::fromJson(earlier);
        QVERIFY(read.has_value());
        QCOMPARE(read->accessToken, QString("ya29.a"));
        QCOMPARE(read->refreshToken, QString("1//r"));
        QCOMPARE(read->expiresAt, test::utc("2026-12-01T10:00:00Z"));
        QVERIFY(read->scope.isEmpty());
        QCOMPARE(read->toJson(), earlier);
    }

    // ---- the token endpoint ---------------------------------------------------------------

    void refreshKeepsOrRotatesTheRefreshTokenAndDatesTheExpiryByTheClock() {
        CannedServer server;
        const core::ManualClock clock(test::utc("2026-12-01T09:00:00Z"));
        const OAuthTokenEndpoint endpoint(kAcme, server.url(), m_network, clock.clock());
        const OAuthClient inBody{QStringLiteral("id"), QStringLiteral("s3cret"),
                                 OAuthClient::Authentication::RequestBody};
        const OAuthTokens old{QStringLiteral("at-0"), QStringLiteral("rt-0"), {}, {}};

        server.answer(200, R"({"access_token":"at-1","expires_in":3600,"scope":"a b"})");
        auto [kept, keptTokens] =
            grant([&](auto done) { endpoint.refresh(inBody, old, this, done); });
        QVERIFY2(kept.ok(), qPrintable(kept.message));
        QCOMPARE(keptTokens.accessToken, QString("at-1"));
        QCOMPARE(keptTokens.refreshToken, QString("rt-0"));
        QCOMPARE(keptTokens.expiresAt, test::utc("2026-12-01T10:00:00Z"));
        QCOMPARE(keptTokens.scope, QString("a b"));
        const QUrlQuery sent(QString::fromLatin1(server.received().constLast().body));
        QCOMPARE(sent.queryItemValue("grant_type"), QString("refresh_token"));
        QCOMPARE(sent.queryItemValue("refresh_token"), QString("rt-0"));
        QCOMPARE(sent.queryItemValue("client_id"), QString("id"));
        QCOMPARE(sent.queryItemValue("client_secret"), QString("s3cret"));

        // HTTP Basic: the client in the header only; a rotated refresh token is taken.
        const OAuthClient basic{QStringLiteral("id"), QStringLiteral("s3cret"),
                                OAuthClient::Authentication::HttpBasic};
        server.answer(200, R"({"access_token":"at-2","refresh_token":"rt-2"})");
        auto [rotated, rotatedTokens] =
            grant([&](auto done) { endpoint.refresh(basic, old, this, done); });
        QVERIFY(rotated.ok());
        QCOMPARE(rotatedTokens.refreshToken, QString("rt-2"));
        QVERIFY(!rotatedTokens.expiresAt.isValid());
        QVERIFY(server.received().constLast().head.contains("Authorization: " +
                                                            basic.basicAuthorization()));
        QVERIFY(!server.received().constLast().body.contains("client"));
    }

    void refusedAndUnusableGrants() {
        CannedServer server;
        const OAuthTokenEndpoint endpoint(kAcme, server.url(), m_network);
        const OAuthClient client{
            QStringLiteral("id"), {}, OAuthClient::Authentication::RequestBody};
        const OAuthTokens old{QStringLiteral("at-0"), QStringLiteral("rt-0"), {}, {}};

        server.answer(400, R"({"error":"invalid_grant"})");
        auto [refused, kept] = grant([&](auto done) { endpoint.refresh(client, old, this, done); });
        QCOMPARE(refused.failure, Failure::AuthRevoked);
        QCOMPARE(refused.message,
                 QStringLiteral("Acme refused SlotDesk's access (invalid_grant): reconnect Acme "
                                "Calendar"));
        QCOMPARE(kept.refreshToken, QString("rt-0"));
        QVERIFY(!server.received().constLast().body.contains("client_secret"));

        server.answer(401, R"({"error":"invalid_client"})");
        auto [badCode, none] = grant([&](auto done) {
            endpoint.exchangeCode(client,
                                  {QStringLiteral("c/1"), QStringLiteral("v"),
                                   QUrl(QStringLiteral("http://127.0.0.1:1/"))},
                                  this, done);
        });
        QCOMPARE(badCode.failure, Failure::AuthRevoked);
        QCOMPARE(badCode.message,
                 QStringLiteral("Acme refused the authorization code (invalid_client)"));
        const QUrlQuery sent(QString::fromLatin1(server.received().constLast().body));
        QCOMPARE(sent.queryItemValue("code", QUrl::FullyDecoded), QString("c/1"));
        QCOMPARE(sent.queryItemValue("code_verifier"), QString("v"));
        QCOMPARE(sent.queryItemValue("redirect_uri", QUrl::FullyDecoded),
                 QString("http://127.0.0.1:1/"));

        server.answer(200, R"({"token_type":"bearer"})");
        auto [empty, previous] =
            grant([&](auto done) { endpoint.refresh(client, old, this, done); });
        QCOMPARE(empty.failure, Failure::Rejected);
        QCOMPARE(empty.message, QStringLiteral("Acme's token endpoint sent no access token"));
        QCOMPARE(previous.accessToken, QString("at-0"));

        server.answer(503, {});
        auto [down, unchanged] =
            grant([&](auto done) { endpoint.refresh(client, old, this, done); });
        QCOMPARE(down.failure, Failure::ServerError);
        QVERIFY(down.isTransient());

        const int requests = int(server.received().size());
        auto [noRefresh, same] = grant([&](auto done) {
            endpoint.refresh(client, {QStringLiteral("at"), {}, {}, {}}, this, done);
        });
        QCOMPARE(noRefresh.failure, Failure::AuthRevoked);
        QVERIFY(noRefresh.message.endsWith(QLatin1String("reconnect Acme Calendar")));
        QCOMPARE(int(server.received().size()), requests); // nothing was sent
    }

    // ---- the loopback flow ----------------------------------------------------------------

    void theAuthorizationRequestCarriesPkceStateAndTheProvidersParameters() {
        AcmeFlow flow(acmeRequest());
        QSignalSpy ready(&flow, &LoopbackAuthorizationFlow::authorizationUrlReady);
        flow.start();
        QCOMPARE(ready.size(), 1);
        QVERIFY(flow.isListening());
        const QUrl url = ready.first().first().toUrl();
        QCOMPARE(url.host(), QString("acme.example"));
        const QUrlQuery query(url);
        const auto value = [&query](const char* key) {
            return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
        };
        QCOMPARE(value("tenant"), QString("t1")); // the endpoint's own parameter is kept
        QCOMPARE(value("response_type"), QString("code"));
        QCOMPARE(value("client_id"), QString("client+id&x=1"));
        QCOMPARE(value("scope"), QString("calendar.read calendar+write"));
        QCOMPARE(value("prompt"), QString("consent"));
        QCOMPARE(value("code_challenge_method"), QString("S256"));
        QCOMPARE(value("code_challenge").size(), 43);
        QCOMPARE(value("state").size(), 43);
        const QUrl redirect(value("redirect_uri"));
        QCOMPARE(redirect, flow.redirectUri());
        QCOMPARE(redirect.host(), QString("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        QVERIFY(!url.toEncoded().contains('+')); // a '+' would read as a space

        // A redirect without the right state is ignored; the right one is exchanged once.
        QSignalSpy granted(&flow, &LoopbackAuthorizationFlow::granted);
        QCOMPARE(browse(redirect, QStringLiteral("code=forged&state=wrong")), 200);
        QVERIFY(flow.isListening());
        QVERIFY(!flow.exchanged);
        QCOMPARE(browse(redirect, QStringLiteral("code=4%2Fabc&state=") + value("state")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(granted.size(), 1, 10'000);
        QCOMPARE(granted.first().first().value<OAuthTokens>().accessToken, QString("at-1"));
        QVERIFY(flow.exchanged);
        QCOMPARE(flow.exchanged->code, QString("4/abc")); // decoded once, not sent encoded
        QCOMPARE(LoopbackAuthorizationFlow::codeChallenge(flow.exchanged->verifier),
                 value("code_challenge"));
        QCOMPARE(flow.exchanged->redirectUri, redirect);
        QVERIFY(!flow.isListening());
    }

    void deniedConsentAndARefusedCodeFail() {
        {
            AcmeFlow flow(acmeRequest());
            QSignalSpy ready(&flow, &LoopbackAuthorizationFlow::authorizationUrlReady);
            QSignalSpy failed(&flow, &LoopbackAuthorizationFlow::failed);
            flow.start();
            const QUrlQuery query(ready.first().first().toUrl());
            browse(flow.redirectUri(), QStringLiteral("error=access_denied&state=") +
                                           query.queryItemValue(QStringLiteral("state")));
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
            QCOMPARE(failed.first().first().toString(),
                     QStringLiteral("Acme did not grant access (access_denied)"));
            QVERIFY(!flow.exchanged);
        }
        {
            AcmeFlow flow(acmeRequest());
            flow.answer = ProviderReply::localFailure(Failure::AuthRevoked,
                                                      QStringLiteral("Acme refused the code"));
            QSignalSpy ready(&flow, &LoopbackAuthorizationFlow::authorizationUrlReady);
            QSignalSpy failed(&flow, &LoopbackAuthorizationFlow::failed);
            QSignalSpy granted(&flow, &LoopbackAuthorizationFlow::granted);
            flow.start();
            const QUrlQuery query(ready.first().first().toUrl());
            browse(flow.redirectUri(), QStringLiteral("code=c1&state=") +
                                           query.queryItemValue(QStringLiteral("state")));
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10'000);
            QCOMPARE(failed.first().first().toString(), QStringLiteral("Acme refused the code"));
            QCOMPARE(granted.size(), 0);
        }
    }

    void cancelAndTimeoutStopListening() {
        AcmeFlow cancelled(acmeRequest());
        QSignalSpy failed(&cancelled, &LoopbackAuthorizationFlow::failed);
        cancelled.start();
        QVERIFY(cancelled.isListening());
        cancelled.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("Connecting Acme Calendar was cancelled"));
        QVERIFY(!cancelled.isListening());
        cancelled.cancel(); // once finished, nothing more is reported
        QCOMPARE(failed.size(), 1);

        AcmeFlow waiting(acmeRequest());
        waiting.setTimeout(10ms);
        QSignalSpy timedOut(&waiting, &LoopbackAuthorizationFlow::failed);
        waiting.start();
        QVERIFY(timedOut.wait(10'000));
        QVERIFY(timedOut.first().first().toString().startsWith(
            QLatin1String("Timed out waiting for Acme's redirect to http://127.0.0.1:")));
        QVERIFY(!waiting.isListening());
    }

    // ---- the keychain ---------------------------------------------------------------------

    void secretsAndTokensRoundTripThroughTheKeychain() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        OAuthTokenStore store;
        const QString key = QStringLiteral("test/integration/") +
                            QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto wait = [this](const std::function<void(std::function<void(Status)>)>& call) {
            std::optional<Status> status;
            call([&status](Status s) { status = std::move(s); });
            return waitFor(status).value_or(Error::notFound(QStringLiteral("timeout")));
        };
        const auto readSecret = [&] {
            std::optional<Result<QByteArray>> read;
            store.readSecret(key, this, [&read](Result<QByteArray> r) { read = std::move(r); });
            return waitFor(read).value_or(Error::notFound(QStringLiteral("timeout")));
        };
        const auto readTokens = [&] {
            std::optional<Result<OAuthTokens>> read;
            store.read(key, this, [&read](Result<OAuthTokens> r) { read = std::move(r); });
            return waitFor(read).value_or(Error::notFound(QStringLiteral("timeout")));
        };

        QVERIFY(wait([&](auto done) { store.probe(this, done); }));
        // A plain secret (a password, a private feed URL), bytes as they are.
        const QByteArray secret("pa\0ss w\xc3\xb6rd", 11);
        QVERIFY(wait([&](auto done) { store.writeSecret(key, secret, this, done); }));
        auto read = readSecret();
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(*read, secret);
        // It is no token entry.
        auto notTokens = readTokens();
        QVERIFY(!notTokens);
        QCOMPARE(notTokens.error().code, ErrorCode::NotFound);
        QVERIFY(notTokens.error().message.contains(QLatin1String("unreadable")));

        const OAuthTokens tokens{QStringLiteral("at"), QStringLiteral("rt"),
                                 test::utc("2026-12-01T10:00:00Z"), QStringLiteral("a b")};
        QVERIFY(wait([&](auto done) { store.write(key, tokens, this, done); }));
        auto back = readTokens();
        QVERIFY(back);
        QCOMPARE(back->accessToken, tokens.accessToken);
        QCOMPARE(back->refreshToken, tokens.refreshToken);
        QCOMPARE(back->expiresAt, tokens.expiresAt);
        QCOMPARE(back->scope, tokens.scope);
        QCOMPARE(*readSecret(), tokens.toJson());

        QVERIFY(wait([&](auto done) { store.remove(key, this, done); }));
        auto gone = readSecret();
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(wait([&](auto done) { store.remove(key, this, done); })); // missing = removed
    }
};

QTEST_GUILESS_MAIN(TestIntegrationLayer)
#include "tst_integrationlayer.moc"
