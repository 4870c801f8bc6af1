#include "integration/OAuthTokens.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace slotdesk::integration {

bool OAuthTokens::needsRefresh(const QDateTime& now) const {
    if (accessToken.isEmpty())
        return true;
    return expiresAt.isValid() && now.addSecs(60) >= expiresAt;
}

QByteArray OAuthTokens::toJson() const {
    QJsonObject object{{QStringLiteral("accessToken"), accessToken},
                       {QStringLiteral("refreshToken"), refreshToken}};
    if (expiresAt.isValid())
        object.insert(QStringLiteral("expiresAt"), expiresAt.toMSecsSinceEpoch());
    if (!scope.isEmpty())
        object.insert(QStringLiteral("scope"), scope);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<OAuthTokens> OAuthTokens::fromJson(const QByteArray& json) {
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    OAuthTokens tokens;
    tokens.accessToken = object.value(QLatin1String("accessToken")).toString();
    tokens.refreshToken = object.value(QLatin1String("refreshToken")).toString();
    if (object.contains(QLatin1String("expiresAt")))
        tokens.expiresAt = QDateTime::fromMSecsSinceEpoch(
            object.value(QLatin1String("expiresAt")).toInteger(), Qt::UTC);
    tokens.scope = object.value(QLatin1String("scope")).toString();
    if (tokens.accessToken.isEmpty() && tokens.refreshToken.isEmpty())
        return std::nullopt;
    return tokens;
}

} // namespace slotdesk::integration
