#include "fakes/FakeGoogleServer.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace slotdesk::test {
namespace {

const QString kCalendarsPrefix = QStringLiteral("/calendar/v3/calendars/");

// "/calendar/v3/calendars/CAL/events[/ID]" → CAL and ID (empty for the collection); false for
// any other path.
bool splitEventsPath(const QString& path, QString* calendarId, QString* eventId) {
    if (!path.startsWith(kCalendarsPrefix))
        return false;
    const QStringList parts = path.mid(kCalendarsPrefix.size()).split(u'/');
    if (parts.size() < 2 || parts.size() > 3 || parts[1] != QLatin1String("events") ||
        parts[0].isEmpty())
        return false;
    *calendarId = QUrl::fromPercentEncoding(parts[0].toUtf8());
    *eventId = parts.size() == 3 ? parts[2] : QString();
    return parts.size() == 2 || !eventId->isEmpty();
}

QString eventIdOf(const QString& path) {
    QString calendarId;
    QString eventId;
    splitEventsPath(path, &calendarId, &eventId);
    return eventId;
}

QString calendarIdOf(const QString& path) {
    QString calendarId;
    QString eventId;
    splitEventsPath(path, &calendarId, &eventId);
    return calendarId;
}

QUrlQuery formOf(const QByteArray& body) {
    // application/x-www-form-urlencoded: '+' is a space.
    QByteArray copy = body;
    copy.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(copy));
}

QString formValue(const QUrlQuery& form, const QString& key) {
    return form.queryItemValue(key, QUrl::FullyDecoded);
}

QString s256(const QString& verifier) {
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The end of an event, for timeMin: its end.dateTime, or end.date at 00:00Z (close enough).
QDateTime endOf(const QJsonObject& event) {
    const QJsonObject end = event.value(QLatin1String("end")).toObject();
    if (end.contains(QLatin1String("dateTime")))
        return QDateTime::fromString(end.value(QLatin1String("dateTime")).toString(),
                                     Qt::ISODateWithMs);
    return QDateTime(QDate::fromString(end.value(QLatin1String("date")).toString(), Qt::ISODate),
                     QTime(0, 0), Qt::UTC);
}

// The conference of event `id` created: its Meet link as the video entry point and hangoutLink.
void attachMeetLink(QJsonObject& event, QJsonObject conference, const QString& id) {
    const QString link = QStringLiteral("https://meet.google.com/%1-%2-%3")
                             .arg(id.left(3), id.mid(3, 4), id.mid(7, 3));
    conference.insert(
        QStringLiteral("entryPoints"),
        QJsonArray{QJsonObject{{QStringLiteral("entryPointType"), QStringLiteral("video")},
                               {QStringLiteral("uri"), link}}});
    event.insert(QStringLiteral("conferenceData"), conference);
    event.insert(QStringLiteral("hangoutLink"), link);
}

} // namespace

FakeGoogleServer::FakeGoogleServer(QObject* parent)
    : FakeHttpServer(Connection::KeepAlive, parent) {}

QUrl FakeGoogleServer::authUrl() const {
    return url(QStringLiteral("/o/oauth2/v2/auth"));
}
QUrl FakeGoogleServer::tokenUrl() const {
    return url(QStringLiteral("/token"));
}
QUrl FakeGoogleServer::revokeUrl() const {
    return url(QStringLiteral("/revoke"));
}
QUrl FakeGoogleServer::apiUrl() const {
    return url(QStringLiteral("/calendar/v3"));
}

QProcessEnvironment FakeGoogleServer::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_AUTH_URL"), authUrl().toString());
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_TOKEN_URL"), tokenUrl().toString());
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_REVOKE_URL"), revokeUrl().toString());
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_API_URL"), apiUrl().toString());
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_CLIENT_ID"), clientId);
    env.insert(QStringLiteral("SLOTDESK_GOOGLE_CLIENT_SECRET"), clientSecret);
    return env;
}

