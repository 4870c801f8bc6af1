#include "icsfeed/IcsFeedAddress.h"

#include "integration/ProviderHttp.h"

namespace slotdesk::icsfeed {

Result<QUrl> parseFeedUrl(const QString& text) {
    const QString field = QStringLiteral("url");
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (url.scheme() == QLatin1String("webcal") || url.scheme() == QLatin1String("webcals"))
        url.setScheme(QStringLiteral("https"));
    if (!url.isValid() || url.host().isEmpty())
        return Error::validation(field, QStringLiteral("Not a web address"));
    const bool loopback = integration::isLoopback(url);
    if (url.scheme() != QLatin1String("https") &&
        !(url.scheme() == QLatin1String("http") && loopback))
        return Error::validation(field, QStringLiteral("The feed address must start with "
                                                       "https:// (or webcal://)"));
    url.setFragment({});
    return url;
}

QString redacted(const QUrl& url) {
    QUrl shown;
    shown.setScheme(url.scheme());
    shown.setHost(url.host());
    if (url.port() != -1)
        shown.setPort(url.port());
    return shown.toString() + QStringLiteral("/…");
}

QString keychainKeyFor(const QString& integrationId) {
    return QStringLiteral("ics-feed/") + integrationId;
}

} // namespace slotdesk::icsfeed
