// The main window: opens on a real database, navigates between its pages (also with Ctrl+1..6),
// shows who is signed in, remembers its last page in the (test-mode) settings, and quits
// cleanly through its Quit action.

#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace slotdesk;

class TestMainWindow : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

private slots:
    void settingsStayOutOfTheUsersConfig() {
        const QString file = ui::AppSettings::settings().fileName();
        QVERIFY2(file.contains(QStringLiteral(".qttest")), qPrintable(file));
    }

    void opensNavigatesAndQuits() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("SlotDesk"));
        QCOMPARE(window.currentPage(), ui::MainWindow::Calendar);
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->count(), int(ui::MainWindow::PageCount));
        navigation->setCurrentRow(ui::MainWindow::Approvals);
        QCOMPARE(window.currentPage(), ui::MainWindow::Approvals);
        window.showPage(ui::MainWindow::Settings);
        QCOMPARE(navigation->currentRow(), int(ui::MainWindow::Settings));
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Alice Admin")));

        // Ctrl+3 is Bookings.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), ui::MainWindow::Bookings);

        auto* quit = window.findChild<QAction*>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        bool quitRequested = false;
        connect(qApp, &QCoreApplication::aboutToQuit, this, [&] { quitRequested = true; });
        QTimer::singleShot(0, quit, &QAction::trigger);
        QTimer::singleShot(5000, qApp, [] { QCoreApplication::exit(1); }); // a safety net
        QCOMPARE(QApplication::exec(), 0);
        QVERIFY(quitRequested);
    }

    void remembersTheLastPage() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        {
            ui::MainWindow window(**db);
            window.showPage(ui::MainWindow::Availability);
        }
        QCOMPARE(ui::AppSettings::settings().value("window/page").toString(), "availability");
        ui::MainWindow again(**db);
        QCOMPARE(again.currentPage(), ui::MainWindow::Availability);
        QCOMPARE(ui::MainWindow::pageFromName("Approvals"),
                 std::optional(ui::MainWindow::Approvals));
        QVERIFY(!ui::MainWindow::pageFromName("nowhere"));
    }

    void showsWhenNoAdminExists() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("No admin")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