void FakeGoogleServer::exportEnvironment() const {
    const QProcessEnvironment env = environment();
    for (const char* name :
         {"SLOTDESK_GOOGLE_AUTH_URL", "SLOTDESK_GOOGLE_TOKEN_URL", "SLOTDESK_GOOGLE_REVOKE_URL",
          "SLOTDESK_GOOGLE_API_URL", "SLOTDESK_GOOGLE_CLIENT_ID", "SLOTDESK_GOOGLE_CLIENT_SECRET"})
        qputenv(name, env.value(QString::fromLatin1(name)).toUtf8());
}

int FakeGoogleServer::actAsBrowser(const QUrl& authorizationUrl) {
    QNetworkRequest request(authorizationUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = m_browser.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

// ---- calendar state -------------------------------------------------------------------------

void FakeGoogleServer::addCalendar(const QString& id, const QString& summary,
                                   const QString& color) {
    m_listed.append({id, summary, color});
}

void FakeGoogleServer::removeCalendar(const QString& id) {
    m_listed.removeIf([&id](const ListedCalendar& c) { return c.id == id; });
    m_events.remove(id);
}

bool FakeGoogleServer::knowsCalendar(const QString& calendarId) const {
    return calendarId == QLatin1String("primary") ||
           std::any_of(m_listed.cbegin(), m_listed.cend(),
                       [&calendarId](const ListedCalendar& c) { return c.id == calendarId; });
}

void FakeGoogleServer::putEvent(const QString& calendarId, QJsonObject event) {
    const QString id = event.value(QLatin1String("id")).toString();
    if (!event.contains(QLatin1String("status")))
        event.insert(QStringLiteral("status"), QStringLiteral("confirmed"));
    event.insert(QStringLiteral("kind"), QStringLiteral("calendar#event"));
    StoredEvent& stored = m_events[calendarId][id];
    stored.json = event;
    stored.seq = nextSeq();
}

void FakeGoogleServer::cancelEvent(const QString& calendarId, const QString& id) {
    if (!m_events.value(calendarId).contains(id))
        return;
    StoredEvent& stored = m_events[calendarId][id];
    stored.json = QJsonObject{{QStringLiteral("kind"), QStringLiteral("calendar#event")},
                              {QStringLiteral("id"), id},
                              {QStringLiteral("status"), QStringLiteral("cancelled")}};
    stored.seq = nextSeq();
}

bool FakeGoogleServer::hasLiveEvent(const QString& calendarId, const QString& id) const {
    const Events events = m_events.value(calendarId);
    return events.contains(id) && events.value(id).json.value(QLatin1String("status")).toString() !=
                                      QLatin1String("cancelled");
}

QJsonObject FakeGoogleServer::event(const QString& id) const {
    return m_events.value(QStringLiteral("primary")).value(id).json;
}

int FakeGoogleServer::liveEventCount(const QString& calendarId) const {
    int n = 0;
    const Events events = m_events.value(calendarId);
    for (auto it = events.cbegin(); it != events.cend(); ++it)
        n += hasLiveEvent(calendarId, it.key()) ? 1 : 0;
    return n;
}

void FakeGoogleServer::invalidateSyncTokens() {
    invalidateSyncTokens(QStringLiteral("primary"));
    for (const auto& calendar : m_listed)
        invalidateSyncTokens(calendar.id);
}

void FakeGoogleServer::invalidateSyncTokens(const QString& calendarId) {
    m_syncGenerations[calendarId] = m_syncGenerations.value(calendarId, 1) + 1;
}

void FakeGoogleServer::revokeAllGrants() {
    for (auto& grant : m_grants)
        grant.revoked = true;
}

void FakeGoogleServer::expireAccessTokens() {
    for (const auto& grant : m_grants)
        for (const auto& token : grant.accessTokens)
            m_expiredAccess.insert(token);
}

void FakeGoogleServer::rejectAllAccessTokens() {
    m_rejectAllAccess = true;
}

QStringList FakeGoogleServer::issuedSecrets() const {
    QStringList all;
    for (const auto& grant : m_grants) {
        all.append(grant.refreshToken);
        for (const auto& token : grant.accessTokens)
            all.append(token);
    }
    return all;
}

// ---- faults and bookkeeping -----------------------------------------------------------------

void FakeGoogleServer::failNext(Route route, int status, const QString& reason, int times,
                                int retryAfterSeconds) {
    for (int i = 0; i < times; ++i)
        m_faults[route].append(Fault{status, reason, retryAfterSeconds, false});
}

void FakeGoogleServer::dropNext(Route route, int times) {
    for (int i = 0; i < times; ++i)
        m_faults[route].append(Fault{0, {}, 0, true});
}

void FakeGoogleServer::setDelay(Route route, int milliseconds) {
    m_delays[route] = milliseconds;
}

int FakeGoogleServer::count(Route route) const {
    int n = 0;
    for (const auto& r : m_requests)
        n += r.route == route ? 1 : 0;
    return n;
}

QVector<FakeGoogleServer::Request> FakeGoogleServer::requestsTo(Route route) const {
    QVector<Request> matching;
    for (const auto& r : m_requests) {
        if (r.route == route)
            matching.append(r);
    }
    return matching;
}

// ---- HTTP/1.1 over QTcpServer ---------------------------------------------------------------

FakeGoogleServer::Route FakeGoogleServer::routeOf(const QByteArray& method, const QString& path) {
    if (path == QLatin1String("/o/oauth2/v2/auth") && method == "GET")
        return Route::Authorize;
    if (path == QLatin1String("/token") && method == "POST")
        return Route::Token;
    if (path == QLatin1String("/revoke") && method == "POST")
        return Route::Revoke;
    if (path == QLatin1String("/calendar/v3/calendars/primary") && method == "GET")
        return Route::Calendar;
    if (path == QLatin1String("/calendar/v3/users/me/calendarList") && method == "GET")
        return Route::CalendarList;
    QString calendarId;
    QString eventId;
    if (!splitEventsPath(path, &calendarId, &eventId))
        return Route::Unknown;
    if (eventId.isEmpty())
        return method == "GET" ? Route::EventsList
                               : (method == "POST" ? Route::EventsInsert : Route::Unknown);
    {
        if (method == "GET")
            return Route::EventsGet;
        if (method == "PATCH")
            return Route::EventsPatch;
        if (method == "DELETE")
            return Route::EventsDelete;
    }
    return Route::Unknown;
}

void FakeGoogleServer::serve(QTcpSocket* socket, const HttpRequest& http) {
    const Request request{http, routeOf(http.method, http.path), calendarIdOf(http.path)};
    m_requests.append(request);
    QElapsedTimer busy;
    busy.start();
    Response response;
    bool drop = false;
    auto& faults = m_faults[request.route];
    if (!faults.isEmpty()) {
        const Fault fault = faults.takeFirst();
        if (fault.drop) {
            drop = true;
        } else {
            response =
                request.route == Route::Token || request.route == Route::Revoke
                    ? oauthError(fault.status, fault.reason, QStringLiteral("injected"))
                    : apiError(fault.status, fault.reason, QStringLiteral("Injected failure"));
            if (fault.retryAfter > 0)
                response.headers.append(
                    {QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retryAfter)});
        }
    } else {
        response = answer(request);
    }
    m_busyNs += busy.nsecsElapsed();
    int delay = m_delays.value(request.route, 0);
    if (request.route == Route::EventsList &&
        request.query.hasQueryItem(QStringLiteral("pageToken")))
        delay += laterPageDelayMs;
    const Route route = request.route;
    auto reply = [this, socket, response, drop, route] {
        if (drop)
            socket->abort();
        else
            write(socket, response);
        emit requestServed(route);
    };
    if (delay > 0)
        QTimer::singleShot(delay, socket, reply);
    else
        reply();
}

// A request without an injected fault: its route's answer. The Calendar API's routes want a
// calendar this account has, then a live access token.
FakeGoogleServer::Response FakeGoogleServer::answer(const Request& request) {
    using Handler = Response (FakeGoogleServer::*)(const Request&);
    static const QHash<Route, Handler> handlers{
        {Route::Authorize, &FakeGoogleServer::authorize},
        {Route::Token, &FakeGoogleServer::token},
        {Route::Revoke, &FakeGoogleServer::revoke},
        {Route::Calendar, &FakeGoogleServer::calendar},
        {Route::CalendarList, &FakeGoogleServer::calendarList},
        {Route::EventsList, &FakeGoogleServer::listEvents},
        {Route::EventsInsert, &FakeGoogleServer::insertEvent},
        {Route::EventsGet, &FakeGoogleServer::getEvent},
        {Route::EventsPatch, &FakeGoogleServer::patchEvent},
        {Route::EventsDelete, &FakeGoogleServer::deleteEvent}};
    const Handler handler = handlers.value(request.route);
    if (!handler || (!request.calendarId.isEmpty() && !knowsCalendar(request.calendarId)))
        return apiError(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
    if (request.path.startsWith(QLatin1String("/calendar/v3/")) && !authorized(request))
        return apiError(401, QStringLiteral("authError"), QStringLiteral("Invalid Credentials"));
    return (this->*handler)(request);
}

FakeGoogleServer::Response FakeGoogleServer::apiError(int status, const QString& reason,
                                                      const QString& message) {
    QJsonObject error{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}};
    if (!reason.isEmpty())
        error.insert(QStringLiteral("errors"),
                     QJsonArray{QJsonObject{{QStringLiteral("domain"), QStringLiteral("global")},
                                            {QStringLiteral("reason"), reason},
                                            {QStringLiteral("message"), message}}});
    return json(status, {{QStringLiteral("error"), error}});
}

FakeGoogleServer::Response FakeGoogleServer::oauthError(int status, const QString& error,
                                                        const QString& description) {
    qDebug("fake Google: OAuth error %d %s: %s", status, qPrintable(error),
           qPrintable(description));
    return json(status, {{QStringLiteral("error"), error},
                         {QStringLiteral("error_description"), description}});
}

// ---- OAuth ----------------------------------------------------------------------------------

FakeGoogleServer::Response FakeGoogleServer::authorize(const Request& request) {
    const QUrlQuery& q = request.query;
    m_lastAuthorization = q;
    auto value = [&q](const char* key) {
        return q.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QString redirect = value("redirect_uri");
    const bool valid =
        value("response_type") == QLatin1String("code") && value("client_id") == clientId &&
        redirect.startsWith(QLatin1String("http://127.0.0.1:")) &&
        value("code_challenge_method") == QLatin1String("S256") &&
        value("code_challenge").size() >= 43 && !value("state").isEmpty() &&
        value("scope").contains(QLatin1String("https://www.googleapis.com/auth/calendar.events"));
    if (!valid)
        return Response{400, "invalid authorization request", "text/plain", {}};
    QUrl target(redirect);
    QUrlQuery back;
    if (denyConsent) {
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    } else {
        const QString code = QStringLiteral("4/fake-code-%1").arg(++m_counter);
        m_codes.insert(code, PendingCode{value("code_challenge"), redirect});
        back.addQueryItem(QStringLiteral("code"),
                          QString::fromLatin1(QUrl::toPercentEncoding(code)));
        back.addQueryItem(QStringLiteral("scope"),
                          QString::fromLatin1(QUrl::toPercentEncoding(value("scope"))));
    }
    back.addQueryItem(QStringLiteral("state"),
                      QString::fromLatin1(QUrl::toPercentEncoding(value("state"))));
    target.setQuery(back);
    Response response{302, {}, "text/html", {}};
    response.headers.append({"Location", target.toEncoded()});
    return response;
}

QString FakeGoogleServer::issueAccessToken(Grant& grant) {
    const QString token = QStringLiteral("ya29.fake-access-%1-%2")
                              .arg(++m_counter)
                              .arg(QDateTime::currentMSecsSinceEpoch());
    grant.accessTokens.insert(token);
    m_issuedAccess.append(token);
    return token;
}

FakeGoogleServer::Response FakeGoogleServer::token(const Request& request) {
    const QUrlQuery form = formOf(request.body);
    if (formValue(form, QStringLiteral("client_id")) != clientId ||
        formValue(form, QStringLiteral("client_secret")) != clientSecret)
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("The OAuth client was not found."));
    const QString grantType = formValue(form, QStringLiteral("grant_type"));
    if (grantType == QLatin1String("authorization_code")) {
        const QString code = formValue(form, QStringLiteral("code"));
        if (!m_codes.contains(code))
            return oauthError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("Malformed auth code: ") +
                                  QString::fromUtf8(request.body));
        const PendingCode pending = m_codes.take(code); // single use
        if (formValue(form, QStringLiteral("redirect_uri")) != pending.redirectUri)
            return oauthError(400, QStringLiteral("redirect_uri_mismatch"),
                              QStringLiteral("Bad Request"));
        const QString verifier = formValue(form, QStringLiteral("code_verifier"));
        if (verifier.isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                              QStringLiteral("code_verifier or verifier is not needed."));
        if (s256(verifier) != pending.challenge)
            return oauthError(400, QStringLiteral("invalid_grant"),
                              QStringLiteral("Invalid code verifier."));
        Grant grant;
        grant.refreshToken = QStringLiteral("1//fake-refresh-%1-%2")
                                 .arg(++m_counter)
                                 .arg(QDateTime::currentMSecsSinceEpoch());
        const QString access = issueAccessToken(grant);
        m_grants.append(grant);
        return json(200, {{QStringLiteral("access_token"), access},
                          {QStringLiteral("expires_in"), accessTokenLifetime},
                          {QStringLiteral("refresh_token"), grant.refreshToken},
                          {QStringLiteral("scope"),
                           QStringLiteral("https://www.googleapis.com/auth/calendar.events "
                                          "https://www.googleapis.com/auth/calendar.readonly")},
                          {QStringLiteral("token_type"), QStringLiteral("Bearer")}});
    }
    if (grantType == QLatin1String("refresh_token")) {
        const QString refresh = formValue(form, QStringLiteral("refresh_token"));
        for (auto& grant : m_grants) {
            if (grant.refreshToken != refresh)
                continue;
            if (grant.revoked)
                break;
            QJsonObject body{{QStringLiteral("access_token"), issueAccessToken(grant)},
                             {QStringLiteral("expires_in"), accessTokenLifetime},
                             {QStringLiteral("scope"),
                              QStringLiteral("https://www.googleapis.com/auth/calendar.events")},
                             {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
            if (rotateRefreshTokens) {
                grant.refreshToken = QStringLiteral("1//fake-rotated-%1").arg(++m_counter);
                body.insert(QStringLiteral("refresh_token"), grant.refreshToken);
            }
            return json(200, body);
        }
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("Token has been expired or revoked."));
    }
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("Invalid grant_type: %1").arg(grantType));
}

