// The cap on a provider's answer (integration::kMaxReplyBytes, 64 MB) over a real socket: a
// server on 127.0.0.1 (a QTcpServer here) streams an answer larger than the cap, a megabyte at
// a time (the same shared chunk again and again, so the test holds one). sendRequest() cuts it
// off and reports a lost transfer — no HTTP status, Failure::Network, transient, nothing of it
// kept — having read no further than the cap: QtNetwork stopped reading, so the server could
// not send the rest, and the memory stays bounded. A CalDAV account and an ICS feed whose
// server does this fail their pass like a lost connection: the integration in error with
// back-off, the events it had kept.

#include "calendar/CalendarSyncService.h"
#include "integration/ProviderHttp.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/SqlSupport.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace slotdesk;
using integration::Failure;
using integration::ProviderReply;

namespace {

constexpr qint64 kChunk = 1024 * 1024;
// Twice the cap: more than the cap and the sockets' buffers (tcp_rmem allows up to 32 MB) hold,
// so that a client reading ahead of the cap would take it all.
constexpr qint64 kAnswerBytes = 2 * integration::kMaxReplyBytes;
const QDateTime kStart = QDateTime(QDate(2027, 3, 1), QTime(6, 0), Qt::UTC);

// Answers every request with a 200 (or 207 to a PROPFIND or REPORT) of kAnswerBytes, written a
// chunk at a time as the socket drains.
class StreamingServer : public QObject {
public:
    StreamingServer() {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    [[nodiscard]] QUrl url(const QString& path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] bool hungUp() const { return m_hungUp; }

private:
    void serve(QTcpSocket* socket) {
        auto request = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            if (request->contains("\r\n\r\n")) {
                socket->readAll(); // the body of a request already answered
                return;
            }
            *request += socket->readAll();
            if (!request->contains("\r\n\r\n"))
                return;
            const bool dav = request->startsWith("PROPFIND") || request->startsWith("REPORT");
            socket->write((dav ? QByteArray("HTTP/1.1 207 Multi-Status\r\n")
                               : QByteArray("HTTP/1.1 200 OK\r\n")) +
                          "Content-Type: " + (dav ? "application/xml" : "text/calendar") +
                          "\r\nContent-Length: " + QByteArray::number(kAnswerBytes) + "\r\n\r\n");
            m_queued = m_written = 0;
            m_hungUp = false;
            more(socket);
        });
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket](qint64 bytes) {
            m_written += bytes;
            more(socket);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_hungUp = true;
            socket->deleteLater();
        });
    }
    void more(QTcpSocket* socket) {
        while (m_queued < kAnswerBytes && socket->bytesToWrite() < 4 * kChunk &&
               socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(m_chunk);
            m_queued += kChunk;
        }
    }

    QTcpServer m_server;
    const QByteArray m_chunk = QByteArray(kChunk, ' ');
    qint64 m_queued = 0;
    qint64 m_written = 0; // of the body and headers, as the socket reported it sent
    bool m_hungUp = false;
};

} // namespace

class TestReplyCap : public QObject {
    Q_OBJECT

    QStringList m_keychainKeys;

private slots:
    void cleanup() { QVERIFY(test::forgetKeychainEntries(m_keychainKeys)); }

    void sendRequestCutsOffAnAnswerOverTheCap();
    void passFailsLikeALostTransferAndKeepsItsEvents_data();
    void passFailsLikeALostTransferAndKeepsItsEvents();
};

