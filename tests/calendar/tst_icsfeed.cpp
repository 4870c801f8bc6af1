// ICS feeds end to end: CalendarSyncService adds a feed (its secret address in the real
// keychain), syncs it from a real HTTP server on 127.0.0.1 (tests/support/feed_server.py) —
// 200, 304 with the ETag, 404 and 500 keeping the events, a body that is not iCalendar — and
// removes it; the address never reaches the database. Plus a feed of 10,000 events (~5 MB).

#include "calendar/CalendarSyncService.h"
#include "core/Clock.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "support/CalendarChecks.h"
#include "support/FeedServer.h"
#include "support/SecretScan.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "support/TestKeychain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace slotdesk;

namespace {

const QDateTime kStart = QDateTime(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC);
const QString kSecret = QStringLiteral("s3cr3t-feed-token-4711");

QByteArray vevent(const QString& uid, const QDateTime& start, int minutes,
                  const QByteArray& extra = {}) {
    const QString format = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
    return "BEGIN:VEVENT\r\nUID:" + uid.toUtf8() +
           "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:" + start.toString(format).toLatin1() +
           "\r\nDTEND:" + start.addSecs(minutes * 60).toString(format).toLatin1() +
           "\r\nSUMMARY:Event " + uid.toUtf8() + "\r\n" + extra + "END:VEVENT\r\n";
}

QByteArray feed(const QByteArray& events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//feed//EN\r\nX-WR-TIMEZONE:Europe/Berlin"
           "\r\n" +
           events + "END:VCALENDAR\r\n";
}

} // namespace

class TestIcsFeed : public test::SeededSuite {
    Q_OBJECT

    core::ManualClock m_time{kStart};
    std::unique_ptr<CalendarSyncService> m_service;

    QVector<CalendarEvent> events(const QString& id) { return test::storedEvents(*m_db, id); }
    CalendarIntegration stored(const QString& id) {
        return test::storedIntegration(*m_db, m_admin.id, id);
    }
    // Adds the feed and waits for its first sync; the new integration's id.
    QString add(const QString& url, const QString& name = {}) {
        return test::addAndSync(*m_service, [&] { m_service->addIcsFeed(url, name); });
    }

private slots:
    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_time.set(kStart);
        QVERIFY(openSeeded());
        m_service = std::make_unique<CalendarSyncService>(*m_db, m_time.clock());
    }
    void cleanup() {
        m_service.reset();
        closeSeeded();
    }

    void feedSyncsKeepsEventsOnErrorsAndIsRemoved();
    void badAddressesAreRefused();
    void cliAddsListsShowsAndRemoves();
    void tenThousandEvents();
};

