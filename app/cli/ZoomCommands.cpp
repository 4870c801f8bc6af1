// slotdesk-cli zoom connect|status|disconnect: the admin's Zoom account for meeting links.
// Tokens go to the OS keychain only (google::TokenStore, key "zoom/<integration id>"); the
// database records the connection in video_integrations.

#include "cli/Command.h"

#include "calendar/TokenStore.h"
#include "video/VideoIntegrationRepository.h"
#include "video/ZoomAuthorizationFlow.h"
#include "video/ZoomClient.h"

#include "storage/SqlSupport.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>

namespace slotdesk::cli {
namespace {

const QString kZoom = QStringLiteral("zoom");

Error zoomFailure(const QString& message) {
    return Error{ErrorCode::Internal, message, {}};
}

QJsonValue integrationJson(const std::optional<video::VideoIntegration>& i) {
    if (!i)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("id"), i->id},
                       {QStringLiteral("provider"), i->provider},
                       {QStringLiteral("accountEmail"),
                        i->accountEmail.isEmpty() ? QJsonValue() : QJsonValue(i->accountEmail)},
                       {QStringLiteral("status"), i->status},
                       {QStringLiteral("lastError"),
                        i->lastError.isEmpty() ? QJsonValue() : QJsonValue(i->lastError)}};
}

int connectZoom(CliContext& c) {
    QLoggingCategory::setFilterRules(
        QStringLiteral("slotdesk.video.*=false\nslotdesk.calendar.*=false"));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto client = zoom::ClientCredentials::load();
    if (!client)
        return c.fail(client.error());
    const bool openBrowser = !c.parser.isSet(QStringLiteral("no-browser"));
    video::VideoIntegrationRepository repo(c.database().connection());

    video::VideoIntegration integration;
    integration.id = storage::newId();
    integration.userId = admin->id;
    QNetworkAccessManager network;
    google::TokenStore store;
    zoom::ZoomClient tokens(zoom::Endpoints::fromEnvironment(), &network, &store,
                            zoom::keychainKeyFor(integration.id));
    zoom::ZoomAuthorizationFlow flow(zoom::Endpoints::fromEnvironment(), *client, &tokens);
    QEventLoop loop;
    QTextStream err(stderr);
    bool granted = false;
    QString message;
    QObject::connect(&flow, &zoom::ZoomAuthorizationFlow::authorizationUrlReady, &loop,
                     [&](const QUrl& url) {
                         QTextStream& to = c.json() ? err : c.out();
                         to << "Open this address in a browser to connect Zoom:\n  "
                            << url.toString(QUrl::FullyEncoded) << Qt::endl;
                         if (openBrowser)
                             QProcess::startDetached(QStringLiteral("xdg-open"),
                                                     {url.toString(QUrl::FullyEncoded)});
                     });
    QObject::connect(&flow, &zoom::ZoomAuthorizationFlow::granted, &loop, [&] {
        granted = true;
        loop.quit();
    });
    QObject::connect(&flow, &zoom::ZoomAuthorizationFlow::failed, &loop, [&](const QString& m) {
        message = m;
        loop.quit();
    });
    flow.start();
    if (!granted && message.isEmpty())
        loop.exec();
    if (!granted)
        return c.fail(zoomFailure(message));

    // Replace an earlier connection: its keychain entry goes too.
    auto previous = repo.find(admin->id, kZoom);
    if (previous && *previous) {
        QEventLoop removing;
        store.remove(zoom::keychainKeyFor((*previous)->id), &removing,
                     [&](const Status&) { removing.quit(); });
        removing.exec();
    }
    auto saved = repo.save(integration);
    if (!saved)
        return c.fail(saved.error());
    message = QStringLiteral("Zoom connected: approved bookings that ask for Zoom get a meeting "
                             "link");
    return c.print(QJsonObject{{QStringLiteral("message"), message},
                               {QStringLiteral("integration"), integrationJson(*saved)}},
                   message);
}

int zoomStatus(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto found =
        video::VideoIntegrationRepository(c.database().connection()).find(admin->id, kZoom);
    if (!found)
        return c.fail(found.error());
    QString text;
    if (!*found) {
        text = QStringLiteral("Zoom: not connected (slotdesk-cli zoom connect)");
    } else {
        text = QStringLiteral("Zoom: %1").arg((*found)->status);
        if (!(*found)->lastError.isEmpty())
            text += QStringLiteral("\nError: %1").arg((*found)->lastError);
    }
    return c.print(QJsonObject{{QStringLiteral("integration"), integrationJson(*found)}}, text);
}

int disconnectZoom(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    video::VideoIntegrationRepository repo(c.database().connection());
    auto found = repo.find(admin->id, kZoom);
    if (!found)
        return c.fail(found.error());
    if (!*found)
        return c.fail(Error::notFound(QStringLiteral("Zoom is not connected")));
    google::TokenStore store;
    QEventLoop loop;
    Status removed = success();
    store.remove(zoom::keychainKeyFor((*found)->id), &loop, [&](const Status& s) {
        removed = s;
        loop.quit();
    });
    loop.exec();
    if (!removed)
        return c.fail(removed.error());
    if (auto deleted = repo.remove(admin->id, kZoom); !deleted)
        return c.fail(deleted.error());
    const QString message =
        QStringLiteral("Zoom disconnected: its tokens are removed from the system keychain");
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

} // namespace

QList<Command> zoomCommands() {
    return {
        {QStringLiteral("zoom connect"),
         {},
         0,
         QStringLiteral("Connect a Zoom account (OAuth in the browser) [--no-browser]"),
         {{QStringLiteral("no-browser"),
           QStringLiteral("Only print the authorization address; don't open a browser.")}},
         connectZoom},
        {QStringLiteral("zoom status"), {}, 0, QStringLiteral("Zoom connection"), {}, zoomStatus},
        {QStringLiteral("zoom disconnect"),
         {},
         0,
         QStringLiteral("Forget the Zoom account and its tokens"),
         {},
         disconnectZoom},
    };
}

} // namespace slotdesk::cli
