#include "video/ZoomConfig.h"

#include "integration/KeychainSecretStore.h"

#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcZoomConfig, "slotdesk.video.config")

namespace slotdesk::zoom {
namespace {

QUrl urlFromEnvironment(const char* name, const char* fallback) {
    const QString value = qEnvironmentVariable(name);
    return QUrl(value.isEmpty() ? QString::fromLatin1(fallback) : value);
}

const QString kIdSetting = QStringLiteral("zoom/clientId");
const QString kSecretSetting = QStringLiteral("zoom/clientSecret");

Error notConfigured() {
    return Error::validation(
        QStringLiteral("clientId"),
        QStringLiteral("No Zoom OAuth app is configured: set SLOTDESK_ZOOM_CLIENT_ID and "
                       "SLOTDESK_ZOOM_CLIENT_SECRET, or save one with `slotdesk-cli zoom "
                       "set-client` or the desktop app (see docs/ZOOM.md)"));
}

Error keychainTrouble(const Error& keychain) {
    return {ErrorCode::Internal,
            QStringLiteral("The Zoom client secret is kept in the system keychain only, and it "
                           "could not be used: ") +
                keychain.message,
            {}};
}

Status settingsWritten(const QSettings& settings) {
    if (settings.status() == QSettings::NoError)
        return success();
    return Error{
        ErrorCode::Internal,
        QStringLiteral("Cannot write SlotDesk's settings file %1").arg(settings.fileName()),
        {}};
}

} // namespace

integration::Provider provider() {
    return {QStringLiteral("Zoom"), QStringLiteral("Zoom")};
}

QString keychainKeyFor(const QString& integrationId) {
    return QStringLiteral("zoom/") + integrationId;
}

Endpoints Endpoints::fromEnvironment() {
    return {urlFromEnvironment("SLOTDESK_ZOOM_AUTH_URL", "https://zoom.us/oauth/authorize"),
            urlFromEnvironment("SLOTDESK_ZOOM_TOKEN_URL", "https://zoom.us/oauth/token"),
            urlFromEnvironment("SLOTDESK_ZOOM_API_URL", "https://api.zoom.us/v2"),
            urlFromEnvironment("SLOTDESK_ZOOM_REVOKE_URL", "https://zoom.us/oauth/revoke")};
}

integration::OAuthClient ClientCredentials::oauthClient() const {
    return {clientId, clientSecret, integration::OAuthClient::Authentication::HttpBasic};
}

QString ClientCredentials::secretKeychainKey(const QString& clientId) {
    return QStringLiteral("zoom/client/") + clientId;
}

void ClientCredentials::load(integration::KeychainSecretStore* store, QObject* context,
                             std::function<void(Result<ClientCredentials>)> done) {
    migrateSecret(store, context, [store, context, done = std::move(done)](Status migrated) {
        ClientCredentials credentials{
            qEnvironmentVariable("SLOTDESK_ZOOM_CLIENT_ID").trimmed(),
            qEnvironmentVariable("SLOTDESK_ZOOM_CLIENT_SECRET").trimmed()};
        if (credentials.clientId.isEmpty())
            credentials.clientId = QSettings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"))
                                       .value(kIdSetting)
                                       .toString()
                                       .trimmed();
        if (credentials.clientId.isEmpty()) {
            done(notConfigured());
            return;
        }
        if (!credentials.clientSecret.isEmpty()) {
            if (!migrated)
                qCWarning(lcZoomConfig) << migrated.error().message;
            done(credentials); // the environment wins
            return;
        }
        if (!migrated) {
            done(migrated.error());
            return;
        }
        store->readSecret(secretKeychainKey(credentials.clientId), context,
                          [credentials, done](Result<QByteArray> secret) mutable {
                              if (!secret) {
                                  done(secret.error().code == ErrorCode::NotFound
                                           ? notConfigured()
                                           : keychainTrouble(secret.error()));
                                  return;
                              }
                              credentials.clientSecret = QString::fromUtf8(*secret).trimmed();
                              if (credentials.clientSecret.isEmpty())
                                  done(notConfigured());
                              else
                                  done(credentials);
                          });
    });
}

void ClientCredentials::save(const ClientCredentials& credentials,
                             integration::KeychainSecretStore* store, QObject* context,
                             std::function<void(Status)> done) {
    const QString id = credentials.clientId.trimmed();
    const QString secret = credentials.clientSecret.trimmed();
    if (id.isEmpty() || secret.isEmpty()) {
        const Error missing = id.isEmpty()
                                  ? Error::validation(QStringLiteral("clientId"),
                                                      QStringLiteral("Enter the client ID"))
                                  : Error::validation(QStringLiteral("clientSecret"),
                                                      QStringLiteral("Enter the client secret"));
        QMetaObject::invokeMethod(
            context, [missing, done = std::move(done)] { done(missing); }, Qt::QueuedConnection);
        return;
    }
    store->writeSecret(
        secretKeychainKey(id), secret.toUtf8(), context,
        [store, context, id, done = std::move(done)](Status written) {
            if (!written) {
                done(keychainTrouble(written.error()));
                return;
            }
            QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
            const QString previous = settings.value(kIdSetting).toString().trimmed();
            settings.setValue(kIdSetting, id);
            settings.remove(kSecretSetting);
            settings.sync();
            if (!previous.isEmpty() && previous != id)
                store->remove(secretKeychainKey(previous), context, [](const Status&) {});
            done(settingsWritten(settings));
        });
}

void ClientCredentials::migrateSecret(integration::KeychainSecretStore* store, QObject* context,
                                      std::function<void(Status)> done) {
    const QSettings before(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
    const QString secret = before.value(kSecretSetting).toString().trimmed();
    const QString id = before.value(kIdSetting).toString().trimmed();
    if (secret.isEmpty() || id.isEmpty()) {
        // Nothing to move (a secret without an id names no app; it is left alone).
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(success()); }, Qt::QueuedConnection);
        return;
    }
    store->writeSecret(
        secretKeychainKey(id), secret.toUtf8(), context,
        [id, secret, done = std::move(done)](Status written) {
            if (!written) {
                done(keychainTrouble(written.error()));
                return;
            }
            QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
            // Only what was moved: a value changed meanwhile waits for the next start.
            if (settings.value(kIdSetting).toString().trimmed() == id &&
                settings.value(kSecretSetting).toString().trimmed() == secret) {
                settings.remove(kSecretSetting);
                settings.sync();
            }
            if (auto s = settingsWritten(settings); !s) {
                done(s);
                return;
            }
            qCInfo(lcZoomConfig) << "moved the Zoom client secret from the settings file to the "
                                    "system keychain";
            done(success());
        });
}

} // namespace slotdesk::zoom
