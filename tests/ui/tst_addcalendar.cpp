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
// And "Calendars…" (CalendarChoicesDialog) of a Google account connected to FakeGoogleServer and
// of a CalDAV account on Radicale: blocking off drops a calendar's events from the database,
// blocking on syncs them in, "receives bookings" moves the flag (or to none); a change to a
// calendar or an account removed meanwhile shows one line and changes nothing; a feed has no
// choice.
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
#include "ui/CalendarChoicesDialog.h"
#include "ui/GoogleCalendarCard.h"
#include "ui/IntegrationsPage.h"

#include <QCheckBox>
#include <QJsonObject>
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

// An hour at 09:00 UTC `days` days from today.
QDateTime nineOClock(int days) {
    return QDateTime(QDate::currentDate().addDays(days), QTime(9, 0), Qt::UTC);
}

// Events `ui-<i>` at nineOClock(first + i) as one iCalendar text.
QByteArray calendarText(int first, int count) {
    const QString format = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
    QByteArray events;
    for (int i = first; i < first + count; ++i) {
        const QDateTime from = nineOClock(i);
        events += "BEGIN:VEVENT\r\nUID:ui-" + QByteArray::number(i) +
                  "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:" + from.toString(format).toLatin1() +
                  "\r\nDTEND:" + from.addSecs(3600).toString(format).toLatin1() +
                  "\r\nSUMMARY:Busy " + QByteArray::number(i) + "\r\nEND:VEVENT\r\n";
    }
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ui//EN\r\n" + events + "END:VCALENDAR\r\n";
}

QByteArray feedWithTwoEvents() {
    return calendarText(2, 2);
}

// A Google event from nineOClock(days) for an hour.
QJsonObject googleEvent(const QString& id, int days) {
    const auto at = [](const QDateTime& t) {
        return QJsonObject{{QStringLiteral("dateTime"), t.toString(Qt::ISODate)}};
    };
    return {{QStringLiteral("id"), id},
            {QStringLiteral("summary"), id},
            {QStringLiteral("start"), at(nineOClock(days))},
            {QStringLiteral("end"), at(nineOClock(days).addSecs(3600))}};
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
    // Radicale started in `directory` with the calendars Work (blue) and Family (orange); null
    // (and why, as a warning) when it cannot be.
    static std::unique_ptr<test::RadicaleProcess>
    radicaleWithWorkAndFamily(const QTemporaryDir& directory) {
        auto server = std::make_unique<test::RadicaleProcess>(directory.path(),
                                                              QStringLiteral("alice"), kPassword);
        if (!server->start()) {
            qWarning("%s", qPrintable(server->errorText()));
            return nullptr;
        }
        if (!server->makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                  QStringLiteral("#1E90FF")) ||
            !server->makeCalendar(QStringLiteral("family"), QStringLiteral("Family"),
                                  QStringLiteral("#FF8800")))
            return nullptr;
        return server;
    }
    // An integration's calendar as stored, by name (an empty one when there is none).
    storage::IntegrationCalendar calendarNamed(const QString& integrationId,
                                               const QString& name) const {
        auto all = storage::IntegrationCalendarRepository(m_db->connection()).list(integrationId);
        if (all) {
            for (const storage::IntegrationCalendar& c : *all) {
                if (c.displayName == name)
                    return c;
            }
        }
        return {};
    }
    int eventsIn(const QString& calendarId) const {
        auto count =
            storage::CalendarEventRepository(m_db->connection()).countInCalendar(calendarId);
        return count ? *count : -1;
    }
    // The "Calendars…" dialog `button` opens, once it has read the calendars; null if none.
    ui::CalendarChoicesDialog* openChoices(QPushButton* button) const {
        QTest::mouseClick(button, Qt::LeftButton);
        auto* dialog = m_page->findChild<ui::CalendarChoicesDialog*>();
        if (!dialog || !QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 10000))
            return nullptr;
        return dialog;
    }
    // The dialog's `name` control (calendarBlocksTime, calendarReceivesBookings) of one calendar.
    template <typename T>
    static T* choice(const QWidget* dialog, const QString& name, const QString& calendarId) {
        T* found = nullptr;
        for (T* control : dialog->findChildren<T*>(name)) {
            if (control->property("calendarId").toString() == calendarId)
                found = control;
        }
        if (!found)
            qFatal("no %s for %s", qPrintable(name), qPrintable(calendarId));
        return found;
    }
    // Clicks `control`; true once the dialog has sent the change and read what is stored after.
    static bool clickAndWait(const ui::CalendarChoicesDialog* dialog, QAbstractButton* control) {
        // Where the layout puts it, as it is by the time anyone sees it.
        QCoreApplication::sendPostedEvents();
        QTest::mouseClick(control, Qt::LeftButton);
        return dialog->isBusy() && QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 10000);
    }
    // Connects Google through the card, as the admin does; the integration once its first sync
    // has listed `calendars` calendars.
    std::optional<CalendarIntegration> connectGoogleThroughTheCard(int calendars) {
        auto* card = m_page->findChild<ui::GoogleCalendarCard*>();
        QTest::mouseClick(named(card, QStringLiteral("primary")), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return !m_opened.isEmpty(); }, 10000))
            return std::nullopt;
        m_google->actAsBrowser(m_opened.takeFirst());
        const bool synced = QTest::qWaitFor(
            [this] { return stored().size() == 1 && stored().first().lastSyncAt.isValid(); },
            20000);
        if (!synced)
            return std::nullopt;
        auto listed =
            storage::IntegrationCalendarRepository(m_db->connection()).list(stored().first().id);
        if (!listed || listed->size() != calendars)
            return std::nullopt;
        return stored().first();
    }

