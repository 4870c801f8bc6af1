#include "integration/OAuthTokenEndpoint.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOAuth, "slotdesk.integration.oauth")

namespace slotdesk::integration {

QByteArray OAuthClient::basicAuthorization() const {
    return QByteArrayLiteral("Basic ") +
           (clientId + QLatin1Char(':') + clientSecret).toUtf8().toBase64();
}

OAuthTokenEndpoint::OAuthTokenEndpoint(Provider provider, QUrl url, QNetworkAccessManager* network,
                                       core::Clock clock)
    : m_provider(std::move(provider))
    , m_url(std::move(url))
    , m_network(network)
    , m_clock(std::move(clock)) {}

void OAuthTokenEndpoint::exchangeCode(const OAuthClient& client, const AuthorizationCode& code,
                                      QObject* context, Done done) const {
    request(Grant::AuthorizationCode, client,
            {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
             {QStringLiteral("code"), code.code},
             {QStringLiteral("redirect_uri"), code.redirectUri.toString()},
             {QStringLiteral("code_verifier"), code.verifier}},
            {}, context, std::move(done));
}

void OAuthTokenEndpoint::refresh(const OAuthClient& client, const OAuthTokens& tokens,
                                 QObject* context, Done done) const {
    if (tokens.refreshToken.isEmpty()) {
        done(ProviderReply::localFailure(Failure::AuthRevoked,
                                         QStringLiteral("%1 gave SlotDesk no refresh token: "
                                                        "reconnect %2")
                                             .arg(m_provider.name, m_provider.product)),
             tokens);
        return;
    }
    qCDebug(lcOAuth).noquote() << "refreshing the" << m_provider.name << "access token";
    request(Grant::RefreshToken, client,
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
             {QStringLiteral("refresh_token"), tokens.refreshToken}},
            tokens, context, std::move(done));
}

void OAuthTokenEndpoint::request(Grant grant, const OAuthClient& client, FormFields fields,
                                 const OAuthTokens& previous, QObject* context, Done done) const {
    QNetworkRequest request = formRequest(m_url);
    if (client.authentication == OAuthClient::Authentication::HttpBasic) {
        request.setRawHeader("Authorization", client.basicAuthorization());
    } else {
        fields.append({QStringLiteral("client_id"), client.clientId});
        if (!client.clientSecret.isEmpty())
            fields.append({QStringLiteral("client_secret"), client.clientSecret});
    }
    sendRequest(
        m_network, m_provider.name, request, QByteArrayLiteral("POST"), formBody(fields), context,
        [grant, previous, provider = m_provider, clock = m_clock,
         done = std::move(done)](ProviderReply reply) {
            if (!reply.ok()) {
                // invalid_grant (a code or refresh token revoked, expired, already used, or a
                // wrong verifier) or a client that no longer exists: only a new consent helps.
                if (reply.failure == Failure::AuthRevoked || reply.httpStatus == 400 ||
                    reply.httpStatus == 401) {
                    const QString why = reply.reason.isEmpty()
                                            ? QStringLiteral("HTTP %1").arg(reply.httpStatus)
                                            : reply.reason;
                    reply.failure = Failure::AuthRevoked;
                    reply.message =
                        grant == Grant::AuthorizationCode
                            ? QStringLiteral("%1 refused the authorization code (%2)")
                                  .arg(provider.name, why)
                            : QStringLiteral("%1 refused SlotDesk's access (%2): reconnect %3")
                                  .arg(provider.name, why, provider.product);
                }
                done(reply, previous);
                return;
            }
            OAuthTokens tokens = previous;
            tokens.accessToken = reply.body.value(QLatin1String("access_token")).toString();
            const QString refreshToken =
                reply.body.value(QLatin1String("refresh_token")).toString();
            if (!refreshToken.isEmpty())
                tokens.refreshToken = refreshToken;
            const int expiresIn = reply.body.value(QLatin1String("expires_in")).toInt(0);
            tokens.expiresAt = expiresIn > 0 ? clock.now().addSecs(expiresIn) : QDateTime();
            const QString scope = reply.body.value(QLatin1String("scope")).toString();
            if (!scope.isEmpty())
                tokens.scope = scope;
            if (tokens.accessToken.isEmpty()) {
                done(ProviderReply::localFailure(
                         Failure::Rejected,
                         QStringLiteral("%1's token endpoint sent no access token")
                             .arg(provider.name)),
                     previous);
                return;
            }
            done(reply, tokens);
        });
}

} // namespace slotdesk::integration
