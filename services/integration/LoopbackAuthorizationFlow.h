#pragma once
// LoopbackAuthorizationFlow: connecting an account with OAuth 2.0 for native apps (RFC 8252) —
// the way Google and Zoom both document it. The browser is sent to the provider's authorization
// endpoint with PKCE S256 (RFC 7636) and a random 256-bit state; QOAuthHttpServerReplyHandler
// listens for its redirect on 127.0.0.1 only, on a random port, and stops listening after the
// first callback that carries the right state (others are ignored). The code is then exchanged
// by the provider's subclass (its token endpoint, its client authentication) and the tokens are
// handed over once in granted(); nothing of them stays here. A flow is used once.
//
// A provider subclasses it: the constructor says where to send the browser (endpoint, client id,
// scope, extra parameters, the text the browser tab shows) and exchangeCode() does the rest.

#include "integration/OAuthTokenEndpoint.h"
#include "integration/OAuthTokens.h"
#include "integration/Provider.h"
#include "integration/ProviderReply.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class QOAuthHttpServerReplyHandler;

namespace slotdesk::integration {

struct AuthorizationRequest {
    Provider provider;
    QUrl endpoint; // the provider's authorization endpoint
    QString clientId;
    QString scope;              // space-separated; empty: no scope parameter
    FormFields extraParameters; // e.g. Google's access_type=offline and prompt=consent
    QString successText;        // what the browser tab says after the redirect
};

class LoopbackAuthorizationFlow : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::minutes kDefaultTimeout{10};

    ~LoopbackAuthorizationFlow() override;

    // Starts listening and emits authorizationUrlReady (or failed).
    void start();
    // failed("Connecting … was cancelled") unless the flow has already finished.
    void cancel();
    // How long to wait for the browser and the code exchange before giving up.
    void setTimeout(std::chrono::milliseconds timeout);

    // The loopback address the provider redirects to (valid once started).
    [[nodiscard]] QUrl redirectUri() const { return m_redirect; }
    [[nodiscard]] bool isListening() const;

    // The PKCE pair: a 43-character verifier and its S256 challenge (RFC 7636).
    static QString newCodeVerifier();
    static QString codeChallenge(const QString& verifier);

signals:
    void authorizationUrlReady(const QUrl& url);
    void granted(const slotdesk::integration::OAuthTokens& tokens);
    void failed(const QString& message);

protected:
    LoopbackAuthorizationFlow(AuthorizationRequest request, QObject* parent);

    // Exchanges `code` at the provider's token endpoint; `done` runs on the event loop (use this
    // flow as the context: a flow deleted meanwhile is not called back).
    virtual void exchangeCode(const AuthorizationCode& code, OAuthTokenEndpoint::Done done) = 0;

private:
    [[nodiscard]] QUrl authorizationUrl() const;
    void onCallback(const QVariantMap& values);
    void succeed(const OAuthTokens& tokens);
    void fail(const QString& message);
    void closeListener();

    AuthorizationRequest m_request;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QUrl m_redirect;
    QString m_state;
    QString m_verifier;
    QTimer m_timeout;
    bool m_callbackAccepted = false;
    bool m_done = false;
};

} // namespace slotdesk::integration
