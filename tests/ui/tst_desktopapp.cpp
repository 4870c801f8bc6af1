// The desktop app's composition: the booking link it serves (real sockets, from the service
// thread), moving it, a taken port reported as offline while the window keeps running; one window
// per database (a second launch of the real binary brings the first forward and exits, also after a
// crash left the socket behind); --user with several admins.

#include "models/AdminSession.h"
#include "models/ServiceThread.h"
#include "profile/ProfileService.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/BookingLink.h"
#include "ui/MainWindow.h"
#include "ui/SettingsPage.h"
#include "web/BookingServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

// GET `url` on a real socket; the status (0 when nothing answered) and the body.
std::pair<int, QByteArray> get(const QUrl& url) {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!done.wait(6000))
        return {0, {}};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

bool portAcceptsConnections(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

// The desktop binary on a private settings/data folder, offscreen.
struct Desktop {
    QProcess process;
    QByteArray out;

    void start(const QString& home, const QStringList& args,
               const QList<QPair<QString, QString>>& extraEnvironment = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto& [name, value] : extraEnvironment)
            env.insert(name, value);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.remove(QStringLiteral("SLOTDESK_DATABASE_URL"));
        env.remove(QStringLiteral("SLOTDESK_DATA_DIR"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLOTDESK_GUI_PATH), args);
    }
    // Reads stdout until `pattern` matches (or the process ends / time runs out).
    QRegularExpressionMatch waitFor(const QRegularExpression& pattern, int ms = 30000) {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            out += process.readAllStandardOutput();
            if (auto m = pattern.match(QString::fromUtf8(out)); m.hasMatch())
                return m;
            if (process.state() == QProcess::NotRunning)
                break;
            process.waitForReadyRead(200);
        }
        out += process.readAllStandardOutput();
        return pattern.match(QString::fromUtf8(out));
    }
    ~Desktop() {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

// The head of the answer to a raw GET on 127.0.0.1:`port` (Host: 127.0.0.1:`port`). Waits on
// the event loop: the server may run in this very thread.
QByteArray rawHead(quint16 port, const QByteArray& target) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n\r\n") && timer.elapsed() < 10000) {
        QTest::qWait(10);
        answer += socket.readAll();
    }
    return answer.left(answer.indexOf("\r\n\r\n"));
}

QByteArray locationIn(const QByteArray& head) {
    for (const QByteArray& line : head.split('\n')) {
        if (line.toLower().startsWith("location:"))
            return line.mid(9).trimmed();
    }
    return {};
}

const QRegularExpression kLinkLine(QStringLiteral(R"(Booking link: (http://\S+))"));

// A data directory in `home` whose database has `admins` (their usernames); empty on failure.
QString seededDataDir(const QTemporaryDir& home, const QStringList& admins) {
    const QString data = home.filePath(QStringLiteral("slotdesk"));
    auto db = storage::Database::openInDirectory(data);
    if (!db)
        return {};
    for (const QString& admin : admins) {
        if (test::seedAdmin(**db, admin).id.isEmpty())
            return {};
    }
    return data;
}

// Waits until the link's server, on the service thread, has answered what it was asked.
bool answered(const ui::BookingLink& link) {
    return QTest::qWaitFor([&link] { return !link.isPending(); }, 10000);
}

// Listens on 127.0.0.1 (any free port) and waits for the answer: whether it is online.
bool onlineOnLoopback(ui::BookingLink& link) {
    link.listen(QStringLiteral("127.0.0.1"), 0);
    return answered(link) && link.isOnline();
}

// The service thread the desktop runs its booking link on, for `db` (QVERIFY-style: null when
// it cannot start).
std::unique_ptr<models::ServiceThread> servicesFor(const storage::Database& db) {
    auto started = models::ServiceThread::start(db);
    if (!started) {
        qWarning("%s", qPrintable(started.error().message));
        return nullptr;
    }
    return std::move(*started);
}

} // namespace

class TestDesktopApp : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