void TestIcsFeed::feedSyncsKeepsEventsOnErrorsAndIsRemoved() {
    test::FeedServer server;
    QVERIFY(server.port() != 0);
    QVERIFY(server.setFeed(
        feed(vevent(QStringLiteral("a"), kStart.addDays(1), 60) +
             vevent(QStringLiteral("b"), kStart.addDays(2), 30, "RRULE:FREQ=DAILY;COUNT=3\r\n") +
             vevent(QStringLiteral("free"), kStart.addDays(3), 30, "TRANSP:TRANSPARENT\r\n"))));

    // 200: stored, active, the address only in the keychain.
    const QString id = add(server.url(kSecret), QStringLiteral("Work"));
    QVERIFY(!id.isEmpty());
    CalendarIntegration feedRow = stored(id);
    QCOMPARE(feedRow.type, CalendarType::IcsFeed);
    QCOMPARE(feedRow.syncStatus, SyncStatus::Active);
    QCOMPARE(feedRow.displayName, QStringLiteral("Work"));
    QCOMPARE(feedRow.sourceUrl, QStringLiteral("http://127.0.0.1:%1/…").arg(server.port()));
    QVERIFY(feedRow.httpEtag.startsWith(u'"'));
    QVERIFY(!feedRow.httpLastModified.isEmpty());
    QCOMPARE(events(id).size(), 5);
    auto busy = storage::CalendarEventRepository(m_db->connection())
                    .listBusy(m_admin.id, kStart, kStart.addDays(10));
    QVERIFY(busy);
    QCOMPARE(busy->size(), 4); // the transparent one blocks nothing
    QCOMPARE(test::keychainSecret(feedRow.keychainKey), server.url(kSecret));

    // 304: the validators were sent, nothing changed.
    SyncReport report = test::syncNow(*m_service, id);
    QVERIFY(report.ok);
    QVERIFY(report.notModified);
    QCOMPARE(server.requests().last().value(QStringLiteral("if_none_match")).toString(),
             feedRow.httpEtag);
    QVERIFY(!server.requests().last().value(QStringLiteral("if_modified_since")).isNull());
    QCOMPARE(events(id).size(), 5);

    // A change: 200 again, the set replaced.
    QVERIFY(server.setFeed(feed(vevent(QStringLiteral("a"), kStart.addDays(1), 90))));
    report = test::syncNow(*m_service, id);
    QVERIFY(report.ok);
    QVERIFY(!report.notModified);
    QCOMPARE(events(id).size(), 1);
    QCOMPARE(events(id).first().endTime, kStart.addDays(1).addSecs(90 * 60));
    QVERIFY(stored(id).httpEtag != feedRow.httpEtag);

    // 404, 500 and a page that is not iCalendar: error state, back-off, the events kept, and
    // the message never quotes the address.
    for (int status : {404, 500}) {
        QVERIFY(server.setStatus(status));
        report = test::syncNow(*m_service, id);
        QVERIFY(!report.ok);
        const CalendarIntegration failed = stored(id);
        QCOMPARE(failed.syncStatus, SyncStatus::Error);
        QVERIFY2(failed.syncError.contains(QString::number(status)), qPrintable(failed.syncError));
        QVERIFY(!failed.syncError.contains(kSecret));
        QCOMPARE(events(id).size(), 1);
        auto state = storage::CalendarSyncStateRepository(m_db->connection()).get(id);
        QVERIFY(state && state->retryAt > m_time.now());
    }
    QVERIFY(server.setStatus(200));
    QVERIFY(server.setFeed("<html>moved</html>"));
    report = test::syncNow(*m_service, id);
    QVERIFY(!report.ok);
    QCOMPARE(stored(id).syncStatus, SyncStatus::Error);
    QCOMPARE(events(id).size(), 1);

    // Back: active again, the error gone.
    QVERIFY(server.setFeed(feed(vevent(QStringLiteral("c"), kStart.addDays(4), 30))));
    report = test::syncNow(*m_service, id);
    QVERIFY(report.ok);
    QCOMPARE(stored(id).syncStatus, SyncStatus::Active);
    QVERIFY(stored(id).syncError.isEmpty());
    QCOMPARE(events(id).first().externalEventId, QStringLiteral("c"));

    m_service.reset();
    m_db.reset(); // the SQLite file complete before it is scanned
    if (!test::usingPostgres())
        SLOTDESK_VERIFY_NO_SECRET_IN(m_tdb->dataDir(), kSecret);
    auto reopened = m_tdb->open();
    QVERIFY(reopened.ok());
    m_db = std::move(*reopened);
    m_service = std::make_unique<CalendarSyncService>(*m_db, m_time.clock());

    // Removed: row, events and keychain entry gone.
    QSignalSpy removed(m_service.get(), &CalendarSyncService::disconnectFinished);
    m_service->removeCalendar(id);
    QVERIFY(removed.wait(10000));
    QVERIFY2(removed.first().at(0).toBool(), qPrintable(removed.first().at(2).toString()));
    QVERIFY(stored(id).id.isEmpty());
    QVERIFY(events(id).isEmpty());
    QCOMPARE(test::keychainSecret(feedRow.keychainKey), QStringLiteral("<none>"));
}

void TestIcsFeed::badAddressesAreRefused() {
    for (const QString& url :
         {QStringLiteral("http://calendar.example.com/feed.ics"), QStringLiteral("ftp://x/y.ics"),
          QStringLiteral("not a url"), QString()}) {
        QSignalSpy added(m_service.get(), &CalendarSyncService::calendarAdded);
        m_service->addIcsFeed(url);
        QVERIFY(added.count() == 1 || added.wait(5000));
        QVERIFY2(!added.first().at(0).toBool(), qPrintable(url));
    }
    auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(all && all->isEmpty());
}

