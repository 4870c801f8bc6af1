// slotdesk-cli serve: the booking endpoint without a window, until SIGINT or SIGTERM.

#include "cli/Command.h"

#include "backup/BackupScheduler.h"
#include "calendar/CalendarSyncService.h"
#include "core/QuitOnSignals.h"
#include "mail/MailDelivery.h"
#include "mail/ManageLinkFor.h"
#include "privacy/RetentionScheduler.h"
#include "video/ZoomService.h"
#include "web/BookingServer.h"
#include "web/LinkBuilder.h"

#include <QCoreApplication>

namespace slotdesk::cli {
namespace {

int serve(CliContext& c) {
    // SIGINT/SIGTERM end the event loop (also one that arrives before it runs); leaving this
    // scope then abandons a calendar sync or Zoom pass under way and releases its lease or
    // claim (the services' destructors).
    QObject lifetime;
    quitOnSignals(&lifetime);
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
    // A whole number from `low` to `high` for --NAME, when given.
    const auto number = [&c](const QString& name, int low, int high, const QString& what,
                             int& into) -> Status {
        if (!c.parser.isSet(name))
            return success();
        bool ok = false;
        const int value = c.parser.value(name).toInt(&ok);
        if (!ok || value < low || value > high)
            return Error::validation(name,
                                     QStringLiteral("'%1' is not a number of %2 from %3 to %4")
                                         .arg(displayValue(c.parser.value(name)), what)
                                         .arg(low)
                                         .arg(high));
        into = value;
        return success();
    };
    for (const Status& s :
         {number(QStringLiteral("max-booking-posts-per-minute"), 1, 100000,
                 QStringLiteral("requests"), config.bookingPostsPerMinute),
          number(QStringLiteral("max-connections"), 1, 1000000, QStringLiteral("connections"),
                 config.maxConnections),
          number(QStringLiteral("max-connections-per-client"), 0, 1000000,
                 QStringLiteral("connections"), config.maxConnectionsPerClient)}) {
        if (!s)
            return c.fail(s.error());
    }

    web::BookingServer server(c.database(), config, c.clock());
    if (auto s = server.start(); !s)
        return c.fail(s.error());
    // Google Calendar busy times and owed calendar writes, kept up to date while serving.
    CalendarSyncService calendarSync(c.database(), c.clock());
    // Zoom meetings for approved bookings that asked for Zoom (and their deletion on cancel);
    // a new link makes the waiting calendar insert due, so sync the calendar right after.
    zoom::ZoomService zoom(c.database());
    zoom.setClock(c.clock());
    QObject::connect(&zoom, &zoom::ZoomService::meetingsCreated, &calendarSync,
                     [&calendarSync] { calendarSync.syncNow(); });
    zoom.start();
    calendarSync.start();
    // The mails booking changes owe (from this endpoint, the CLI, the desktop app), on a worker
    // thread; the destructor joins it.
    mail::MailDelivery mailDelivery(c.database(), c.clock());
    // What attendees open: under the public URL when there is one.
    const QUrl pageBase = config.publicUrl.isEmpty() ? server.baseUrl() : config.publicUrl;
    // Attendee mails link to their booking where attendees reach this endpoint.
    mailDelivery.setManageLink(mail::manageLinkFor(pageBase));
    if (!c.parser.isSet(QStringLiteral("no-mail")))
        mailDelivery.start();
    // The daily backup of a SQLite database (docs/BACKUP.md), off the endpoint's thread.
    backup::BackupScheduler backups(c.database(), c.clock());
    backups.start();
    // The admins' attendee-data retention, on both engines.
    privacy::RetentionScheduler retention(c.database(), c.clock());
    retention.start();
    QString pageUrl = pageBase.toString();
    if (auto admin = c.admin())
        pageUrl = web::LinkBuilder::under(pageBase, u'/' + admin->username);
    c.out() << "SlotDesk booking endpoint listening on " << server.baseUrl().toString() << Qt::endl;
    c.out() << "Booking page: " << pageUrl << Qt::endl;
    c.out() << "Database: " << c.database().displayName() << Qt::endl; // password masked
    c.out().flush();

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
          QStringLiteral("N")},
         {QStringLiteral("max-connections"),
          QStringLiteral("Connections open at once (default 1024, fewer when the open-files "
                         "limit is lower; keep it below that limit)."),
          QStringLiteral("N")},
         {QStringLiteral("max-connections-per-client"),
          QStringLiteral("Connections one client address may hold open (default 64; 0: no cap)."),
          QStringLiteral("N")},
         {QStringLiteral("no-mail"),
          QStringLiteral("Do not deliver owed e-mails from this process (another one does).")}},
        serve,
        {}};
    return {command};
}

} // namespace slotdesk::cli