void TestReplyCap::sendRequestCutsOffAnAnswerOverTheCap() {
    StreamingServer server;
    QNetworkAccessManager network;
    QObject context;
    std::optional<ProviderReply> reply;
    integration::sendRequest(&network, QStringLiteral("The test server"),
                             QNetworkRequest(server.url(QStringLiteral("/big"))), "GET", {},
                             &context, [&](ProviderReply r) { reply = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 120000);
    QCOMPARE(reply->httpStatus, 0);
    QCOMPARE(reply->failure, Failure::Network);
    QVERIFY(reply->isTransient());
    QVERIFY(reply->data.isEmpty());
    QCOMPARE(reply->message, QStringLiteral("The test server sent an answer larger than 64 MB; it "
                                            "was cut off"));
    // The client hung up once it had the cap: the server sent more than that, but could not
    // send it all.
    QTRY_VERIFY_WITH_TIMEOUT(server.hungUp(), 30000);
    QVERIFY2(server.written() > integration::kMaxReplyBytes,
             qPrintable(QString::number(server.written())));
    QVERIFY2(server.written() < kAnswerBytes, qPrintable(QString::number(server.written())));
}

void TestReplyCap::passFailsLikeALostTransferAndKeepsItsEvents_data() {
    QTest::addColumn<CalendarType>("type");
    QTest::addColumn<QString>("error");
    QTest::newRow("caldav") << CalendarType::CalDav
                            << QStringLiteral("The CalDAV server sent an answer larger than 64 MB; "
                                              "it was cut off");
    QTest::newRow("ics-feed") << CalendarType::IcsFeed
                              << QStringLiteral("The calendar feed is larger than 64 MB; it was "
                                                "cut off");
}

// An account (or feed) with one stored event, whose server now answers too much.
void TestReplyCap::passFailsLikeALostTransferAndKeepsItsEvents() {
    QFETCH(CalendarType, type);
    QFETCH(QString, error);
    SLOTDESK_REQUIRE_TEST_KEYCHAIN();
    // The cap is the network's: SQLite will do.
    QTemporaryDir dataDir;
    auto db = storage::Database::openInDirectory(dataDir.path());
    QVERIFY(db);
    const User admin = test::seedAdmin(**db);
    core::ManualClock fixedTime{kStart};
    StreamingServer server;
    CalendarIntegration integration;
    integration.id = storage::newId();
    integration.userId = admin.id;
    integration.type = type;
    integration.syncStatus = SyncStatus::Active;
    integration.displayName = QStringLiteral("Too much");
    integration.lastSyncAt = fixedTime.now().addSecs(-3600);
    QByteArray secret;
    QString calendarId;
    if (type == CalendarType::CalDav) {
        integration.keychainKey = QStringLiteral("caldav/") + integration.id;
        integration.calendarId = server.url(QStringLiteral("/alice/")).toString();
        integration.sourceUrl = server.url(QStringLiteral("/")).toString();
        integration.username = QStringLiteral("alice");
        secret = "correct horse";
    } else {
        integration.keychainKey = QStringLiteral("ics-feed/") + integration.id;
        integration.calendarId = QStringLiteral("feed");
        integration.sourceUrl = server.url(QStringLiteral("/feed.ics")).toString();
        secret = integration.sourceUrl.toUtf8();
    }
    QVERIFY(storage::CalendarIntegrationRepository((*db)->connection(), fixedTime.clock())
                .create(integration));
    if (type == CalendarType::CalDav) {
        storage::IntegrationCalendar work;
        work.integrationId = integration.id;
        work.remoteId = server.url(QStringLiteral("/alice/work/")).toString();
        work.displayName = QStringLiteral("Work");
        work.blocksTime = true;
        auto created =
            storage::IntegrationCalendarRepository((*db)->connection(), fixedTime.clock())
                .create(work);
        QVERIFY(created);
        calendarId = created->id;
    }
    CalendarEvent event;
    event.calendarIntegrationId = integration.id;
    event.integrationCalendarId = calendarId;
    event.externalEventId = QStringLiteral("meeting.ics|\"1\"|meeting@test");
    event.startTime = kStart.addDays(2);
    event.endTime = kStart.addDays(2).addSecs(3600);
    event.syncedAt = fixedTime.now().addSecs(-3600);
    QVERIFY(storage::CalendarEventRepository((*db)->connection(), fixedTime.clock())
                .replaceAll(integration.id, {event}, calendarId));
    QVERIFY(test::writeKeychainSecret(integration.keychainKey, secret, m_keychainKeys));

    CalendarSyncService service(**db, fixedTime.clock());
    QSignalSpy synced(&service, &CalendarSyncService::syncFinished);
    service.syncNow(integration.id);
    QVERIFY(synced.wait(120000));
    const SyncReport report = service.lastReport(integration.id).value_or(SyncReport{});
    QVERIFY(report.ran);
    QVERIFY(!report.ok);
    QCOMPARE(report.message, error);
    auto stored = storage::CalendarIntegrationRepository((*db)->connection())
                      .findById(admin.id, integration.id);
    QVERIFY(stored && stored->has_value());
    QCOMPARE((*stored)->syncStatus, SyncStatus::Error);
    QCOMPARE((*stored)->syncError, error);
    auto state = storage::CalendarSyncStateRepository((*db)->connection()).get(integration.id);
    QVERIFY(state && state->failureCount == 1 && state->retryAt > fixedTime.now()); // backing off
    auto events = storage::CalendarEventRepository((*db)->connection()).list(integration.id);
    QVERIFY(events && events->size() == 1);
    QCOMPARE(events->first().startTime, event.startTime);
    QVERIFY2(server.written() < kAnswerBytes, qPrintable(QString::number(server.written())));
}

QTEST_GUILESS_MAIN(TestReplyCap)
#include "tst_replycap.moc"
