#pragma once
// OAuthTokens: the OAuth 2.0 tokens of one connected account (Google, Zoom, ...). They exist in
// memory and in the OS keychain (OAuthTokenStore) only — never in SQLite, never in a log line.
// The keychain holds them as the compact JSON of toJson(); fromJson() also reads what earlier
// versions stored there (the same keys, without "scope").

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace slotdesk::integration {

struct OAuthTokens {
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // UTC; invalid when the provider did not say
    QString scope;       // what the provider granted, space-separated; empty when it did not say

    // Whether the access token should be renewed before use at `now` (a minute's margin).
    [[nodiscard]] bool needsRefresh(const QDateTime& now) const;
    // {"accessToken", "refreshToken", "expiresAt" (epoch ms, when known), "scope" (when known)}
    [[nodiscard]] QByteArray toJson() const;
    // std::nullopt unless a JSON object with an access or a refresh token.
    static std::optional<OAuthTokens> fromJson(const QByteArray& json);
};

} // namespace slotdesk::integration
