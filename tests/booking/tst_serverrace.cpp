// A team's setup under load: four `slotdesk-cli serve` processes on different ports share one
// database (a SQLite file here, PostgreSQL in the _postgres run), and 200 attendees POST the
// same slot at once, spread over the four servers. Exactly one gets 201, every other one 409,
// and the database holds exactly one booking for that time.

#include "storage/BookingRepository.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace slotdesk;

class TestServerRace : public QObject {
    Q_OBJECT

    static constexpr int kServers = 4;
    static constexpr int kRequests = 200;

    test::TestDatabase m_tdb;
    User m_admin;
    std::vector<std::unique_ptr<QProcess>> m_servers;
    QList<quint16> m_ports;

    static quint16 freePort() {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

    bool startServer(quint16 port) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(SLOTDESK_CLI_PATH,
                       m_tdb.cliArguments() +
                           QStringList{"serve", "--listen", QString("127.0.0.1:%1").arg(port),
                                       "--max-booking-posts-per-minute", "100000"});
        QElapsedTimer waited;
        waited.start();
        QByteArray out;
        while (waited.elapsed() < 60000 && process->state() != QProcess::NotRunning) {
            process->waitForReadyRead(200);
            out += process->readAllStandardOutput();
            if (out.contains("listening on"))
                break;
        }
        if (!out.contains("listening on")) {
            qWarning() << "server on" << port << "did not start:" << out
                       << process->readAllStandardError();
            return false;
        }
        m_servers.push_back(std::move(process));
        return true;
    }

    // Whether `reply` holds a whole response (headers and Content-Length bytes of body): the
    // server need not close the connection.
    static bool isComplete(const QByteArray& reply) {
        const qsizetype headerEnd = reply.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        qsizetype length = 0;
        for (const QByteArray& line : reply.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        return reply.size() >= headerEnd + 4 + length;
    }

    // Sends every request before reading any answer; returns each one's HTTP status (0: none).
    QList<int> postAll(const QDateTime& start) {
        QEventLoop loop;
        std::vector<QByteArray> replies(kRequests);
        std::vector<bool> done(kRequests, false);
        int finished = 0;
        const auto finish = [&](int i) {
            if (done[i])
                return;
            done[i] = true;
            if (++finished == kRequests)
                loop.quit();
        };
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < kRequests; ++i) {
            const quint16 port = m_ports[i % kServers];
            const QByteArray body =
                QJsonDocument(QJsonObject{{"start", start.toString(Qt::ISODate)},
                                          {"duration", 30},
                                          {"name", QString("Racer %1").arg(i)},
                                          {"email", QString("racer%1@example.com").arg(i)},
                                          {"timezone", "UTC"}})
                    .toJson(QJsonDocument::Compact);
            const QByteArray request =
                "POST /api/v1/users/" + m_admin.username.toUtf8() +
                "/bookings HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body;
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket* s = socket.get();
            connect(s, &QTcpSocket::connected, s, [s, request] { s->write(request); });
            connect(s, &QTcpSocket::readyRead, s, [&, s, i] {
                replies[i] += s->readAll();
                if (isComplete(replies[i]))
                    finish(i);
            });
            connect(s, &QTcpSocket::disconnected, s, [&, i] { finish(i); });
            connect(s, &QTcpSocket::errorOccurred, s, [&, s, i](QAbstractSocket::SocketError e) {
                if (e != QAbstractSocket::RemoteHostClosedError)
                    qWarning() << "request" << i << "failed:" << s->errorString();
                finish(i);
            });
            s->connectToHost(QHostAddress::LocalHost, port);
            sockets.push_back(std::move(socket));
        }
        QTimer::singleShot(180000, &loop, &QEventLoop::quit);
        loop.exec();
        for (auto& socket : sockets) {
            socket->disconnect();
            socket->abort();
        }
        QList<int> statuses(kRequests, 0);
        for (int i = 0; i < kRequests; ++i) {
            const QList<QByteArray> statusLine =
                replies[i].left(replies[i].indexOf('\r')).split(' ');
            statuses[i] = statusLine.size() >= 2 ? statusLine[1].toInt() : 0;
        }
        return statuses;
    }

private slots:
    void initTestCase() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        QVERIFY(test::seedBookableAdmin(m_tdb, m_admin, "UTC"));
        for (int i = 0; i < kServers; ++i) {
            const quint16 port = freePort();
            QVERIFY(port != 0);
            QVERIFY(startServer(port));
            m_ports.append(port);
        }
    }

    void cleanupTestCase() {
        for (auto& server : m_servers) {
            server->terminate();
            if (!server->waitForFinished(10000))
                server->kill();
        }
    }

    void twoHundredPostsFourServersOneSlot() {
        const qint64 hour = 3600;
        const QDateTime start = QDateTime::fromSecsSinceEpoch(
            (QDateTime::currentSecsSinceEpoch() / hour + 26) * hour, Qt::UTC);
        QElapsedTimer timer;
        timer.start();
        const QList<int> statuses = postAll(start);
        const qint64 elapsed = timer.elapsed();
        int created = 0;
        int conflicts = 0;
        QStringList other;
        for (int i = 0; i < statuses.size(); ++i) {
            if (statuses[i] == 201)
                ++created;
            else if (statuses[i] == 409)
                ++conflicts;
            else
                other << QString("request %1: %2").arg(i).arg(statuses[i]);
        }
        qInfo("%d POSTs over %d servers (%s): %d created, %d conflicts in %lld ms", kRequests,
              kServers, test::usingPostgres() ? "PostgreSQL" : "SQLite", created, conflicts,
              elapsed);
        QVERIFY2(other.isEmpty(), qPrintable(other.join('\n')));
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kRequests - 1);

        auto db = m_tdb.open();
        QVERIFY(db.ok());
        storage::BookingFilter filter;
        filter.startsFrom = start.addSecs(-hour);
        filter.startsBefore = start.addSecs(hour);
        auto stored = storage::BookingRepository((*db)->connection()).list(m_admin.id, filter);
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().startTime, start);
    }
};

QTEST_GUILESS_MAIN(TestServerRace)
#include "tst_serverrace.moc"
