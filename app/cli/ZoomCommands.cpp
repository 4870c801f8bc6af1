// slotdesk-cli zoom set-client|connect|status|disconnect: the Zoom OAuth app and the admin's
// Zoom account for meeting links. Tokens and the app's client secret go to the OS keychain only
// (integration::OAuthTokenStore, keys "zoom/<integration id>" and "zoom/client/<client id>"); the
// database records the connection in video_integrations.

#include "cli/Command.h"

#include "integration/OAuthTokenStore.h"
#include "storage/VideoIntegrationRepository.h"
#include "video/ZoomClient.h"
#include "video/ZoomService.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QProcess>

#include <cstdio>
#include <optional>

namespace slotdesk::cli {
namespace {

const QString kZoom = QStringLiteral("zoom");

Error zoomFailure(const QString& message) {
    return Error{ErrorCode::Internal, message, {}};
}

QJsonValue integrationJson(const std::optional<storage::VideoIntegration>& i) {
    if (!i)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("id"), i->id},
                       {QStringLiteral("provider"), i->provider},
                       {QStringLiteral("accountEmail"),
                        i->accountEmail.isEmpty() ? QJsonValue() : QJsonValue(i->accountEmail)},
                       {QStringLiteral("status"), toText(i->status)},
                       {QStringLiteral("lastError"),
                        i->lastError.isEmpty() ? QJsonValue() : QJsonValue(i->lastError)}};
}

// The Zoom and keychain code log their progress and warnings; a command reports the outcome in
// one line instead (QT_LOGGING_RULES, which wins over this, brings the log back).
void quietLogs() {
    QLoggingCategory::setFilterRules(
        QStringLiteral("slotdesk.video.*=false\nslotdesk.integration.*=false"));
}

// The keychain answers asynchronously; this short-lived process just waits for it.
Result<zoom::ClientCredentials> loadClient() {
    integration::OAuthTokenStore store;
    QEventLoop loop;
    std::optional<Result<zoom::ClientCredentials>> loaded;
    zoom::ClientCredentials::load(&store, &loop, [&](Result<zoom::ClientCredentials> result) {
        loaded = std::move(result);
        loop.quit();
    });
    loop.exec(); // `done` never runs inside load()
    return *loaded;
}

int setClient(CliContext& c) {
    quietLogs();
    if (!missingOption(c, {QStringLiteral("client-id")}).isEmpty())
        return c.usage(QStringLiteral("zoom set-client needs --client-id"));
    const QString id = c.parser.value(QStringLiteral("client-id")).trimmed();
    // On the command line the secret would be visible to every user (ps, /proc): stdin only.
    const QString secret = QTextStream(stdin).readLine().trimmed();
    if (secret.isEmpty())
        return c.fail(Error::validation(
            QStringLiteral("clientSecret"),
            QStringLiteral("Give the client secret on standard input (zoom set-client "
                           "--client-id ID < file, or type it and press Enter)")));
    integration::OAuthTokenStore store;
    QEventLoop loop;
    std::optional<Status> saved;
    zoom::ClientCredentials::save({id, secret}, &store, &loop, [&](Status result) {
        saved = std::move(result);
        loop.quit();
    });
    loop.exec();
    if (!*saved)
        return c.fail(saved->error());
    const QString message = QStringLiteral("Saved the Zoom OAuth app %1: its client secret is in "
                                           "the system keychain, its ID in SlotDesk's settings")
                                .arg(displayValue(id));
    return c.print(
        QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("clientId"), id}},
        message);
}

