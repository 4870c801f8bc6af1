// slotdesk-cli calendar connect|status|sync|disconnect and `serve`'s sync timer, as the real
// binary against FakeGoogleServer. This process plays Google and the browser; the CLI talks to
// the real Secret Service of the D-Bus session (or, on purpose, to none at all).

#include "fakes/FakeGoogleServer.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "support/CliRun.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;
using Route = test::FakeGoogleServer::Route;

using Run = test::CliRun;

class TestCalendarCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_dataDir;
    std::unique_ptr<test::FakeGoogleServer> m_google;

    QProcessEnvironment environment() {
        QProcessEnvironment env = m_google->environment();
        // Keep the developer's own QSettings out of it.
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
        return env;
    }
    QProcess* start(const QStringList& arguments, const QProcessEnvironment& env) {
        auto* process = new QProcess(this);
        process->setProcessEnvironment(env);
        QStringList args{"--data-dir", m_dataDir};
        process->start(QStringLiteral(SLOTDESK_CLI_PATH), args + arguments);
        return process;
    }
    // Runs to the end while this process keeps serving the fake (no blocking wait).
    Run finish(QProcess* process, int timeoutMs = 60000) {
        if (process->state() != QProcess::NotRunning) {
            QSignalSpy finished(process, &QProcess::finished);
            finished.wait(timeoutMs);
        }
        Run r = Run::of(*process);
        process->deleteLater();
        return r;
    }
    Run cli(const QStringList& arguments) { return finish(start(arguments, environment())); }
    QString dbPath() const { return m_dataDir + "/slotdesk.sqlite"; }
    QVector<CalendarIntegration> integrations() {
        auto db = storage::Database::openFile(dbPath());
        if (!db)
            return {};
        const User admin = [&] {
            QSqlQuery q((*db)->connection());
            q.exec("SELECT id FROM users");
            q.next();
            User u;
            u.id = q.value(0).toString();
            return u;
        }();
        return *storage::CalendarIntegrationRepository((*db)->connection()).list(admin.id);
    }
    // `calendar connect --no-browser`, with this process as the browser.
    // The authorization address `calendar connect --no-browser` prints first (invalid when it
    // prints none within 20 s); what it printed up to then is added to `printed`.
    static QUrl authorizationUrl(QProcess* connecting, QString& printed) {
        QUrl url;
        const bool printedUrl = QTest::qWaitFor(
            [&] {
                printed += QString::fromUtf8(connecting->readAllStandardOutput());
                const auto match =
                    QRegularExpression(R"((http://127\.0\.0\.1:\d+/o/oauth2/v2/auth\S+))")
                        .match(printed);
                if (match.hasMatch())
                    url = QUrl(match.captured(1));
                return url.isValid();
            },
            20000);
        return printedUrl ? url : QUrl();
    }
    bool connectThroughCli() {
        QProcess* connecting = start({"calendar", "connect", "--no-browser"}, environment());
        QString printed;
        const QUrl url = authorizationUrl(connecting, printed);
        if (url.isValid())
            m_google->actAsBrowser(url);
        return finish(connecting).exitCode == 0 && url.isValid();
    }
    // A confirmed booking whose calendar insert is owed: seeded pending, approved by the CLI.
    QString approvedBookingOwingAnInsert() {
        QString id;
        {
            auto db = storage::Database::openFile(dbPath());
            if (!db)
                return {};
            QSqlQuery q((*db)->connection());
            q.exec("SELECT id FROM users");
            q.next();
            id = test::seedBooking(**db, q.value(0).toString(), test::utc("2030-01-10T10:00:00Z"))
                     .id;
        }
        if (cli({"bookings", "approve", id}).exitCode != 0)
            return {};
        return id;
    }
    static QString eventIdFor(const QString& bookingId) {
        return QString(bookingId).remove(u'-').toLower();
    }
    // `serve` stopped while its start-up sync waits for Google's events.list (the lease held).
    void stopServeMidSync(bool sigkill) {
        const int lists = m_google->count(Route::EventsList);
        m_google->setDelay(Route::EventsList, 120000);
        QProcess* serve = start({"serve", "--listen", "127.0.0.1:0"}, environment());
        QTRY_VERIFY_WITH_TIMEOUT(m_google->count(Route::EventsList) > lists, 20000);
        if (sigkill) {
            serve->kill();
            QCOMPARE(finish(serve).exitCode, -1); // killed: nothing of it ran after the signal
        } else {
            serve->terminate();
            const Run stopped = finish(serve);
            QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
            QVERIFY(stopped.out.contains("Stopped."));
        }
        m_google->setDelay(Route::EventsList, 0);
    }

