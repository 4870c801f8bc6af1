#pragma once
// GoogleTokens: the OAuth tokens of one Google connection. They exist in memory and in the OS
// keychain (TokenStore) only — never in SQLite, never in a log line.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace slotdesk::google {

struct GoogleTokens {
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // UTC; invalid when Google did not say

    // Whether the access token should be renewed before use at `now` (a minute's margin).
    [[nodiscard]] bool needsRefresh(const QDateTime& now) const;
    [[nodiscard]] QByteArray toJson() const;
    static std::optional<GoogleTokens> fromJson(const QByteArray& json);
};

} // namespace slotdesk::google