// slotdesk-cli calendar add ics / list / status / remove, as processes.
void TestIcsFeed::cliAddsListsShowsAndRemoves() {
    test::FeedServer server;
    QVERIFY(server.setFeed(feed(vevent(QStringLiteral("a"), kStart.addDays(1), 60))));
    auto cli = [&](const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(SLOTDESK_CLI_PATH),
                      QStringList{QStringLiteral("--data-dir"), m_tdb->dataDir()} + arguments);
        process.waitForFinished(60000);
        return std::make_tuple(process.exitCode(),
                               QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError()));
    };
    auto [code, out, err] =
        cli({QStringLiteral("calendar"), QStringLiteral("add"), QStringLiteral("ics"),
             server.url(kSecret), QStringLiteral("--name"), QStringLiteral("Work")});
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("ICS feed Work")), qPrintable(out));
    QVERIFY(!out.contains(kSecret));

    std::tie(code, out, err) =
        cli({QStringLiteral("calendar"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(code, 0);
    const QJsonArray calendars =
        QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("calendars")).toArray();
    QCOMPARE(calendars.size(), 1);
    const QJsonObject listed = calendars.first().toObject();
    QCOMPARE(listed.value(QStringLiteral("type")).toString(), QStringLiteral("ics-feed"));
    QCOMPARE(listed.value(QStringLiteral("syncStatus")).toString(), QStringLiteral("active"));
    QCOMPARE(listed.value(QStringLiteral("events")).toInt(), 1);
    QVERIFY(!out.contains(kSecret));
    const QString id = listed.value(QStringLiteral("id")).toString();

    QVERIFY(server.setStatus(500));
    QVERIFY(test::syncNow(*m_service, id).ok ==
            false); // in this process: the error is stored for the CLI to show
    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("status")});
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(QStringLiteral("ICS feed Work")) &&
                 out.contains(QStringLiteral("error, 1 event(s)")) &&
                 out.contains(QStringLiteral("HTTP 500")),
             qPrintable(out));

    std::tie(code, out, err) =
        cli({QStringLiteral("calendar"), QStringLiteral("add"), QStringLiteral("ics"),
             QStringLiteral("http://calendar.example.com/x.ics")});
    QCOMPARE(code, 1);
    QVERIFY2(err.startsWith(QStringLiteral("slotdesk-cli: url: ")) && err.count(u'\n') == 1,
             qPrintable(err));
    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("add"),
                                    QStringLiteral("outlook"), server.url(kSecret)});
    QCOMPARE(code, 1);
    QVERIFY2(err.startsWith(QStringLiteral("slotdesk-cli: kind: ")), qPrintable(err));

    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("remove"), id});
    QVERIFY2(code == 0, qPrintable(err));
    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("remove"), id});
    QCOMPARE(code, 1);
    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("list")});
    QVERIFY2(out.startsWith(QStringLiteral("No calendars")), qPrintable(out));
}

void TestIcsFeed::tenThousandEvents() {
    // 10,000 events with descriptions, about 5 MB: all stored. The time is reported, not
    // asserted (bench/ICS-FEED.md has the figure).
    QByteArray body;
    const QByteArray description =
        "DESCRIPTION:" + QByteArray(380, 'x') + "\r\nLOCATION:Room 4.11\r\n";
    for (int i = 0; i < 10000; ++i)
        body += vevent(QStringLiteral("bulk-%1@example.com").arg(i),
                       kStart.addDays(-10).addSecs(qint64(i) * 55 * 60), 45, description);
    const QByteArray ics = feed(body);
    QVERIFY2(ics.size() > 5'000'000, QByteArray::number(ics.size()).constData());
    test::FeedServer server;
    QVERIFY(server.setFeed(ics));
    QElapsedTimer timer;
    timer.start();
    const QString id = add(server.url(kSecret));
    QVERIFY(!id.isEmpty());
    const SyncReport report = m_service->lastReport(id).value_or(SyncReport{});
    QVERIFY(report.ok);
    QCOMPARE(report.items, 10000);
    QCOMPARE(events(id).size(), 10000);
    qInfo("10,000 events, %lld bytes: fetched, parsed and stored in %lld ms (whole pass %lld ms)",
          static_cast<long long>(ics.size()), static_cast<long long>(timer.elapsed()),
          static_cast<long long>(report.elapsedMs));
}

QTEST_GUILESS_MAIN(TestIcsFeed)
#include "tst_icsfeed.moc"
