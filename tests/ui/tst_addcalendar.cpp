// "Add calendar…" on the Integrations page (offscreen), with CalendarSyncService on the desktop's
// service thread and the real keychain (dbus-run-session + gnome-keyring, see tools/test.sh):
//   ICS feed end to end against tests/support/feed_server.py — added through the dialog, listed
//   on the page without its secret, its events in the database; Remove… asks first (No keeps
//   it, Yes removes the row and the events);
//   CalDAV against a real Radicale (tests/support/RadicaleProcess) — a wrong password shows
//   beside the password field, Test connection lists the seeded calendars with their colours,
//   Add stores the account with the unticked calendar not blocking; Cancel while a test runs
//   closes the dialog and the late answer is dropped;
//   Google Calendar hands over to the Google card's Connect.
// Widgets are found by objectName.

#include "caldav/CalDavConnector.h"
#include "calendar/CalendarSyncService.h"
#include "fakes/FakeGoogleServer.h"
#include "models/AdminSession.h"
#include "models/ServiceThread.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "support/FeedServer.h"
#include "support/IntegrationsPageSuite.h"
#include "support/RadicaleProcess.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "ui/AddCalendarDialog.h"
#include "ui/GoogleCalendarCard.h"
#include "ui/IntegrationsPage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace slotdesk;

namespace {

const QString kSecret = QStringLiteral("s3cr3t-ui-feed-0815");
const QString kPassword = QStringLiteral("correct horse");

QByteArray feedWithTwoEvents() {
    const QString format = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
    const QDateTime start = QDateTime(QDate::currentDate().addDays(2), QTime(9, 0), Qt::UTC);
    QByteArray events;
    for (int i = 0; i < 2; ++i) {
        const QDateTime from = start.addDays(i);
        events += "BEGIN:VEVENT\r\nUID:ui-" + QByteArray::number(i) +
                  "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:" + from.toString(format).toLatin1() +
                  "\r\nDTEND:" + from.addSecs(3600).toString(format).toLatin1() +
                  "\r\nSUMMARY:Busy " + QByteArray::number(i) + "\r\nEND:VEVENT\r\n";
    }
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ui//EN\r\n" + events + "END:VCALENDAR\r\n";
}

} // namespace

class TestAddCalendar : public test::IntegrationsPageSuite {
    Q_OBJECT

    std::unique_ptr<models::ServiceThread> m_services;
    CalendarSyncService* m_calendar = nullptr;
    QStringList m_questions;
    bool m_answer = true;

