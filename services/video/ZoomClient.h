#pragma once
// ZoomClient: the Zoom calls SlotDesk makes for one connected account — the token endpoint's
// authorization-code and refresh grants (client as HTTP Basic credentials) and the Meetings
// API (create a scheduled meeting, delete it). It reuses the Google machinery: tokens live only
// in the OS keychain (google::TokenStore), replies are sorted by google::GoogleReply (429/5xx/
// network are transient → retry with google::SyncBackoff; 401 → one refresh and one retry).
// Zoom rotates the refresh token on every refresh: the new pair is written to the keychain
// before the access token is used, so a crash never leaves only a spent refresh token stored.

#include "calendar/GoogleReply.h"
#include "calendar/GoogleTokens.h"
#include "video/ZoomConfig.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::google {
class TokenStore;
}

namespace slotdesk::zoom {

using google::Failure;
using google::GoogleReply;
using google::GoogleTokens;

struct MeetingRequest {
    QString topic;
    QDateTime start; // any time spec; sent as UTC "yyyy-MM-ddTHH:mm:ssZ"
    int durationMinutes = 30;
    QString timeZone; // IANA name, shown in Zoom
};

struct Meeting {
    QString id; // Zoom's meeting id (a 64-bit number), kept as text
    QString joinUrl;
};

class ZoomClient : public QObject {
    Q_OBJECT
public:
    ZoomClient(Endpoints endpoints, QNetworkAccessManager* network, google::TokenStore* store,
               QString keychainKey, QObject* parent = nullptr);

    // Exchanges an authorization code (PKCE verifier and the redirect URI it was issued for)
    // and stores the tokens in the keychain.
    void exchangeCode(const QString& code, const QString& verifier, const QUrl& redirectUri,
                      QObject* context, std::function<void(GoogleReply)> done);
    // Refresh grant with the stored refresh token; the rotated pair is stored.
    void refresh(QObject* context, std::function<void(GoogleReply)> done);
    // POST /users/me/meetings (type 2: scheduled).
    void createMeeting(const MeetingRequest& request, QObject* context,
                       std::function<void(GoogleReply, Meeting)> done);
    // DELETE /meetings/{id}; a meeting Zoom no longer knows (404) counts as deleted.
    void deleteMeeting(const QString& meetingId, QObject* context,
                       std::function<void(GoogleReply)> done);

    // GET /users/me: the connected account's e-mail address.
    void currentUserEmail(QObject* context, std::function<void(GoogleReply, QString)> done);
    // POST {revoke}?token=<refresh token> with the client as HTTP Basic credentials, as Zoom
    // documents for ending an app's access. No stored tokens: nothing to revoke (ok).
    void revoke(QObject* context, std::function<void(GoogleReply)> done);

    static QJsonObject meetingBody(const MeetingRequest& request);

private:
    using Call =
        std::function<void(const QString& accessToken, std::function<void(GoogleReply)> finished)>;
    // Runs `call` with a valid access token; refreshes first when it is stale and once more
    // after a 401.
    void withToken(QObject* context, Call call, std::function<void(GoogleReply)> done);
    void tokenGrant(const QList<std::pair<QString, QString>>& fields, const GoogleTokens& previous,
                    QObject* context, std::function<void(GoogleReply, GoogleTokens)> done);
    void refreshTokens(const GoogleTokens& tokens, QObject* context,
                       std::function<void(GoogleReply, GoogleTokens)> done);

    Endpoints m_endpoints;
    QNetworkAccessManager* m_network;
    google::TokenStore* m_store;
    QString m_key;
};

} // namespace slotdesk::zoom