FakeGoogleServer::Response FakeGoogleServer::revoke(const Request& request) {
    QString token = formValue(formOf(request.body), QStringLiteral("token"));
    if (token.isEmpty())
        token = request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    m_revokedRequests.append(token);
    for (auto& grant : m_grants) {
        if (!grant.revoked && (grant.refreshToken == token || grant.accessTokens.contains(token))) {
            grant.revoked = true;
            return json(200, {});
        }
    }
    return oauthError(400, QStringLiteral("invalid_token"), QStringLiteral("Bad Request"));
}

bool FakeGoogleServer::authorized(const Request& request) const {
    const QByteArray header = request.headers.value("authorization");
    if (!header.startsWith("Bearer ") || m_rejectAllAccess)
        return false;
    const QString token = QString::fromUtf8(header.mid(7));
    if (m_expiredAccess.contains(token))
        return false;
    for (const auto& grant : m_grants) {
        if (!grant.revoked && grant.accessTokens.contains(token))
            return true;
    }
    return false;
}

// ---- Calendar API ---------------------------------------------------------------------------

FakeGoogleServer::Response FakeGoogleServer::calendar(const Request& /*request*/) {
    return json(200, {{QStringLiteral("kind"), QStringLiteral("calendar#calendar")},
                      {QStringLiteral("id"), accountEmail},
                      {QStringLiteral("summary"), accountEmail},
                      {QStringLiteral("timeZone"), calendarTimeZone}});
}

