#pragma once
// GoogleSession: authorized Calendar API calls for one integration. It reads the tokens from the
// keychain once, refreshes the access token shortly before it expires (storing the result back
// in the keychain), and when Google still answers 401 refreshes once more and resends once.

#include "calendar/GoogleConfig.h"
#include "calendar/GoogleReply.h"
#include "calendar/GoogleTokens.h"

#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>
#include <QVector>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace slotdesk::google {

class GoogleOAuthClient;
class TokenStore;

class GoogleSession : public QObject {
    Q_OBJECT
public:
    GoogleSession(QString keychainKey, Endpoints endpoints, TokenStore* store,
                  GoogleOAuthClient* oauth, QNetworkAccessManager* network,
                  QObject* parent = nullptr);

    // `path` is relative to the API root ("/calendars/primary/events"); `body` is sent as JSON
    // when not empty. Keychain and refresh failures arrive as the reply's failure.
    void call(const QByteArray& verb, const QString& path, const QUrlQuery& query,
              const QJsonObject& body, std::function<void(GoogleReply)> done);
    // Makes sure a usable access token is at hand (reads, refreshes as needed).
    void prepare(std::function<void(GoogleReply)> done);

    // When the current access token expires (invalid before the first call).
    [[nodiscard]] QDateTime tokenExpiresAt() const;
    [[nodiscard]] int refreshCount() const { return m_refreshes; }

    // "%40"-safe path segment.
    static QString segment(const QString& value);

private:
    void withToken(bool forceRefresh, std::function<void(GoogleReply)> next);
    void refreshNow();
    void finishWaiting(const GoogleReply& reply);
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, bool retried,
              std::function<void(GoogleReply)> done);

    QString m_keychainKey;
    Endpoints m_endpoints;
    TokenStore* m_store;
    GoogleOAuthClient* m_oauth;
    QNetworkAccessManager* m_network;
    std::optional<GoogleTokens> m_tokens;
    bool m_busy = false;
    QVector<std::function<void(GoogleReply)>> m_waiting;
    int m_refreshes = 0;
};

} // namespace slotdesk::google
