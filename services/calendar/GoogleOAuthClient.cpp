#include "calendar/GoogleOAuthClient.h"

#include "integration/OAuthTokenEndpoint.h"
#include "integration/ProviderHttp.h"

namespace slotdesk::google {

using integration::Failure;
using integration::ProviderReply;

GoogleOAuthClient::GoogleOAuthClient(Endpoints endpoints, QNetworkAccessManager* network,
                                     QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_network(network) {}

void GoogleOAuthClient::refresh(const integration::OAuthTokens& tokens, QObject* context,
                                std::function<void(ProviderReply, integration::OAuthTokens)> done) {
    auto credentials = ClientCredentials::load();
    if (!credentials) {
        done(ProviderReply::localFailure(Failure::Rejected, credentials.error().message), tokens);
        return;
    }
    integration::OAuthTokenEndpoint(provider(), m_endpoints.token, m_network, m_clock)
        .refresh(credentials->oauthClient(), tokens, context, std::move(done));
}

void GoogleOAuthClient::revoke(const QString& token, QObject* context,
                               std::function<void(ProviderReply)> done) {
    integration::sendRequest(
        m_network, provider().name, integration::formRequest(m_endpoints.revoke),
        QByteArrayLiteral("POST"), integration::formBody({{QStringLiteral("token"), token}}),
        context, std::move(done));
}

} // namespace slotdesk::google