FakeGoogleServer::Response FakeGoogleServer::calendarList(const Request& request) {
    QJsonArray all{
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("calendar#calendarListEntry")},
                    {QStringLiteral("id"), accountEmail},
                    {QStringLiteral("summary"), accountEmail},
                    {QStringLiteral("backgroundColor"), QStringLiteral("#9fe1e7")},
                    {QStringLiteral("accessRole"), QStringLiteral("owner")},
                    {QStringLiteral("primary"), true}}};
    for (const auto& calendar : m_listed) {
        QJsonObject entry{{QStringLiteral("kind"), QStringLiteral("calendar#calendarListEntry")},
                          {QStringLiteral("id"), calendar.id},
                          {QStringLiteral("summary"), calendar.summary},
                          {QStringLiteral("accessRole"), QStringLiteral("owner")}};
        if (!calendar.color.isEmpty())
            entry.insert(QStringLiteral("backgroundColor"), calendar.color);
        all.append(entry);
    }
    const int offset = request.query.queryItemValue(QStringLiteral("pageToken")).toInt();
    int size = request.query.queryItemValue(QStringLiteral("maxResults")).toInt();
    size = std::min(size > 0 ? size : 100, calendarListPageSize);
    QJsonArray items;
    for (int i = offset; i < all.size() && i < offset + size; ++i)
        items.append(all.at(i));
    QJsonObject body{{QStringLiteral("kind"), QStringLiteral("calendar#calendarList")},
                     {QStringLiteral("items"), items}};
    if (offset + size < all.size())
        body.insert(QStringLiteral("nextPageToken"), QString::number(offset + size));
    else
        body.insert(QStringLiteral("nextSyncToken"), QStringLiteral("list-sync"));
    return json(200, body);
}

