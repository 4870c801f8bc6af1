#pragma once
// FakeGoogleServer: Google's OAuth endpoints and the slice of the Calendar API v3 SlotDesk uses,
// on a real socket on 127.0.0.1 (random port), speaking the documented contract:
//   GET  /o/oauth2/v2/auth        consent; 302 to the loopback redirect_uri with code + state
//                                 (PKCE S256 challenge required and remembered)
//   POST /token                   authorization_code (code_verifier checked against the
//                                 challenge) and refresh_token grants; 400 invalid_grant
//   POST /revoke                  revokes a grant (refresh or access token); 400 invalid_token
//   GET  /calendar/v3/calendars/primary
//   GET  /calendar/v3/users/me/calendarList        maxResults, pageToken → items (id, summary,
//                                 backgroundColor, primary, accessRole), nextPageToken
//   Every events route below exists for each calendar: "primary" and those added with
//   addCalendar() (/calendar/v3/calendars/CALENDAR/events…); each calendar has its own events
//   and sync tokens; an unknown calendar answers 404.
//   GET  /calendar/v3/calendars/primary/events     singleEvents, maxResults, timeMin,
//                                 pageToken, syncToken (incremental, with cancelled items);
//                                 410 fullSyncRequired for invalidated sync tokens
//   POST /calendar/v3/calendars/primary/events     client ids (409 duplicate), sendUpdates,
//                                 conferenceDataVersion=1 + createRequest → hangoutLink
//                                 (optionally "pending" for the first reads)
//   GET  /calendar/v3/calendars/primary/events/ID
//   PATCH /calendar/v3/calendars/primary/events/ID   the fields sent replace the event's (start,
//                                 end, …); 200 with the whole updated event; 404 unknown; 410
//                                 deleted
//   DELETE /calendar/v3/calendars/primary/events/ID  204; 404 unknown; 410 already deleted
// Faults (401/403/429/5xx, dropped connections, slow answers) are injected per route.

#include "fakes/FakeHttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <QVector>

#include <optional>

namespace slotdesk::test {

class FakeGoogleServer : public FakeHttpServer {
    Q_OBJECT
public:
    enum class Route {
        Authorize,
        Token,
        Revoke,
        Calendar,
        CalendarList,
        EventsList,
        EventsInsert,
        EventsGet,
        EventsPatch,
        EventsDelete,
        Unknown
    };

    struct Request : HttpRequest {
        Route route = Route::Unknown;
        QString calendarId; // of an events route
    };

    explicit FakeGoogleServer(QObject* parent = nullptr);

    [[nodiscard]] QUrl authUrl() const;
    [[nodiscard]] QUrl tokenUrl() const;
    [[nodiscard]] QUrl revokeUrl() const;
    [[nodiscard]] QUrl apiUrl() const;
    // SLOTDESK_GOOGLE_* for this server (endpoints, client id and secret).
    [[nodiscard]] QProcessEnvironment environment() const;
    void exportEnvironment() const; // qputenv() the same, for in-process services

    // The browser's part: GET the authorization URL and follow the redirect to the app's
    // loopback listener. Returns the HTTP status of the last answer (0 on a network error).
    int actAsBrowser(const QUrl& authorizationUrl);

    // ---- the account ----
    QString clientId = QStringLiteral("slotdesk-test.apps.googleusercontent.com");
    QString clientSecret = QStringLiteral("fake-client-secret");
    QString accountEmail = QStringLiteral("alice@example.org");
    QString calendarTimeZone = QStringLiteral("Europe/Berlin");
    int accessTokenLifetime = 3600; // seconds, as expires_in
    bool denyConsent = false;
    bool rotateRefreshTokens = false;

    // ---- the calendars ----
    // A further calendar in calendarList (after the primary one), with its own events.
    void addCalendar(const QString& id, const QString& summary, const QString& color = {});
    void removeCalendar(const QString& id); // from calendarList, with its events
    int calendarListPageSize = 250;         // the most items per calendarList page

    // Adds or replaces an event (its "id" is the key); it becomes a change for sync tokens.
    void putEvent(QJsonObject event) { putEvent(QStringLiteral("primary"), std::move(event)); }
    void putEvent(const QString& calendarId, QJsonObject event);
    // Deletes an event the way Google does: it stays as a cancelled tombstone.
    void cancelEvent(const QString& id) { cancelEvent(QStringLiteral("primary"), id); }
    void cancelEvent(const QString& calendarId, const QString& id);
    [[nodiscard]] bool hasLiveEvent(const QString& id) const {
        return hasLiveEvent(QStringLiteral("primary"), id);
    }
    [[nodiscard]] bool hasLiveEvent(const QString& calendarId, const QString& id) const;
    [[nodiscard]] QJsonObject event(const QString& id) const;
    [[nodiscard]] int liveEventCount() const { return liveEventCount(QStringLiteral("primary")); }
    [[nodiscard]] int liveEventCount(const QString& calendarId) const;
    // Every sync token issued so far (of every calendar, or of one) answers 410 fullSyncRequired.
    void invalidateSyncTokens();
    void invalidateSyncTokens(const QString& calendarId);
    // New conferences stay "pending" for this many reads of their event.
    int conferencePendingReads = 0;
    bool conferenceFails = false;

