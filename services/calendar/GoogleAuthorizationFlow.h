#pragma once
// GoogleAuthorizationFlow: OAuth 2.0 for installed apps, the loopback way Google documents.
// QOAuth2AuthorizationCodeFlow drives it; QOAuthHttpServerReplyHandler listens on 127.0.0.1
// only (a random port) for the browser's redirect. PKCE S256 (code_challenge on the
// authorization request, code_verifier on the token request) and a random 256-bit state are
// added through setModifyParametersFunction / setState; the listener closes after the first
// callback that carries the right state. Tokens are handed over once and kept nowhere here.

#include "calendar/GoogleConfig.h"
#include "calendar/GoogleTokens.h"
#include "core/Error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace slotdesk::google {

class GoogleAuthorizationFlow : public QObject {
    Q_OBJECT
public:
    GoogleAuthorizationFlow(Endpoints endpoints, ClientCredentials client,
                            QObject* parent = nullptr);
    ~GoogleAuthorizationFlow() override;

    // Starts listening and emits authorizationUrlReady (or failed).
    void start();
    void cancel();
    // How long to wait for the browser before giving up (default 10 minutes).
    void setTimeout(std::chrono::milliseconds timeout);

    [[nodiscard]] QUrl redirectUri() const;
    [[nodiscard]] bool isListening() const;

    // The PKCE pair: a 43-character verifier and its S256 challenge (RFC 7636).
    static QString newCodeVerifier();
    static QString codeChallenge(const QString& verifier);

signals:
    void authorizationUrlReady(const QUrl& url);
    void granted(const slotdesk::google::GoogleTokens& tokens);
    void failed(const QString& message);

private:
    void onCallback(const QVariantMap& values);
    void onTokenReply(QNetworkReply* reply);
    void onGranted();
    void fail(const QString& message);
    void closeListener();

    Endpoints m_endpoints;
    ClientCredentials m_client;
    QNetworkAccessManager* m_network = nullptr;
    QOAuth2AuthorizationCodeFlow* m_flow = nullptr;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QString m_state;
    QString m_verifier;
    QTimer m_timeout;
    bool m_done = false;
    bool m_callbackAccepted = false;
};

} // namespace slotdesk::google
