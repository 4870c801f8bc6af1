#pragma once
// ZoomConfig: where SlotDesk talks to Zoom and as which OAuth app. Endpoints default to Zoom's
// real ones and can be pointed elsewhere (a test server) through the environment; the client
// comes from $SLOTDESK_ZOOM_CLIENT_ID / $SLOTDESK_ZOOM_CLIENT_SECRET. Tokens are filed in the
// OS keychain through google::TokenStore (same service, key "zoom/<integration id>").

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace slotdesk::zoom {

// "zoom/<integration id>"
QString keychainKeyFor(const QString& integrationId);

struct Endpoints {
    QUrl authorization; // SLOTDESK_ZOOM_AUTH_URL  (https://zoom.us/oauth/authorize)
    QUrl token;         // SLOTDESK_ZOOM_TOKEN_URL (https://zoom.us/oauth/token)
    QUrl api;           // SLOTDESK_ZOOM_API_URL   (https://api.zoom.us/v2)

    static Endpoints fromEnvironment();
};

struct ClientCredentials {
    QString clientId;
    QString clientSecret;

    // Zoom's token endpoint takes the client as HTTP Basic credentials.
    [[nodiscard]] QByteArray basicAuthorization() const;
    // A Validation error naming clientId when either is missing.
    static Result<ClientCredentials> load();
};

} // namespace slotdesk::zoom
