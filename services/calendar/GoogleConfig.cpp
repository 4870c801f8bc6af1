#include "calendar/GoogleConfig.h"

#include <QSettings>

namespace slotdesk::google {
namespace {

QUrl urlFromEnvironment(const char* name, const char* fallback) {
    const QString value = qEnvironmentVariable(name);
    return QUrl(value.isEmpty() ? QString::fromLatin1(fallback) : value);
}

} // namespace

QString oauthScopes() {
    return QStringLiteral("https://www.googleapis.com/auth/calendar.events "
                          "https://www.googleapis.com/auth/calendar.readonly");
}

integration::Provider provider() {
    return {QStringLiteral("Google"), QStringLiteral("Google Calendar")};
}

QString keychainKeyFor(const QString& integrationId) {
    return QStringLiteral("google-calendar/") + integrationId;
}

Endpoints Endpoints::fromEnvironment() {
    return {
        urlFromEnvironment("SLOTDESK_GOOGLE_AUTH_URL",
                           "https://accounts.google.com/o/oauth2/v2/auth"),
        urlFromEnvironment("SLOTDESK_GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token"),
        urlFromEnvironment("SLOTDESK_GOOGLE_REVOKE_URL", "https://oauth2.googleapis.com/revoke"),
        urlFromEnvironment("SLOTDESK_GOOGLE_API_URL", "https://www.googleapis.com/calendar/v3")};
}

integration::OAuthClient ClientCredentials::oauthClient() const {
    return {clientId, clientSecret, integration::OAuthClient::Authentication::RequestBody};
}

Result<ClientCredentials> ClientCredentials::load() {
    ClientCredentials credentials{qEnvironmentVariable("SLOTDESK_GOOGLE_CLIENT_ID"),
                                  qEnvironmentVariable("SLOTDESK_GOOGLE_CLIENT_SECRET")};
    if (credentials.clientId.isEmpty()) {
        const QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
        credentials.clientId = settings.value(QStringLiteral("google/clientId")).toString();
        credentials.clientSecret = settings.value(QStringLiteral("google/clientSecret")).toString();
    }
    credentials.clientId = credentials.clientId.trimmed();
    credentials.clientSecret = credentials.clientSecret.trimmed();
    if (credentials.clientId.isEmpty())
        return Error::validation(
            QStringLiteral("clientId"),
            QStringLiteral("No Google OAuth client is configured: set SLOTDESK_GOOGLE_CLIENT_ID "
                           "and SLOTDESK_GOOGLE_CLIENT_SECRET (see docs/GOOGLE.md)"));
    return credentials;
}

void ClientCredentials::saveToSettings(const ClientCredentials& credentials) {
    QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
    settings.setValue(QStringLiteral("google/clientId"), credentials.clientId.trimmed());
    settings.setValue(QStringLiteral("google/clientSecret"), credentials.clientSecret.trimmed());
}

} // namespace slotdesk::google
