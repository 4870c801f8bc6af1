// How long the window's event loop stalls while it loads from a database far away. Run through
// bench/window-stall.sh: a throw-away PostgreSQL behind tools/latency-proxy.py (100 ms per round
// trip). The program seeds the database directly (10,000 bookings: a week of confirmed ones,
// 40 requests waiting, the rest over two years), opens the main window through the proxy and
// shows it before the event loop starts, with the booking link and Google Calendar on the
// service thread, as main() does (how long that takes is printed too), then, with a 1 ms timer
// measuring the gaps between its ticks,
//   1. waits for the calendar's week to show its bookings,
//   2. shows Approvals and waits for every request,
//   3. shows Bookings on "All dates" and scrolls until all 10,000 rows are loaded,
//   4. has an attendee (HTTP on 127.0.0.1) book through the desktop's booking link: the profile,
//      four weeks of slots, a booking,
//   5. syncs Google Calendar once more (a fake Google on a thread of its own with 100 new
//      events; connected, and synced once, before the window opens),
// and prints the longest gap (the longest the window could not repaint or take input) and when
// each step was done. Budget: the longest stall under 50 ms. Each gap also says how much of it
// the GUI thread spent running (its CPU time); the rest of it the thread waited — for the
// database, when it queries on the GUI thread, or for a CPU on a busy machine. Speed is
// measured here, not in the test suite. Google's tokens go to the keychain: the script runs the
// program in a private D-Bus session with its own gnome-keyring.

#include "availability/AvailabilityService.h"
#include "calendar/CalendarSyncService.h"
#include "core/ZonedTime.h"
#include "fakes/FakeGoogleServer.h"
#include "models/BookingTableModel.h"
#include "models/CalendarItemModel.h"
#include "models/ServiceThread.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/ApprovalsPage.h"
#include "ui/BookingLink.h"
#include "ui/BookingsPage.h"
#include "ui/CalendarPage.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>
#include <random>

#include <time.h>

namespace {

using namespace slotdesk;

const QString kZone = QStringLiteral("Europe/Berlin");
constexpr int kPending = 40;
constexpr int kThisWeek = 30;
constexpr int kSlotWeeks = 4;
constexpr int kNewEvents = 100;

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
    // Bookable all day, every day: the attendee of step 4 finds slots.
    for (int day = 0; day < 7; ++day) {
        AvailabilityBlock block;
        block.userId = created->id;
        block.dayOfWeek = day;
        block.startMinute = 0;
        block.endMinute = 1440;
        block.timeZone = kZone;
        if (auto added = AvailabilityService(db).add(block); !added)
            fail(added.error().message);
    }
}

