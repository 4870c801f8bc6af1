// The window never waits for its database: the AdminSession's DatabaseWorker reads and writes on
// its own thread and connection while the GUI thread goes on. An approval that has to wait for
// another connection's write lock, and a database thread held busy while the window opens, leave
// the event loop running — a timer keeps firing, keys switch pages, "Loading…" shows where the
// rows will be — and the results arrive once the database answers. The booking link serves from
// the service thread (models::ServiceThread) with a connection of its own: it answers while the
// GUI thread is blocked, and a booking that waits for the write lock leaves the window running;
// the request then reaches the window. On SQLite and (as tst_windowthreads_postgres) on
// PostgreSQL. How long the window stalls on a PostgreSQL server 100 ms away is measured by
// bench/window-stall.sh, not here.

#include "core/ZonedTime.h"
#include "models/AdminSession.h"
#include "models/BookingTableModel.h"
#include "models/DatabaseWorker.h"
#include "models/ServiceThread.h"
#include "storage/Transaction.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "ui/AppSettings.h"
#include "ui/ApprovalsPage.h"
#include "ui/BookingActions.h"
#include "ui/BookingLink.h"
#include "ui/BookingsPage.h"
#include "ui/EmptyState.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace slotdesk;

namespace {

// Counts the ticks of a 5 ms timer: they happen only while the GUI thread's event loop runs.
class Ticker : public QObject {
public:
    Ticker() {
        connect(&m_timer, &QTimer::timeout, this, [this] { ++m_ticks; });
        m_timer.start(5);
    }
    [[nodiscard]] int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    int m_ticks = 0;
};

QString approvalsTitle(const ui::MainWindow& window) {
    const auto* empty = window.approvalsPage()->findChild<ui::EmptyState*>();
    return empty->findChild<QLabel*>("emptyTitle")->text();
}

// `days` from now, in whole seconds (as bookings are stored).
QDateTime daysAhead(int days) {
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 86400LL * days,
                                         Qt::UTC);
}

} // namespace

