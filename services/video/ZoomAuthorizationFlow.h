#pragma once
// ZoomAuthorizationFlow: connecting a Zoom account the way Zoom documents for OAuth apps —
// authorization code with PKCE (S256) and a random state, the browser redirected to a listener
// on 127.0.0.1 only (a random port, QOAuthHttpServerReplyHandler as for Google). The code is
// exchanged by ZoomClient::exchangeCode (HTTP Basic client credentials), which stores the
// tokens in the keychain entry the client was made for.

#include "video/ZoomConfig.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QOAuthHttpServerReplyHandler;

namespace slotdesk::zoom {

class ZoomClient;

class ZoomAuthorizationFlow : public QObject {
    Q_OBJECT
public:
    ZoomAuthorizationFlow(Endpoints endpoints, ClientCredentials client, ZoomClient* tokens,
                          QObject* parent = nullptr);

    // Starts listening and emits authorizationUrlReady (or failed).
    void start();
    // Stops listening; failed("cancelled") unless the flow has already finished.
    void cancel();
    [[nodiscard]] QUrl redirectUri() const;

signals:
    void authorizationUrlReady(const QUrl& url);
    void granted();
    void failed(const QString& message);

private:
    void onCallback(const QVariantMap& values);
    void finish(bool ok, const QString& message);

    Endpoints m_endpoints;
    ClientCredentials m_client;
    ZoomClient* m_tokens;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QUrl m_redirect;
    QString m_state;
    QString m_verifier;
    bool m_done = false;
};

} // namespace slotdesk::zoom
