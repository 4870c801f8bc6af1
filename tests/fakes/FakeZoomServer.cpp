#include "fakes/FakeZoomServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>

namespace slotdesk::test {
namespace {

QJsonObject apiError(int code, const QString& message) {
    return {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

QJsonObject oauthError(const QString& error, const QString& reason) {
    return {{QStringLiteral("error"), error}, {QStringLiteral("reason"), reason}};
}

} // namespace

FakeZoomServer::FakeZoomServer(QObject* parent)
    : FakeHttpServer(Connection::Close, parent) {}

QUrl FakeZoomServer::authUrl() const {
    return url(QStringLiteral("/oauth/authorize"));
}
QUrl FakeZoomServer::tokenUrl() const {
    return url(QStringLiteral("/oauth/token"));
}
QUrl FakeZoomServer::apiUrl() const {
    return url(QStringLiteral("/v2"));
}
QUrl FakeZoomServer::revokeUrl() const {
    return url(QStringLiteral("/oauth/revoke"));
}

void FakeZoomServer::exportEnvironment() const {
    qputenv("SLOTDESK_ZOOM_AUTH_URL", authUrl().toString().toUtf8());
    qputenv("SLOTDESK_ZOOM_TOKEN_URL", tokenUrl().toString().toUtf8());
    qputenv("SLOTDESK_ZOOM_API_URL", apiUrl().toString().toUtf8());
    qputenv("SLOTDESK_ZOOM_REVOKE_URL", revokeUrl().toString().toUtf8());
    qputenv("SLOTDESK_ZOOM_CLIENT_ID", clientId.toUtf8());
    qputenv("SLOTDESK_ZOOM_CLIENT_SECRET", clientSecret.toUtf8());
}

QString FakeZoomServer::grantCode(const QString& codeChallenge, const QString& redirectUri) {
    const QString code = QStringLiteral("zoom-code-%1").arg(++m_serial);
    m_codes.insert(code, {codeChallenge, redirectUri});
    return code;
}

std::pair<QString, QString> FakeZoomServer::issueTokens() {
    const QString access = QStringLiteral("zoom-access-%1").arg(++m_serial);
    const QString refresh = QStringLiteral("zoom-refresh-%1").arg(++m_serial);
    m_validAccess.insert(access);
    m_currentRefresh = refresh;
    m_issuedRefresh.append(refresh);
    return {access, refresh};
}

void FakeZoomServer::expireAccessTokens() {
    m_validAccess.clear();
}

void FakeZoomServer::revokeAll() {
    m_validAccess.clear();
    m_currentRefresh.clear();
}

void FakeZoomServer::setStalled(Route route, bool stalled) {
    m_stalled.removeAll(route);
    if (stalled)
        m_stalled.append(route);
}

void FakeZoomServer::failNext(Route route, int status, int times, int retryAfterSeconds) {
    for (int i = 0; i < times; ++i)
        m_faults[route].append(Fault{status, retryAfterSeconds});
}

QVector<FakeZoomServer::Request> FakeZoomServer::requestsTo(Route route) const {
    QVector<Request> out;
    for (const auto& r : m_requests)
        if (r.route == route)
            out.append(r);
    return out;
}

FakeZoomServer::Route FakeZoomServer::routeOf(const QByteArray& method, const QString& path) {
    if (method == "GET" && path == QLatin1String("/oauth/authorize"))
        return Route::Authorize;
    if (method == "POST" && path == QLatin1String("/oauth/token"))
        return Route::Token;
    if (method == "POST" && path == QLatin1String("/v2/users/me/meetings"))
        return Route::CreateMeeting;
    if (method == "PATCH" && path.startsWith(QLatin1String("/v2/meetings/")))
        return Route::UpdateMeeting;
    if (method == "DELETE" && path.startsWith(QLatin1String("/v2/meetings/")))
        return Route::DeleteMeeting;
    if (method == "GET" && path == QLatin1String("/v2/users/me"))
        return Route::Me;
    if (method == "POST" && path == QLatin1String("/oauth/revoke"))
        return Route::Revoke;
    return Route::Unknown;
}

void FakeZoomServer::serve(QTcpSocket* socket, const HttpRequest& http) {
    const Request request{http, routeOf(http.method, http.path)};
    m_requests.append(request);
    if (!m_stalled.contains(request.route))
        write(socket, handle(request));
}

FakeZoomServer::Response FakeZoomServer::handle(const Request& request) {
    auto& faults = m_faults[request.route];
    if (!faults.isEmpty()) {
        const Fault fault = faults.takeFirst();
        Response r = json(fault.status, fault.status >= 500 || fault.status == 429
                                            ? apiError(fault.status, QStringLiteral("fault"))
                                            : oauthError(QStringLiteral("invalid_request"),
                                                         QStringLiteral("fault")));
        if (fault.retryAfter > 0)
            r.headers.append({"Retry-After", QByteArray::number(fault.retryAfter)});
        return r;
    }
    if (request.route == Route::Unknown)
        return json(404, apiError(404, QStringLiteral("Not found")));
    // The Meetings API wants a live access token, the token and revoke endpoints the client's
    // credentials (HTTP Basic).
    if (request.path.startsWith(QLatin1String("/v2/")) && !authorized(request))
        return json(401, apiError(124, QStringLiteral("Invalid access token.")));
    if ((request.route == Route::Token || request.route == Route::Revoke) &&
        request.headers.value("authorization") != expectedBasic())
        return json(401, oauthError(QStringLiteral("invalid_client"),
                                    QStringLiteral("Invalid client_id or client_secret")));
    const QString meetingId = request.path.section(u'/', 3); // /v2/meetings/{id}
    if ((request.route == Route::UpdateMeeting || request.route == Route::DeleteMeeting) &&
        !m_meetings.contains(meetingId))
        return json(404,
                    apiError(3001, QStringLiteral("Meeting does not exist: %1.").arg(meetingId)));
    switch (request.route) {
    case Route::Authorize:
        return authorize(request.query);
    case Route::Token:
        return token(QUrlQuery(QString::fromUtf8(request.body)));
    case Route::CreateMeeting:
        return createMeeting(QJsonDocument::fromJson(request.body).object());
    case Route::UpdateMeeting:
        return updateMeeting(meetingId, QJsonDocument::fromJson(request.body).object());
    case Route::DeleteMeeting:
        m_meetings.remove(meetingId);
        return Response{204, {}, {}, {}};
    case Route::Me:
        return me();
    case Route::Revoke:
        return revoke(request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded));
    case Route::Unknown:
        break;
    }
    return json(404, apiError(404, QStringLiteral("Not found")));
}

bool FakeZoomServer::authorized(const Request& request) const {
    const QByteArray header = request.headers.value("authorization");
    return header.startsWith("Bearer ") && m_validAccess.contains(QString::fromUtf8(header.mid(7)));
}

FakeZoomServer::Response FakeZoomServer::authorize(const QUrlQuery& query) {
    const auto item = [&query](const char* name) {
        return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    if (item("response_type") != QLatin1String("code") || item("client_id") != clientId ||
        item("code_challenge_method") != QLatin1String("S256") ||
        item("code_challenge").isEmpty() || item("redirect_uri").isEmpty())
        return json(400, oauthError(QStringLiteral("invalid_request"),
                                    QStringLiteral("Invalid authorization request")));
    QUrl redirect(item("redirect_uri"));
    QUrlQuery back;
    if (denyConsent)
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    else
        back.addQueryItem(QStringLiteral("code"),
                          grantCode(item("code_challenge"), item("redirect_uri")));
    back.addQueryItem(QStringLiteral("state"), item("state"));
    redirect.setQuery(back);
    return Response{302, {}, {}, {{"Location", redirect.toEncoded()}}};
}

QByteArray FakeZoomServer::expectedBasic() const {
    return "Basic " + (clientId + QLatin1Char(':') + clientSecret).toUtf8().toBase64();
}

FakeZoomServer::Response FakeZoomServer::token(const QUrlQuery& form) {
    const auto field = [&form](const char* name) {
        return form.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    const QString grant = field("grant_type");
    if (grant == QLatin1String("authorization_code")) {
        const auto code = m_codes.find(field("code"));
        if (code == m_codes.end())
            return json(400, oauthError(QStringLiteral("invalid_grant"),
                                        QStringLiteral("Invalid authorization code")));
        const QString challenge = QString::fromLatin1(
            QCryptographicHash::hash(field("code_verifier").toUtf8(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const bool ok = challenge == code->challenge && field("redirect_uri") == code->redirectUri;
        m_codes.erase(code); // single use
        if (!ok)
            return json(400, oauthError(QStringLiteral("invalid_grant"),
                                        QStringLiteral("Invalid code_verifier or redirect_uri")));
    } else if (grant == QLatin1String("refresh_token")) {
        if (m_currentRefresh.isEmpty() || field("refresh_token") != m_currentRefresh)
            return json(
                400, oauthError(QStringLiteral("invalid_grant"), QStringLiteral("Invalid Token!")));
    } else {
        return json(400, oauthError(QStringLiteral("unsupported_grant_type"),
                                    QStringLiteral("Unsupported grant type")));
    }
    const auto [access, refresh] = issueTokens(); // rotates: the old refresh token is spent
    return json(200, {{QStringLiteral("access_token"), access},
                      {QStringLiteral("token_type"), QStringLiteral("bearer")},
                      {QStringLiteral("refresh_token"), refresh},
                      {QStringLiteral("expires_in"), accessTokenLifetime},
                      {QStringLiteral("scope"), QStringLiteral("meeting:write meeting:read")}});
}

FakeZoomServer::Response FakeZoomServer::createMeeting(const QJsonObject& in) {
    const QDateTime start =
        QDateTime::fromString(in.value(QLatin1String("start_time")).toString(), Qt::ISODate);
    if (in.value(QLatin1String("type")).toInt() != 2 || !start.isValid() ||
        in.value(QLatin1String("duration")).toInt() <= 0)
        return json(400, apiError(300, QStringLiteral("Invalid meeting fields")));
    const QString id = QString::number(m_nextMeetingId++);
    QJsonObject meeting{
        {QStringLiteral("id"), id.toLongLong()},
        {QStringLiteral("uuid"), QStringLiteral("uuid-") + id},
        {QStringLiteral("host_id"), QStringLiteral("host-1")},
        {QStringLiteral("topic"), in.value(QLatin1String("topic"))},
        {QStringLiteral("type"), 2},
        {QStringLiteral("start_time"), in.value(QLatin1String("start_time"))},
        {QStringLiteral("duration"), in.value(QLatin1String("duration"))},
        {QStringLiteral("timezone"), in.value(QLatin1String("timezone"))},
        {QStringLiteral("join_url"), QStringLiteral("https://zoom.example/j/") + id},
        {QStringLiteral("start_url"), QStringLiteral("https://zoom.example/s/") + id},
    };
    m_meetings.insert(id, meeting);
    return json(201, meeting);
}

FakeZoomServer::Response FakeZoomServer::updateMeeting(const QString& id, const QJsonObject& in) {
    if (in.contains(QLatin1String("start_time")) &&
        !QDateTime::fromString(in.value(QLatin1String("start_time")).toString(), Qt::ISODate)
             .isValid())
        return json(400, apiError(300, QStringLiteral("Invalid meeting fields")));
    QJsonObject& meeting = m_meetings[id];
    for (const char* field : {"topic", "start_time", "duration", "timezone"}) {
        const QString key = QString::fromLatin1(field);
        if (in.contains(key))
            meeting.insert(key, in.value(key));
    }
    return Response{204, {}, {}, {}};
}

FakeZoomServer::Response FakeZoomServer::me() const {
    return json(200, {{QStringLiteral("id"), QStringLiteral("host-1")},
                      {QStringLiteral("first_name"), QStringLiteral("Alice")},
                      {QStringLiteral("last_name"), QStringLiteral("Example")},
                      {QStringLiteral("email"), accountEmail},
                      {QStringLiteral("type"), 1}});
}

FakeZoomServer::Response FakeZoomServer::revoke(const QString& token) {
    if (token.isEmpty())
        return json(400,
                    oauthError(QStringLiteral("invalid_request"), QStringLiteral("Missing token")));
    m_revoked.append(token);
    // The whole grant goes: its access tokens and its refresh token.
    m_validAccess.clear();
    m_currentRefresh.clear();
    return json(200, {{QStringLiteral("status"), QStringLiteral("success")}});
}

} // namespace slotdesk::test
