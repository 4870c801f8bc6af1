// How long the window's event loop stalls while it loads from a database far away. Run through
// bench/window-stall.sh: a throw-away PostgreSQL behind tools/latency-proxy.py (100 ms per round
// trip). The program seeds the database directly (10,000 bookings: a week of confirmed ones,
// 40 requests waiting, the rest over two years), opens the main window through the proxy and
// shows it before the event loop starts, as main() does (how long that takes is printed too),
// then, with a 1 ms timer measuring the gaps between its ticks,
//   1. waits for the calendar's week to show its bookings,
//   2. shows Approvals and waits for every request,
//   3. shows Bookings on "All dates" and scrolls until all 10,000 rows are loaded,
// and prints the longest gap (the longest the window could not repaint or take input) and when
// each step was done. Budget: the longest stall under 50 ms. Each gap also says how much of it
// the GUI thread spent running (its CPU time); the rest of it the thread waited — for the
// database, when it queries on the GUI thread, or for a CPU on a busy machine. Speed is
// measured here, not in the test suite.

#include "core/ZonedTime.h"
#include "models/BookingTableModel.h"
#include "models/CalendarItemModel.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/ApprovalsPage.h"
#include "ui/BookingsPage.h"
#include "ui/CalendarPage.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QListView>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <random>

#include <time.h>

namespace {

using namespace slotdesk;

const QString kZone = QStringLiteral("Europe/Berlin");
constexpr int kPending = 40;
constexpr int kThisWeek = 30;

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void fail(const QString& message) {
    QTextStream(stderr) << "bench_window_stall: " << message << Qt::endl;
    std::exit(2);
}

// Whole seconds, as every stored booking is.
QDateTime wholeSeconds(const QDateTime& t) {
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC);
}

void seed(storage::Database& db, int count) {
    User admin;
    admin.username = QStringLiteral("alice");
    admin.name = QStringLiteral("Alice Admin");
    admin.email = QStringLiteral("alice@example.org");
    admin.timeZone = kZone;
    auto created = storage::UserRepository(db.connection()).create(admin);
    if (!created)
        fail(created.error().message);
    auto tx = storage::Transaction::begin(db.connection(), storage::Transaction::Mode::Write);
    if (!tx)
        fail(tx.error().message);
    std::mt19937 engine(7);
    auto below = [&](int bound) {
        return std::uniform_int_distribution<int>(0, bound - 1)(engine);
    };
    const QDateTime now = wholeSeconds(QDateTime::currentDateTimeUtc());
    const QDate today = zonedtime::toLocal(now, kZone).date();
    const QDateTime monday = zonedtime::startOfDay(today.addDays(1 - today.dayOfWeek()), kZone);
    storage::BookingRepository bookings(db.connection());
    for (int i = 0; i < count; ++i) {
        Booking b;
        b.userId = created->id;
        if (i < kThisWeek) {
            b.startTime = monday.addSecs(3600LL * (8 + below(9)) + 86400LL * below(7));
            b.status = BookingStatus::Confirmed;
        } else if (i < kThisWeek + kPending) {
            b.startTime = now.addSecs(3600LL * (24 + below(24 * 28)));
            b.status = BookingStatus::Pending;
        } else {
            b.startTime = now.addSecs(60LL * 15 * (below(4 * 24 * 730) - 4 * 24 * 365));
            const BookingStatus settled[] = {BookingStatus::Confirmed, BookingStatus::Confirmed,
                                             BookingStatus::Rejected, BookingStatus::Cancelled};
            b.status = settled[below(4)];
        }
        b.endTime = b.startTime.addSecs(60 * 30);
        b.attendeeName = QStringLiteral("Attendee %1").arg(i);
        b.attendeeEmail = QStringLiteral("attendee%1@example.org").arg(i);
        b.timeZone = QStringLiteral("America/New_York");
        if (auto made = bookings.create(b); !made)
            fail(made.error().message);
    }
    if (auto done = tx->commit(); !done)
        fail(done.error().message);
}

// CPU time this thread has run, in nanoseconds.
qint64 threadCpuNs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The gaps between the ticks of a 1 ms timer: how long the event loop was away.
class StallMeter : public QObject {
public:
    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start() {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 gap = now - m_last;
        const qint64 cpu = threadCpuNs();
        m_gaps.append({gap, cpu - m_lastCpu, now, m_phases.join(QStringLiteral(", "))});
        m_last = now;
        m_lastCpu = cpu;
        m_phases = QStringList{m_phases.last()};
    }
    // What the window is doing from now on (a gap is reported with every phase it spans).
    void setPhase(const QString& phase) { m_phases.append(phase); }
    [[nodiscard]] double elapsedMs() const { return m_clock.nsecsElapsed() / 1e6; }

