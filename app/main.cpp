// slotdesk: the admin's desktop window. Composition root only: it opens the database and hands
// it to the main window.

#include "storage/Database.h"
#include "ui/Appearance.h"
#include "ui/Localization.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SlotDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("SlotDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("slotdesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Self-hosted scheduling on your desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QApplication::translate("main", "Data directory (default: $SLOTDESK_DATA_DIR or the "
                                        "application data folder)."),
        QStringLiteral("DIR"));
    parser.addOption(dataDir);
    const QCommandLineOption page(
        QStringLiteral("page"),
        QApplication::translate("main", "Open on a page: calendar, approvals, bookings, "
                                        "availability, integrations or settings."),
        QStringLiteral("NAME"));
    parser.addOption(page);
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QApplication::translate("main", "Language: de, fr or en (default: the system's)."),
        QStringLiteral("LANG"));
    parser.addOption(lang);
    parser.process(app);
    slotdesk::ui::installTranslations(app, parser.value(lang));

    // Stay in the tray when the window closes (MainWindow decides, when a tray exists).
    QApplication::setQuitOnLastWindowClosed(false);
    slotdesk::ui::Appearance::apply(slotdesk::ui::Appearance::savedTheme());

    const QString directory = slotdesk::storage::resolveDataDirectory(parser.value(dataDir));
    auto database = slotdesk::storage::Database::openInDirectory(directory);
    if (!database) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "SlotDesk"),
            QApplication::translate("main", "SlotDesk cannot open its database.\n\n%1")
                .arg(database.error().message));
        return 2;
    }
    slotdesk::ui::MainWindow window(**database);
    if (parser.isSet(page)) {
        const auto chosen = slotdesk::ui::MainWindow::pageFromName(parser.value(page));
        if (!chosen) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "SlotDesk"),
                                  QApplication::translate("main", "There is no page called %1.")
                                      .arg(parser.value(page)));
            return 1;
        }
        window.showPage(*chosen);
    }
    window.show();
    return QApplication::exec();
}
