#include "caldav/CalDavAccount.h"

#include "integration/ProviderHttp.h"

namespace slotdesk::caldav {

integration::Provider provider() {
    return {QStringLiteral("The CalDAV server"), QStringLiteral("CalDAV")};
}

Result<QUrl> parseServerUrl(const QString& text) {
    const QString field = QStringLiteral("url");
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return Error::validation(
            field, QStringLiteral("Not a web address: %1").arg(displayValue(text.trimmed())));
    if (url.scheme() == QLatin1String("http") && !integration::isLoopback(url))
        return Error::validation(field, QStringLiteral("The CalDAV address must start with "
                                                       "https:// (a password must not travel "
                                                       "unencrypted)"));
    if (!url.userInfo().isEmpty())
        return Error::validation(field, QStringLiteral("Give the user name and password "
                                                       "separately, not inside the address"));
    url.setFragment({});
    url.setQuery(QString());
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

Result<CalDavAccount> makeAccount(const QString& url, const QString& username,
                                  const QString& password) {
    auto serverUrl = parseServerUrl(url);
    if (!serverUrl)
        return serverUrl.error();
    if (username.trimmed().isEmpty())
        return Error::validation(QStringLiteral("username"),
                                 QStringLiteral("Give the CalDAV user name"));
    if (password.isEmpty())
        return Error::validation(QStringLiteral("password"),
                                 QStringLiteral("Give the CalDAV password (or app password)"));
    return CalDavAccount{*serverUrl, username.trimmed(), password.toUtf8()};
}

QString keychainKeyFor(const QString& integrationId) {
    return QStringLiteral("caldav/") + integrationId;
}

} // namespace slotdesk::caldav
