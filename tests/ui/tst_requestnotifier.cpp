// Desktop notifications of new requests: against a notification server on the session bus that
// speaks the freedesktop Desktop Notifications protocol (registered on its own bus connection, so
// every call and signal crosses the real dbus-daemon), a request's notification carries Approve
// and Reject buttons, and pressing them in the window's session approves or rejects the booking
// in the database. Without a server that offers actions, the tray balloon serves instead.

#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/RequestNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

// The server side of org.freedesktop.Notifications, as a notification daemon implements it.
class FakeNotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown {
        uint id = 0;
        QString appName, summary, body;
        QStringList actions;
        QVariantMap hints;
    };

    explicit FakeNotificationServer(QStringList capabilities)
        : m_capabilities(std::move(capabilities)) {}

    QList<Shown> shown;

public slots:
    QStringList GetCapabilities() { return m_capabilities; }
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon,
                const QString& summary, const QString& body, const QStringList& actions,
                const QVariantMap& hints, int expireTimeout) {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(expireTimeout)
        shown.append({++m_lastId, appName, summary, body, actions, hints});
        return m_lastId;
    }
    void CloseNotification(uint id) { emit NotificationClosed(id, 3); }
    QString GetServerInformation(QString& vendor, QString& version, QString& specVersion) {
        vendor = QStringLiteral("SlotDesk tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("fake-notifications");
    }

signals:
    void ActionInvoked(uint id, const QString& actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    QStringList m_capabilities;
    uint m_lastId = 100;
};

class TestRequestNotifier : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

private:
    std::unique_ptr<FakeNotificationServer> m_server;
    QString m_connectionName;

    // Starts a notification server with `capabilities` on a connection of its own.
    bool startServer(const QStringList& capabilities) {
        m_server = std::make_unique<FakeNotificationServer>(capabilities);
        static int serial = 0;
        m_connectionName = QStringLiteral("fake-notifications-%1").arg(++serial);
        QDBusConnection bus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
        return bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), m_server.get(),
                                  QDBusConnection::ExportAllSlots |
                                      QDBusConnection::ExportAllSignals) &&
               bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
    }

    std::unique_ptr<ui::RequestNotifier> makeNotifier(bool expectActions) {
        auto notifier = std::make_unique<ui::RequestNotifier>(nullptr, nullptr);
        QSignalSpy known(notifier.get(), &ui::RequestNotifier::capabilitiesKnown);
        if (!known.wait(5000) || known.first().first().toBool() != expectActions)
            return nullptr;
        return notifier;
    }

    // The server's notification for the last Notify call, once it has arrived.
    std::optional<FakeNotificationServer::Shown> waitForNotification(qsizetype count) {
        if (!QTest::qWaitFor([&] { return m_server->shown.size() >= count; }, 5000))
            return std::nullopt;
        return m_server->shown.last();
    }