    ui::AddCalendarDialog* openDialog() {
        QTest::mouseClick(named(QStringLiteral("addCalendar")), Qt::LeftButton);
        return m_page->findChild<ui::AddCalendarDialog*>();
    }
    // The rows of the page's calendar list.
    QList<QWidget*> rows() const {
        QList<QWidget*> out;
        for (QWidget* w : m_page->findChildren<QWidget*>(QStringLiteral("calendarRow"))) {
            if (!w->property("integrationId").toString().isEmpty())
                out.append(w);
        }
        return out;
    }
    QList<CalendarIntegration> stored() const {
        auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
        return all ? QList<CalendarIntegration>(all->begin(), all->end())
                   : QList<CalendarIntegration>{};
    }
    int eventCount(const QString& id) const {
        auto all = storage::CalendarEventRepository(m_db->connection()).list(id);
        return all ? static_cast<int>(all->size()) : -1;
    }

private slots:
    void initTestCase() { useScratchConfig(); }

    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(openSeeded());
        auto services = models::ServiceThread::start(*m_db);
        QVERIFY(services.ok());
        m_services = std::move(*services);
        m_calendar = m_services->make(
            [](storage::Database& database) { return new CalendarSyncService(database); });
        showPage(m_calendar, nullptr);
        m_questions.clear();
        m_answer = true;
        m_page->setQuestionHandler(
            [this](const QString& title, const QString&, ui::IntegrationsPage::Answer answer) {
                m_questions.append(title);
                answer(m_answer);
            });
    }

    void cleanup() {
        for (const CalendarIntegration& c : stored())
            m_keychainKeys.append(c.keychainKey);
        closePage();
        m_services.reset();
        m_calendar = nullptr;
        QVERIFY(test::forgetKeychainEntries(m_keychainKeys));
        closeSeeded();
    }

    void icsFeedAddListAndRemove() {
        test::FeedServer feed;
        QVERIFY(feed.port() != 0);
        QVERIFY(feed.setFeed(feedWithTwoEvents()));
        QVERIFY(rows().isEmpty());

        QPointer<ui::AddCalendarDialog> dialog = openDialog();
        QVERIFY(dialog);
        QTest::mouseClick(named<QRadioButton>(dialog, QStringLiteral("addCalendarIcs")),
                          Qt::LeftButton);
        QCOMPARE(dialog->kind(), ui::AddCalendarDialog::Kind::IcsFeed);
        auto* url = named<QLineEdit>(dialog, QStringLiteral("icsUrl"));
        QCOMPARE(url->echoMode(), QLineEdit::Password); // the address is a credential

        // Nothing typed: the address field says so, nothing is sent.
        QTest::mouseClick(named(dialog, QStringLiteral("addCalendarAdd")), Qt::LeftButton);
        QVERIFY(dialog->problem(QStringLiteral("url")).contains(QLatin1String("Feed address")));
        QVERIFY(!dialog->isBusy());

        url->setText(feed.url(kSecret));
        named<QLineEdit>(dialog, QStringLiteral("icsName"))->setText(QStringLiteral("Work feed"));
        QTest::mouseClick(named(dialog, QStringLiteral("addCalendarAdd")), Qt::LeftButton);
        // Busy until the service answers: the actions are off, a line says what goes on.
        QVERIFY(dialog->isBusy());
        QVERIFY(!named(dialog, QStringLiteral("addCalendarAdd"))->isEnabled());
        QVERIFY(!url->isEnabled());
        QVERIFY(named<QLabel>(dialog, QStringLiteral("addCalendarBusy"))->isVisibleTo(dialog));
        QVERIFY(named(dialog, QStringLiteral("addCalendarCancel"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 20000); // closed on success (and deleted)

        QTRY_COMPARE_WITH_TIMEOUT(rows().size(), 1, 10000);
        const QList<CalendarIntegration> all = stored();
        QCOMPARE(all.size(), 1);
        const QString id = all.first().id;
        QCOMPARE(all.first().type, CalendarType::IcsFeed);
        QCOMPARE(rows().first()->property("integrationId").toString(), id);
        QCOMPARE(named<QLabel>(rows().first(), QStringLiteral("calendarName"))->text(),
                 QStringLiteral("Work feed"));
        const QString kind = named<QLabel>(rows().first(), QStringLiteral("calendarKind"))->text();
        QVERIFY2(kind.contains(QLatin1String("ICS feed")), qPrintable(kind));
        QVERIFY(!kind.contains(kSecret));
        // The first sync brings the feed's events.
        QTRY_COMPARE_WITH_TIMEOUT(eventCount(id), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!named<QLabel>(rows().first(), QStringLiteral("calendarStatus"))
                                      ->text()
                                      .contains(QLatin1String("Never")),
                                 10000);
        QVERIFY(named<QLabel>(rows().first(), QStringLiteral("calendarStatus"))
                    ->text()
                    .contains(QLatin1String("Connected")));

        // Remove… asks first: No keeps it.
        m_answer = false;
        QTest::mouseClick(named(rows().first(), QStringLiteral("calendarRemove")), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(QLatin1String("Work feed")));
        QTest::qWait(0);
        QCOMPARE(stored().size(), 1);
        QCOMPARE(rows().size(), 1);
        // Yes removes the integration and its events.
        m_answer = true;
        QTest::mouseClick(named(rows().first(), QStringLiteral("calendarRemove")), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(stored().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(rows().isEmpty(), 10000);
        QCOMPARE(eventCount(id), 0);
    }

    void calDavTestConnectionAndAdd() {
        QTemporaryDir serverDir;
        test::RadicaleProcess server(serverDir.path(), QStringLiteral("alice"), kPassword);
        QVERIFY2(server.start(), qPrintable(server.errorText()));
        QVERIFY(server.makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                    QStringLiteral("#1E90FF")));
        QVERIFY(server.makeCalendar(QStringLiteral("family"), QStringLiteral("Family"),
                                    QStringLiteral("#FF8800")));

        QPointer<ui::AddCalendarDialog> dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->kind(), ui::AddCalendarDialog::Kind::CalDav);
        auto* password = named<QLineEdit>(dialog, QStringLiteral("caldavPassword"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        auto* add = named(dialog, QStringLiteral("addCalendarAdd"));
        QVERIFY(!add->isEnabled()); // the calendars first
        named<QLineEdit>(dialog, QStringLiteral("caldavUrl"))->setText(server.baseUrl().toString());
        named<QLineEdit>(dialog, QStringLiteral("caldavUsername"))->setText(server.user());

        // A wrong password: the problem shows beside the password field, naming it.
        password->setText(QStringLiteral("wrong"));
        QTest::mouseClick(named(dialog, QStringLiteral("caldavTest")), Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QVERIFY(!named(dialog, QStringLiteral("caldavTest"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        const QString problem = dialog->problem(QStringLiteral("password"));
        QVERIFY2(problem.startsWith(QLatin1String("App password:")), qPrintable(problem));
        QVERIFY(dialog->problem(QStringLiteral("url")).isEmpty());
        QVERIFY(dialog->findChildren<QCheckBox*>(QStringLiteral("caldavCalendar")).isEmpty());
        QVERIFY(!add->isEnabled());

        // The right one: the seeded calendars, each "blocks my time", with its colour.
        password->clear();
        QTest::keyClicks(password, kPassword);
        QTest::mouseClick(named(dialog, QStringLiteral("caldavTest")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY(dialog->problem(QStringLiteral("password")).isEmpty());
        const auto checks = dialog->findChildren<QCheckBox*>(QStringLiteral("caldavCalendar"));
        QStringList names;
        QCheckBox* family = nullptr;
        for (QCheckBox* check : checks) {
            names.append(check->text());
            QVERIFY(check->isChecked());
            QVERIFY(!check->icon().isNull()); // the colour swatch
            if (check->text() == QLatin1String("Family"))
                family = check;
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Family"), QStringLiteral("Work")}));
        QVERIFY(add->isEnabled());

        QVERIFY(family);
        // On the box (the row is wider than box and text).
        QTest::mouseClick(family, Qt::LeftButton, {}, QPoint(6, family->height() / 2));
        QVERIFY(!family->isChecked());
        named<QLineEdit>(dialog, QStringLiteral("caldavName"))->setText(QStringLiteral("Home DAV"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 20000);

        const QList<CalendarIntegration> all = stored();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().type, CalendarType::CalDav);
        QCOMPARE(all.first().displayName, QStringLiteral("Home DAV"));
        auto calendars =
            storage::IntegrationCalendarRepository(m_db->connection()).list(all.first().id);
        QVERIFY(calendars.ok());
        QCOMPARE(calendars->size(), 2);
        for (const storage::IntegrationCalendar& c : *calendars)
            QCOMPARE(c.blocksTime, c.displayName == QLatin1String("Work"));
        QTRY_COMPARE_WITH_TIMEOUT(rows().size(), 1, 10000);
        QVERIFY(named<QLabel>(rows().first(), QStringLiteral("calendarKind"))
                    ->text()
                    .contains(QLatin1String("CalDAV account")));
    }

    void cancelWhileTestingIsSafe() {
        QTemporaryDir serverDir;
        test::RadicaleProcess server(serverDir.path(), QStringLiteral("alice"), kPassword);
        QVERIFY2(server.start(), qPrintable(server.errorText()));
        QVERIFY(server.makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                    QStringLiteral("#1E90FF")));
        std::atomic<int> answers = 0;
        connect(
            &m_calendar->calDav(), &caldav::CalDavConnector::discovered, m_calendar,
            [&answers] { ++answers; }, Qt::DirectConnection);

        QPointer<ui::AddCalendarDialog> dialog = openDialog();
        named<QLineEdit>(dialog, QStringLiteral("caldavUrl"))->setText(server.baseUrl().toString());
        named<QLineEdit>(dialog, QStringLiteral("caldavUsername"))->setText(server.user());
        named<QLineEdit>(dialog, QStringLiteral("caldavPassword"))->setText(kPassword);
        QTest::mouseClick(named(dialog, QStringLiteral("caldavTest")), Qt::LeftButton);
        QVERIFY(dialog->isBusy());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog); // closed and deleted at once
        QTRY_COMPARE_WITH_TIMEOUT(answers.load(), 1, 20000);
        QTest::qWait(0); // the late answer reaches no dialog
        QVERIFY(stored().isEmpty());
        QVERIFY(m_page->findChildren<ui::AddCalendarDialog*>().isEmpty());
    }

    void googleHandsOverToTheGoogleCard() {
        test::FakeGoogleServer google;
        QVERIFY(google.listen());
        google.exportEnvironment();
        QPointer<ui::AddCalendarDialog> dialog = openDialog();
        QTest::mouseClick(named<QRadioButton>(dialog, QStringLiteral("addCalendarGoogle")),
                          Qt::LeftButton);
        QVERIFY(!named(dialog, QStringLiteral("addCalendarAdd"))->isVisibleTo(dialog));
        QTest::mouseClick(named(dialog, QStringLiteral("addCalendarConnectGoogle")),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        // The Google card's sign-in runs: the browser is sent to Google, the card waits.
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
        QVERIFY(named(QStringLiteral("googleCancelConnect"))->isVisibleTo(m_page.get()));
        QTest::mouseClick(named(QStringLiteral("googleCancelConnect")), Qt::LeftButton);
        QTRY_VERIFY(!named(QStringLiteral("googleCancelConnect"))->isVisibleTo(m_page.get()));
    }
};

QTEST_MAIN(TestAddCalendar)
#include "tst_addcalendar.moc"
