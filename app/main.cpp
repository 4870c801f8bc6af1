// slotdesk: the admin's desktop window. Composition root only: it reads the command line, opens
// the database, makes sure this is the only window on it, starts the services (booking link,
// Google Calendar, Zoom) on their thread and hands everything to the main window.

#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "calendar/CalendarSyncService.h"
#include "core/Clock.h"
#include "core/LogRedaction.h"
#include "core/QuitOnSignals.h"
#include "mail/MailDelivery.h"
#include "mail/ManageLinkFor.h"
#include "models/AdminSession.h"
#include "privacy/RetentionScheduler.h"
#include "models/ServiceThread.h"
#include "profile/ProfileService.h"
#include "storage/DatabaseSelection.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/BookingLink.h"
#include "ui/Localization.h"
#include "ui/MainWindow.h"
#include "ui/SingleInstance.h"
#include "video/ZoomService.h"
#include "web/BookingServer.h"
#include "web/LinkBuilder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

namespace {

using namespace slotdesk;

enum Exit { Ok = 0, UserError = 1, InternalError = 2 };

// On stderr always (scripts, logs), and in a dialog when there is a screen to show it on.
int refuse(const QString& message, Exit code) {
    QTextStream(stderr) << "slotdesk: " << message.simplified() << Qt::endl;
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::critical(nullptr, QApplication::translate("main", "SlotDesk"), message);
    return code;
}

void bringForward(ui::MainWindow& window, const QString& pageName) {
    QTextStream(stdout) << "Brought forward by another launch"
                        << (pageName.isEmpty() ? QString()
                                               : QStringLiteral(" (page %1)").arg(pageName))
                        << Qt::endl;
    if (const auto page = ui::MainWindow::pageFromName(pageName))
        window.showPage(*page);
    window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window.show();
    window.raise();
    window.activateWindow();
}

// An option that takes a value; `help` is marked with QT_TRANSLATE_NOOP("main", …) by the caller.
QCommandLineOption valueOption(const char* name, const char* help, const char* valueName) {
    return QCommandLineOption(QString::fromLatin1(name), QApplication::translate("main", help),
                              QString::fromLatin1(valueName));
}

} // namespace

