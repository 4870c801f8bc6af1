#pragma once
// ZoomConfig: where SlotDesk talks to Zoom and as which OAuth app. Endpoints default to Zoom's
// real ones and can be pointed elsewhere (a test server) through the environment. The client
// comes from $SLOTDESK_ZOOM_CLIENT_ID / $SLOTDESK_ZOOM_CLIENT_SECRET; without them its id is in
// the settings (zoom/clientId in QSettings("SlotDesk", "SlotDesk")) and its secret — a real
// secret, unlike Google's installed-app one — in the OS keychain only, beside the tokens
// (integration::KeychainSecretStore, key "zoom/client/<client id>"; tokens under
// "zoom/<integration id>").
// A secret an older SlotDesk left in the settings file is moved to the keychain.

#include "core/Result.h"
#include "integration/OAuthTokenEndpoint.h"
#include "integration/Provider.h"

#include <QString>
#include <QUrl>

#include <functional>

class QObject;

namespace slotdesk::integration {
class KeychainSecretStore;
}

namespace slotdesk::zoom {

// "Zoom" / "Zoom", for the messages of the shared integration pieces.
integration::Provider provider();
// "zoom/<integration id>"
QString keychainKeyFor(const QString& integrationId);

struct Endpoints {
    QUrl authorization; // SLOTDESK_ZOOM_AUTH_URL  (https://zoom.us/oauth/authorize)
    QUrl token;         // SLOTDESK_ZOOM_TOKEN_URL (https://zoom.us/oauth/token)
    QUrl api;           // SLOTDESK_ZOOM_API_URL   (https://api.zoom.us/v2)
    QUrl revoke;        // SLOTDESK_ZOOM_REVOKE_URL (https://zoom.us/oauth/revoke)

    static Endpoints fromEnvironment();
};

// Every call is asynchronous like the keychain: `done` runs later on the event loop, never
// inside the call, and not at all once `context` is gone.
struct ClientCredentials {
    QString clientId;
    QString clientSecret;

    // Zoom's token and revocation endpoints take the client as HTTP Basic credentials.
    [[nodiscard]] integration::OAuthClient oauthClient() const;
    // "zoom/client/<client id>": the keychain entry with that app's secret.
    static QString secretKeychainKey(const QString& clientId);

    // The id from the environment, else the settings; the secret from the environment, else the
    // keychain (after migrateSecret()). A Validation error naming clientId when either is
    // missing; an Internal one saying why when the keychain can't be used.
    static void load(integration::KeychainSecretStore* store, QObject* context,
                     std::function<void(Result<ClientCredentials>)> done);
    // What the desktop's dialog and `slotdesk-cli zoom set-client` keep: the secret goes to the
    // keychain and only then the id to the settings (an earlier app's secret is removed from
    // the keychain). Without a usable keychain nothing is written anywhere.
    static void save(const ClientCredentials& credentials, integration::KeychainSecretStore* store,
                     QObject* context, std::function<void(Status)> done);
    // A zoom/clientSecret an older SlotDesk wrote to the settings file goes to the keychain, and
    // is removed from the file only once the keychain has it. Success when there is none.
    static void migrateSecret(integration::KeychainSecretStore* store, QObject* context,
                              std::function<void(Status)> done);
};

} // namespace slotdesk::zoom