    void report(int most) {
        tick();
        std::sort(m_gaps.begin(), m_gaps.end(),
                  [](const Gap& a, const Gap& b) { return a.nanoseconds > b.nanoseconds; });
        int over50 = 0;
        for (const Gap& gap : std::as_const(m_gaps))
            over50 += gap.nanoseconds > 50'000'000 ? 1 : 0;
        out() << QStringLiteral("longest stall: %1 ms (%2 stalls over 50 ms)\n")
                     .arg(m_gaps.isEmpty() ? 0.0 : m_gaps.first().nanoseconds / 1e6, 0, 'f', 1)
                     .arg(over50);
        for (int i = 0; i < std::min<int>(most, static_cast<int>(m_gaps.size())); ++i)
            out() << QStringLiteral("  %1 ms (running %2 ms of it), ending at %3 ms: %4\n")
                         .arg(m_gaps.at(i).nanoseconds / 1e6, 0, 'f', 1)
                         .arg(m_gaps.at(i).cpu / 1e6, 0, 'f', 1)
                         .arg(m_gaps.at(i).at / 1e6, 0, 'f', 0)
                         .arg(m_gaps.at(i).phase);
        out().flush();
    }

private:
    struct Gap {
        qint64 nanoseconds = 0;
        qint64 cpu = 0; // of the GUI thread, during the gap
        qint64 at = 0;
        QString phase;
    };
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    QStringList m_phases{QStringLiteral("start")};
    QVector<Gap> m_gaps;
};

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings: a throw-away file
    ui::AppSettings::settings().clear();
    ui::Appearance::apply(ui::Appearance::Theme::Light);

    QCommandLineParser parser;
    const QCommandLineOption seedOption(QStringLiteral("seed-database"),
                                        QStringLiteral("Seed this database (directly)."),
                                        QStringLiteral("URL"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"), QStringLiteral("Open the window on this URL (the proxy)."),
        QStringLiteral("URL"));
    const QCommandLineOption bookingsOption(QStringLiteral("bookings"),
                                            QStringLiteral("Bookings to seed (10000)."),
                                            QStringLiteral("N"), QStringLiteral("10000"));
    parser.addOptions({seedOption, databaseOption, bookingsOption});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(databaseOption))
        fail(QStringLiteral("--database URL is required"));
    const int count = parser.value(bookingsOption).toInt();

    if (parser.isSet(seedOption)) {
        auto direct = storage::Database::openUrl(parser.value(seedOption));
        if (!direct)
            fail(direct.error().message);
        seed(**direct, count);
        out() << "seeded " << count << " bookings" << Qt::endl;
    }
    QElapsedTimer opening;
    opening.start();
    auto opened = storage::Database::openUrl(parser.value(databaseOption));
    if (!opened)
        fail(opened.error().message);
    out() << "opened the database through the proxy in " << opening.elapsed()
          << " ms (before the window; not measured)" << Qt::endl;

    StallMeter meter;
    std::unique_ptr<ui::MainWindow> window;
    QStringList milestones;
    int step = 0;
    auto reached = [&](const QString& what) {
        milestones.append(
            QStringLiteral("%1 at %2 ms").arg(what).arg(meter.elapsedMs(), 0, 'f', 0));
        ++step;
    };
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        switch (step) {
        case 0:
            if (window->calendarPage()->model()->rowCount() < kThisWeek)
                return;
            reached(QStringLiteral("the week's bookings shown"));
            meter.setPhase(QStringLiteral("showing the approvals"));
            window->showPage(ui::MainWindow::Approvals);
            return;
        case 1:
            if (window->approvalsPage()->list()->model()->rowCount() < kPending)
                return;
            reached(QStringLiteral("every request shown"));
            meter.setPhase(QStringLiteral("loading all bookings"));
            window->showPage(ui::MainWindow::Bookings);
            window->bookingsPage()->rangeFilter()->setCurrentIndex(
                window->bookingsPage()->rangeFilter()->findData(
                    static_cast<int>(ui::BookingsPage::Range::All)));
            return;
        case 2: {
            QTableView* table = window->bookingsPage()->table();
            if (window->bookingsPage()->sourceModel()->totalCount() < count)
                return;
            if (table->model()->rowCount() < count) {
                table->scrollToBottom();
                return;
            }
            reached(QStringLiteral("all bookings loaded"));
            poll.stop();
            QTimer::singleShot(300, &app, [&] { QCoreApplication::quit(); });
            return;
        }
        default:
            return;
        }
    });
    // As main() does: the window is made and shown before the event loop starts. What that
    // costs is startup (reported, not a stall); everything after is the event loop's.
    QElapsedTimer constructing;
    constructing.start();
    window = std::make_unique<ui::MainWindow>(**opened);
    window->resize(1240, 800);
    window->show();
    window->showPage(ui::MainWindow::Calendar);
    out() << "made and showed the window in " << constructing.elapsed()
          << " ms (before the event loop, as main() does)" << Qt::endl;
    meter.setPhase(QStringLiteral("the window on the week"));
    poll.start();
    QTimer::singleShot(600'000, &app, [&] {
        out() << "timed out at step " << step << Qt::endl;
        QCoreApplication::exit(1);
    });
    meter.start();
    const int status = QApplication::exec();
    for (const QString& milestone : std::as_const(milestones))
        out() << milestone << '\n';
    meter.report(8);
    window.reset();
    return status;
}
