#include "calendar/GoogleOAuthClient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcOAuth, "slotdesk.calendar.oauth")

namespace slotdesk::google {
namespace {

// application/x-www-form-urlencoded, every reserved character percent-encoded.
QByteArray formBody(const QList<std::pair<QString, QString>>& fields) {
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QNetworkRequest formRequest(const QUrl& url) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    return request;
}

} // namespace

GoogleOAuthClient::GoogleOAuthClient(Endpoints endpoints, QNetworkAccessManager* network,
                                     QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_network(network) {}

void GoogleOAuthClient::refresh(const GoogleTokens& tokens, QObject* context,
                                std::function<void(GoogleReply, GoogleTokens)> done) {
    if (tokens.refreshToken.isEmpty()) {
        done(
            GoogleReply::localFailure(
                Failure::AuthRevoked,
                QStringLiteral("Google gave SlotDesk no refresh token: reconnect Google Calendar")),
            tokens);
        return;
    }
    auto credentials = ClientCredentials::load();
    if (!credentials) {
        done(GoogleReply::localFailure(Failure::Rejected, credentials.error().message), tokens);
        return;
    }
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), tokens.refreshToken},
        {QStringLiteral("client_id"), credentials->clientId}};
    if (!credentials->clientSecret.isEmpty())
        fields.append({QStringLiteral("client_secret"), credentials->clientSecret});
    qCDebug(lcOAuth) << "refreshing the access token";
    sendRequest(
        m_network, formRequest(m_endpoints.token), QByteArrayLiteral("POST"), formBody(fields),
        context, [tokens, done = std::move(done)](GoogleReply reply) {
            GoogleTokens renewed = tokens;
            if (reply.ok()) {
                renewed.accessToken = reply.body.value(QLatin1String("access_token")).toString();
                const int expiresIn = reply.body.value(QLatin1String("expires_in")).toInt(0);
                renewed.expiresAt = expiresIn > 0
                                        ? QDateTime::currentDateTimeUtc().addSecs(expiresIn)
                                        : QDateTime();
                const QString newRefresh =
                    reply.body.value(QLatin1String("refresh_token")).toString();
                if (!newRefresh.isEmpty())
                    renewed.refreshToken = newRefresh;
                if (renewed.accessToken.isEmpty())
                    reply = GoogleReply::localFailure(
                        Failure::Rejected,
                        QStringLiteral("Google's token endpoint sent no access token"));
            } else if (reply.failure == Failure::AuthRevoked ||
                       (reply.httpStatus == 400 || reply.httpStatus == 401)) {
                // invalid_grant (revoked, expired, password changed) or a client that
                // no longer exists: only a new consent helps.
                reply.failure = Failure::AuthRevoked;
                reply.message = QStringLiteral("Google refused SlotDesk's access (%1): reconnect "
                                               "Google Calendar")
                                    .arg(reply.reason.isEmpty()
                                             ? QStringLiteral("HTTP %1").arg(reply.httpStatus)
                                             : reply.reason);
            }
            done(reply, renewed);
        });
}

void GoogleOAuthClient::revoke(const QString& token, QObject* context,
                               std::function<void(GoogleReply)> done) {
    sendRequest(m_network, formRequest(m_endpoints.revoke), QByteArrayLiteral("POST"),
                formBody({{QStringLiteral("token"), token}}), context, std::move(done));
}

} // namespace slotdesk::google
