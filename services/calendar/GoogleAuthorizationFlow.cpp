#include "calendar/GoogleAuthorizationFlow.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>

// The category is GoogleOAuthClient.cpp's: one definition for one name.
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace slotdesk::google {
namespace {

constexpr std::chrono::minutes kDefaultTimeout{10};

// `words` × 32 random bits from the OS, base64url without padding.
QString randomUrlSafe() {
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words), sizeof(words))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

GoogleAuthorizationFlow::GoogleAuthorizationFlow(Endpoints endpoints, ClientCredentials client,
                                                 QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_client(std::move(client))
    , m_network(new QNetworkAccessManager(this))
    , m_flow(new QOAuth2AuthorizationCodeFlow(m_network, this))
    , m_state(randomUrlSafe())
    , m_verifier(newCodeVerifier()) {
    m_flow->setAuthorizationUrl(m_endpoints.authorization);
    m_flow->setAccessTokenUrl(m_endpoints.token);
    m_flow->setClientIdentifier(m_client.clientId);
    if (!m_client.clientSecret.isEmpty())
        m_flow->setClientIdentifierSharedKey(m_client.clientSecret);
    m_flow->setScope(oauthScopes());
    m_flow->setState(m_state);
    // Qt 6.4 knows no PKCE: add it to the two requests it builds.
    const QString verifier = m_verifier;
    const QString challenge = codeChallenge(m_verifier);
    m_flow->setModifyParametersFunction(
        [verifier, challenge](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant>* p) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                p->replace(QStringLiteral("code_challenge"), challenge);
                p->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
                p->replace(QStringLiteral("access_type"), QStringLiteral("offline"));
                p->replace(QStringLiteral("prompt"), QStringLiteral("consent"));
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                p->replace(QStringLiteral("code_verifier"), verifier);
                // Qt 6.4 passes the code on as it arrived in the redirect; one that came
                // percent-encoded ("4%2F...") would be sent encoded twice. Codes hold no '%'.
                const QString code = p->value(QStringLiteral("code")).toString();
                if (code.contains(u'%'))
                    p->replace(QStringLiteral("code"), QUrl::fromPercentEncoding(code.toLatin1()));
            }
        });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            &GoogleAuthorizationFlow::authorizationUrlReady);
    connect(m_flow, &QAbstractOAuth::granted, this, &GoogleAuthorizationFlow::onGranted);
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString& error, const QString& description, const QUrl&) {
                fail(QStringLiteral("Google did not grant access (%1%2)")
                         .arg(error, description.isEmpty() ? QString()
                                                           : QStringLiteral(": ") + description));
            });
    // Qt 6.4 drops failed token responses silently; watch them here.
    connect(m_network, &QNetworkAccessManager::finished, this,
            &GoogleAuthorizationFlow::onTokenReply);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kDefaultTimeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("Timed out waiting for Google's redirect to %1")
                 .arg(redirectUri().toString()));
    });
}

GoogleAuthorizationFlow::~GoogleAuthorizationFlow() {
    closeListener();
}

void GoogleAuthorizationFlow::setTimeout(std::chrono::milliseconds timeout) {
    m_timeout.setInterval(timeout);
}

QString GoogleAuthorizationFlow::newCodeVerifier() {
    return randomUrlSafe(); // 32 bytes → 43 characters of [A-Za-z0-9_-]
}

QString GoogleAuthorizationFlow::codeChallenge(const QString& verifier) {
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QUrl GoogleAuthorizationFlow::redirectUri() const {
    return m_handler ? QUrl(m_handler->callback()) : QUrl();
}

bool GoogleAuthorizationFlow::isListening() const {
    return m_handler && m_handler->isListening();
}

void GoogleAuthorizationFlow::start() {
    // The handler would listen on every interface by default: loopback only.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_handler->isListening()) {
        fail(QStringLiteral("Cannot listen on 127.0.0.1 for Google's redirect"));
        return;
    }
    m_handler->setCallbackText(
        tr("SlotDesk is now connected to Google Calendar. You can close this tab."));
    // Connected before the flow's own handler, so this sees each callback first.
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &GoogleAuthorizationFlow::onCallback);
    m_flow->setReplyHandler(m_handler);
    m_timeout.start();
    qCInfo(lcOAuth) << "waiting for Google's redirect on" << redirectUri().toString();
    m_flow->grant();
}

void GoogleAuthorizationFlow::cancel() {
    fail(QStringLiteral("Connecting Google Calendar was cancelled"));
}

void GoogleAuthorizationFlow::onCallback(const QVariantMap& values) {
    if (m_callbackAccepted || m_done)
        return;
    if (values.value(QStringLiteral("state")).toString() != m_state) {
        // Not our browser round-trip (or a forged one): ignore it and keep listening.
        qCWarning(lcOAuth) << "ignored a redirect with a wrong or missing state";
        return;
    }
    m_callbackAccepted = true;
    // One valid callback is all there will be: stop listening once this answer is written.
    QMetaObject::invokeMethod(this, &GoogleAuthorizationFlow::closeListener, Qt::QueuedConnection);
    if (values.contains(QStringLiteral("error")))
        fail(QStringLiteral("Google did not grant access (%1)")
                 .arg(values.value(QStringLiteral("error")).toString()));
}

void GoogleAuthorizationFlow::onTokenReply(QNetworkReply* reply) {
    if (m_done ||
        reply->url().adjusted(QUrl::RemoveQuery) != m_endpoints.token.adjusted(QUrl::RemoveQuery))
        return;
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->peek(reply->bytesAvailable());
        QString reason;
        if (const auto json = QJsonDocument::fromJson(body); json.isObject())
            reason = json.object().value(QLatin1String("error")).toString();
        fail(status == 0 ? QStringLiteral("Google's token endpoint could not be reached: %1")
                               .arg(reply->errorString().simplified())
                         : QStringLiteral("Google refused the authorization code (HTTP %1%2)")
                               .arg(status)
                               .arg(reason.isEmpty() ? QString() : QStringLiteral(", ") + reason));
        return;
    }
    // A 2xx the flow could not use (no access token, odd content type) never reaches granted.
    QTimer::singleShot(0, this, [this] {
        if (!m_done && m_flow->status() != QAbstractOAuth::Status::Granted)
            fail(QStringLiteral("Google's token endpoint sent an unusable answer"));
    });
}

void GoogleAuthorizationFlow::onGranted() {
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    closeListener();
    GoogleTokens tokens;
    tokens.accessToken = m_flow->token();
    tokens.refreshToken = m_flow->refreshToken();
    if (m_flow->expirationAt().isValid())
        tokens.expiresAt = m_flow->expirationAt().toUTC();
    // Nothing of the grant stays in this object.
    m_flow->setToken({});
    m_flow->setRefreshToken({});
    emit granted(tokens);
}

void GoogleAuthorizationFlow::fail(const QString& message) {
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    closeListener();
    qCWarning(lcOAuth) << "authorization failed:" << message;
    emit failed(message);
}

void GoogleAuthorizationFlow::closeListener() {
    if (m_handler && m_handler->isListening())
        m_handler->close();
}

} // namespace slotdesk::google