private slots:
    void initTestCase() {
        // A session bus is what the keychain suites need too; tools/test.sh promises one.
        if (!QDBusConnection::sessionBus().isConnected()) {
            if (test::keychainRequired())
                QFAIL("no D-Bus session bus (SLOTDESK_TEST_REQUIRE_KEYCHAIN=1 promised one)");
            QSKIP("no D-Bus session bus");
        }
    }

    void cleanup() {
        if (!m_connectionName.isEmpty()) {
            QDBusConnection bus(m_connectionName);
            bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
            QDBusConnection::disconnectFromBus(m_connectionName);
            m_connectionName.clear();
        }
        m_server.reset();
    }

    void aRequestCarriesApproveAndReject() {
        QVERIFY(startServer({QStringLiteral("actions"), QStringLiteral("body")}));
        auto notifier = makeNotifier(true);
        QVERIFY(notifier);
        Booking b = test::makeBooking(QStringLiteral("u1"), test::utc("2027-03-01T09:00:00Z"));
        b.id = QStringLiteral("7f0c3a52-1111-4c4b-9a53-000000000001");
        b.attendeeName = QStringLiteral("Zoë <b>Dupont</b>");
        notifier->notify({b}, QStringLiteral("Europe/Berlin"));
        const auto shown = waitForNotification(1);
        QVERIFY(shown);
        QCOMPARE(shown->appName, QStringLiteral("SlotDesk"));
        QCOMPARE(shown->summary, QStringLiteral("New booking request from Zoë <b>Dupont</b>"));
        QVERIFY2(shown->body.contains(QStringLiteral("10:00")), qPrintable(shown->body));
        QVERIFY(shown->actions.contains(QStringLiteral("approve")));
        QVERIFY(shown->actions.contains(QStringLiteral("reject")));
        QVERIFY(shown->actions.contains(QStringLiteral("default")));
        QCOMPARE(shown->actions.size() % 2, 0); // key, label pairs
        QCOMPARE(shown->hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("slotdesk"));

        QSignalSpy approve(notifier.get(), &ui::RequestNotifier::approveRequested);
        QSignalSpy reject(notifier.get(), &ui::RequestNotifier::rejectRequested);
        QSignalSpy open(notifier.get(), &ui::RequestNotifier::openApprovalsRequested);
        emit m_server->ActionInvoked(shown->id + 1000, QStringLiteral("approve")); // not ours
        emit m_server->ActionInvoked(shown->id, QStringLiteral("reject"));
        QVERIFY(reject.wait(5000));
        QCOMPARE(reject.first().first().toString(), b.id);
        emit m_server->ActionInvoked(shown->id, QStringLiteral("default"));
        QVERIFY(open.wait(5000));
        QCOMPARE(approve.size(), 0); // the other application's notification was ignored
    }

    void manyRequestsGetOneSummaryWithoutDecisions() {
        QVERIFY(startServer({QStringLiteral("actions")}));
        auto notifier = makeNotifier(true);
        QVERIFY(notifier);
        QVector<Booking> bookings;
        for (int i = 0; i < ui::RequestNotifier::kOneByOne + 2; ++i)
            bookings.append(test::makeBooking(QStringLiteral("u1"),
                                              test::utc("2027-03-01T09:00:00Z").addSecs(3600 * i)));
        notifier->notify(bookings, QStringLiteral("UTC"));
        const auto shown = waitForNotification(1);
        QVERIFY(shown);
        QVERIFY2(shown->summary.startsWith(QStringLiteral("5 new booking")),
                 qPrintable(shown->summary));
        QVERIFY(!shown->actions.contains(QStringLiteral("approve")));
        QTest::qWait(200);
        QCOMPARE(m_server->shown.size(), 1);
    }

    void aServerWithoutActionsIsNotUsed() {
        QVERIFY(startServer({QStringLiteral("body")}));
        auto notifier = makeNotifier(false);
        QVERIFY(notifier);
        notifier->notify(
            {test::makeBooking(QStringLiteral("u1"), test::utc("2027-03-01T09:00:00Z"))},
            QStringLiteral("UTC"));
        QTest::qWait(200);
        QCOMPARE(m_server->shown.size(), 0); // the tray balloon (none here) would show it
    }

    // The window's wiring: Approve and Reject pressed on the notifications change the database.
    void theWindowDecidesFromTheNotification() {
        QVERIFY(startServer({QStringLiteral("actions"), QStringLiteral("body")}));
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        const QDateTime start =
            QDateTime(QDateTime::currentDateTimeUtc().date().addDays(3), QTime(9, 0), Qt::UTC);
        const Booking first = test::seedBooking(**db, admin.id, start);
        const Booking second = test::seedBooking(**db, admin.id, start.addSecs(7200));
        ui::MainWindow window(**db);
        ui::RequestNotifier* notifier = window.requestNotifier();
        QVERIFY(notifier);
        QVERIFY(QTest::qWaitFor([&] { return notifier->hasActions(); }, 5000));
        notifier->notify({first, second}, admin.timeZone);
        QVERIFY(waitForNotification(2));
        const uint firstId = m_server->shown.at(0).id;
        const uint secondId = m_server->shown.at(1).id;

        storage::BookingRepository bookings((*db)->connection());
        auto statusOf = [&](const QString& id) {
            const auto found = bookings.findById(admin.id, id);
            return found.ok() && *found ? (*found)->status : BookingStatus::Pending;
        };
        emit m_server->ActionInvoked(firstId, QStringLiteral("approve"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(first.id), BookingStatus::Confirmed, 5000);
        emit m_server->ActionInvoked(secondId, QStringLiteral("reject"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(second.id), BookingStatus::Rejected, 5000);
    }
};

QTEST_MAIN(TestRequestNotifier)
#include "tst_requestnotifier.moc"
