#pragma once
// GoogleConnector: connecting and disconnecting the admin's Google Calendar.
//  connect:    keychain check → loopback OAuth (GoogleAuthorizationFlow) → calendars/primary
//              (the account) → tokens into the keychain → integration row active. If the
//              keychain fails, the row stays disconnected and the fresh grant is revoked.
//  disconnect: revoke the grant at Google → delete the keychain entry → in one transaction
//              delete the synced events and owed calendar writes, status disconnected.

#include "calendar/GoogleConfig.h"
#include "core/Clock.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::storage {
class Database;
}
namespace slotdesk::integration {
class OAuthTokenStore;
struct OAuthTokens;
} // namespace slotdesk::integration
namespace slotdesk::google {
class GoogleAuthorizationFlow;
class GoogleOAuthClient;
} // namespace slotdesk::google

namespace slotdesk {

class GoogleConnector : public QObject {
    Q_OBJECT
public:
    GoogleConnector(storage::Database& database, google::Endpoints endpoints,
                    integration::OAuthTokenStore* store, google::GoogleOAuthClient* oauth,
                    QNetworkAccessManager* network, QObject* parent = nullptr);
    ~GoogleConnector() override;

    // Where "now" comes from for the new tokens' expiry (default: the system clock).
    void setClock(core::Clock clock) { m_clock = std::move(clock); }
    // The admin connect and disconnect act for (empty: the only one).
    void setAdminUsername(const QString& username) { m_username = username; }
    void connectAccount();
    void cancel();
    void disconnectIntegration(const QString& integrationId);

signals:
    void authorizationUrlReady(const QUrl& url);
    void connectFinished(bool ok, const QString& integrationId, const QString& message);
    void disconnectFinished(bool ok, const QString& integrationId, const QString& message);

private:
    void onGranted(const integration::OAuthTokens& tokens);
    void storeConnection(const integration::OAuthTokens& tokens, const QString& accountId,
                         const QString& summary);
    void finishConnect(bool ok, const QString& integrationId, const QString& message);
    // Gives back a grant SlotDesk can't use, then runs `then`.
    void revokeQuietly(const integration::OAuthTokens& tokens, std::function<void()> then);
    void finishDisconnect(const QString& integrationId, const QStringList& warnings,
                          bool tokensRemain);

    storage::Database& m_database;
    QString m_username;
    google::Endpoints m_endpoints;
    integration::OAuthTokenStore* m_store;
    google::GoogleOAuthClient* m_oauth;
    QNetworkAccessManager* m_network;
    core::Clock m_clock;
    QPointer<google::GoogleAuthorizationFlow> m_flow;
    QString m_userId;
    bool m_connecting = false;
};

} // namespace slotdesk
