#include "integration/OAuthTokenStore.h"

namespace slotdesk::integration {

OAuthTokenStore::OAuthTokenStore(QObject* parent)
    : KeychainSecretStore(parent) {}

void OAuthTokenStore::read(const QString& key, QObject* context,
                           std::function<void(Result<OAuthTokens>)> done) {
    readSecret(key, context, [done = std::move(done)](const Result<QByteArray>& data) {
        if (!data) {
            done(data.error());
            return;
        }
        auto tokens = OAuthTokens::fromJson(*data);
        if (!tokens) {
            done(Error::notFound(
                QStringLiteral("The sign-in tokens in the system keychain are unreadable: "
                               "reconnect the account on the Integrations page")));
            return;
        }
        done(*tokens);
    });
}

void OAuthTokenStore::write(const QString& key, const OAuthTokens& tokens, QObject* context,
                            std::function<void(Status)> done) {
    writeSecret(key, tokens.toJson(), context, std::move(done));
}

} // namespace slotdesk::integration
