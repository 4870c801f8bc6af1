#pragma once
// OAuthTokenEndpoint: a provider's OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6) — the
// authorization-code grant with its PKCE verifier (RFC 7636), and the refresh grant. The grant
// is POSTed as a form; the client authenticates in the body (Google's installed apps) or as HTTP
// Basic credentials (Zoom); the answer becomes OAuthTokens. A refused grant is AuthRevoked: only
// a new consent helps. Nothing is stored here — the caller decides when the tokens go to the
// keychain (at once where the provider rotates refresh tokens).

#include "core/Clock.h"
#include "integration/OAuthTokens.h"
#include "integration/Provider.h"
#include "integration/ProviderHttp.h"

#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::integration {

// An OAuth client (the app registered with the provider) and how it proves who it is.
struct OAuthClient {
    enum class Authentication { RequestBody, HttpBasic };
    QString clientId;
    QString clientSecret; // may be empty for RequestBody (then none is sent)
    Authentication authentication = Authentication::RequestBody;

    // "Basic base64(id:secret)"
    [[nodiscard]] QByteArray basicAuthorization() const;
};

// What the browser's redirect brought back, with what exchanging it needs.
struct AuthorizationCode {
    QString code;
    QString verifier; // the PKCE code_verifier whose challenge the authorization request carried
    QUrl redirectUri; // the one the code was issued for
};

class OAuthTokenEndpoint {
public:
    // `done` gets the reply and the tokens: the new ones on success, the previous ones otherwise.
    using Done = std::function<void(ProviderReply, OAuthTokens)>;

    OAuthTokenEndpoint(Provider provider, QUrl url, QNetworkAccessManager* network,
                       core::Clock clock = {});

    void exchangeCode(const OAuthClient& client, const AuthorizationCode& code, QObject* context,
                      Done done) const;
    // A new access token for `tokens.refreshToken`. Where the provider sends no new refresh token
    // the old one is kept; where it does (Zoom rotates it) the new one is in the result.
    void refresh(const OAuthClient& client, const OAuthTokens& tokens, QObject* context,
                 Done done) const;

private:
    enum class Grant { AuthorizationCode, RefreshToken };
    void request(Grant grant, const OAuthClient& client, FormFields fields,
                 const OAuthTokens& previous, QObject* context, Done done) const;

    Provider m_provider;
    QUrl m_url;
    QNetworkAccessManager* m_network;
    core::Clock m_clock;
};

} // namespace slotdesk::integration
