#pragma once
// GoogleConfig: where SlotDesk talks to Google and as which OAuth client. The endpoints default
// to Google's real ones and can be pointed elsewhere (a test server) through the environment;
// the client comes from the environment or the settings the GUI writes.

#include "core/Result.h"
#include "integration/OAuthTokenEndpoint.h"
#include "integration/Provider.h"

#include <QString>
#include <QUrl>

namespace slotdesk::google {

// The OAuth scopes SlotDesk asks for: write its own events (and Meet links) and read busy
// time; calendar.readonly also covers `calendars/primary` for the connected account's name.
QString oauthScopes();
// "Google" / "Google Calendar", for the messages of the shared integration pieces.
integration::Provider provider();
// "google-calendar/<integration id>"
QString keychainKeyFor(const QString& integrationId);

struct Endpoints {
    QUrl authorization; // SLOTDESK_GOOGLE_AUTH_URL
    QUrl token;         // SLOTDESK_GOOGLE_TOKEN_URL
    QUrl revoke;        // SLOTDESK_GOOGLE_REVOKE_URL
    QUrl api;           // SLOTDESK_GOOGLE_API_URL, the Calendar API root (…/calendar/v3)

    static Endpoints fromEnvironment();
};

struct ClientCredentials {
    QString clientId;
    QString clientSecret;

    // As the token endpoint takes it: id and secret in the request body.
    [[nodiscard]] integration::OAuthClient oauthClient() const;
    // $SLOTDESK_GOOGLE_CLIENT_ID / _SECRET, else google/clientId and google/clientSecret in
    // QSettings("SlotDesk", "SlotDesk"). A Validation error naming clientId when neither has one.
    static Result<ClientCredentials> load();
    // Writes google/clientId and google/clientSecret to the settings (what the GUI asks for).
    static void saveToSettings(const ClientCredentials& credentials);
};

} // namespace slotdesk::google
