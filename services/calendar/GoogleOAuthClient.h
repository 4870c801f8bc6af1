#pragma once
// GoogleOAuthClient: the token endpoint's refresh grant and the revocation endpoint, as Google
// documents them for installed apps. (The authorization-code grant is GoogleAuthorizationFlow's.)

#include "calendar/GoogleConfig.h"
#include "calendar/GoogleReply.h"
#include "calendar/GoogleTokens.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::google {

class GoogleOAuthClient : public QObject {
    Q_OBJECT
public:
    GoogleOAuthClient(Endpoints endpoints, QNetworkAccessManager* network,
                      QObject* parent = nullptr);

    // New access token for `tokens.refreshToken`. Google usually sends no new refresh token:
    // the old one is kept then (and a new one stored if it does). AuthRevoked on invalid_grant.
    void refresh(const GoogleTokens& tokens, QObject* context,
                 std::function<void(GoogleReply, GoogleTokens)> done);
    // Revokes the grant behind `token` (a refresh token revokes the whole grant).
    // `done` is not called if `context` is destroyed first.
    void revoke(const QString& token, QObject* context, std::function<void(GoogleReply)> done);

private:
    Endpoints m_endpoints;
    QNetworkAccessManager* m_network;
};

} // namespace slotdesk::google
