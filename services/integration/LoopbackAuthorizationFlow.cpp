#include "integration/LoopbackAuthorizationFlow.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUrlQuery>

// The category is OAuthTokenEndpoint.cpp's: one definition for one name.
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)

namespace slotdesk::integration {
namespace {

// 8 × 32 random bits from the OS, base64url without padding: 43 characters of [A-Za-z0-9_-].
QString randomUrlSafe() {
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words), sizeof(words))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

LoopbackAuthorizationFlow::LoopbackAuthorizationFlow(AuthorizationRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_state(randomUrlSafe())
    , m_verifier(newCodeVerifier()) {
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kDefaultTimeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("Timed out waiting for %1's redirect to %2")
                 .arg(m_request.provider.name, m_redirect.toString()));
    });
}

LoopbackAuthorizationFlow::~LoopbackAuthorizationFlow() {
    closeListener();
}

void LoopbackAuthorizationFlow::setTimeout(std::chrono::milliseconds timeout) {
    m_timeout.setInterval(timeout);
}

QString LoopbackAuthorizationFlow::newCodeVerifier() {
    return randomUrlSafe();
}

QString LoopbackAuthorizationFlow::codeChallenge(const QString& verifier) {
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool LoopbackAuthorizationFlow::isListening() const {
    return m_handler && m_handler->isListening();
}

QUrl LoopbackAuthorizationFlow::authorizationUrl() const {
    FormFields fields{{QStringLiteral("response_type"), QStringLiteral("code")},
                      {QStringLiteral("client_id"), m_request.clientId},
                      {QStringLiteral("redirect_uri"), m_redirect.toString()},
                      {QStringLiteral("state"), m_state},
                      {QStringLiteral("code_challenge"), codeChallenge(m_verifier)},
                      {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    if (!m_request.scope.isEmpty())
        fields.append({QStringLiteral("scope"), m_request.scope});
    fields.append(m_request.extraParameters);
    QUrl url = m_request.endpoint;
    QUrlQuery query(url); // any parameters the endpoint already has are kept
    // Percent-encoded here, so that no '+', '&' or '=' in a value is read as something else.
    for (const auto& [name, value] : std::as_const(fields))
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}

void LoopbackAuthorizationFlow::start() {
    // The handler would listen on every interface by default: loopback only.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_handler->isListening()) {
        fail(QStringLiteral("Cannot listen on 127.0.0.1 for %1's redirect")
                 .arg(m_request.provider.name));
        return;
    }
    m_handler->setCallbackText(m_request.successText);
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &LoopbackAuthorizationFlow::onCallback);
    m_redirect = QUrl(m_handler->callback());
    m_timeout.start();
    qCInfo(lcOAuth).noquote() << "waiting for" << m_request.provider.name << "redirect on"
                              << m_redirect.toString();
    emit authorizationUrlReady(authorizationUrl());
}

void LoopbackAuthorizationFlow::cancel() {
    fail(QStringLiteral("Connecting %1 was cancelled").arg(m_request.provider.product));
}

void LoopbackAuthorizationFlow::onCallback(const QVariantMap& values) {
    if (m_callbackAccepted || m_done)
        return;
    if (values.value(QStringLiteral("state")).toString() != m_state) {
        // Not our browser round-trip (or a forged one): ignore it and keep listening.
        qCWarning(lcOAuth) << "ignored a redirect with a wrong or missing state";
        return;
    }
    m_callbackAccepted = true;
    // One valid callback is all there will be: stop listening once this answer is written.
    QMetaObject::invokeMethod(this, &LoopbackAuthorizationFlow::closeListener,
                              Qt::QueuedConnection);
    QString code = values.value(QStringLiteral("code")).toString();
    if (code.isEmpty()) {
        fail(QStringLiteral("%1 did not grant access (%2)")
                 .arg(m_request.provider.name, values.value(QStringLiteral("error")).toString()));
        return;
    }
    // The reply handler passes the code on as it arrived in the redirect; one that came
    // percent-encoded ("4%2F...") would be sent encoded twice. Codes hold no '%' themselves.
    if (code.contains(u'%'))
        code = QUrl::fromPercentEncoding(code.toLatin1());
    exchangeCode({code, m_verifier, m_redirect}, [this](ProviderReply reply, OAuthTokens tokens) {
        if (reply.ok())
            succeed(tokens);
        else
            fail(reply.message);
    });
}

void LoopbackAuthorizationFlow::succeed(const OAuthTokens& tokens) {
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    closeListener();
    emit granted(tokens);
}

void LoopbackAuthorizationFlow::fail(const QString& message) {
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    closeListener();
    qCWarning(lcOAuth).noquote() << "authorization failed:" << message;
    emit failed(message);
}

void LoopbackAuthorizationFlow::closeListener() {
    if (m_handler && m_handler->isListening())
        m_handler->close();
}

} // namespace slotdesk::integration