FakeGoogleServer::Response FakeGoogleServer::listEvents(const Request& request) {
    auto value = [&request](const char* key) {
        return request.query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QString syncToken = value("syncToken");
    const QString pageToken = value("pageToken");
    if (!syncToken.isEmpty() && !value("timeMin").isEmpty())
        return apiError(400, QStringLiteral("invalid"),
                        QStringLiteral("Sync token cannot be used with other request "
                                       "restrictions."));
    int maxResults = value("maxResults").isEmpty() ? 250 : value("maxResults").toInt();
    if (maxResults <= 0 || maxResults > 2500)
        maxResults = 2500;

    // Page tokens carry: offset, snapshot sequence, since-sequence (-1: full), timeMin.
    qint64 offset = 0;
    qint64 snapshot = m_seq;
    qint64 since = -1;
    QString timeMin = value("timeMin");
    if (!pageToken.isEmpty()) {
        const QStringList parts =
            QString::fromUtf8(
                QByteArray::fromBase64(pageToken.toLatin1(), QByteArray::Base64UrlEncoding))
                .split(u'|');
        if (parts.size() != 4)
            return apiError(400, QStringLiteral("invalid"), QStringLiteral("Invalid page token"));
        offset = parts[0].toLongLong();
        snapshot = parts[1].toLongLong();
        since = parts[2].toLongLong();
        timeMin = parts[3];
    } else if (!syncToken.isEmpty()) {
        const QStringList parts = syncToken.split(u'-');
        if (parts.size() != 3 || parts[0] != QLatin1String("sync") ||
            parts[2].toInt() != m_syncGenerations.value(request.calendarId, 1))
            return apiError(410, QStringLiteral("fullSyncRequired"),
                            QStringLiteral("Sync token is no longer valid, a full sync is "
                                           "required."));
        since = parts[1].toLongLong();
    }
    const QDateTime min =
        timeMin.isEmpty() ? QDateTime() : QDateTime::fromString(timeMin, Qt::ISODateWithMs);

    QJsonArray items;
    qint64 index = 0;
    bool more = false;
    Events& events = m_events[request.calendarId];
    for (auto it = events.begin(); it != events.end(); ++it) {
        StoredEvent& stored = it.value();
        if (stored.seq > snapshot)
            continue;
        const bool cancelled =
            stored.json.value(QLatin1String("status")).toString() == QLatin1String("cancelled");
        if (since < 0) { // full: live events only, ending after timeMin
            if (cancelled || (min.isValid() && endOf(stored.json) <= min))
                continue;
        } else if (stored.seq <= since) {
            continue;
        }
        if (index++ < offset)
            continue;
        if (items.size() >= maxResults) {
            more = true;
            break;
        }
        items.append(stored.json);
    }
    ++m_pagesServed;
    QJsonObject body{{QStringLiteral("kind"), QStringLiteral("calendar#events")},
                     {QStringLiteral("summary"), accountEmail},
                     {QStringLiteral("timeZone"), calendarTimeZone},
                     {QStringLiteral("items"), items}};
    if (more) {
        const QByteArray token = QStringLiteral("%1|%2|%3|%4")
                                     .arg(offset + maxResults)
                                     .arg(snapshot)
                                     .arg(since)
                                     .arg(timeMin)
                                     .toUtf8()
                                     .toBase64(QByteArray::Base64UrlEncoding);
        body.insert(QStringLiteral("nextPageToken"), QString::fromLatin1(token));
    } else {
        body.insert(QStringLiteral("nextSyncToken"),
                    QStringLiteral("sync-%1-%2")
                        .arg(snapshot)
                        .arg(m_syncGenerations.value(request.calendarId, 1)));
    }
    return json(200, body);
}

FakeGoogleServer::Response FakeGoogleServer::insertEvent(const Request& request) {
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return apiError(400, QStringLiteral("parseError"), QStringLiteral("Parse Error"));
    QJsonObject event = document.object();
    QString id = event.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        id = QStringLiteral("fake%1").arg(++m_counter);
        event.insert(QStringLiteral("id"), id);
    }
    static const QRegularExpression base32hex(QStringLiteral("^[a-v0-9]{5,1024}$"));
    if (!base32hex.match(id).hasMatch())
        return apiError(400, QStringLiteral("invalid"),
                        QStringLiteral("Invalid resource id value."));
    Events& events = m_events[request.calendarId];
    if (events.contains(id))
        return apiError(409, QStringLiteral("duplicate"),
                        QStringLiteral("The requested identifier already exists."));
    if (!event.value(QLatin1String("start")).toObject().contains(QLatin1String("dateTime")) ||
        !event.value(QLatin1String("end")).toObject().contains(QLatin1String("dateTime")))
        return apiError(400, QStringLiteral("required"), QStringLiteral("Missing end time."));
    event.insert(QStringLiteral("status"), QStringLiteral("confirmed"));
    event.insert(QStringLiteral("htmlLink"),
                 QStringLiteral("https://www.google.com/calendar/event?eid=%1").arg(id));
    event.insert(QStringLiteral("organizer"), QJsonObject{{QStringLiteral("email"), accountEmail},
                                                          {QStringLiteral("self"), true}});
    int pendingReads = 0;
    const bool withConferenceData =
        request.query.queryItemValue(QStringLiteral("conferenceDataVersion")) == QLatin1String("1");
    const QJsonObject createRequest = event.value(QLatin1String("conferenceData"))
                                          .toObject()
                                          .value(QLatin1String("createRequest"))
                                          .toObject();
    if (!withConferenceData || createRequest.isEmpty()) {
        event.remove(QStringLiteral("conferenceData")); // ignored without conferenceDataVersion=1
    } else {
        QJsonObject conference{
            {QStringLiteral("createRequest"),
             QJsonObject{
                 {QStringLiteral("requestId"), createRequest.value(QLatin1String("requestId"))},
                 {QStringLiteral("conferenceSolutionKey"),
                  createRequest.value(QLatin1String("conferenceSolutionKey"))},
                 {QStringLiteral("status"),
                  QJsonObject{{QStringLiteral("statusCode"),
                               conferenceFails              ? QStringLiteral("failure")
                               : conferencePendingReads > 0 ? QStringLiteral("pending")
                                                            : QStringLiteral("success")}}}}}};
        event.insert(QStringLiteral("conferenceData"), conference);
        pendingReads = conferenceFails ? 0 : conferencePendingReads;
    }
    StoredEvent& stored = events[id];
    stored.json = event;
    stored.seq = nextSeq();
    stored.pendingReads = pendingReads;
    if (withConferenceData && !createRequest.isEmpty() && !conferenceFails && pendingReads == 0)
        attachMeetLink(stored.json, stored.json.value(QLatin1String("conferenceData")).toObject(),
                       id); // created at once
    return json(200, stored.json);
}