int connectZoom(CliContext& c) {
    quietLogs();
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    if (auto client = loadClient(); !client)
        return c.fail(client.error());
    const bool openBrowser = !c.parser.isSet(QStringLiteral("no-browser"));
    zoom::ZoomService service(c.database());
    service.setClock(c.clock());
    service.setAdminUsername(c.parser.value(QStringLiteral("user")));
    service.setPassAfterConnect(false);
    QEventLoop loop;
    QTextStream err(stderr);
    bool granted = false;
    QString message;
    QObject::connect(&service, &zoom::ZoomService::authorizationUrlReady, &loop,
                     [&](const QUrl& url) {
                         QTextStream& to = c.json() ? err : c.out();
                         to << "Open this address in a browser to connect Zoom:\n  "
                            << url.toString(QUrl::FullyEncoded) << Qt::endl;
                         if (openBrowser)
                             QProcess::startDetached(QStringLiteral("xdg-open"),
                                                     {url.toString(QUrl::FullyEncoded)});
                     });
    QObject::connect(&service, &zoom::ZoomService::connectFinished, &loop,
                     [&](bool ok, const QString& m) {
                         granted = ok;
                         message = m;
                         loop.quit();
                     });
    service.connectZoom();
    if (service.isConnecting())
        loop.exec();
    if (!granted)
        return c.fail(zoomFailure(message));
    // The first pass (meetings already owed) runs from `serve` or the desktop app.
    auto saved = service.integration();
    if (!saved)
        return c.fail(saved.error());
    message += QStringLiteral(": approved bookings that ask for Zoom get a meeting link");
    return c.print(QJsonObject{{QStringLiteral("message"), message},
                               {QStringLiteral("integration"), integrationJson(*saved)}},
                   message);
}

int zoomStatus(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto found =
        storage::VideoIntegrationRepository(c.database().connection()).find(admin->id, kZoom);
    if (!found)
        return c.fail(found.error());
    QString text;
    if (!*found) {
        text = QStringLiteral("Zoom: not connected (slotdesk-cli zoom connect)");
    } else {
        text = QStringLiteral("Zoom: %1").arg(toText((*found)->status));
        if (!(*found)->accountEmail.isEmpty())
            text += QStringLiteral(" (%1)").arg((*found)->accountEmail);
        if (!(*found)->lastError.isEmpty())
            text += QStringLiteral("\nError: %1").arg((*found)->lastError);
    }
    return c.print(QJsonObject{{QStringLiteral("integration"), integrationJson(*found)}}, text);
}

int disconnectZoom(CliContext& c) {
    quietLogs();
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    zoom::ZoomService service(c.database());
    service.setClock(c.clock());
    service.setAdminUsername(c.parser.value(QStringLiteral("user")));
    auto found = service.integration();
    if (!found)
        return c.fail(found.error());
    if (!*found)
        return c.fail(Error::notFound(QStringLiteral("Zoom is not connected")));
    QEventLoop loop;
    bool ok = false;
    QString message;
    QObject::connect(&service, &zoom::ZoomService::disconnectFinished, &loop,
                     [&](bool done, const QString& m) {
                         ok = done;
                         message = m;
                         loop.quit();
                     });
    service.disconnectZoom();
    loop.exec();
    if (!ok)
        return c.fail(zoomFailure(message));
    message += QStringLiteral(": access revoked at Zoom, tokens removed from the system keychain");
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

} // namespace

QList<Command> zoomCommands() {
    return {
        {QStringLiteral("zoom set-client"),
         {},
         0,
         QStringLiteral("Save the Zoom OAuth app: --client-id ID, the secret on standard input"),
         {{QStringLiteral("client-id"), QStringLiteral("The app's client ID."),
           QStringLiteral("ID")}},
         setClient,
         {}},
        {QStringLiteral("zoom connect"),
         {},
         0,
         QStringLiteral("Connect a Zoom account (OAuth in the browser) [--no-browser]"),
         {{QStringLiteral("no-browser"),
           QStringLiteral("Only print the authorization address; don't open a browser.")}},
         connectZoom,
         {}},
        {QStringLiteral("zoom status"),
         {},
         0,
         QStringLiteral("Zoom connection"),
         {},
         zoomStatus,
         {}},
        {QStringLiteral("zoom disconnect"),
         {},
         0,
         QStringLiteral("Forget the Zoom account and its tokens"),
         {},
         disconnectZoom,
         {}},
    };
}

} // namespace slotdesk::cli
