#pragma once
// GoogleAuthorizationFlow: OAuth 2.0 for installed apps, the loopback way Google documents
// (integration::LoopbackAuthorizationFlow: 127.0.0.1 only, PKCE S256, a random state). Google's
// part: its endpoints, SlotDesk's calendar scopes, access_type=offline and prompt=consent (so a
// refresh token comes back every time), and the code exchange with the client id and secret in
// the request body.

#include "calendar/GoogleConfig.h"
#include "integration/LoopbackAuthorizationFlow.h"
#include "integration/OAuthTokenEndpoint.h"

class QNetworkAccessManager;

namespace slotdesk::google {

class GoogleAuthorizationFlow : public integration::LoopbackAuthorizationFlow {
    Q_OBJECT
public:
    GoogleAuthorizationFlow(Endpoints endpoints, ClientCredentials client, core::Clock clock = {},
                            QObject* parent = nullptr);

protected:
    void exchangeCode(const integration::AuthorizationCode& code,
                      integration::OAuthTokenEndpoint::Done done) override;

private:
    static integration::AuthorizationRequest authorizationRequest(const Endpoints& endpoints,
                                                                  const ClientCredentials& client);

    integration::OAuthClient m_client;
    QNetworkAccessManager* m_network;
    integration::OAuthTokenEndpoint m_tokenEndpoint;
};

} // namespace slotdesk::google