// Runs an event loop until `done()` (or fails after a minute).
void waitUntil(const std::function<bool()>& done, const QString& what) {
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(10);
    QTimer::singleShot(60'000, &loop, [&] { fail(QStringLiteral("timed out: ") + what); });
    loop.exec();
}

// The fake Google on a thread of its own: serving it costs the GUI thread nothing.
class GoogleOnItsThread {
public:
    GoogleOnItsThread() {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        run([this] {
            m_server = new test::FakeGoogleServer;
            if (!m_server->listen())
                fail(QStringLiteral("the fake Google cannot listen"));
        });
        m_server->exportEnvironment();
    }
    ~GoogleOnItsThread() {
        run([this] { delete m_server; });
        m_thread.quit();
        m_thread.wait();
    }
    // `work(server)` on its thread; run() waits for it, post() does not.
    void run(const std::function<void()>& work) {
        QMetaObject::invokeMethod(&m_anchor, work, Qt::BlockingQueuedConnection);
    }
    void post(const std::function<void()>& work) {
        QMetaObject::invokeMethod(&m_anchor, work, Qt::QueuedConnection);
    }
    [[nodiscard]] test::FakeGoogleServer* server() const { return m_server; }

    // `count` busy events from tomorrow on, ids starting with `prefix`.
    void putEvents(const QString& prefix, int count) {
        run([this, prefix, count] {
            const QDateTime start = wholeSeconds(QDateTime::currentDateTimeUtc()).addDays(1);
            for (int i = 0; i < count; ++i) {
                const QDateTime at = start.addSecs(3600LL * 5 * i);
                m_server->putEvent(QJsonObject{
                    {QStringLiteral("id"), QStringLiteral("%1%2").arg(prefix).arg(i)},
                    {QStringLiteral("summary"), QStringLiteral("Busy %1").arg(i)},
                    {QStringLiteral("start"),
                     QJsonObject{{QStringLiteral("dateTime"), at.toString(Qt::ISODate)}}},
                    {QStringLiteral("end"),
                     QJsonObject{
                         {QStringLiteral("dateTime"), at.addSecs(3600).toString(Qt::ISODate)}}}});
            }
        });
    }

private:
    QThread m_thread;
    QObject m_anchor;
    test::FakeGoogleServer* m_server = nullptr;
};

// An attendee's browser: the profile, kSlotWeeks weeks of slots, then a booking in the first
// free slot, one request after the other (HTTP on 127.0.0.1; parsing the answers is all it
// costs this thread).
class Attendee : public QObject {
public:
    void start(const QUrl& base) {
        m_base = base;
        m_base.setPath(QString());
        get(QStringLiteral("/api/v1/users/alice"), [this](const QJsonObject&) { listSlots(0); });
    }
    [[nodiscard]] bool isDone() const { return m_done; }
    [[nodiscard]] int answered() const { return m_answered; }

private:
    void listSlots(int week) {
        if (week == kSlotWeeks) {
            book();
            return;
        }
        const QDate from = QDate::currentDate().addDays(7 * (week + 1));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), from.addDays(6).toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("timezone"), kZone);
        get(QStringLiteral("/api/v1/users/alice/slots?") + query.toString(QUrl::FullyEncoded),
            [this, week](const QJsonObject& answer) {
                for (const auto day : answer.value(QLatin1String("days")).toArray()) {
                    const auto times = day.toObject().value(QLatin1String("slots")).toArray();
                    if (m_slot.isEmpty() && !times.isEmpty())
                        m_slot = times.first().toObject().value(QLatin1String("start")).toString();
                }
                m_duration = answer.value(QLatin1String("duration")).toInt();
                listSlots(week + 1);
            });
    }
    void book() {
        if (m_slot.isEmpty())
            fail(QStringLiteral("no free slot to book"));
        QNetworkRequest request(url(QStringLiteral("/api/v1/users/alice/bookings")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QJsonObject body{{QStringLiteral("start"), m_slot},
                               {QStringLiteral("duration"), m_duration},
                               {QStringLiteral("name"), QStringLiteral("Bench Attendee")},
                               {QStringLiteral("email"), QStringLiteral("bench@example.org")},
                               {QStringLiteral("timezone"), kZone}};
        answer(m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)), 201,
               [this](const QJsonObject&) { m_done = true; });
    }
    QUrl url(const QString& pathAndQuery) const { return QUrl(m_base.toString() + pathAndQuery); }
    void get(const QString& pathAndQuery, std::function<void(const QJsonObject&)> then) {
        answer(m_network.get(QNetworkRequest(url(pathAndQuery))), 200, std::move(then));
    }
    void answer(QNetworkReply* reply, int expected, std::function<void(const QJsonObject&)> then) {
        connect(reply, &QNetworkReply::finished, this, [this, reply, expected, then] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status != expected)
                fail(QStringLiteral("%1 answered %2: %3")
                         .arg(reply->url().path())
                         .arg(status)
                         .arg(QString::fromUtf8(body)));
            ++m_answered;
            then(QJsonDocument::fromJson(body).object());
        });
    }

    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_slot;
    int m_duration = 0;
    int m_answered = 0;
    bool m_done = false;
};

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
        // Each phase's own longest, in the order they came (a gap that spans phases counts for
        // each of them).
        QStringList phases;
        QHash<QString, qint64> longest;
        for (const Gap& gap : std::as_const(m_gaps)) {
            for (const QString& phase : gap.phase.split(QStringLiteral(", "))) {
                if (!longest.contains(phase))
                    phases.append(phase);
                longest[phase] = std::max(longest.value(phase), gap.nanoseconds);
            }
        }
        std::sort(m_gaps.begin(), m_gaps.end(),
                  [](const Gap& a, const Gap& b) { return a.nanoseconds > b.nanoseconds; });
        int over50 = 0;
        for (const Gap& gap : std::as_const(m_gaps))
            over50 += gap.nanoseconds > 50'000'000 ? 1 : 0;
        out() << QStringLiteral("longest stall: %1 ms (%2 stalls over 50 ms)\n")
                     .arg(m_gaps.isEmpty() ? 0.0 : m_gaps.first().nanoseconds / 1e6, 0, 'f', 1)
                     .arg(over50);
        for (const QString& phase : std::as_const(phases))
            out() << QStringLiteral("  longest while %1: %2 ms\n")
                         .arg(phase)
                         .arg(longest.value(phase) / 1e6, 0, 'f', 1);
        out() << "the longest stalls:\n";
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

    // Google Calendar as the desktop runs it, connected (the fake acting as the browser) and
    // synced once before the window opens.
    GoogleOnItsThread google;
    google.putEvents(QStringLiteral("first"), kNewEvents);
    // As main() runs them: on the service thread, with its own connection (through the proxy).
    auto services = models::ServiceThread::start(**opened);
    if (!services)
        fail(services.error().message);
    auto* calendar =
        (*services)->make([](storage::Database& own) { return new CalendarSyncService(own); });
    int syncs = 0;
    QObject::connect(calendar, &CalendarSyncService::authorizationUrlReady, &app,
                     [&google](const QUrl& url) {
                         google.post([&google, url] { google.server()->actAsBrowser(url); });
                     });
    QObject::connect(calendar, &CalendarSyncService::connectFinished, &app,
                     [](bool ok, const QString&, const QString& message) {
                         if (!ok)
                             fail(QStringLiteral("connecting Google Calendar: ") + message);
                     });
    QObject::connect(calendar, &CalendarSyncService::syncFinished, &app,
                     [&syncs](bool ok, const QString&, const QString& message) {
                         if (!ok)
                             fail(QStringLiteral("syncing Google Calendar: ") + message);
                         ++syncs;
                     });
    models::invokeOnThread(calendar, [](CalendarSyncService& service) { service.connectGoogle(); });
    waitUntil([&syncs] { return syncs == 1; }, QStringLiteral("connecting Google Calendar"));
    out() << "connected Google Calendar and synced " << kNewEvents
          << " events (before the window; not measured)" << Qt::endl;

    StallMeter meter;
    std::unique_ptr<ui::MainWindow> window;
    std::unique_ptr<ui::BookingLink> link;
    Attendee attendee;
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
            meter.setPhase(QStringLiteral("an attendee booking"));
            attendee.start(link->localUrl());
            return;
        }
        case 3:
            if (!attendee.isDone())
                return;
            reached(QStringLiteral("%1 booking requests answered").arg(attendee.answered()));
            meter.setPhase(QStringLiteral("a calendar sync"));
            google.putEvents(QStringLiteral("second"), kNewEvents);
            models::invokeOnThread(calendar,
                                   [](CalendarSyncService& service) { service.syncNow(); });
            return;
        case 4:
            if (syncs < 2)
                return;
            reached(QStringLiteral("the calendar synced"));
            poll.stop();
            QTimer::singleShot(300, &app, [&] { QCoreApplication::quit(); });
            return;
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
    link = std::make_unique<ui::BookingLink>(window->session(), **services);
    link->listen(QStringLiteral("127.0.0.1"), 0);
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
    link.reset();
    window.reset();
    return status;
}
