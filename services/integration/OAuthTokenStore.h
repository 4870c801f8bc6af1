#pragma once
// OAuthTokenStore: OAuthTokens in the OS keychain — a KeychainSecretStore whose entries hold the
// tokens' JSON (OAuthTokens::toJson). The same store reads and writes plain secrets too, so an
// integration that keeps both (Zoom: its tokens and its app's client secret) needs one.

#include "integration/KeychainSecretStore.h"
#include "integration/OAuthTokens.h"

namespace slotdesk::integration {

class OAuthTokenStore : public KeychainSecretStore {
    Q_OBJECT
public:
    explicit OAuthTokenStore(QObject* parent = nullptr);

    // NotFound when there is no entry or it holds no tokens; an Internal error when the keychain
    // can't be used.
    void read(const QString& key, QObject* context, std::function<void(Result<OAuthTokens>)> done);
    void write(const QString& key, const OAuthTokens& tokens, QObject* context,
               std::function<void(Status)> done);
};

} // namespace slotdesk::integration
