#pragma once
// ZoomClient: the Zoom calls SlotDesk makes for one connected account — the token endpoint's
// authorization-code and refresh grants (integration::OAuthTokenEndpoint, the client as HTTP
// Basic credentials) and the Meetings API (create a scheduled meeting, move it, delete it). Tokens
// live only in the OS keychain (integration::OAuthTokenStore); replies are sorted by
// integration::ProviderReply (429/5xx/network are transient → retry with integration::Backoff;
// 401 → one refresh and one retry). Zoom rotates the refresh token on every refresh: the new
// pair is written to the keychain before the access token is used, so a crash never leaves only
// a spent refresh token stored.

#include "core/Clock.h"
#include "integration/OAuthTokenEndpoint.h"
#include "integration/OAuthTokens.h"
#include "integration/ProviderReply.h"
#include "video/ZoomConfig.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::integration {
class OAuthTokenStore;
}

namespace slotdesk::zoom {

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
    using Reply = integration::ProviderReply;

    ZoomClient(Endpoints endpoints, QNetworkAccessManager* network,
               integration::OAuthTokenStore* store, QString keychainKey, QObject* parent = nullptr);

    // Where "now" comes from for token expiry (default: the system clock).
    void setClock(core::Clock clock) { m_clock = std::move(clock); }

    // Exchanges an authorization code (with its PKCE verifier and the redirect URI it was issued
    // for) and stores the tokens in the keychain; `done` gets them too.
    void exchangeCode(const integration::AuthorizationCode& code, QObject* context,
                      integration::OAuthTokenEndpoint::Done done);
    // Refresh grant with the stored refresh token; the rotated pair is stored.
    void refresh(QObject* context, std::function<void(Reply)> done);
    // POST /users/me/meetings (type 2: scheduled).
    void createMeeting(const MeetingRequest& request, QObject* context,
                       std::function<void(Reply, Meeting)> done);
    // PATCH /meetings/{id} with start_time, duration and timezone (a moved booking's meeting;
    // 204 on success). A meeting Zoom no longer knows is a 404 (Failure::NotFound).
    void updateMeeting(const QString& meetingId, const MeetingRequest& request, QObject* context,
                       std::function<void(Reply)> done);
    // DELETE /meetings/{id}; a meeting Zoom no longer knows (404) counts as deleted.
    void deleteMeeting(const QString& meetingId, QObject* context, std::function<void(Reply)> done);

    // GET /users/me: the connected account's e-mail address.
    void currentUserEmail(QObject* context, std::function<void(Reply, QString)> done);
    // POST {revoke}?token=<refresh token> with the client as HTTP Basic credentials, as Zoom
    // documents for ending an app's access. No stored tokens: nothing to revoke (ok).
    void revoke(QObject* context, std::function<void(Reply)> done);

    static QJsonObject meetingBody(const MeetingRequest& request);
    // The request's start_time, duration and timezone (what an update sends).
    static QJsonObject meetingTimes(const MeetingRequest& request);

private:
    using Grant = std::function<void(const integration::OAuthTokenEndpoint& endpoint,
                                     const integration::OAuthClient& client,
                                     integration::OAuthTokenEndpoint::Done granted)>;
    // An API call with a valid access token: refreshed first when it is stale, and once more
    // after a 401 (then the call is sent again once).
    void apiCall(const QByteArray& verb, const QString& path, const QByteArray& body,
                 QObject* context, std::function<void(Reply)> done);
    // Loads the client (its secret is in the keychain), runs `grant` at the token endpoint and
    // stores the tokens it brings before anyone uses them.
    void tokenGrant(Grant grant, const integration::OAuthTokens& previous, QObject* context,
                    integration::OAuthTokenEndpoint::Done done);
    void refreshTokens(const integration::OAuthTokens& tokens, QObject* context,
                       integration::OAuthTokenEndpoint::Done done);

    Endpoints m_endpoints;
    QNetworkAccessManager* m_network;
    integration::OAuthTokenStore* m_store;
    QString m_key;
    core::Clock m_clock;
};

} // namespace slotdesk::zoom