std::optional<FakeGoogleServer::Response> FakeGoogleServer::missingEvent(const Request& request,
                                                                         bool deletedToo) const {
    const QString id = eventIdOf(request.path);
    if (!m_events.value(request.calendarId).contains(id))
        return apiError(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
    if (!deletedToo && !hasLiveEvent(request.calendarId, id))
        return apiError(410, QStringLiteral("deleted"),
                        QStringLiteral("Resource has been deleted"));
    return std::nullopt;
}

FakeGoogleServer::Response FakeGoogleServer::getEvent(const Request& request) {
    if (const auto missing = missingEvent(request, true))
        return *missing;
    const QString id = eventIdOf(request.path);
    StoredEvent& stored = m_events[request.calendarId][id];
    if (stored.pendingReads > 0 && --stored.pendingReads == 0) {
        QJsonObject conference = stored.json.value(QLatin1String("conferenceData")).toObject();
        QJsonObject create = conference.value(QLatin1String("createRequest")).toObject();
        create.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("statusCode"), QStringLiteral("success")}});
        conference.insert(QStringLiteral("createRequest"), create);
        attachMeetLink(stored.json, conference, id);
        stored.seq = nextSeq();
    }
    return json(200, stored.json);
}

FakeGoogleServer::Response FakeGoogleServer::patchEvent(const Request& request) {
    if (const auto missing = missingEvent(request, false))
        return *missing;
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return apiError(400, QStringLiteral("parseError"), QStringLiteral("Parse Error"));
    StoredEvent& stored = m_events[request.calendarId][eventIdOf(request.path)];
    const QJsonObject fields = document.object();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() != QLatin1String("id"))
            stored.json.insert(it.key(), it.value());
    }
    stored.seq = nextSeq();
    return json(200, stored.json);
}

FakeGoogleServer::Response FakeGoogleServer::deleteEvent(const Request& request) {
    if (const auto missing = missingEvent(request, false))
        return *missing;
    cancelEvent(request.calendarId, eventIdOf(request.path));
    return Response{204, {}, {}, {}};
}

} // namespace slotdesk::test
