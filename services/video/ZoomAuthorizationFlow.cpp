#include "video/ZoomAuthorizationFlow.h"

#include "calendar/GoogleAuthorizationFlow.h"
#include "video/ZoomClient.h"

#include <QOAuthHttpServerReplyHandler>
#include <QUrlQuery>

namespace slotdesk::zoom {

ZoomAuthorizationFlow::ZoomAuthorizationFlow(Endpoints endpoints, ClientCredentials client,
                                             ZoomClient* tokens, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_client(std::move(client))
    , m_tokens(tokens) {}

QUrl ZoomAuthorizationFlow::redirectUri() const {
    return m_redirect;
}

void ZoomAuthorizationFlow::start() {
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_handler->isListening()) {
        finish(false, QStringLiteral("Cannot listen on 127.0.0.1 for Zoom's redirect"));
        return;
    }
    m_handler->setCallbackText(tr("SlotDesk is now connected to Zoom. You can close this tab."));
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &ZoomAuthorizationFlow::onCallback);
    m_verifier = google::GoogleAuthorizationFlow::newCodeVerifier();
    // The state is another random 43-character string of the same kind.
    m_state = google::GoogleAuthorizationFlow::newCodeVerifier();
    QUrl url = m_endpoints.authorization;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_client.clientId);
    m_redirect = QUrl(m_handler->callback());
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirect.toString());
    query.addQueryItem(QStringLiteral("state"), m_state);
    query.addQueryItem(QStringLiteral("code_challenge"),
                       google::GoogleAuthorizationFlow::codeChallenge(m_verifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);
    emit authorizationUrlReady(url);
}

void ZoomAuthorizationFlow::cancel() {
    if (m_handler)
        m_handler->close();
    finish(false, QStringLiteral("Connecting Zoom was cancelled"));
}

void ZoomAuthorizationFlow::onCallback(const QVariantMap& values) {
    if (m_done)
        return;
    if (values.value(QStringLiteral("state")).toString() != m_state)
        return; // not our round-trip (or a forged one): keep listening
    if (m_handler)
        m_handler->close();
    const QString code = values.value(QStringLiteral("code")).toString();
    if (code.isEmpty()) {
        finish(false, QStringLiteral("Zoom did not grant access (%1)")
                          .arg(values.value(QStringLiteral("error")).toString()));
        return;
    }
    m_tokens->exchangeCode(code, m_verifier, m_redirect, this,
                           [this](GoogleReply reply) { finish(reply.ok(), reply.message); });
}

void ZoomAuthorizationFlow::finish(bool ok, const QString& message) {
    if (m_done)
        return;
    m_done = true;
    if (ok)
        emit granted();
    else
        emit failed(message);
}

} // namespace slotdesk::zoom