int main(int argc, char* argv[]) {
    // Before anything can log: no token or forged line reaches a log (core/LogRedaction.h).
    installLogRedaction();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SlotDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("SlotDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("slotdesk"));
    // SIGTERM (a logout, `kill`) and SIGINT quit like the tray's Quit once the event loop runs:
    // the services' destructors then give back a calendar sync lease or Zoom claim held then.
    quitOnSignals(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Self-hosted scheduling on your desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir = valueOption(
        "data-dir",
        QT_TRANSLATE_NOOP(
            "main", "Data directory (default: $SLOTDESK_DATA_DIR or the application data folder)."),
        "DIR");
    const QCommandLineOption database = valueOption(
        "database",
        QT_TRANSLATE_NOOP(
            "main",
            "A PostgreSQL database instead of the local file: postgresql://user@host:port/dbname "
            "(default: $SLOTDESK_DATABASE_URL or the saved setting)."),
        "URL");
    const QCommandLineOption user = valueOption(
        "user", QT_TRANSLATE_NOOP("main", "The admin to work as, when the database has several."),
        "USERNAME");
    const QCommandLineOption listen = valueOption(
        "listen",
        QT_TRANSLATE_NOOP("main", "Serve the booking page on this address and port for this run "
                                  "(default: the saved setting, 127.0.0.1:8765)."),
        "ADDR:PORT");
    const QCommandLineOption publicUrl =
        valueOption("public-url",
                    QT_TRANSLATE_NOOP(
                        "main", "The address attendees use, e.g. https://book.example.org behind "
                                "an HTTPS proxy, for this run (default: the saved setting, none)."),
                    "URL");
    const QCommandLineOption page =
        valueOption("page",
                    QT_TRANSLATE_NOOP("main", "Open on a page: calendar, approvals, bookings, "
                                              "availability, integrations or settings."),
                    "NAME");
    const QCommandLineOption lang = valueOption(
        "lang", QT_TRANSLATE_NOOP("main", "Language: de, fr or en (default: the system's)."),
        "LANG");
    parser.addOptions({dataDir, database, user, listen, publicUrl, page, lang});
    parser.process(app);
    ui::installTranslations(app, parser.value(lang));

    if (parser.isSet(page) && !ui::MainWindow::pageFromName(parser.value(page)))
        return refuse(
            QApplication::translate("main", "There is no page called %1.").arg(parser.value(page)),
            UserError);
    web::ServerConfig listenOverride;
    if (parser.isSet(listen)) {
        if (auto parsed = web::parseListenAddress(parser.value(listen), listenOverride); !parsed)
            return refuse(QStringLiteral("--listen: %1").arg(parsed.error().message), UserError);
    }
    QUrl publicUrlOverride;
    if (parser.isSet(publicUrl)) {
        auto parsed = web::parsePublicUrl(parser.value(publicUrl));
        if (!parsed)
            return refuse(QStringLiteral("--public-url: %1").arg(parsed.error().message),
                          UserError);
        publicUrlOverride = *parsed;
    }

    // One window per database: a second launch brings the first one forward instead of
    // starting a second booking server. Decided before the database is opened (and migrated).
    ui::SingleInstance instance(
        storage::selectedDatabaseKey(parser.value(database), parser.value(dataDir)));
    switch (instance.claim(parser.value(page))) {
    case ui::SingleInstance::Role::Forwarded:
        QTextStream(stdout) << "SlotDesk is already running; brought its window forward."
                            << Qt::endl;
        return Ok;
    case ui::SingleInstance::Role::Unanswered:
        return refuse(QApplication::translate(
                          "main", "SlotDesk is already running on this database but does not "
                                  "answer. Close it (or end its process) and try again."),
                      UserError);
    case ui::SingleInstance::Role::Primary:
        if (!instance.errorString().isEmpty())
            QTextStream(stderr) << "slotdesk: cannot guard against a second instance: "
                                << instance.errorString() << Qt::endl;
        break;
    }

    // The one source of "now" for the services that take a clock: the system's.
    const core::Clock clock;
    // A SQLite file with an older schema is backed up before it is upgraded.
    auto opened = storage::openSelectedDatabase(parser.value(database), parser.value(dataDir),
                                                backup::BackupService::preMigrationHook(clock));
    if (!opened)
        return refuse(QApplication::translate("main", "SlotDesk cannot open its database.\n\n%1")
                          .arg(opened.error().message),
                      opened.error().isUserError() ? UserError : InternalError);
    storage::Database& db = **opened;

    // Several admins share a PostgreSQL database: the window works for one of them. A fresh
    // database has none yet — onboarding creates it.
    const QString username = parser.value(user);
    if (auto admin = ProfileService(db).admin(username);
        !admin && admin.error().code != ErrorCode::NotInitialized)
        return refuse(admin.error().message,
                      admin.error().isUserError() ? UserError : InternalError);

    // Stay in the tray when the window closes (MainWindow decides, when a tray exists).
    QApplication::setQuitOnLastWindowClosed(false);
    ui::Appearance::apply(ui::Appearance::savedTheme());

    // The booking endpoint, Google Calendar and Zoom live on a thread of their own, with their
    // own connection: a database far away holds them up, never the window. Declared before the
    // window, so they outlive it; the window talks to them by queued calls and signals.
    auto services = models::ServiceThread::start(db);
    if (!services)
        return refuse(QApplication::translate("main", "SlotDesk cannot open its database.\n\n%1")
                          .arg(services.error().message),
                      InternalError);
    auto* calendarSync = (*services)->make(
        [&clock](storage::Database& own) { return new CalendarSyncService(own, clock); });
    auto* zoom = (*services)->make([&clock](storage::Database& own) {
        auto* service = new zoom::ZoomService(own);
        service->setClock(clock);
        return service;
    });
    // The mails booking changes owe, delivered on a worker thread (joined on quit).
    mail::MailDelivery mailDelivery(db, clock);
    // The daily backup of a SQLite database (docs/BACKUP.md), on a thread of its own.
    backup::BackupScheduler backups(db, clock);
    // The admins' attendee-data retention (docs/BACKUP.md), on a thread of its own.
    privacy::RetentionScheduler retention(db, clock);
    ui::MainWindow window(db, username, clock);
    window.setIntegrationServices(calendarSync, zoom);
    window.setBackupScheduler(&backups);
    backups.start();
    retention.start();
    ui::BookingLink link(window.session(), **services, clock);
    QObject::connect(&link, &ui::BookingLink::changed, &window, &ui::MainWindow::setBookingLink);
    // Attendee mails link to their booking where attendees reach this computer's page: delivery
    // starts once the service thread has answered the first listen() below.
    QObject::connect(&link, &ui::BookingLink::changed, &mailDelivery, [&link, &mailDelivery] {
        mailDelivery.setManageLink(mail::manageLinkFor(link.attendeeBase()));
        if (!link.isPending())
            mailDelivery.start(); // once; again is a no-op
    });
    QObject::connect(&window, &ui::MainWindow::listenAddressChanged, &link,
                     [&link](const QString& address, quint16 port) { link.listen(address, port); });
    QObject::connect(&window, &ui::MainWindow::publicUrlChanged, &link,
                     &ui::BookingLink::setPublicUrl);
    QObject::connect(&instance, &ui::SingleInstance::activationRequested, &window,
                     [&window](const QString& message) { bringForward(window, message); });
    link.setPublicUrl(parser.isSet(publicUrl) ? publicUrlOverride : ui::AppSettings::publicUrl());
    if (parser.isSet(listen))
        link.listen(listenOverride.address.toString(), listenOverride.port);
    else
        link.listen(ui::AppSettings::listenAddress(), ui::AppSettings::listenPort());
    // The services' first passes queue up behind the link's listen().
    models::invokeOnThread(calendarSync, [](CalendarSyncService& service) { service.start(); });
    models::invokeOnThread(zoom, [](zoom::ZoomService& service) { service.start(); });
    // The link ends in the admin's username, which the window reads on its database thread, and
    // is online once the service thread listens: announced when both are known.
    QObject::connect(&link, &ui::BookingLink::changed, &link,
                     [&link, session = window.session(), announced = false]() mutable {
                         if (announced || !session->isLoaded() || link.isPending())
                             return;
                         announced = true;
                         QTextStream(stdout)
                             << "Booking link: " << link.url().toString()
                             << (link.isOnline()
                                     ? QString()
                                     : QStringLiteral(" (offline: %1)").arg(link.problem()))
                             << Qt::endl;
                         if (link.url() != link.localUrl())
                             QTextStream(stdout)
                                 << "Served at: " << link.localUrl().toString() << Qt::endl;
                     });

    if (parser.isSet(page))
        window.showPage(*ui::MainWindow::pageFromName(parser.value(page)));
    window.show();
    return QApplication::exec();
}
