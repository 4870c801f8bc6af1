// slotdesk-cli serve: the booking endpoint without a window, until SIGINT or SIGTERM.

#include "cli/Command.h"

#include "calendar/CalendarSyncService.h"
#include "video/ZoomService.h"
#include "web/BookingServer.h"
#include "web/LinkBuilder.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace slotdesk::cli {
namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int) {
    const char byte = 1;
    // write() is async-signal-safe; the event loop picks the byte up.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Turns SIGINT/SIGTERM into a clean QCoreApplication::quit().
void quitOnSignals(QObject* parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, parent);
    QObject::connect(notifier, &QSocketNotifier::activated, parent, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#else
void quitOnSignals(QObject*) {}
#endif

int serve(CliContext& c) {
    web::ServerConfig config;
    if (c.parser.isSet(QStringLiteral("listen"))) {
        if (auto s = web::parseListenAddress(c.parser.value(QStringLiteral("listen")), config); !s)
            return c.fail(s.error());
    }
    config.extraHosts = c.parser.values(QStringLiteral("allow-host"));
    if (c.parser.isSet(QStringLiteral("public-url"))) {
        auto url = web::parsePublicUrl(c.parser.value(QStringLiteral("public-url")));
        if (!url)
            return c.fail(url.error());
        config.publicUrl = *url;
    }
    for (const QString& proxy : c.parser.values(QStringLiteral("trusted-proxy"))) {
        auto subnet = web::parseTrustedProxy(proxy);
        if (!subnet)
            return c.fail(subnet.error());
        config.trustedProxies.append(*subnet);
    }
    const QString postLimit = QStringLiteral("max-booking-posts-per-minute");
    if (c.parser.isSet(postLimit)) {
        bool ok = false;
        const int limit = c.parser.value(postLimit).toInt(&ok);
        if (!ok || limit < 1 || limit > 100000)
            return c.fail(Error::validation(
                postLimit, QStringLiteral("'%1' is not a number of requests from 1 to 100000")
                               .arg(displayValue(c.parser.value(postLimit)))));
        config.bookingPostsPerMinute = limit;
    }

    web::BookingServer server(c.database(), config);
    if (auto s = server.start(); !s)
        return c.fail(s.error());
    // Google Calendar busy times and owed calendar writes, kept up to date while serving.
    CalendarSyncService calendarSync(c.database());
    // Zoom meetings for approved bookings that asked for Zoom (and their deletion on cancel);
    // a new link makes the waiting calendar insert due, so sync the calendar right after.
    video::ZoomService zoom(c.database());
    QObject::connect(&zoom, &video::ZoomService::meetingsCreated, &calendarSync,
                     [&calendarSync] { calendarSync.syncNow(); });
    zoom.start();
    calendarSync.start();
    // What attendees open: under the public URL when there is one.
    const QUrl pageBase = config.publicUrl.isEmpty() ? server.baseUrl() : config.publicUrl;
    QString pageUrl = pageBase.toString();
    if (auto admin = c.admin())
        pageUrl = web::LinkBuilder::under(pageBase, u'/' + admin->username);
    c.out() << "SlotDesk booking endpoint listening on " << server.baseUrl().toString() << Qt::endl;
    c.out() << "Booking page: " << pageUrl << Qt::endl;
    c.out() << "Database: " << c.database().displayName() << Qt::endl; // password masked
    c.out().flush();

    QObject lifetime;
    quitOnSignals(&lifetime);
    const int code = QCoreApplication::exec();
    c.out() << "Stopped." << Qt::endl;
    return code;
}

} // namespace

QList<Command> serveCommands() {
    Command command{
        QStringLiteral("serve"),
        {},
        0,
        QStringLiteral("Run the booking endpoint headless [--listen ADDR:PORT] [--public-url URL]"),
        {{QStringLiteral("listen"),
          QStringLiteral(
              "Address and port (default 127.0.0.1:8765; beyond loopback only when you say so)."),
          QStringLiteral("ADDR:PORT")},
         {QStringLiteral("allow-host"),
          QStringLiteral(
              "Another host name the Host header may carry (e.g. behind a reverse proxy)."),
          QStringLiteral("NAME")},
         {QStringLiteral("public-url"),
          QStringLiteral("The address attendees use, e.g. https://book.example.org behind a TLS "
                         "proxy: every link the endpoint hands out starts with it, and its host "
                         "is allowed in the Host header."),
          QStringLiteral("URL")},
         {QStringLiteral("trusted-proxy"),
          QStringLiteral("A reverse proxy's address or subnet (repeatable): its X-Forwarded-Proto, "
                         "X-Forwarded-Host and Forwarded headers are believed; nobody else's."),
          QStringLiteral("ADDR")},
         {QStringLiteral("max-booking-posts-per-minute"),
          QStringLiteral("Booking requests one client address may send per minute (default 10)."),
          QStringLiteral("N")}},
        serve};
    return {command};
}

} // namespace slotdesk::cli
