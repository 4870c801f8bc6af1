#include "ui/AppSettings.h"

#include "web/LinkBuilder.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace slotdesk::ui {

QSettings AppSettings::settings() {
    if (QStandardPaths::isTestModeEnabled()) {
        // A throw-away file in the test-mode config location, one per test program (they run
        // in parallel), whether or not QSettings had cached its search path before test mode.
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        return QSettings(
            QStringLiteral("%1/SlotDesk/%2.conf").arg(dir, QCoreApplication::applicationName()),
            QSettings::IniFormat);
    }
    return QSettings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
}

QString AppSettings::listenAddress() {
    return settings()
        .value(QStringLiteral("server/address"), QStringLiteral("127.0.0.1"))
        .toString();
}

quint16 AppSettings::listenPort() {
    bool ok = false;
    const uint port = settings().value(QStringLiteral("server/port"), kDefaultPort).toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? static_cast<quint16>(port) : kDefaultPort;
}

void AppSettings::setListen(const QString& address, quint16 port) {
    QSettings s = settings();
    s.setValue(QStringLiteral("server/address"), address);
    s.setValue(QStringLiteral("server/port"), port);
}

QUrl AppSettings::publicUrl() {
    const QString saved = settings().value(QStringLiteral("server/publicUrl")).toString();
    if (saved.isEmpty())
        return {};
    auto parsed = web::parsePublicUrl(saved);
    return parsed ? *parsed : QUrl();
}

void AppSettings::setPublicUrl(const QUrl& url) {
    QSettings s = settings();
    if (url.isEmpty())
        s.remove(QStringLiteral("server/publicUrl"));
    else
        s.setValue(QStringLiteral("server/publicUrl"), url.toString());
}

QUrl AppSettings::bookingUrl(const QString& username) {
    if (const QUrl base = publicUrl(); !base.isEmpty())
        return QUrl(web::LinkBuilder::under(base, QLatin1Char('/') + username));
    QString host = listenAddress();
    // A wildcard address is where the server listens, not where a browser can go.
    if (host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        host = QStringLiteral("localhost");
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(listenPort());
    url.setPath(QLatin1Char('/') + username);
    return url;
}

} // namespace slotdesk::ui
