#pragma once
// GoogleSession: authorized Calendar API calls for one integration. It reads the tokens from the
// keychain once, refreshes the access token shortly before it expires (storing the result back
// in the keychain), and when Google still answers 401 refreshes once more and resends once.

#include "calendar/GoogleConfig.h"
#include "core/Clock.h"
#include "integration/OAuthTokens.h"
#include "integration/ProviderReply.h"

#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>
#include <QVector>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace slotdesk::integration {
class OAuthTokenStore;
}

namespace slotdesk::google {

class GoogleOAuthClient;

class GoogleSession : public QObject {
    Q_OBJECT
public:
    GoogleSession(QString keychainKey, Endpoints endpoints, integration::OAuthTokenStore* store,
                  GoogleOAuthClient* oauth, QNetworkAccessManager* network,
                  QObject* parent = nullptr);

    // Where "now" comes from when deciding whether the access token is stale (default: the
    // system clock).
    void setClock(core::Clock clock) { m_clock = std::move(clock); }

    // `path` is relative to the API root ("/calendars/primary/events"); `body` is sent as JSON
    // when not empty. Keychain and refresh failures arrive as the reply's failure.
    void call(const QByteArray& verb, const QString& path, const QUrlQuery& query,
              const QJsonObject& body, std::function<void(integration::ProviderReply)> done);
    // Makes sure a usable access token is at hand (reads, refreshes as needed).
    void prepare(std::function<void(integration::ProviderReply)> done);

    // When the current access token expires (invalid before the first call).
    [[nodiscard]] QDateTime tokenExpiresAt() const;
    [[nodiscard]] int refreshCount() const { return m_refreshes; }

    // "%40"-safe path segment.
    static QString segment(const QString& value);

private:
    void withToken(bool forceRefresh, std::function<void(integration::ProviderReply)> next);
    void refreshNow();
    void finishWaiting(const integration::ProviderReply& reply);
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, bool retried,
              std::function<void(integration::ProviderReply)> done);

    QString m_keychainKey;
    Endpoints m_endpoints;
    integration::OAuthTokenStore* m_store;
    GoogleOAuthClient* m_oauth;
    QNetworkAccessManager* m_network;
    core::Clock m_clock;
    std::optional<integration::OAuthTokens> m_tokens;
    bool m_busy = false;
    QVector<std::function<void(integration::ProviderReply)>> m_waiting;
    int m_refreshes = 0;
};

} // namespace slotdesk::google