private slots:
    void init() {
        m_dataDir = m_dir.filePath(QString::number(++m_run));
        m_google = std::make_unique<test::FakeGoogleServer>();
        QVERIFY(m_google->listen());
        const Run r = cli({"init", "--username", "alice", "--name", "Alice Admin", "--email",
                           "alice@example.org", "--timezone", "Europe/Berlin"});
        QCOMPARE(r.exitCode, 0);
    }
    void cleanup() { m_google.reset(); }

    void connectStatusSyncDisconnect() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_google->putEvent({{"id", "busy1"},
                            {"start", QJsonObject{{"dateTime", "2030-01-07T10:00:00+01:00"}}},
                            {"end", QJsonObject{{"dateTime", "2030-01-07T11:00:00+01:00"}}}});
        QProcess* process = start({"calendar", "connect", "--no-browser"}, environment());
        // The authorization address comes first; this test is the browser.
        QString printed;
        const QUrl url = authorizationUrl(process, printed);
        QVERIFY2(url.isValid(), qPrintable(printed));
        QCOMPARE(m_google->actAsBrowser(url), 200);
        Run r = finish(process);
        r.out.prepend(printed);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Connected Google Calendar \"alice@example.org\""),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("Full sync: 1 page(s), 1 change(s)"), qPrintable(r.out));
        const QStringList secrets = m_google->issuedSecrets();
        QVERIFY(!secrets.isEmpty());
        for (const auto& secret : secrets)
            QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));

        r = cli({"calendar", "status", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(status["integration"]["syncStatus"].toString(), QString("active"));
        QCOMPARE(status["integration"]["accountEmail"].toString(), QString("alice@example.org"));
        QCOMPARE(status["integration"]["events"].toInt(), 1);
        QVERIFY(!status["integration"].toObject().contains("syncToken"));
        QCOMPARE(status["calendarJobs"].toArray().size(), 0);

        m_google->putEvent({{"id", "busy2"},
                            {"start", QJsonObject{{"dateTime", "2030-01-08T10:00:00Z"}}},
                            {"end", QJsonObject{{"dateTime", "2030-01-08T11:00:00Z"}}}});
        r = cli({"calendar", "sync"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Incremental sync: 1 page(s), 1 change(s)"), qPrintable(r.out));

        r = cli({"calendar", "status"});
        QVERIFY(r.out.contains("Google Calendar: active (alice@example.org)"));
        QVERIFY(r.out.contains("Synced events:   2"));

        // A failing sync: exit 2, one line, the reason; status shows it.
        m_google->failNext(Route::EventsList, 429, "rateLimitExceeded");
        r = cli({"calendar", "sync"});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.contains("429"));
        r = cli({"calendar", "status"});
        QVERIFY(r.out.contains("Google Calendar: error"));
        QVERIFY(r.out.contains("Next retry:"));

        r = cli({"calendar", "disconnect"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Disconnected Google Calendar (alice@example.org)"));
        QCOMPARE(m_google->revokedTokens().size(), 1);
        r = cli({"calendar", "status", "--json"});
        const QJsonObject after = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(after["integration"]["syncStatus"].toString(), QString("disconnected"));
        QCOMPARE(after["integration"]["events"].toInt(), 0);
        r = cli({"calendar", "sync"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not connected"));
    }

    void missingKeychainIsOneClearLineAndNothingIsStored() {
        QProcessEnvironment env = environment();
        env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath("no-such-bus"));
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        const Run r = finish(start({"calendar", "connect", "--no-browser"}, env));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("keychain"), qPrintable(r.err));
        QVERIFY(!r.out.contains("/o/oauth2/v2/auth")); // the browser step never started
        QCOMPARE(m_google->count(Route::Token), 0);
        QVERIFY(integrations().isEmpty());
    }

    void unconfiguredClientIsAUsageError() {
        QProcessEnvironment env = environment();
        env.remove("SLOTDESK_GOOGLE_CLIENT_ID");
        env.remove("SLOTDESK_GOOGLE_CLIENT_SECRET");
        const Run r = finish(start({"calendar", "connect", "--no-browser"}, env));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith("slotdesk-cli: clientId: No Google OAuth client is configured"));
    }

    void statusWithoutAConnection() {
        const Run r = cli({"calendar", "status"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Google Calendar: not connected"));
    }

    void serveSyncsAtStartUp() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        // Connect first (through the CLI), then let `serve` keep it in sync.
        QVERIFY(connectThroughCli());
        const int lists = m_google->count(Route::EventsList);

        QProcess* serve = start({"serve", "--listen", "127.0.0.1:0"}, environment());
        QTRY_VERIFY_WITH_TIMEOUT(m_google->count(Route::EventsList) > lists, 20000);
        serve->terminate();
        QCOMPARE(finish(serve).exitCode, 0);
        // And it disconnects cleanly (which also cleans the keyring).
        QCOMPARE(cli({"calendar", "disconnect"}).exitCode, 0);
    }

    // Issue 13 (8): `serve` stopped in the middle of a sync leaves no lease behind that keeps
    // the next `calendar sync` from syncing and sending the calendar write that was owed. On
    // SIGTERM it gives the lease back itself; killed outright it can't, but its process is gone
    // from this machine, so the lease is taken at once instead of after two minutes.
    void stoppedServeLeavesNoLeaseBehind_data() {
        QTest::addColumn<bool>("sigkill");
        QTest::newRow("SIGTERM") << false;
        QTest::newRow("SIGKILL") << true;
    }
    void stoppedServeLeavesNoLeaseBehind() {
        QFETCH(bool, sigkill);
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(connectThroughCli());
        const QString booking = approvedBookingOwingAnInsert();
        QVERIFY(!booking.isEmpty());
        stopServeMidSync(sigkill);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_google->count(Route::EventsInsert), 0); // the write was still owed
        // Abandoning the pass is not a failed sync: no error, no back-off.
        const Run status = cli({"calendar", "status", "--json"});
        const QJsonObject integration =
            QJsonDocument::fromJson(status.out.toUtf8()).object()["integration"].toObject();
        QCOMPARE(integration["syncStatus"].toString(), QString("active"));
        QVERIFY(integration["retryAt"].isNull());

        const Run r = cli({"calendar", "sync"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("calendar writes: 1 done"), qPrintable(r.out));
        QVERIFY(m_google->hasLiveEvent(eventIdFor(booking)));
        QCOMPARE(cli({"calendar", "disconnect"}).exitCode, 0);
    }

    // While a live process holds the lease, `calendar sync` syncs nothing and says so: exit 1,
    // one line naming the other process.
    void syncWhileAnotherProcessSyncsExitsOne() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(connectThroughCli());
        const int lists = m_google->count(Route::EventsList);
        m_google->setDelay(Route::EventsList, 120000);
        QProcess* serve = start({"serve", "--listen", "127.0.0.1:0"}, environment());
        QTRY_VERIFY_WITH_TIMEOUT(m_google->count(Route::EventsList) > lists, 20000);

        const Run r = cli({"calendar", "sync"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(
            r.err.contains(
                QStringLiteral("Another SlotDesk process (pid %1 on ").arg(serve->processId())),
            qPrintable(r.err));
        QCOMPARE(m_google->count(Route::EventsList), lists + 1); // it asked Google nothing

        serve->terminate();
        QCOMPARE(finish(serve).exitCode, 0);
        m_google->setDelay(Route::EventsList, 0);
        QCOMPARE(cli({"calendar", "disconnect"}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCalendarCli)
#include "tst_calendarcli.moc"
