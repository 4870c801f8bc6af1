#include "video/ZoomAuthorizationFlow.h"

#include "video/ZoomClient.h"

namespace slotdesk::zoom {

ZoomAuthorizationFlow::ZoomAuthorizationFlow(const Endpoints& endpoints,
                                             const ClientCredentials& client, ZoomClient* tokens,
                                             QObject* parent)
    : integration::LoopbackAuthorizationFlow(
          {provider(),
           endpoints.authorization,
           client.clientId,
           {},
           {},
           tr("SlotDesk is now connected to Zoom. You can close this tab.")},
          parent)
    , m_tokens(tokens) {}

void ZoomAuthorizationFlow::exchangeCode(const integration::AuthorizationCode& code,
                                         integration::OAuthTokenEndpoint::Done done) {
    m_tokens->exchangeCode(code, this, std::move(done));
}

} // namespace slotdesk::zoom
