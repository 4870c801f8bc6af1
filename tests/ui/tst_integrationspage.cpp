// The Integrations page (offscreen) with the real services pointed at FakeGoogleServer and
// FakeZoomServer and the real keychain (dbus-run-session + gnome-keyring, see tools/test.sh):
// Connect (the browser step done by the test) → connected, Sync now → a new last sync,
// Disconnect (confirmed) → disconnected; the same for the Zoom card; no OAuth client → the
// dialog that asks for one; no services → disabled buttons; the services on the desktop's service
// thread, as slotdesk runs them (their passes run there, the cards follow them). Widgets are
// found by objectName.

#include "calendar/CalendarSyncService.h"
#include "fakes/FakeGoogleServer.h"
#include "fakes/FakeZoomServer.h"
#include "integration/OAuthTokenStore.h"
#include "models/AdminSession.h"
#include "models/ServiceThread.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/IntegrationsPageSuite.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "ui/GoogleCalendarCard.h"
#include "ui/IntegrationsPage.h"
#include "ui/MainWindow.h"
#include "ui/OAuthClientDialog.h"
#include "ui/ZoomCard.h"
#include "video/ZoomConfig.h"
#include "video/ZoomService.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace slotdesk;

class TestIntegrationsPage : public test::IntegrationsPageSuite {
    Q_OBJECT

    std::unique_ptr<test::FakeZoomServer> m_zoom;
    std::unique_ptr<CalendarSyncService> m_calendar;
    std::unique_ptr<zoom::ZoomService> m_zoomService;