class TestWindowThreads : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;
    std::unique_ptr<test::TestDatabase> m_test;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;

    // Listens on 127.0.0.1 (any free port) and waits for the service thread's answer: online?
    static bool bringOnline(ui::BookingLink& link) {
        link.listen(QStringLiteral("127.0.0.1"), 0);
        return QTest::qWaitFor([&link] { return !link.isPending(); }, 10000) && link.isOnline();
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }

    void init() { QVERIFY(test::openSeeded(m_test, m_db, m_admin)); }

    void cleanup() {
        m_db.reset();
        m_test.reset();
    }

    void anApprovalWaitingForALockLeavesTheWindowResponsive() {
        const Booking request = test::seedBooking(*m_db, m_admin.id, daysAhead(3));
        ui::MainWindow window(*m_db);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(ui::MainWindow::Approvals);
        QListView* list = window.approvalsPage()->list();
        QTRY_COMPARE(list->model()->rowCount(), 1);

        // Another connection (another process, say) takes the write lock that a status change
        // needs, and keeps it.
        auto other = m_test->open();
        QVERIFY(other.ok());
        auto lock =
            storage::Transaction::begin((*other)->connection(), storage::Transaction::Mode::Write);
        QVERIFY(lock.ok());
        QSignalSpy done(window.bookingActions(), &ui::BookingActions::done);
        QSignalSpy failed(window.bookingActions(), &ui::BookingActions::failed);
        window.bookingActions()->approve({request.id});

        // The approval waits on the database thread; the GUI thread goes on.
        const Ticker ticker;
        QTRY_VERIFY(ticker.ticks() >= 40);
        QVERIFY(window.session()->worker()->pendingJobs() > 0);
        QVERIFY(done.isEmpty());
        QVERIFY(failed.isEmpty());
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), ui::MainWindow::Bookings);

        // The lock goes: the approval goes through, and the queue follows.
        QVERIFY(lock->commit().ok());
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(failed.isEmpty());
        QTRY_COMPARE(list->model()->rowCount(), 0);
        QCOMPARE(window.pendingBadge(), 0);
    }

    void theWindowOpensWhileItsDatabaseThreadIsBusy() {
        for (int day = 1; day <= 3; ++day)
            test::seedBooking(*m_db, m_admin.id, daysAhead(day));
        ui::MainWindow window(*m_db);
        // Hold the database thread, as a slow query would: the window's reads queue behind.
        QSemaphore release;
        QObject holder;
        window.session()->worker()->post(
            &holder,
            [&release](storage::Database&) {
                release.acquire();
                return Result<int>(0);
            },
            [](Result<int>) {});
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(ui::MainWindow::Approvals);

        // It paints, and takes keys, meanwhile: "Loading…" where the requests will be.
        const Ticker ticker;
        QTRY_VERIFY(ticker.ticks() >= 40);
        QCOMPARE(approvalsTitle(window), ui::EmptyState::loadingText());
        QCOMPARE(window.approvalsPage()->list()->model()->rowCount(), 0);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), ui::MainWindow::Bookings);
        QVERIFY(window.bookingsPage()->sourceModel()->isLoading());

        release.release();
        QTRY_COMPARE(window.bookingsPage()->sourceModel()->totalCount(), 3);
        QTRY_COMPARE(window.approvalsPage()->list()->model()->rowCount(), 3);
        QCOMPARE(window.pendingBadge(), 3);
        QVERIFY(!window.bookingsPage()->sourceModel()->isLoading());
    }

    void theBookingLinkAnswersWhileTheGuiThreadIsBlocked() {
        ui::MainWindow window(*m_db);
        QTRY_VERIFY(window.session()->hasAdmin());
        auto services = models::ServiceThread::start(*m_db);
        QVERIFY2(services.ok(), qPrintable(services ? QString() : services.error().message));
        ui::BookingLink link(window.session(), **services);
        QVERIFY2(bringOnline(link), qPrintable(link.problem()));

        // This thread waits on a socket without running its event loop: only a server on another
        // thread, with its own connection, can answer.
        const auto port = static_cast<quint16>(link.localUrl().port());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/users/alice HTTP/1.1\r\nHost: 127.0.0.1:" +
                     QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\"username\"") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("\"alice\""));
    }

    void aBookingWaitingForALockLeavesTheWindowResponsive() {
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, m_admin.timeZone));
        ui::MainWindow window(*m_db);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY(window.session()->hasAdmin());
        window.showPage(ui::MainWindow::Approvals);
        auto services = models::ServiceThread::start(*m_db);
        QVERIFY(services.ok());
        ui::BookingLink link(window.session(), **services);
        QVERIFY2(bringOnline(link), qPrintable(link.problem()));

        // Another connection holds the write lock that a booking needs.
        auto other = m_test->open();
        QVERIFY(other.ok());
        auto lock =
            storage::Transaction::begin((*other)->connection(), storage::Transaction::Mode::Write);
        QVERIFY(lock.ok());
        const QDate day = QDate::currentDate().addDays(3);
        const QDateTime start = zonedtime::startOfDay(day, m_admin.timeZone).addSecs(10 * 3600);
        QNetworkAccessManager network;
        QNetworkRequest request(
            link.localUrl().resolved(QUrl(QStringLiteral("/api/v1/users/alice/bookings"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QJsonObject body{{QStringLiteral("start"), start.toString(Qt::ISODate)},
                               {QStringLiteral("duration"), 30},
                               {QStringLiteral("name"), QStringLiteral("Bob Attendee")},
                               {QStringLiteral("email"), QStringLiteral("bob@example.org")},
                               {QStringLiteral("timezone"), m_admin.timeZone}};
        std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(body).toJson()));

        // The booking waits on the service thread; the window goes on.
        const Ticker ticker;
        QTRY_VERIFY(ticker.ticks() >= 40);
        QVERIFY(!reply->isFinished());
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), ui::MainWindow::Bookings);

        // The lock goes: the booking is made, and the window shows the request.
        QVERIFY(lock->commit().ok());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QTRY_COMPARE(window.approvalsPage()->list()->model()->rowCount(), 1);
        QCOMPARE(window.pendingBadge(), 1);
    }
};

QTEST_MAIN(TestWindowThreads)
#include "tst_windowthreads.moc"
