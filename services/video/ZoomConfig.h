#pragma once
// ZoomConfig: where SlotDesk talks to Zoom and as which OAuth app. Endpoints default to Zoom's
// real ones and can be pointed elsewhere (a test server) through the environment; the client
// comes from $SLOTDESK_ZOOM_CLIENT_ID / $SLOTDESK_ZOOM_CLIENT_SECRET, else from the settings the
// GUI writes (zoom/clientId, zoom/clientSecret in QSettings("SlotDesk", "SlotDesk")), as for
// Google. Tokens are filed in the
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
    QUrl revoke;        // SLOTDESK_ZOOM_REVOKE_URL (https://zoom.us/oauth/revoke)

    static Endpoints fromEnvironment();
};

struct ClientCredentials {
    QString clientId;
    QString clientSecret;

    // Zoom's token endpoint takes the client as HTTP Basic credentials.
    [[nodiscard]] QByteArray basicAuthorization() const;
    // The environment, else the settings. A Validation error naming clientId when either is
    // missing.
    static Result<ClientCredentials> load();
    // Writes zoom/clientId and zoom/clientSecret to the settings (what the GUI asks for).
    static void saveToSettings(const ClientCredentials& credentials);
};

} // namespace slotdesk::zoom