    QString text(const QString& labelName) const { return named<QLabel>(labelName)->text(); }
    // The cards are found by type: their objectName is the style sheet's "card". The Google
    // card's Connect button likewise carries the style sheet's name for a main button.
    static QPushButton* googleConnect(const QWidget* root) {
        return named(root->findChild<ui::GoogleCalendarCard*>(), QStringLiteral("primary"));
    }
    QPushButton* googleConnect() const { return googleConnect(m_page.get()); }
    // The messages a card shows (errors and what the last action said), one per line.
    QString zoomMessages() const {
        QStringList shown;
        for (const QLabel* label : m_page->findChild<ui::ZoomCard*>()->findChildren<QLabel*>()) {
            if (label->textFormat() == Qt::PlainText && label->isVisibleTo(m_page.get()) &&
                (label->objectName() == QLatin1String("hint") ||
                 label->objectName() == QLatin1String("fieldError")))
                shown.append(label->text());
        }
        return shown.join(QLatin1Char('\n'));
    }
    bool visible(const QString& name) const {
        return named<QWidget>(name)->isVisibleTo(m_page.get());
    }

private slots:
    void initTestCase() { useScratchConfig(); }

    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(openSeededWithGoogle());
        m_zoom = std::make_unique<test::FakeZoomServer>();
        QVERIFY(m_zoom->listen());
        m_zoom->exportEnvironment();
        m_calendar = std::make_unique<CalendarSyncService>(*m_db);
        m_zoomService = std::make_unique<zoom::ZoomService>(*m_db);
        showPage(m_calendar.get(), m_zoomService.get());
        m_page->setQuestionHandler([](const QString&, const QString&,
                                      ui::IntegrationsPage::Answer answer) { answer(true); });
    }

    void cleanup() {
        closePage();
        m_zoomService.reset();
        m_calendar.reset();
        QVERIFY(test::forgetKeychainEntries(m_keychainKeys));
        stopGoogle();
        m_zoom.reset();
        closeSeeded();
    }

    void googleConnectSyncNowDisconnect() {
        QVERIFY(text("integrationStatus").contains(QLatin1String("Not connected")));
        QVERIFY(googleConnect()->isEnabled());
        QVERIFY(!visible("googleSyncNow"));

        QSignalSpy connected(m_calendar.get(), &CalendarSyncService::connectFinished);
        QSignalSpy synced(m_calendar.get(), &CalendarSyncService::syncFinished);
        QTest::mouseClick(googleConnect(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QVERIFY(visible("googleCancelConnect"));
        QVERIFY(!googleConnect()->isEnabled());
        m_google->actAsBrowser(m_opened.first());
        QVERIFY(connected.wait(10000) || !connected.isEmpty());
        QVERIFY2(connected.first().first().toBool(),
                 qPrintable(connected.first().last().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
        auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
        m_keychainKeys.append(all->first().keychainKey);
        QTRY_VERIFY(text("integrationStatus").contains(QLatin1String("Connected")));
        QCOMPARE(text("integrationAccount"), m_google->accountEmail);
        QVERIFY(visible("googleSyncNow"));
        QVERIFY(!visible("googleCancelConnect"));
        QVERIFY(text("integrationJobs").contains(QLatin1String("All sent")));

        // Pretend the last sync was two hours ago; Sync now brings it up to date.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE calendar_integrations SET last_sync_at = %1")
                           .arg(QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000)));
        m_session->refresh();
        QTRY_VERIFY(text("integrationLastSync").startsWith(QLatin1String("2 h ago")));
        const QString before = text("integrationLastSync");
        synced.clear();
        QTest::mouseClick(named("googleSyncNow"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000);
        QTRY_VERIFY(text("integrationLastSync") != before);
        QVERIFY(!text("integrationLastSync").contains(QLatin1String("Syncing")));

        QSignalSpy disconnected(m_calendar.get(), &CalendarSyncService::disconnectFinished);
        QTest::mouseClick(named("googleDisconnect"), Qt::LeftButton);
        QVERIFY(disconnected.wait(20000));
        QTRY_VERIFY(text("integrationStatus").contains(QLatin1String("Not connected")));
        QVERIFY(googleConnect()->isVisibleTo(m_page.get()));
        QVERIFY(!visible("googleDisconnect"));
        QCOMPARE(m_google->revokedTokens().size(), 1);
    }

    void zoomConnectAndDisconnect() {
        QVERIFY(text("zoomStatus").contains(QLatin1String("Not connected")));
        QSignalSpy connected(m_zoomService.get(), &zoom::ZoomService::connectFinished);
        QTest::mouseClick(named("zoomConnect"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QVERIFY(visible("zoomCancelConnect"));
        QNetworkAccessManager browser;
        QNetworkReply* reply = browser.get(QNetworkRequest(m_opened.first()));
        QVERIFY(connected.wait(20000) || !connected.isEmpty());
        reply->deleteLater();
        QVERIFY2(connected.first().first().toBool(),
                 qPrintable(connected.first().last().toString()));
        auto row = storage::VideoIntegrationRepository(m_db->connection())
                       .find(m_admin.id, QStringLiteral("zoom"));
        QVERIFY(row && *row);
        m_keychainKeys.append(zoom::keychainKeyFor((*row)->id));
        QTRY_VERIFY(text("zoomStatus").contains(QLatin1String("Connected")));
        QCOMPARE(text("zoomAccount"), m_zoom->accountEmail);
        QVERIFY(visible("zoomDisconnect"));
        QVERIFY(!visible("zoomConnect"));
        QVERIFY(!visible("zoomCancelConnect"));

        // A failing pass shows on the card.
        QVERIFY(storage::VideoIntegrationRepository(m_db->connection())
                    .setStatus((*row)->id, VideoIntegrationStatus::ReauthRequired,
                               QStringLiteral("Zoom refused SlotDesk's access: reconnect Zoom")));
        m_session->refresh();
        QTRY_VERIFY(text("zoomStatus").contains(QLatin1String("Reconnect needed")));
        QVERIFY(zoomMessages().contains(QLatin1String("reconnect Zoom")));
        QVERIFY(visible("zoomConnect"));

        QSignalSpy disconnected(m_zoomService.get(), &zoom::ZoomService::disconnectFinished);
        QTest::mouseClick(named("zoomDisconnect"), Qt::LeftButton);
        QVERIFY(disconnected.wait(20000));
        QVERIFY(disconnected.first().first().toBool());
        QTRY_VERIFY(text("zoomStatus").contains(QLatin1String("Not connected")));
        QVERIFY(!visible("zoomDisconnect"));
        QCOMPARE(m_zoom->count(test::FakeZoomServer::Route::Revoke), 1);
    }

    void cancellingTheBrowserWaitReturnsToDisconnected() {
        QSignalSpy connected(m_zoomService.get(), &zoom::ZoomService::connectFinished);
        QTest::mouseClick(named("zoomConnect"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QTest::mouseClick(named("zoomCancelConnect"), Qt::LeftButton);
        QTRY_COMPARE(connected.size(), 1);
        QVERIFY(!connected.first().first().toBool());
        QVERIFY(named("zoomConnect")->isEnabled());
        QVERIFY(!visible("zoomCancelConnect"));
        QVERIFY(zoomMessages().contains(QLatin1String("cancelled")));
    }

    void noClientConfiguredAsksForOne() {
        qunsetenv("SLOTDESK_ZOOM_CLIENT_ID");
        qunsetenv("SLOTDESK_ZOOM_CLIENT_SECRET");
        // Nothing left from an earlier run that stopped half way (the settings and the keyring
        // outlive it).
        QSettings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk")).clear();
        m_keychainKeys.append(QStringLiteral("zoom/client/") + m_zoom->clientId);
        QVERIFY(test::forgetKeychainEntries(m_keychainKeys));
        QTest::mouseClick(named("zoomConnect"), Qt::LeftButton);
        // The keychain answers whether an app is configured (its secret would be there).
        QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<ui::OAuthClientDialog*>(), 10000);
        auto* dialog = m_page->findChild<ui::OAuthClientDialog*>();
        QCOMPARE(dialog->provider(), ui::OAuthClientDialog::Provider::Zoom);
        QVERIFY(m_opened.isEmpty());
        dialog->clientIdEdit()->setText(m_zoom->clientId);
        dialog->accept(); // no secret
        QVERIFY(dialog->errorText().contains(QLatin1String("Client secret")));
        QVERIFY(dialog->isVisible());
        dialog->clientSecretEdit()->setText(m_zoom->clientSecret);
        dialog->accept();
        // Saved where ZoomConfig reads it — the id in the settings, the secret in the keychain
        // only (issue 13) — and the connect goes on.
        m_keychainKeys.append(QStringLiteral("zoom/client/") + m_zoom->clientId);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        const QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
        QCOMPARE(settings.value(QStringLiteral("zoom/clientId")).toString(), m_zoom->clientId);
        QVERIFY(!settings.contains(QStringLiteral("zoom/clientSecret")));
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_zoom->clientSecret.toUtf8()));
        QVERIFY(m_opened.first().query().contains(m_zoom->clientId));
        m_zoomService->cancelConnect();
        QSettings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk")).clear();
    }

    void theCardsFollowServicesOnTheServiceThread() {
        auto services = models::ServiceThread::start(*m_db);
        QVERIFY(services.ok());
        auto* calendar =
            (*services)->make([](storage::Database& db) { return new CalendarSyncService(db); });
        auto* zoomService =
            (*services)->make([](storage::Database& db) { return new zoom::ZoomService(db); });
        // Where the Google passes and the Zoom connection run, and how many passes ended
        // (written there, read here).
        std::atomic<QThread*> syncThread = nullptr;
        std::atomic<QThread*> zoomThread = nullptr;
        std::atomic<int> googlePasses = 0;
        std::atomic<int> zoomPasses = 0;
        connect(
            calendar, &CalendarSyncService::syncStarted, calendar,
            [&syncThread] { syncThread = QThread::currentThread(); }, Qt::DirectConnection);
        connect(
            calendar, &CalendarSyncService::syncFinished, calendar,
            [&googlePasses] { ++googlePasses; }, Qt::DirectConnection);
        connect(
            zoomService, &zoom::ZoomService::connectFinished, zoomService,
            [&zoomThread] { zoomThread = QThread::currentThread(); }, Qt::DirectConnection);
        connect(
            zoomService, &zoom::ZoomService::syncFinished, zoomService,
            [&zoomPasses] { ++zoomPasses; }, Qt::DirectConnection);
        m_page->setServices(calendar, zoomService);

        // Google: connect (a first sync follows), sync now, disconnect.
        QTest::mouseClick(googleConnect(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QVERIFY(visible("googleCancelConnect"));
        m_google->actAsBrowser(m_opened.takeFirst());
        QTRY_VERIFY_WITH_TIMEOUT(text("integrationStatus").contains(QLatin1String("Connected")),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(syncThread.load() != nullptr, 20000);
        QCOMPARE(syncThread.load(), (*services)->thread());
        QVERIFY(syncThread.load() != QThread::currentThread());
        m_keychainKeys.append(storage::CalendarIntegrationRepository(m_db->connection())
                                  .list(m_admin.id)
                                  ->first()
                                  .keychainKey);
        QCOMPARE(text("integrationAccount"), m_google->accountEmail);
        QVERIFY(!visible("googleCancelConnect"));
        QTRY_COMPARE_WITH_TIMEOUT(googlePasses.load(), 1, 20000);
        QTRY_VERIFY(!text("integrationLastSync").contains(QLatin1String("Syncing")));
        const int listed = m_google->count(test::FakeGoogleServer::Route::EventsList);
        QTest::mouseClick(named("googleSyncNow"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(googlePasses.load(), 2, 20000);
        QVERIFY(m_google->count(test::FakeGoogleServer::Route::EventsList) > listed);
        QTest::mouseClick(named("googleDisconnect"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text("integrationStatus").contains(QLatin1String("Not connected")),
                                 20000);
        QTRY_COMPARE(m_google->revokedTokens().size(), 1);

        // Zoom: connect, disconnect.
        QTest::mouseClick(named("zoomConnect"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QVERIFY(visible("zoomCancelConnect"));
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> reply(browser.get(QNetworkRequest(m_opened.first())));
        QTRY_VERIFY_WITH_TIMEOUT(text("zoomStatus").contains(QLatin1String("Connected")), 20000);
        QCOMPARE(zoomThread.load(), (*services)->thread());
        QTRY_COMPARE_WITH_TIMEOUT(zoomPasses.load(), 1, 20000); // the pass after connecting
        auto row = storage::VideoIntegrationRepository(m_db->connection())
                       .find(m_admin.id, QStringLiteral("zoom"));
        QVERIFY(row && *row);
        m_keychainKeys.append(zoom::keychainKeyFor((*row)->id));
        QCOMPARE(text("zoomAccount"), m_zoom->accountEmail);
        QVERIFY(!visible("zoomCancelConnect"));
        QTest::mouseClick(named("zoomDisconnect"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text("zoomStatus").contains(QLatin1String("Not connected")),
                                 20000);
        QTRY_COMPARE(m_zoom->count(test::FakeZoomServer::Route::Revoke), 1);
        // The page lets go of the services before their thread deletes them.
        m_page->setServices(nullptr, nullptr);
    }

    void withoutServicesTheButtonsAreDisabled() {
        ui::IntegrationsPage page(m_session.get());
        QVERIFY(!googleConnect(&page)->isEnabled());
        QVERIFY(!named(&page, QStringLiteral("zoomConnect"))->isEnabled());
        QVERIFY(!googleConnect(&page)->toolTip().isEmpty());
        QVERIFY(!named(&page, QStringLiteral("zoomConnect"))->toolTip().isEmpty());
    }

    void mainWindowPassesTheServicesOn() {
        ui::MainWindow window(*m_db);
        auto* page = named<ui::IntegrationsPage>(&window, QStringLiteral("integrationsPage"));
        QVERIFY(!googleConnect(page)->isEnabled());
        window.setIntegrationServices(m_calendar.get(), m_zoomService.get());
        QVERIFY(googleConnect(page)->isEnabled());
        QVERIFY(named(page, QStringLiteral("zoomConnect"))->isEnabled());
    }
};

QTEST_MAIN(TestIntegrationsPage)
#include "tst_integrationspage.moc"
