#include "video/ZoomConfig.h"

#include <QSettings>

namespace slotdesk::zoom {
namespace {

QUrl urlFromEnvironment(const char* name, const char* fallback) {
    const QString value = qEnvironmentVariable(name);
    return QUrl(value.isEmpty() ? QString::fromLatin1(fallback) : value);
}

} // namespace

QString keychainKeyFor(const QString& integrationId) {
    return QStringLiteral("zoom/") + integrationId;
}

Endpoints Endpoints::fromEnvironment() {
    return {urlFromEnvironment("SLOTDESK_ZOOM_AUTH_URL", "https://zoom.us/oauth/authorize"),
            urlFromEnvironment("SLOTDESK_ZOOM_TOKEN_URL", "https://zoom.us/oauth/token"),
            urlFromEnvironment("SLOTDESK_ZOOM_API_URL", "https://api.zoom.us/v2"),
            urlFromEnvironment("SLOTDESK_ZOOM_REVOKE_URL", "https://zoom.us/oauth/revoke")};
}

QByteArray ClientCredentials::basicAuthorization() const {
    return QByteArrayLiteral("Basic ") +
           (clientId + QLatin1Char(':') + clientSecret).toUtf8().toBase64();
}

Result<ClientCredentials> ClientCredentials::load() {
    ClientCredentials credentials{qEnvironmentVariable("SLOTDESK_ZOOM_CLIENT_ID").trimmed(),
                                  qEnvironmentVariable("SLOTDESK_ZOOM_CLIENT_SECRET").trimmed()};
    if (credentials.clientId.isEmpty()) {
        const QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
        credentials.clientId = settings.value(QStringLiteral("zoom/clientId")).toString().trimmed();
        credentials.clientSecret =
            settings.value(QStringLiteral("zoom/clientSecret")).toString().trimmed();
    }
    if (credentials.clientId.isEmpty() || credentials.clientSecret.isEmpty())
        return Error::validation(
            QStringLiteral("clientId"),
            QStringLiteral("No Zoom OAuth app is configured: set SLOTDESK_ZOOM_CLIENT_ID and "
                           "SLOTDESK_ZOOM_CLIENT_SECRET (see docs/ZOOM.md)"));
    return credentials;
}

void ClientCredentials::saveToSettings(const ClientCredentials& credentials) {
    QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
    settings.setValue(QStringLiteral("zoom/clientId"), credentials.clientId.trimmed());
    settings.setValue(QStringLiteral("zoom/clientSecret"), credentials.clientSecret.trimmed());
}

} // namespace slotdesk::zoom
