#pragma once
// GoogleOAuthClient: the token endpoint's refresh grant and the revocation endpoint, as Google
// documents them for installed apps. (The authorization-code grant is GoogleAuthorizationFlow's.)

#include "calendar/GoogleConfig.h"
#include "core/Clock.h"
#include "integration/OAuthTokens.h"
#include "integration/ProviderReply.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::google {

class GoogleOAuthClient : public QObject {
    Q_OBJECT
public:
    GoogleOAuthClient(Endpoints endpoints, QNetworkAccessManager* network,
                      QObject* parent = nullptr);

    // Where "now" comes from for a new token's expiry (default: the system clock).
    void setClock(core::Clock clock) { m_clock = std::move(clock); }

    // New access token for `tokens.refreshToken`. Google usually sends no new refresh token:
    // the old one is kept then (and a new one stored if it does). AuthRevoked on invalid_grant.
    void refresh(const integration::OAuthTokens& tokens, QObject* context,
                 std::function<void(integration::ProviderReply, integration::OAuthTokens)> done);
    // Revokes the grant behind `token` (a refresh token revokes the whole grant).
    // `done` is not called if `context` is destroyed first.
    void revoke(const QString& token, QObject* context,
                std::function<void(integration::ProviderReply)> done);

private:
    Endpoints m_endpoints;
    QNetworkAccessManager* m_network;
    core::Clock m_clock;
};

} // namespace slotdesk::google
