#pragma once
// ZoomAuthorizationFlow: connecting a Zoom account the way Zoom documents for OAuth apps —
// integration::LoopbackAuthorizationFlow (authorization code with PKCE S256 and a random state,
// the browser redirected to 127.0.0.1 only). Zoom's part: its authorization endpoint (no scope
// parameter: a Zoom app's scopes are set in its Marketplace page) and the code exchange by
// ZoomClient::exchangeCode (HTTP Basic client credentials), which stores the tokens in the
// keychain entry the client was made for before granted() is emitted.

#include "integration/LoopbackAuthorizationFlow.h"
#include "video/ZoomConfig.h"

namespace slotdesk::zoom {

class ZoomClient;

class ZoomAuthorizationFlow : public integration::LoopbackAuthorizationFlow {
    Q_OBJECT
public:
    ZoomAuthorizationFlow(const Endpoints& endpoints, const ClientCredentials& client,
                          ZoomClient* tokens, QObject* parent = nullptr);

protected:
    void exchangeCode(const integration::AuthorizationCode& code,
                      integration::OAuthTokenEndpoint::Done done) override;

private:
    ZoomClient* m_tokens;
};

} // namespace slotdesk::zoom
