#pragma once
// FakeZoomServer: Zoom's OAuth token endpoint and the slice of the Meetings API SlotDesk uses, on
// a real socket on 127.0.0.1 (random port), speaking the documented contract:
//   GET  /oauth/authorize      consent: response_type=code, client_id, redirect_uri, state,
//                              code_challenge + code_challenge_method=S256 → 302 to
//                              redirect_uri with code and state (error=access_denied if denied)
//   POST /oauth/token          HTTP Basic client credentials required (401 invalid_client);
//                              grant_type=authorization_code (code, redirect_uri, PKCE
//                              code_verifier checked against the S256 challenge) and
//                              grant_type=refresh_token. Every refresh rotates the refresh
//                              token: the old one is spent (400 invalid_grant on reuse).
//                              Answer: access_token, token_type "bearer", refresh_token,
//                              expires_in, scope.
//   POST /v2/users/me/meetings Bearer token (401 code 124 otherwise); body topic, type (2),
//                              start_time, duration, timezone → 201 id, uuid, host_id, topic,
//                              type, start_time, duration, timezone, join_url, start_url.
//   PATCH /v2/meetings/{id}    Bearer token; the fields sent (start_time, duration, timezone,
//                              topic) replace the meeting's → 204 No Content; 404 code 3001
//                              for an unknown meeting; 400 code 300 for an invalid time.
//   DELETE /v2/meetings/{id}   204; 404 code 3001 for an unknown meeting.
//   GET  /v2/users/me          Bearer token → id, email, first_name, last_name, type.
//   POST /oauth/revoke?token=  HTTP Basic client credentials required; revokes the grant the
//                              token (access or refresh) belongs to → {"status":"success"}.
// Faults (any status, with Retry-After) are injected per route.

#include "fakes/FakeHttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QUrl>
#include <QVector>

namespace slotdesk::test {

class FakeZoomServer : public FakeHttpServer {
    Q_OBJECT
public:
    enum class Route {
        Authorize,
        Token,
        CreateMeeting,
        UpdateMeeting,
        DeleteMeeting,
        Me,
        Revoke,
        Unknown
    };

    struct Request : HttpRequest {
        Route route = Route::Unknown;
    };

    explicit FakeZoomServer(QObject* parent = nullptr);

    [[nodiscard]] QUrl authUrl() const;
    [[nodiscard]] QUrl tokenUrl() const;
    [[nodiscard]] QUrl apiUrl() const;
    [[nodiscard]] QUrl revokeUrl() const;
    // qputenv() SLOTDESK_ZOOM_* for this server (endpoints, client id and secret).
    void exportEnvironment() const;

    QString clientId = QStringLiteral("zoom-test-client");
    QString clientSecret = QStringLiteral("zoom-test-secret");
    QString accountEmail = QStringLiteral("alice.zoom@example.org");
    int accessTokenLifetime = 3600;
    bool denyConsent = false;

    // An authorization code for a PKCE S256 challenge and redirect URI (the consent step).
    QString grantCode(const QString& codeChallenge, const QString& redirectUri);
    // A grant as if consented earlier: returns {access, refresh}.
    std::pair<QString, QString> issueTokens();
    void expireAccessTokens(); // current access tokens → 401 (refresh still works)
    void revokeAll();          // refresh → 400 invalid_grant, API → 401

    void failNext(Route route, int status, int times = 1, int retryAfterSeconds = 0);
    // Requests to `route` are recorded and never answered (nor acted on) while stalled.
    void setStalled(Route route, bool stalled);

    [[nodiscard]] const QVector<Request>& requests() const { return m_requests; }
    [[nodiscard]] QVector<Request> requestsTo(Route route) const;
    [[nodiscard]] int count(Route route) const { return int(requestsTo(route).size()); }
    [[nodiscard]] QStringList issuedRefreshTokens() const { return m_issuedRefresh; }
    [[nodiscard]] QString currentRefreshToken() const { return m_currentRefresh; }
    [[nodiscard]] bool hasMeeting(const QString& id) const { return m_meetings.contains(id); }
    [[nodiscard]] QJsonObject meeting(const QString& id) const { return m_meetings.value(id); }
    [[nodiscard]] int meetingCount() const { return int(m_meetings.size()); }
    // Zoom forgets a meeting (deleted in Zoom's own app): its calls answer 404 from now on.
    void forgetMeeting(const QString& id) { m_meetings.remove(id); }
    // Tokens named in revoke requests that carried valid client credentials.
    [[nodiscard]] QStringList revokedTokens() const { return m_revoked; }

private:
    struct Fault {
        int status;
        int retryAfter;
    };
    struct Code {
        QString challenge;
        QString redirectUri;
    };

    void serve(QTcpSocket* socket, const HttpRequest& request) override;
    // Faults first, then who may ask, then the route's handler (given what it reads).
    Response handle(const Request& request);
    Response authorize(const QUrlQuery& query);
    Response token(const QUrlQuery& form);
    Response createMeeting(const QJsonObject& in);
    Response updateMeeting(const QString& id, const QJsonObject& in);
    [[nodiscard]] Response me() const;
    Response revoke(const QString& token);
    [[nodiscard]] QByteArray expectedBasic() const;
    [[nodiscard]] bool authorized(const Request& request) const;
    static Route routeOf(const QByteArray& method, const QString& path);

    QVector<Request> m_requests;
    QMap<Route, QVector<Fault>> m_faults;
    QList<Route> m_stalled;
    QHash<QString, Code> m_codes;
    QSet<QString> m_validAccess;
    QString m_currentRefresh;
    QStringList m_issuedRefresh;
    QStringList m_revoked;
    QMap<QString, QJsonObject> m_meetings;
    qint64 m_nextMeetingId = 85'746'065'432;
    int m_serial = 0;
};

} // namespace slotdesk::test