private slots:
    void initTestCase() { useScratchConfig(); }

    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(openSeededWithGoogle());
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
        stopGoogle();
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
        const auto radicale = radicaleWithWorkAndFamily(serverDir);
        QVERIFY(radicale);
        test::RadicaleProcess& server = *radicale;

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

    void googleCalendarsChooseWhatBlocksAndWhatReceives() {
        const QString team = QStringLiteral("team@group.calendar.google.com");
        m_google->addCalendar(team, QStringLiteral("Team"), QStringLiteral("#16a765"));
        m_google->putEvent(googleEvent(QStringLiteral("mine"), 2));
        m_google->putEvent(team, googleEvent(QStringLiteral("teams"), 3));
        QVERIFY(!named(QStringLiteral("googleCalendars"))->isVisibleTo(m_page.get()));
        const auto connected = connectGoogleThroughTheCard(2);
        QVERIFY(connected);
        const CalendarIntegration& google = *connected;
        const storage::IntegrationCalendar primary = calendarNamed(google.id, google.accountEmail);
        const storage::IntegrationCalendar teamRow = calendarNamed(google.id, "Team");
        QVERIFY(!primary.id.isEmpty());
        QVERIFY(!teamRow.id.isEmpty());
        // As connecting leaves it: the primary calendar blocks time and receives bookings.
        QCOMPARE(eventsIn(primary.id), 1);
        QCOMPARE(eventsIn(teamRow.id), 0);

        QTRY_VERIFY(named(QStringLiteral("googleCalendars"))->isVisibleTo(m_page.get()));
        QPointer<ui::CalendarChoicesDialog> dialog =
            openChoices(named(QStringLiteral("googleCalendars")));
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(google.accountEmail));
        QStringList names;
        for (const QLabel* label : dialog->findChildren<QLabel*>("calendarChoiceName"))
            names.append(label->text());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Team"), google.accountEmail}));
        auto* teamBlocks = choice<QCheckBox>(dialog, "calendarBlocksTime", teamRow.id);
        auto* primaryBlocks = choice<QCheckBox>(dialog, "calendarBlocksTime", primary.id);
        auto* teamReceives = choice<QRadioButton>(dialog, "calendarReceivesBookings", teamRow.id);
        auto* primaryReceives =
            choice<QRadioButton>(dialog, "calendarReceivesBookings", primary.id);
        auto* none = named<QRadioButton>(dialog, QStringLiteral("calendarReceivesNone"));
        QVERIFY(!teamBlocks->isChecked());
        QVERIFY(primaryBlocks->isChecked());
        QVERIFY(primaryReceives->isChecked());
        QVERIFY(!teamReceives->isChecked() && !none->isChecked());
        // The team calendar's colour beside its name.
        bool swatch = false;
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            swatch = swatch || (label->property("calendarId").toString() == teamRow.id &&
                                !label->pixmap().isNull());
        }
        QVERIFY(swatch);

        // Blocking on: a sync reads the team calendar now (the next one is minutes away).
        QVERIFY(clickAndWait(dialog, teamBlocks));
        QVERIFY(calendarNamed(google.id, "Team").blocksTime);
        QVERIFY(teamBlocks->isChecked());
        QTRY_COMPARE_WITH_TIMEOUT(eventsIn(teamRow.id), 1, 20000);
        // Blocking off: the primary calendar's events leave at once.
        QVERIFY(clickAndWait(dialog, primaryBlocks));
        QVERIFY(!calendarNamed(google.id, google.accountEmail).blocksTime);
        QCOMPARE(eventsIn(primary.id), 0);
        QCOMPARE(eventsIn(teamRow.id), 1);
        QVERIFY(!primaryBlocks->isChecked());
        QVERIFY(dialog->problem().isEmpty());

        // Receives bookings moves to the team calendar, then to none.
        QVERIFY(clickAndWait(dialog, teamReceives));
        QVERIFY(calendarNamed(google.id, "Team").receivesBookings);
        QVERIFY(!calendarNamed(google.id, google.accountEmail).receivesBookings);
        QVERIFY(teamReceives->isChecked());
        QVERIFY(!named<QLabel>(dialog, QStringLiteral("calendarChoicesReceiving"))
                     ->isVisibleTo(dialog));
        QVERIFY(clickAndWait(dialog, none));
        QVERIFY(!calendarNamed(google.id, "Team").receivesBookings);
        QVERIFY(!calendarNamed(google.id, google.accountEmail).receivesBookings);
        QVERIFY(none->isChecked());
        const auto* receiving = named<QLabel>(dialog, QStringLiteral("calendarChoicesReceiving"));
        QVERIFY(receiving->isVisibleTo(dialog));
        QVERIFY(receiving->text().contains(QLatin1String("not added")));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void aFailedChoiceShowsOneLineAndChangesNothing() {
        const CalendarIntegration google =
            test::seedGoogle(*m_db, m_admin.id, QStringLiteral("google/choices"));
        auto seeded = storage::IntegrationCalendarRepository(m_db->connection())
                          .findByRemoteId(google.id, QStringLiteral("primary"));
        QVERIFY(seeded && *seeded);
        QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                    .updateDetails(google.id, (*seeded)->id, QStringLiteral("Alice"), {}));
        storage::IntegrationCalendar team;
        team.integrationId = google.id;
        team.remoteId = QStringLiteral("team");
        team.displayName = QStringLiteral("Team");
        team.blocksTime = true;
        auto created = storage::IntegrationCalendarRepository(m_db->connection()).create(team);
        QVERIFY(created.ok());
        const storage::IntegrationCalendar primary = calendarNamed(google.id, "Alice");
        QVERIFY(primary.receivesBookings);
        m_session->refresh();
        QTRY_VERIFY(named(QStringLiteral("googleCalendars"))->isVisibleTo(m_page.get()));
        QPointer<ui::CalendarChoicesDialog> dialog =
            openChoices(named(QStringLiteral("googleCalendars")));
        QVERIFY(dialog);

        // The team calendar goes (a sync found it gone from the account) before the click lands.
        QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                    .remove(google.id, created->id));
        QVERIFY(clickAndWait(
            dialog, choice<QRadioButton>(dialog, "calendarReceivesBookings", created->id)));
        const QString problem = dialog->problem();
        QVERIFY2(problem.contains(QLatin1String("Team")), qPrintable(problem));
        QVERIFY(!problem.contains(QLatin1Char('\n')));
        QVERIFY(named<QLabel>(dialog, QStringLiteral("fieldError"))->isVisibleTo(dialog));
        // Nothing moved; the list shows what is stored.
        QVERIFY(calendarNamed(google.id, "Alice").receivesBookings);
        QCOMPARE(dialog->findChildren<QCheckBox*>("calendarBlocksTime").size(), 1);
        QVERIFY(choice<QRadioButton>(dialog, "calendarReceivesBookings", primary.id)->isChecked());

        // The whole account goes: the same.
        QVERIFY(storage::CalendarIntegrationRepository(m_db->connection())
                    .remove(m_admin.id, google.id));
        QVERIFY(clickAndWait(dialog, choice<QCheckBox>(dialog, "calendarBlocksTime", primary.id)));
        QVERIFY2(dialog->problem().contains(QLatin1String("Alice")), qPrintable(dialog->problem()));
        QVERIFY(dialog->findChildren<QCheckBox*>("calendarBlocksTime").isEmpty());
        QVERIFY(named<QLabel>(dialog, QStringLiteral("calendarChoicesEmpty"))
                    ->text()
                    .contains(QLatin1String("no longer")));
        QVERIFY(stored().isEmpty());
    }

    void calDavAccountCalendarsAndNoChoiceForAFeed() {
        QTemporaryDir serverDir;
        const auto radicale = radicaleWithWorkAndFamily(serverDir);
        QVERIFY(radicale);
        test::RadicaleProcess& server = *radicale;
        QVERIFY(!server.putObject("work", "w.ics", calendarText(2, 1)).isEmpty());
        QVERIFY(!server.putObject("family", "f.ics", calendarText(3, 1)).isEmpty());
        // A feed beside it (never synced here: the service is not started).
        CalendarIntegration feed;
        feed.userId = m_admin.id;
        feed.type = CalendarType::IcsFeed;
        feed.keychainKey = QStringLiteral("ics-feed/choices");
        feed.displayName = QStringLiteral("Holidays");
        feed.sourceUrl = QStringLiteral("https://example.org/holidays.ics");
        feed.syncStatus = SyncStatus::Active;
        QVERIFY(storage::CalendarIntegrationRepository(m_db->connection()).create(feed).ok());
        models::invokeOnThread(m_calendar, [url = server.baseUrl().toString(),
                                            user = server.user()](CalendarSyncService& calendar) {
            calendar.addCalDav(url, user, kPassword, QStringLiteral("Home DAV"));
        });
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 2, 20000);
        QString account;
        for (const CalendarIntegration& c : stored()) {
            if (c.type == CalendarType::CalDav)
                account = c.id;
        }
        const QString work = calendarNamed(account, "Work").id;
        const QString family = calendarNamed(account, "Family").id;
        QTRY_COMPARE_WITH_TIMEOUT(eventsIn(work), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(eventsIn(family), 1, 20000);

        QTRY_COMPARE_WITH_TIMEOUT(rows().size(), 2, 10000);
        QWidget* accountRow = nullptr;
        for (QWidget* row : rows()) {
            const bool isAccount = row->property("integrationId").toString() == account;
            if (isAccount)
                accountRow = row;
            // A feed is one calendar: nothing to choose.
            QCOMPARE(row->findChild<QPushButton*>("calendarChoices") != nullptr, isAccount);
        }
        QVERIFY(accountRow);
        QPointer<ui::CalendarChoicesDialog> dialog =
            openChoices(named(accountRow, QStringLiteral("calendarChoices")));
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(QLatin1String("Home DAV")));
        // An account added without a choice: nothing receives bookings yet.
        QVERIFY(named<QRadioButton>(dialog, QStringLiteral("calendarReceivesNone"))->isChecked());

        auto* familyBlocks = choice<QCheckBox>(dialog, "calendarBlocksTime", family);
        QVERIFY(clickAndWait(dialog, familyBlocks));
        QCOMPARE(eventsIn(family), 0);
        QCOMPARE(eventsIn(work), 1);
        // On again: read in full at once.
        QVERIFY(clickAndWait(dialog, familyBlocks));
        QTRY_COMPARE_WITH_TIMEOUT(eventsIn(family), 1, 20000);
        QVERIFY(
            clickAndWait(dialog, choice<QRadioButton>(dialog, "calendarReceivesBookings", work)));
        QVERIFY(calendarNamed(account, "Work").receivesBookings);
        QVERIFY(!calendarNamed(account, "Family").receivesBookings);
        QVERIFY(dialog->problem().isEmpty());
    }
};

QTEST_MAIN(TestAddCalendar)
#include "tst_addcalendar.moc"