private slots:
    void servesTheBookingPageAndMovesWithTheSetting() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        QTRY_VERIFY(window.session()->hasAdmin()); // read on the window's database thread
        const auto services = servicesFor(**db);
        QVERIFY(services);
        ui::BookingLink link(window.session(), *services);
        connect(&link, &ui::BookingLink::changed, &window, &ui::MainWindow::setBookingLink);

        QVERIFY2(onlineOnLoopback(link), qPrintable(link.problem()));
        const QUrl url = link.url();
        QCOMPARE(url.path(), "/alice");
        QVERIFY(url.port() > 0);
        auto [status, body] = get(url);
        QCOMPARE(status, 200);
        QVERIFY(body.contains("<html"));
        QUrl profile = url;
        profile.setPath(QStringLiteral("/api/v1/users/alice"));
        auto [profileStatus, profileBody] = get(profile);
        QCOMPARE(profileStatus, 200);
        QCOMPARE(QJsonDocument::fromJson(profileBody).object().value("username").toString(),
                 "alice");
        QCOMPARE(window.settingsPage()->linkText(), url.toString());
        QVERIFY(window.settingsPage()->linkStatusText().contains(QStringLiteral("Online")));

        // The admin moves the link: the old port closes, the new one serves.
        const quint16 oldPort = static_cast<quint16>(url.port());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 newPort = probe.serverPort();
        probe.close();
        link.listen(QStringLiteral("127.0.0.1"),
                    newPort); // main() does this on listenAddressChanged
        QVERIFY(answered(link));
        QVERIFY(link.isOnline());
        QCOMPARE(link.url().port(), newPort);
        QVERIFY(!portAcceptsConnections(oldPort));
        QCOMPARE(get(link.url()).first, 200);

        // A move that fails (a taken port, an address this machine doesn't have) keeps the
        // working link up and says why.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        link.listen(QStringLiteral("127.0.0.1"), squatter.serverPort());
        QVERIFY(answered(link));
        QVERIFY(link.isOnline());
        QCOMPARE(link.url().port(), newPort);
        QVERIFY2(link.problem().contains(QStringLiteral("already in use")),
                 qPrintable(link.problem()));
        QCOMPARE(get(link.url()).first, 200);
        QVERIFY(window.settingsPage()->linkStatusText().contains(QStringLiteral("Still online")));
        link.listen(QStringLiteral("192.0.2.1"), newPort); // TEST-NET: not this machine's
        QVERIFY(answered(link));
        QVERIFY(link.isOnline());
        QVERIFY(!link.problem().isEmpty());
        QCOMPARE(get(link.url()).first, 200);
    }

    void aTakenPortLeavesTheWindowRunningOffline() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));

        ui::MainWindow window(**db);
        QTRY_VERIFY(window.session()->hasAdmin());
        const auto services = servicesFor(**db);
        QVERIFY(services);
        ui::BookingLink link(window.session(), *services);
        QSignalSpy changed(&link, &ui::BookingLink::changed);
        link.listen(QStringLiteral("127.0.0.1"), squatter.serverPort());
        QVERIFY(answered(link));
        QVERIFY(!link.isOnline());
        QVERIFY2(link.problem().contains(QStringLiteral("already in use")),
                 qPrintable(link.problem()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(1).toBool(), false);
        QCOMPARE(link.url().port(), squatter.serverPort());
        QCOMPARE(link.url().path(), "/alice");

        // Freed again: the same link comes online.
        squatter.close();
        link.listen(QStringLiteral("127.0.0.1"), link.url().port());
        QVERIFY(answered(link));
        QVERIFY(link.isOnline());
        QCOMPARE(changed.last().at(1).toBool(), true);
    }

    void theLinkFollowsTheUsername() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        models::AdminSession session(**db);
        QTRY_VERIFY(session.isLoaded());
        const auto services = servicesFor(**db);
        QVERIFY(services);
        ui::BookingLink link(&session, *services);
        QVERIFY2(onlineOnLoopback(link), qPrintable(link.problem()));
        QCOMPARE(link.url().path(), ""); // no admin yet
        QSignalSpy changed(&link, &ui::BookingLink::changed);
        test::seedAdmin(**db, QStringLiteral("bob"));
        session.refresh();
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(link.url().path(), "/bob");
    }

    void aPublicUrlBuildsTheDesktopsLinks() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        models::AdminSession session(**db);
        QTRY_VERIFY(session.hasAdmin());
        const auto services = servicesFor(**db);
        QVERIFY(services);
        ui::BookingLink link(&session, *services);
        QVERIFY2(onlineOnLoopback(link), qPrintable(link.problem()));
        QCOMPARE(link.url(), link.localUrl());
        QCOMPARE(locationIn(rawHead(static_cast<quint16>(link.localUrl().port()), "/")),
                 QByteArray("/alice"));

        QSignalSpy changed(&link, &ui::BookingLink::changed);
        link.setPublicUrl(QUrl(QStringLiteral("https://book.example.org/x")));
        QVERIFY(answered(link));
        QVERIFY2(link.isOnline(), qPrintable(link.problem()));
        QCOMPARE(link.url(), QUrl(QStringLiteral("https://book.example.org/x/alice")));
        QCOMPARE(changed.last().at(0).toUrl(), link.url());
        QCOMPARE(link.localUrl().scheme(), QStringLiteral("http"));
        QCOMPARE(link.localUrl().path(), QStringLiteral("/alice"));
        // The server it runs now builds its links from the public URL.
        const auto port = static_cast<quint16>(link.localUrl().port());
        QCOMPARE(locationIn(rawHead(port, "/")), QByteArray("https://book.example.org/x/alice"));

        link.setPublicUrl(QUrl());
        QVERIFY(answered(link));
        QCOMPARE(link.url(), link.localUrl());
        QCOMPARE(locationIn(rawHead(static_cast<quint16>(link.localUrl().port()), "/")),
                 QByteArray("/alice"));
    }

    void thePublicUrlOptionAndLogsWithoutTokens() {
        QTemporaryDir home;
        const QString data = seededDataDir(home, {QStringLiteral("alice")});
        QVERIFY(!data.isEmpty());
        {
            Desktop refused;
            refused.start(home.path(),
                          {QStringLiteral("--data-dir"), data, QStringLiteral("--public-url"),
                           QStringLiteral("https://book.example.org/?x=1")});
            QVERIFY(refused.process.waitForFinished(20000));
            QCOMPARE(refused.process.exitCode(), 1);
            const QByteArray err = refused.process.readAllStandardError();
            QVERIFY2(err.contains("--public-url: 'https://book.example.org/?x=1' has a query"),
                     err.constData());
        }
        // Qt's own debug logging of requests on, as someone chasing a problem would.
        Desktop app;
        app.start(
            home.path(),
            {QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
             QStringLiteral("127.0.0.1:0"), QStringLiteral("--public-url"),
             QStringLiteral("https://book.example.org")},
            {{QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.*=true;slotdesk.web=true")}});
        const auto served =
            app.waitFor(QRegularExpression(QStringLiteral(R"(Served at: (http://\S+)\n)")));
        QVERIFY2(served.hasMatch(), app.out.constData());
        QVERIFY2(app.out.contains("Booking link: https://book.example.org/alice\n"),
                 app.out.constData());
        const auto port = static_cast<quint16>(QUrl(served.captured(1)).port());
        QCOMPARE(locationIn(rawHead(port, "/")), QByteArray("https://book.example.org/alice"));
        QVERIFY(rawHead(port, "/api/v1/bookings/x%0D%0AFORGED%20LINE?token=s3cr3tD3sk")
                    .startsWith("HTTP/1.1 404"));
        app.process.terminate();
        QVERIFY(app.process.waitForFinished(10000));
        const QByteArray logs = app.process.readAllStandardError();
        QVERIFY2(logs.contains("slotdesk.web: GET"), "debug logging was not on");
        QVERIFY2(!logs.contains("s3cr3tD3sk"), logs.constData());
        for (const QByteArray& line : logs.split('\n'))
            QVERIFY2(!line.startsWith("FORGED"), logs.constData());
    }

    void aSecondLaunchBringsTheFirstForward() {
        QTemporaryDir home;
        const QString data = seededDataDir(home, {QStringLiteral("alice")});
        QVERIFY(!data.isEmpty());
        const QStringList args{QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0")};
        Desktop first;
        first.start(home.path(), args);
        const auto link = first.waitFor(kLinkLine);
        QVERIFY2(link.hasMatch(), first.out.constData());
        QVERIFY2(!link.captured(0).contains(QStringLiteral("offline")), first.out.constData());
        const QUrl url(link.captured(1));
        QCOMPARE(get(url).first, 200);

        Desktop second;
        second.start(home.path(),
                     args + QStringList{QStringLiteral("--page"), QStringLiteral("approvals")});
        QVERIFY(second.process.waitForFinished(20000));
        QCOMPARE(second.process.exitCode(), 0);
        QVERIFY(second.process.readAllStandardOutput().contains("already running"));
        QCOMPARE(first.process.state(), QProcess::Running);
        QVERIFY2(first
                     .waitFor(QRegularExpression(
                         QStringLiteral(R"(Brought forward by another launch \(page approvals\))")))
                     .hasMatch(),
                 first.out.constData());
        QCOMPARE(get(url).first, 200);

        // Another database is another window.
        Desktop other;
        other.start(home.path(), {QStringLiteral("--data-dir"), home.filePath("other"),
                                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(other.waitFor(kLinkLine).hasMatch());
        QCOMPARE(other.process.state(), QProcess::Running);

        // A crash leaves the socket behind; the next launch notices nobody answers.
        first.process.kill();
        QVERIFY(first.process.waitForFinished(5000));
        Desktop third;
        third.start(home.path(), args);
        QVERIFY2(third.waitFor(kLinkLine).hasMatch(), third.out.constData());
        QCOMPARE(third.process.state(), QProcess::Running);
        QVERIFY(!third.process.readAllStandardError().contains("cannot guard"));
        // ... and it is the running instance now.
        Desktop fourth;
        fourth.start(home.path(), args);
        QVERIFY(fourth.process.waitForFinished(20000));
        QCOMPARE(fourth.process.exitCode(), 0);
        QVERIFY(fourth.process.readAllStandardOutput().contains("already running"));
    }

    // SIGTERM (a logout, `kill`) quits like the tray's Quit: the event loop ends and the
    // services' destructors run (a calendar sync under way gives its lease back, issue 13).
    void sigtermQuitsLikeQuit() {
        QTemporaryDir home;
        const QString data = seededDataDir(home, {QStringLiteral("alice")});
        QVERIFY(!data.isEmpty());
        Desktop desktop;
        desktop.start(home.path(), {QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")});
        QVERIFY2(desktop.waitFor(kLinkLine).hasMatch(), desktop.out.constData());
        desktop.process.terminate();
        QVERIFY(desktop.process.waitForFinished(20000));
        QCOMPARE(desktop.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(desktop.process.exitCode(), 0);
    }

    void severalAdminsNeedUser() {
        QTemporaryDir home;
        const QString data = seededDataDir(home, {QStringLiteral("alice"), QStringLiteral("bob")});
        QVERIFY(!data.isEmpty());
        const QStringList base{QStringLiteral("--data-dir"), data, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0")};
        {
            Desktop app;
            app.start(home.path(), base);
            QVERIFY(app.process.waitForFinished(20000));
            QCOMPARE(app.process.exitCode(), 1);
            const QByteArray err = app.process.readAllStandardError();
            QVERIFY2(err.contains("several admins") && err.contains("alice") && err.contains("bob"),
                     err.constData());
        }
        {
            Desktop app;
            app.start(home.path(), base + QStringList{QStringLiteral("--user"), "nobody"});
            QVERIFY(app.process.waitForFinished(20000));
            QCOMPARE(app.process.exitCode(), 1);
            QVERIFY(app.process.readAllStandardError().contains("nobody"));
        }
        {
            Desktop app;
            app.start(home.path(), base + QStringList{QStringLiteral("--user"), "bob"});
            const auto link = app.waitFor(kLinkLine);
            QVERIFY2(link.hasMatch(), app.out.constData());
            QVERIFY(link.captured(1).endsWith(QStringLiteral("/bob")));
        }
    }

    void badOptionsAreRefusedWithAMessage() {
        QTemporaryDir home;
        Desktop app;
        app.start(home.path(), {QStringLiteral("--data-dir"), home.filePath("d"),
                                QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(app.process.waitForFinished(20000));
        QCOMPARE(app.process.exitCode(), 1);
        QVERIFY(app.process.readAllStandardError().contains("--listen"));
        QVERIFY(!QFile::exists(home.filePath("d"))); // refused before the database was made
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
