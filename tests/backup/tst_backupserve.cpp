// A backup while `slotdesk-cli serve` takes bookings: attendees POST about 50 bookings a second
// through the endpoint while `slotdesk-cli backup create` runs in another process. The backup
// passes SQLite's integrity check and holds every booking acknowledged (201) before it began;
// restored, the window starts on it and shows them.

#include "availability/AvailabilityService.h"
#include "models/AdminSession.h"
#include "models/BookingTableModel.h"
#include "models/ItemRoles.h"
#include "storage/SqliteBackup.h"
#include "support/TestData.h"
#include "ui/BookingsPage.h"
#include "ui/MainWindow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace slotdesk;

class TestBackupServe : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    User m_admin;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    // Posts one booking for `start` to the endpoint; `done` gets the new booking's id on 201.
    void post(quint16 port, const QDateTime& start, int n,
              const std::function<void(const QString&)>& done) {
        const QByteArray body =
            QJsonDocument(QJsonObject{{"start", start.toString(Qt::ISODate)},
                                      {"duration", 30},
                                      {"name", QString("Guest %1").arg(n)},
                                      {"email", QString("guest%1@example.com").arg(n)},
                                      {"timezone", "UTC"}})
                .toJson(QJsonDocument::Compact);
        const QByteArray request =
            "POST /api/v1/users/" + m_admin.username.toUtf8() +
            "/bookings HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
            "\r\nContent-Type: application/json\r\nConnection: "
            "close\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body;
        auto* socket = new QTcpSocket(this);
        auto reply = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::connected, socket,
                [socket, request] { socket->write(request); });
        connect(socket, &QTcpSocket::readyRead, socket,
                [socket, reply] { *reply += socket->readAll(); });
        connect(socket, &QTcpSocket::disconnected, socket, [socket, reply, done] {
            *reply += socket->readAll();
            if (reply->startsWith("HTTP/1.1 201")) {
                const QByteArray json = reply->mid(reply->indexOf("\r\n\r\n") + 4);
                done(QJsonDocument::fromJson(json).object().value("id").toString());
            } else {
                qWarning() << "booking not created:" << reply->left(200);
            }
            socket->deleteLater();
        });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY(db);
        m_admin = test::seedAdmin(**db, "alice", "UTC");
        AvailabilityService availability(**db);
        for (int day = 0; day < 7; ++day) {
            AvailabilityBlock allDay{{}, m_admin.id, day, 0, 1440, "UTC", true, {}, {}};
            QVERIFY(availability.add(allDay));
        }
    }

    void backupWhileServing() {
        QProcess serve;
        serve.start(QStringLiteral(SLOTDESK_CLI_PATH),
                    {"--data-dir", dataDir(), "serve", "--listen", "127.0.0.1:0", "--no-mail",
                     "--max-booking-posts-per-minute", "100000"});
        QByteArray out;
        while (!out.contains("listening on") && serve.waitForReadyRead(30000))
            out += serve.readAllStandardOutput();
        QVERIFY2(out.contains("listening on"), out.constData());
        const QByteArray address = out.mid(out.indexOf("listening on")).split('\n').first();
        const quint16 port = address.mid(address.lastIndexOf(':') + 1).trimmed().toUShort();
        QVERIFY(port != 0);

        // One booking every 20 ms, each in a slot of its own from tomorrow on.
        const QDateTime first = QDateTime::fromSecsSinceEpoch(
            (QDateTime::currentSecsSinceEpoch() / 3600 + 26) * 3600, Qt::UTC);
        QStringList acknowledged; // in the order the 201s arrived
        int sent = 0;
        QTimer poster;
        connect(&poster, &QTimer::timeout, this, [&] {
            post(port, first.addSecs(1800LL * sent), sent,
                 [&acknowledged](const QString& id) { acknowledged.append(id); });
            ++sent;
        });
        poster.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 50, 60000);

        // What was acknowledged before the backup began must be in it.
        const QSet<QString> before(acknowledged.begin(), acknowledged.end());
        const QString backupFile = m_dir.filePath(QStringLiteral("during-serve.sqlite"));
        QProcess backup;
        backup.start(QStringLiteral(SLOTDESK_CLI_PATH),
                     {"--data-dir", dataDir(), "backup", "create", "--to", backupFile});
        QTRY_VERIFY_WITH_TIMEOUT(backup.state() == QProcess::NotRunning, 120000);
        const int duringBackup = static_cast<int>(acknowledged.size() - before.size());
        QCOMPARE(backup.exitCode(), 0);
        // Bookings keep coming after it, too.
        const qsizetype afterBackup = acknowledged.size();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= afterBackup + 10, 60000);
        poster.stop();
        QTRY_COMPARE_WITH_TIMEOUT(findChildren<QTcpSocket*>().size(), 0, 60000);
        qInfo("%lld bookings acknowledged before the backup, %d while it ran, %lld in all",
              static_cast<long long>(before.size()), duringBackup,
              static_cast<long long>(acknowledged.size()));

        auto check = storage::SqliteBackup::verify(backupFile);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
        QSet<QString> inBackup;
        {
            auto raw = QSqlDatabase::addDatabase("QSQLITE", "backup");
            raw.setDatabaseName(backupFile);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec("SELECT id FROM bookings"));
            while (q.next())
                inBackup.insert(q.value(0).toString());
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase("backup");
        for (const QString& id : before)
            QVERIFY2(inBackup.contains(id), qPrintable("missing from the backup: " + id));
        QVERIFY(inBackup.size() < acknowledged.size()); // later ones are not, of course

        // Restore: refused while serve holds the database, then done once it has stopped.
        const QStringList restore{"--data-dir", dataDir(), "backup", "restore", backupFile};
        QProcess refused;
        refused.start(QStringLiteral(SLOTDESK_CLI_PATH), restore);
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(refused.readAllStandardError().contains("open; close it"));
        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        QProcess restored;
        restored.start(QStringLiteral(SLOTDESK_CLI_PATH), restore);
        QVERIFY(restored.waitForFinished(60000));
        QVERIFY2(restored.exitCode() == 0, restored.readAllStandardError().constData());

        // The window starts on the restored database and shows every booking in the backup.
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY(db);
        ui::MainWindow window(**db, {}, core::Clock());
        window.show();
        window.showPage(ui::MainWindow::Bookings);
        auto* model = window.bookingsPage()->sourceModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), static_cast<int>(inBackup.size()), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), static_cast<int>(inBackup.size()), 30000);
        QSet<QString> shown;
        for (int r = 0; r < model->rowCount(); ++r)
            shown.insert(model->index(r, 0).data(models::IdRole).toString());
        QCOMPARE(shown, inBackup);
    }
};

QTEST_MAIN(TestBackupServe)
#include "tst_backupserve.moc"