    // ---- the grant ----
    void revokeAllGrants();       // refresh → invalid_grant, API → 401
    void expireAccessTokens();    // current access tokens → 401 (refresh still works)
    void rejectAllAccessTokens(); // even fresh ones → 401
    [[nodiscard]] QStringList issuedSecrets() const; // every access/refresh token handed out
    [[nodiscard]] QStringList issuedAccessTokens() const { return m_issuedAccess; } // in order
    [[nodiscard]] QStringList revokedTokens() const { return m_revokedRequests; }

    // ---- faults ----
    void failNext(Route route, int status, const QString& reason = {}, int times = 1,
                  int retryAfterSeconds = 0);
    void dropNext(Route route, int times = 1);
    void setDelay(Route route, int milliseconds);
    void clearFaults() { m_faults.clear(); }
    // Delay only the answers to events.list pages after the first.
    int laterPageDelayMs = 0;

    // ---- what was asked ----
    [[nodiscard]] const QVector<Request>& requests() const { return m_requests; }
    [[nodiscard]] int count(Route route) const;
    [[nodiscard]] QVector<Request> requestsTo(Route route) const;
    [[nodiscard]] QUrlQuery lastAuthorizationQuery() const { return m_lastAuthorization; }
    [[nodiscard]] int eventsPagesServed() const { return m_pagesServed; }
    // Time this fake spent building answers (it shares the test's thread).
    [[nodiscard]] qint64 busyMs() const { return m_busyNs / 1'000'000; }
    void clearRequests() { m_requests.clear(); }

signals:
    void requestServed(slotdesk::test::FakeGoogleServer::Route route);

private:
    struct Fault {
        int status = 0;
        QString reason;
        int retryAfter = 0;
        bool drop = false;
    };
    struct StoredEvent {
        QJsonObject json;
        qint64 seq = 0;
        int pendingReads = 0;
    };
    struct Grant {
        QString refreshToken;
        QSet<QString> accessTokens;
        bool revoked = false;
    };
    struct PendingCode {
        QString challenge;
        QString redirectUri;
    };

    void serve(QTcpSocket* socket, const HttpRequest& request) override;
    [[nodiscard]] Response answer(const Request& request);
    static Route routeOf(const QByteArray& method, const QString& path);

    Response authorize(const Request& request);
    Response token(const Request& request);
    Response revoke(const Request& request);
    Response calendar(const Request& request);
    Response calendarList(const Request& request);
    Response listEvents(const Request& request);
    Response insertEvent(const Request& request);
    Response getEvent(const Request& request);
    Response patchEvent(const Request& request);
    Response deleteEvent(const Request& request);

    bool authorized(const Request& request) const;
    // Why an events/ID request finds no event: 404 for an id never seen, 410 for a deleted one
    // unless `deletedToo`; nothing when it is there.
    [[nodiscard]] std::optional<Response> missingEvent(const Request& request,
                                                       bool deletedToo) const;
    QString issueAccessToken(Grant& grant);
    qint64 nextSeq() { return ++m_seq; }

    static Response apiError(int status, const QString& reason, const QString& message);
    static Response oauthError(int status, const QString& error, const QString& description);

    QNetworkAccessManager m_browser;
    QVector<Request> m_requests;
    QHash<Route, QList<Fault>> m_faults;
    QHash<Route, int> m_delays;

    struct ListedCalendar {
        QString id;
        QString summary;
        QString color;
    };
    using Events = QMap<QString, StoredEvent>; // by id: a stable order for pages
    [[nodiscard]] bool knowsCalendar(const QString& calendarId) const;
    QVector<ListedCalendar> m_listed;      // besides the primary calendar
    QHash<QString, Events> m_events;       // by calendar
    QHash<QString, int> m_syncGenerations; // by calendar; 1 unless invalidated
    qint64 m_seq = 0;
    int m_pagesServed = 0;
    qint64 m_busyNs = 0;

    QHash<QString, PendingCode> m_codes;
    QVector<Grant> m_grants;
    QSet<QString> m_expiredAccess;
    bool m_rejectAllAccess = false;
    QStringList m_issuedAccess;
    QStringList m_revokedRequests;
    QUrlQuery m_lastAuthorization;
    int m_counter = 0;
};

} // namespace slotdesk::test
