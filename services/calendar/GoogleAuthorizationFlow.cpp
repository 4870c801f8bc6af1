#include "calendar/GoogleAuthorizationFlow.h"

#include <QNetworkAccessManager>

namespace slotdesk::google {

GoogleAuthorizationFlow::GoogleAuthorizationFlow(Endpoints endpoints, ClientCredentials client,
                                                 core::Clock clock, QObject* parent)
    : integration::LoopbackAuthorizationFlow(authorizationRequest(endpoints, client), parent)
    , m_client(client.oauthClient())
    , m_network(new QNetworkAccessManager(this))
    , m_tokenEndpoint(provider(), endpoints.token, m_network, std::move(clock)) {}

integration::AuthorizationRequest
GoogleAuthorizationFlow::authorizationRequest(const Endpoints& endpoints,
                                              const ClientCredentials& client) {
    return {provider(),
            endpoints.authorization,
            client.clientId,
            oauthScopes(),
            {{QStringLiteral("access_type"), QStringLiteral("offline")},
             {QStringLiteral("prompt"), QStringLiteral("consent")}},
            tr("SlotDesk is now connected to Google Calendar. You can close this tab.")};
}

void GoogleAuthorizationFlow::exchangeCode(const integration::AuthorizationCode& code,
                                           integration::OAuthTokenEndpoint::Done done) {
    m_tokenEndpoint.exchangeCode(m_client, code, this, std::move(done));
}

} // namespace slotdesk::google
