// CalDAV accounts end to end against a real Radicale (tests/support/RadicaleProcess):
// CalendarSyncService adds the account (discovery, the password in the real keychain, the
// calendars with names and colours), reads the busy time — a weekly RRULE with an EXDATE, a
// moved and a cancelled instance, an all-day event, a transparent one, one in a VTIMEZONE other
// than the admin's, a floating one — checked against an independent expansion
// (tests/support/expand_ics.py: Python's icalendar + dateutil), follows an edit and a delete
// with sync-collection, falls back to a full read on a stale token, keeps the events when the
// password is refused or the server is down; the slot engine over a DST-crossing recurrence
// read from Radicale matches the independent expansion; and `slotdesk-cli calendar add caldav`.
// Between passes the calendars change on the server (MKCALENDAR, PROPPATCH, DELETE): a new
// calendar appears (not blocking, not receiving), a renamed or recoloured one follows, a deleted
// one is dropped while the others sync on — and when it was the one receiving bookings, the
// writes owed to it fail with the reason and the account says so.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "booking/IcsCalendar.h"
#include "caldav/CalDavConnector.h"
#include "calendar/CalendarChoices.h"
#include "calendar/CalendarSyncService.h"
#include "core/Clock.h"
#include "integration/KeychainSecretStore.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "support/CalendarChecks.h"
#include "support/MailInspection.h"
#include "support/RadicaleProcess.h"
#include "support/SecretScan.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "support/TestKeychain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace slotdesk;

namespace {

const QDateTime kStart = QDateTime(QDate(2027, 3, 1), QTime(6, 0), Qt::UTC);
const QString kPassword = QStringLiteral("Tr0ub4dor&3-caldav");

QDateTime utc(const char* text) {
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

QByteArray calendar(const QByteArray& body) {
    QByteArray text =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n";
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
}

// A weekly meeting at 10:00 Berlin from 1 March (six weeks, across the switch to CEST on
// 28 March): 15 March excluded, 22 March moved to 14:00, 29 March cancelled.
const QByteArray kWeekly = test::icsFile("weekly-berlin.ics");

const QByteArray kAllDay = calendar(R"(BEGIN:VEVENT
UID:allday@test
DTSTAMP:20270101T000000Z
DTSTART;VALUE=DATE:20270305
DTEND;VALUE=DATE:20270306
SUMMARY:Away
END:VEVENT
)");

const QByteArray kTransparent = calendar(R"(BEGIN:VEVENT
UID:free@test
DTSTAMP:20270101T000000Z
DTSTART:20270303T120000Z
DTEND:20270303T130000Z
TRANSP:TRANSPARENT
SUMMARY:Reminder
END:VEVENT
)");

// New York with its own VTIMEZONE: 16 March is EDT there (UTC-4), still CET in Berlin.
const QByteArray kNewYork = calendar(test::kNewYorkTimeZone + R"(BEGIN:VEVENT
UID:ny@test
DTSTAMP:20270101T000000Z
DTSTART;TZID=America/New_York:20270316T090000
DTEND;TZID=America/New_York:20270316T100000
SUMMARY:New York call
END:VEVENT
)");

// Floating: 15:00 wherever the admin is (Berlin, CET).
const QByteArray kFloating = calendar(R"(BEGIN:VEVENT
UID:floating@test
DTSTAMP:20270101T000000Z
DTSTART:20270304T150000
DTEND:20270304T160000
SUMMARY:Floating
END:VEVENT
)");

const QByteArray kFamily = calendar(R"(BEGIN:VEVENT
UID:family@test
DTSTAMP:20270101T000000Z
DTSTART:20270302T080000Z
DTEND:20270302T090000Z
SUMMARY:School run
END:VEVENT
)");

// [start, end, busy] rows sorted as expand_ics.py sorts them.
QJsonArray asJson(QVector<CalendarEvent> events) {
    std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
        return std::tie(a.startTime, a.endTime) < std::tie(b.startTime, b.endTime);
    });
    return test::busyRows(events);
}

// expand_ics.py over `ics` in the window, in the admin's zone.
QJsonArray oracle(const QByteArray& ics, const QDateTime& from, const QDateTime& to) {
    return test::expandIcs(ics, from, to);
}

QJsonArray merged(const QJsonArray& a, const QJsonArray& b) {
    QVector<QJsonObject> rows;
    for (const auto& v : a)
        rows.append(v.toObject());
    for (const auto& v : b)
        rows.append(v.toObject());
    std::sort(rows.begin(), rows.end(), [](const QJsonObject& x, const QJsonObject& y) {
        const auto key = [](const QJsonObject& o) {
            return std::make_pair(o.value(QStringLiteral("start")).toInteger(),
                                  o.value(QStringLiteral("end")).toInteger());
        };
        return key(x) < key(y);
    });
    QJsonArray out;
    for (const auto& row : rows)
        out.append(row);
    return out;
}

} // namespace

class TestCalDav : public test::SeededSuite {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_serverDir;
    std::unique_ptr<test::RadicaleProcess> m_server;
    core::ManualClock m_time{kStart};
    std::unique_ptr<CalendarSyncService> m_service;

    QVector<CalendarEvent> events(const QString& id) { return test::storedEvents(*m_db, id); }
    CalendarIntegration stored(const QString& id) {
        return test::storedIntegration(*m_db, m_admin.id, id);
    }
    QVector<storage::IntegrationCalendar> calendars(const QString& id) {
        auto all = storage::IntegrationCalendarRepository(m_db->connection()).list(id);
        return all ? *all : QVector<storage::IntegrationCalendar>{};
    }
    QString add(const QString& password = kPassword) {
        return test::addAndSync(*m_service, [&] {
            m_service->addCalDav(m_server->baseUrl().toString(), m_server->user(), password);
        });
    }
    SyncReport sync(const QString& id) { return test::syncNow(*m_service, id); }
    bool writeSecret(const QString& key, const QByteArray& value) {
        integration::KeychainSecretStore store;
        std::optional<bool> ok;
        store.writeSecret(key, value, &store, [&](Status s) { ok = s.ok(); });
        return QTest::qWaitFor([&] { return ok.has_value(); }, 10000) && *ok;
    }
    QString readSecret(const QString& key) { return test::keychainSecret(key); }
    int syncCollectionReports() const {
        return static_cast<int>(m_server->log().count("sync-collection xmlns"));
    }
    void seed() {
        QVERIFY(m_server->makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                       QStringLiteral("#1E90FFFF")));
        QVERIFY(m_server->makeCalendar(QStringLiteral("family"), QStringLiteral("Family"),
                                       QStringLiteral("#FF8800")));
        const QList<std::pair<QString, QByteArray>> work{{QStringLiteral("weekly"), kWeekly},
                                                         {QStringLiteral("allday"), kAllDay},
                                                         {QStringLiteral("free"), kTransparent},
                                                         {QStringLiteral("ny"), kNewYork},
                                                         {QStringLiteral("floating"), kFloating}};
        for (const auto& [name, ics] : work)
            QVERIFY2(!m_server->putObject(QStringLiteral("work"), name, ics).isEmpty(),
                     qPrintable(name));
        QVERIFY(!m_server->putObject(QStringLiteral("family"), QStringLiteral("school"), kFamily)
                     .isEmpty());
    }
    // Every stored event against expand_ics.py over what Radicale holds now.
    void compareWithOracle(const QString& id) {
        const QDateTime from = m_time.now().addDays(-90);
        const QDateTime to = m_time.now().addDays(400);
        const QJsonArray expected =
            merged(oracle(m_server->calendarText(QStringLiteral("work")), from, to),
                   oracle(m_server->calendarText(QStringLiteral("family")), from, to));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(QJsonDocument(asJson(events(id))).toJson(QJsonDocument::Compact),
                 QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_time.set(kStart);
        m_serverDir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<test::RadicaleProcess>(m_serverDir->path(),
                                                           QStringLiteral("alice"), kPassword);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorText()));
        QVERIFY(openSeeded());
        m_service = std::make_unique<CalendarSyncService>(*m_db, m_time.clock());
    }
    void cleanup() {
        m_service.reset();
        m_db.reset();
        m_tdb.reset();
        m_server.reset();
        m_serverDir.reset();
    }

    void addsAccountAndReadsBusyTime();
    void followsEditsAndDeletesIncrementally();
    void refusedPasswordAndDownServerKeepEvents();
    void slotsAcrossDstMatchTheIndependentExpansion();
    void cliAddsListsAndRemoves();
    void writesApprovedMovedAndCancelledBookings();
    void followsCalendarsAddedAndChangedOnTheServer();
    void dropsACalendarDeletedOnTheServer();
    void calendarReceivingBookingsDeletedOnTheServer();

private:
    // PROPPATCH /USER/NAME/: a new display name and Apple calendar-color.
    bool changeCalendar(const QString& name, const QString& displayName, const QString& color) {
        const QByteArray body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                                "<d:propertyupdate xmlns:d=\"DAV:\" "
                                "xmlns:a=\"http://apple.com/ns/ical/\"><d:set><d:prop>"
                                "<d:displayname>" +
                                displayName.toUtf8() + "</d:displayname><a:calendar-color>" +
                                color.toUtf8() +
                                "</a:calendar-color></d:prop></d:set></d:propertyupdate>";
        const auto answer =
            m_server->request("PROPPATCH", QStringLiteral("/%1/%2/").arg(m_server->user(), name),
                              body, {{"Content-Type", "application/xml; charset=utf-8"}});
        return answer.status == 207;
    }
    bool deleteCalendar(const QString& name) {
        const int status =
            m_server->request("DELETE", QStringLiteral("/%1/%2/").arg(m_server->user(), name))
                .status;
        return status == 200 || status == 204;
    }
    // PUT /USER/CALENDAR/OBJECT.ics: one event (UID OBJECT@test) from `start` to `end` (UTC).
    bool putEvent(const QString& calendarName, const QString& object, const char* start,
                  const char* end) {
        const QByteArray name = object.toUtf8();
        return !m_server
                    ->putObject(calendarName, object,
                                calendar("BEGIN:VEVENT\nUID:" + name +
                                         "@test\nDTSTAMP:20270101T000000Z\nDTSTART:" + start +
                                         "\nDTEND:" + end + "\nSUMMARY:" + name + "\nEND:VEVENT\n"))
                    .isEmpty();
    }
    storage::IntegrationCalendar calendarNamed(const QString& id, const QString& name) {
        const auto all = calendars(id);
        const auto it = std::find_if(all.begin(), all.end(),
                                     [&](const auto& c) { return c.displayName == name; });
        return it == all.end() ? storage::IntegrationCalendar{} : *it;
    }
    // Bookable every day 09:00-17:00 Berlin, and a booking of an hour at `start`, approved.
    QString approvedBooking(BookingService& bookings, const char* start) {
        AvailabilityService availability(*m_db);
        auto blocks = availability.list(m_admin.id);
        if (!blocks)
            return {};
        for (int day = 0; blocks->isEmpty() && day <= 6; ++day)
            if (!availability.add({{},
                                   m_admin.id,
                                   day,
                                   9 * 60,
                                   17 * 60,
                                   QStringLiteral("Europe/Berlin"),
                                   true,
                                   {},
                                   {}}))
                return {};
        BookingRequest request;
        request.start = utc(start);
        request.duration = 60;
        request.name = QStringLiteral("Bob Example");
        request.email = QStringLiteral("bob@example.com");
        request.timeZone = QStringLiteral("America/New_York");
        auto created = bookings.create(m_admin, request);
        if (!created || !bookings.approve(m_admin.id, created->id)) {
            qWarning() << "booking not created:" << (created ? QString() : created.error().message);
            return {};
        }
        return created->id;
    }
};

void TestCalDav::addsAccountAndReadsBusyTime() {
    seed();
    // Discovery alone ("test connection") stores nothing.
    QSignalSpy discovered(&m_service->calDav(), &caldav::CalDavConnector::discovered);
    m_service->calDav().discover(m_server->baseUrl().toString(), m_server->user(), kPassword);
    QVERIFY(discovered.wait(30000));
    QVERIFY2(discovered.first().at(0).toBool(), qPrintable(discovered.first().at(2).toString()));
    const auto found = discovered.first().at(3).value<caldav::Discovery>();
    QCOMPARE(found.calendars.size(), 2);
    QCOMPARE(found.calendars[0].displayName, QStringLiteral("Family"));
    auto none = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(none && none->isEmpty());

    const QString id = add();
    QVERIFY(!id.isEmpty());
    const CalendarIntegration account = stored(id);
    QCOMPARE(account.type, CalendarType::CalDav);
    QCOMPARE(account.syncStatus, SyncStatus::Active);
    QCOMPARE(account.username, QStringLiteral("alice"));
    QCOMPARE(account.sourceUrl, m_server->baseUrl().toString());
    QCOMPARE(account.keychainKey, QStringLiteral("caldav/") + id);
    QCOMPARE(readSecret(account.keychainKey), kPassword);
    const auto listed = calendars(id);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].displayName, QStringLiteral("Family"));
    QCOMPARE(listed[0].color, QStringLiteral("#ff8800"));
    QCOMPARE(listed[1].displayName, QStringLiteral("Work"));
    QCOMPARE(listed[1].color, QStringLiteral("#1e90ff"));
    for (const auto& c : listed) {
        QVERIFY(c.blocksTime);
        QVERIFY(!c.receivesBookings);
        QVERIFY(!c.syncToken.isEmpty()); // Radicale offers sync-collection
    }
    const SyncReport report = m_service->lastReport(id).value_or(SyncReport{});
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(report.fullSync);

    // weekly: 6 - EXDATE - cancelled = 4; all-day, transparent, New York, floating, family.
    const auto all = events(id);
    QCOMPARE(all.size(), 9);
    auto busy = storage::CalendarEventRepository(m_db->connection())
                    .listBusy(m_admin.id, kStart.addDays(-1), kStart.addDays(60));
    QVERIFY(busy);
    QCOMPARE(busy->size(), 8); // the transparent one blocks nothing
    auto startsAt = [&](const char* start, const char* end) {
        return std::any_of(busy->begin(), busy->end(), [&](const CalendarEvent& e) {
            return e.startTime == utc(start) && e.endTime == utc(end);
        });
    };
    QVERIFY(startsAt("2027-03-01T09:00:00Z", "2027-03-01T10:00:00Z"));  // 10:00 CET
    QVERIFY(!startsAt("2027-03-15T09:00:00Z", "2027-03-15T10:00:00Z")); // EXDATE
    QVERIFY(startsAt("2027-03-22T13:00:00Z", "2027-03-22T14:00:00Z"));  // moved to 14:00 CET
    QVERIFY(!startsAt("2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z")); // cancelled
    QVERIFY(startsAt("2027-04-05T08:00:00Z", "2027-04-05T09:00:00Z"));  // 10:00 CEST
    QVERIFY(startsAt("2027-03-04T23:00:00Z", "2027-03-05T23:00:00Z"));  // all day, Berlin
    QVERIFY(startsAt("2027-03-16T13:00:00Z", "2027-03-16T14:00:00Z"));  // 09:00 EDT
    QVERIFY(startsAt("2027-03-04T14:00:00Z", "2027-03-04T15:00:00Z"));  // floating 15:00 CET
    QVERIFY(startsAt("2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z"));  // family
    compareWithOracle(id);

    // The password is in the keychain only.
    m_service.reset();
    m_db.reset();
    if (!test::usingPostgres())
        SLOTDESK_VERIFY_NO_SECRET_IN(m_tdb->dataDir(), kPassword);
}

void TestCalDav::followsEditsAndDeletesIncrementally() {
    seed();
    const QString id = add();
    QVERIFY(!id.isEmpty());
    QCOMPARE(events(id).size(), 9);
    const auto before = calendars(id);
    const int reportsBefore = syncCollectionReports();

    // Nothing changed: a sync-collection per calendar, nothing fetched.
    m_time.advance(std::chrono::minutes(5));
    SyncReport report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.fullSync);
    QCOMPARE(report.items, 0);
    QCOMPARE(syncCollectionReports(), reportsBefore + 2);
    QCOMPARE(events(id).size(), 9);

    // An edit (the transparent reminder becomes a busy hour the next day), a delete (the
    // floating event) and a new event in the family calendar.
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("free"),
                             calendar("BEGIN:VEVENT\nUID:free@test\nDTSTAMP:20270101T000000Z\n"
                                      "DTSTART:20270304T080000Z\nDTEND:20270304T090000Z\n"
                                      "SUMMARY:Now busy\nEND:VEVENT\n"))
                 .isEmpty());
    QVERIFY(m_server->removeObject(QStringLiteral("work"), QStringLiteral("floating")));
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("family"), QStringLiteral("dentist"),
                             calendar("BEGIN:VEVENT\nUID:dentist@test\nDTSTAMP:20270101T000000Z\n"
                                      "DTSTART:20270308T150000Z\nDTEND:20270308T160000Z\n"
                                      "SUMMARY:Dentist\nEND:VEVENT\n"))
                 .isEmpty());
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.fullSync);
    QCOMPARE(report.items, 2); // the edited and the new object, nothing else fetched
    QCOMPARE(syncCollectionReports(), reportsBefore + 4);
    const auto after = calendars(id);
    for (int i = 0; i < after.size(); ++i)
        QVERIFY(after[i].syncToken != before[i].syncToken); // both calendars changed
    QCOMPARE(events(id).size(), 9);
    const auto all = events(id);
    QVERIFY(std::none_of(all.begin(), all.end(), [](const CalendarEvent& e) {
        return e.startTime == utc("2027-03-04T14:00:00Z"); // the floating one: deleted
    }));
    QVERIFY(std::any_of(all.begin(), all.end(), [](const CalendarEvent& e) {
        return e.startTime == utc("2027-03-04T08:00:00Z") && e.isBusy; // edited
    }));
    QVERIFY(std::none_of(all.begin(), all.end(), [](const CalendarEvent& e) {
        return e.startTime == utc("2027-03-03T12:00:00Z"); // its old time: gone
    }));
    compareWithOracle(id);

    // A token the server no longer knows: a full read, the same events.
    const auto work = after[1];
    QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                .recordSync(id, work.id, QStringLiteral("http://radicale.org/ns/sync/deadbeef"),
                            work.ctag, m_time.now())
                .ok());
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(report.fullSync);
    QCOMPARE(calendars(id)[1].syncToken, after[1].syncToken);
    compareWithOracle(id);

    // A server without sync-collection (no token stored, only a ctag): the ctag changed, so
    // every member's ETag is compared with the one stored with its events, and only the
    // changed member is fetched.
    QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                .recordSync(id, work.id, {}, QStringLiteral("an older ctag"), m_time.now())
                .ok());
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("ny"),
                             calendar("BEGIN:VEVENT\nUID:ny@test\nDTSTAMP:20270101T000000Z\n"
                                      "DTSTART:20270317T170000Z\nDTEND:20270317T180000Z\n"
                                      "SUMMARY:New York call, moved\nEND:VEVENT\n"))
                 .isEmpty());
    const int reportsNow = syncCollectionReports();
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.fullSync);
    QCOMPARE(report.items, 1);
    QCOMPARE(syncCollectionReports(), reportsNow + 1); // the family calendar only
    const auto fallback = calendars(id)[1];
    QVERIFY(fallback.syncToken.isEmpty());
    QVERIFY(fallback.ctag != QStringLiteral("an older ctag"));
    compareWithOracle(id);
    // The ctag unchanged: nothing fetched.
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.items, 0);
    compareWithOracle(id);
}

void TestCalDav::refusedPasswordAndDownServerKeepEvents() {
    seed();
    const QString id = add();
    QVERIFY(!id.isEmpty());
    QCOMPARE(events(id).size(), 9);

    // The password changed on the server: error, the reason, back-off, the events kept.
    QVERIFY(writeSecret(stored(id).keychainKey, "not-the-password"));
    m_time.advance(std::chrono::minutes(5));
    SyncReport report = sync(id);
    QVERIFY(!report.ok);
    CalendarIntegration failed = stored(id);
    QCOMPARE(failed.syncStatus, SyncStatus::Error);
    QCOMPARE(failed.syncError,
             QStringLiteral("The CalDAV server rejected the username/password for %1")
                 .arg(m_server->baseUrl().toString()));
    QCOMPARE(events(id).size(), 9);
    auto state = storage::CalendarSyncStateRepository(m_db->connection()).get(id);
    QVERIFY(state && state->retryAt > m_time.now());

    // The right password again: active.
    QVERIFY(writeSecret(stored(id).keychainKey, kPassword.toUtf8()));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(stored(id).syncStatus, SyncStatus::Active);
    QVERIFY(stored(id).syncError.isEmpty());

    // The server down: error, the events kept.
    m_server->stop();
    report = sync(id);
    QVERIFY(!report.ok);
    failed = stored(id);
    QCOMPARE(failed.syncStatus, SyncStatus::Error);
    QVERIFY2(failed.syncError.contains(QStringLiteral("could not be reached")),
             qPrintable(failed.syncError));
    QCOMPARE(events(id).size(), 9);
}

void TestCalDav::slotsAcrossDstMatchTheIndependentExpansion() {
    // A weekly call at 09:00 New York, through both switches to summer time (US 14 March, EU
    // 28 March 2027): 15:00 Berlin, then 14:00 for two weeks, then 15:00 again.
    QVERIFY(m_server->makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                   QStringLiteral("#123456")));
    QVERIFY(m_server->makeCalendar(QStringLiteral("family"), QStringLiteral("Family"),
                                   QStringLiteral("#654321")));
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("call"),
                             calendar("BEGIN:VEVENT\nUID:call@test\nDTSTAMP:20270101T000000Z\n"
                                      "DTSTART;TZID=America/New_York:20270301T090000\n"
                                      "DTEND;TZID=America/New_York:20270301T100000\n"
                                      "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8\n"
                                      "SUMMARY:Call\nEND:VEVENT\n"))
                 .isEmpty());
    const QString id = add();
    QVERIFY(!id.isEmpty());
    const QJsonArray ours = asJson(events(id));
    QCOMPARE(ours.size(), 8);
    const QJsonArray theirs = oracle(m_server->calendarText(QStringLiteral("work")),
                                     m_time.now().addDays(-90), m_time.now().addDays(400));
    QCOMPARE(QJsonDocument(ours).toJson(QJsonDocument::Compact),
             QJsonDocument(theirs).toJson(QJsonDocument::Compact));

    // Mondays 08:00-20:00 Berlin, one-hour slots, for both sets of busy time.
    const test::BerlinSlots engine({1}, kStart);
    const auto mine = engine.allSlots(ours);
    QCOMPARE(mine.size(), std::size_t(9 * 12 - 8)); // 9 Mondays, one slot taken on 8 of them
    QVERIFY(mine == engine.allSlots(theirs));
    auto offered = [&](const char* start) { return engine.offers(ours, start); };
    QVERIFY(!offered("2027-03-08T14:00:00Z")); // 15:00 Berlin = 09:00 EST
    QVERIFY(!offered("2027-03-15T13:00:00Z")); // 14:00 Berlin = 09:00 EDT, Berlin still CET
    QVERIFY(offered("2027-03-15T14:00:00Z"));  // 15:00 Berlin free that week
    QVERIFY(!offered("2027-03-29T13:00:00Z")); // 15:00 CEST = 09:00 EDT
}

// slotdesk-cli calendar add caldav / status / remove, as processes.
void TestCalDav::cliAddsListsAndRemoves() {
    seed();
    auto cli = [&](const QStringList& arguments, const QByteArray& input = {}) {
        QProcess process;
        process.start(QStringLiteral(SLOTDESK_CLI_PATH), m_tdb->cliArguments() + arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return std::make_tuple(process.exitCode(),
                               QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError()));
    };
    const QStringList add{QStringLiteral("calendar"),     QStringLiteral("add"),
                          QStringLiteral("caldav"),       QStringLiteral("--url"),
                          m_server->baseUrl().toString(), QStringLiteral("--username"),
                          QStringLiteral("alice"),        QStringLiteral("--password-stdin")};
    auto [code, out, err] = cli(add, "wrong\n");
    QCOMPARE(code, 1);
    QCOMPARE(err, QStringLiteral("slotdesk-cli: password: The CalDAV server rejected the "
                                 "username/password for %1\n")
                      .arg(m_server->baseUrl().toString()));
    std::tie(code, out, err) = cli(
        {QStringLiteral("calendar"), QStringLiteral("add"), QStringLiteral("caldav"),
         QStringLiteral("--url"), QStringLiteral("http://calendar.example.com/dav"),
         QStringLiteral("--username"), QStringLiteral("alice"), QStringLiteral("--password-stdin")},
        "x\n");
    QCOMPARE(code, 1);
    QVERIFY2(err.startsWith(QStringLiteral("slotdesk-cli: url: ")) && err.count(u'\n') == 1,
             qPrintable(err));
    auto none = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(none && none->isEmpty());

    std::tie(code, out, err) = cli(add, kPassword.toUtf8() + '\n');
    QVERIFY2(code == 0, qPrintable(err));
    QVERIFY2(out.contains(QStringLiteral("Work #1e90ff (blocks time)")) &&
                 out.contains(QStringLiteral("Family #ff8800 (blocks time)")) &&
                 out.contains(QStringLiteral("CalDAV alice on 127.0.0.1")) &&
                 out.contains(QStringLiteral("active, 9 event(s)")),
             qPrintable(out));
    QVERIFY(!out.contains(kPassword));

    std::tie(code, out, err) = cli({QStringLiteral("calendar"), QStringLiteral("status")});
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(QStringLiteral("CalDAV alice on 127.0.0.1")), qPrintable(out));
    auto all = storage::CalendarIntegrationRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(all && all->size() == 1);
    const CalendarIntegration account = all->first();
    QCOMPARE(readSecret(account.keychainKey), kPassword);

    std::tie(code, out, err) =
        cli({QStringLiteral("calendar"), QStringLiteral("remove"), account.id});
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(readSecret(account.keychainKey), QStringLiteral("<none>"));
    QVERIFY(events(account.id).isEmpty());
    QVERIFY(calendars(account.id).isEmpty());
}

// An approved booking lands in the calendar that receives bookings (PUT, If-None-Match: *), with
// the UID of the attendee's .ics; a lost answer retried finds it there (412) and adds no second
// one; a move changes it in place (If-Match); a cancel deletes it. Read back from Radicale over
// HTTP and parsed with Python's icalendar.
void TestCalDav::writesApprovedMovedAndCancelledBookings() {
    seed();
    AvailabilityService availability(*m_db);
    for (int day = 0; day <= 6; ++day)
        QVERIFY(availability.add(
            {{}, m_admin.id, day, 9 * 60, 17 * 60, QStringLiteral("Europe/Berlin"), true, {}, {}}));
    const QString id = add();
    QVERIFY(!id.isEmpty());
    const auto work = calendars(id)[1];
    QCOMPARE(work.displayName, QStringLiteral("Work"));
    QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                .setReceivesBookings(m_admin.id, work.id, true)
                .ok());

    BookingService bookings(*m_db, m_time.clock());
    BookingRequest request;
    request.start = utc("2027-04-13T09:00:00Z"); // 11:00 in Berlin
    request.duration = 60;
    request.name = QStringLiteral("Bob Example");
    request.email = QStringLiteral("bob@example.com");
    request.timeZone = QStringLiteral("America/New_York");
    auto created = bookings.create(m_admin, request);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(bookings.approve(m_admin.id, created->id));
    m_time.advance(std::chrono::minutes(1));
    SyncReport report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.jobsDone, 1);
    Booking stored = *bookings.find(m_admin.id, created->id);
    const QString objectPath = QStringLiteral("/alice/work/%1.ics").arg(created->id);
    QCOMPARE(stored.calendarEventId, m_server->url(objectPath).toString());
    QCOMPARE(stored.eventCalendarId, work.id);
    auto object = m_server->request("GET", objectPath);
    QCOMPARE(object.status, 200);
    auto inspected = test::inspectIcs(object.body);
    QVERIFY2(inspected.ok(), qPrintable(inspected.error));
    const QString uid = QString::fromLatin1(IcsCalendar::uid(created->id));
    QCOMPARE(inspected.report.value(QStringLiteral("uid")).toString(), uid);
    // The attendee's .ics names the same event.
    auto attendeeIcs = test::inspectIcs(IcsCalendar::forBooking(stored, m_admin, m_time.now()));
    QCOMPARE(attendeeIcs.report.value(QStringLiteral("uid")).toString(), uid);
    QCOMPARE(inspected.report.value(QStringLiteral("method")).toString(), QString());
    QCOMPARE(inspected.report.value(QStringLiteral("status")).toString(),
             QStringLiteral("CONFIRMED"));
    QCOMPARE(inspected.report.value(QStringLiteral("dtstart")).toString(),
             QStringLiteral("2027-04-13T09:00:00+00:00"));
    QVERIFY(object.body.contains("SCHEDULE-AGENT=CLIENT"));

    // The same insert again, as after an answer that was lost: 412, taken as done, one event.
    Booking forgotten = stored;
    forgotten.calendarEventId.clear();
    QVERIFY(storage::BookingRepository(m_db->connection()).update(forgotten));
    QVERIFY(storage::CalendarJobRepository(m_db->connection(), m_time.clock())
                .enqueue(m_admin.id, created->id, storage::CalendarJobAction::Insert, m_time.now(),
                         work.id));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.jobsDone, 1);
    QCOMPARE(bookings.find(m_admin.id, created->id)->calendarEventId,
             m_server->url(objectPath).toString());
    QCOMPARE(m_server->calendarText(QStringLiteral("work")).count(("UID:" + uid).toUtf8()), 1);

    // Moved by the admin: the same object, the new time.
    auto moved = bookings.reschedule(m_admin.id, created->id, utc("2027-04-14T12:00:00Z"), 60,
                                     QStringLiteral("Clash"));
    QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.jobsDone, 1);
    QCOMPARE(bookings.find(m_admin.id, moved->id)->calendarEventId,
             m_server->url(objectPath).toString());
    object = m_server->request("GET", objectPath);
    inspected = test::inspectIcs(object.body);
    QVERIFY2(inspected.ok(), qPrintable(inspected.error));
    QCOMPARE(inspected.report.value(QStringLiteral("uid")).toString(), uid);
    QCOMPARE(inspected.report.value(QStringLiteral("dtstart")).toString(),
             QStringLiteral("2027-04-14T12:00:00+00:00"));
    QVERIFY(inspected.report.value(QStringLiteral("sequence")).toInt() > 0);
    QCOMPARE(m_server->calendarText(QStringLiteral("work")).count(("UID:" + uid).toUtf8()), 1);

    // Cancelled: deleted.
    QVERIFY(bookings.cancel(m_admin.id, moved->id, QStringLiteral("Travelling")));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.jobsDone, 1);
    QCOMPARE(m_server->request("GET", objectPath).status, 404);
    auto jobs = storage::CalendarJobRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(jobs && jobs->isEmpty());
}

// A calendar made on the server after the account was added appears on the next pass (not
// blocking, not receiving, as Google's new calendars), a renamed and recoloured one follows the
// server, and an account stored before its calendar home was kept finds it again.
void TestCalDav::followsCalendarsAddedAndChangedOnTheServer() {
    seed();
    const QString id = add();
    QVERIFY(!id.isEmpty());
    const auto work = calendarNamed(id, QStringLiteral("Work"));
    QVERIFY(!work.id.isEmpty());
    QCOMPARE(stored(id).calendarId, m_server->url(QStringLiteral("/alice/")).toString());

    QVERIFY(changeCalendar(QStringLiteral("work"), QStringLiteral("Office"),
                           QStringLiteral("#00AA00FF")));
    QVERIFY(m_server->makeCalendar(QStringLiteral("clients"), QStringLiteral("Clients"),
                                   QStringLiteral("#AA00AA")));
    QVERIFY(putEvent(QStringLiteral("clients"), QStringLiteral("visit"), "20270310T100000Z",
                     "20270310T120000Z"));
    m_time.advance(std::chrono::minutes(5));
    SyncReport report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    const auto listed = calendars(id);
    QCOMPARE(listed.size(), 3);
    const auto office = calendarNamed(id, QStringLiteral("Office"));
    QCOMPARE(office.id, work.id); // the same calendar, renamed
    QCOMPARE(office.color, QStringLiteral("#00aa00"));
    QVERIFY(office.blocksTime);
    const auto clients = calendarNamed(id, QStringLiteral("Clients"));
    QVERIFY(!clients.id.isEmpty());
    QCOMPARE(clients.color, QStringLiteral("#aa00aa"));
    QCOMPARE(clients.remoteId, m_server->url(QStringLiteral("/alice/clients/")).toString());
    QVERIFY(!clients.blocksTime);
    QVERIFY(!clients.receivesBookings);
    QCOMPARE(events(id).size(), 9); // the new calendar is not read until it blocks time
    QCOMPARE(stored(id).syncStatus, SyncStatus::Active);

    // The admin lets it block time: read in full on the next pass.
    QVERIFY(CalendarChoices(*m_db, m_time.clock()).choose(m_admin.id, clients.id, true, {}));
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    const auto all = events(id);
    QCOMPARE(all.size(), 10);
    QVERIFY(std::any_of(all.begin(), all.end(), [&](const CalendarEvent& e) {
        return e.integrationCalendarId == clients.id && e.startTime == utc("2027-03-10T10:00:00Z");
    }));

    // An account stored before its home was kept: discovery finds the home again.
    CalendarIntegration older = stored(id);
    older.calendarId = QStringLiteral("caldav");
    QVERIFY(
        storage::CalendarIntegrationRepository(m_db->connection(), m_time.clock()).update(older));
    QVERIFY(changeCalendar(QStringLiteral("family"), QStringLiteral("Home"),
                           QStringLiteral("#FF8800")));
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(stored(id).calendarId, m_server->url(QStringLiteral("/alice/")).toString());
    QVERIFY(!calendarNamed(id, QStringLiteral("Home")).id.isEmpty());
    QCOMPARE(calendars(id).size(), 3);
    QCOMPARE(events(id).size(), 10);
}

// A calendar deleted on the server: dropped with its events, while the account stays active and
// its other calendar keeps syncing.
void TestCalDav::dropsACalendarDeletedOnTheServer() {
    seed();
    const QString id = add();
    QVERIFY(!id.isEmpty());
    QCOMPARE(events(id).size(), 9);
    const auto family = calendarNamed(id, QStringLiteral("Family"));
    QVERIFY(!family.id.isEmpty());

    QVERIFY(deleteCalendar(QStringLiteral("family")));
    QVERIFY(putEvent(QStringLiteral("work"), QStringLiteral("lunch"), "20270309T110000Z",
                     "20270309T120000Z"));
    m_time.advance(std::chrono::minutes(5));
    SyncReport report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.items, 1); // the new work event, read incrementally
    const CalendarIntegration account = stored(id);
    QCOMPARE(account.syncStatus, SyncStatus::Active);
    QVERIFY2(account.syncError.isEmpty(), qPrintable(account.syncError));
    const auto left = calendars(id);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].displayName, QStringLiteral("Work"));
    const auto all = events(id);
    QCOMPARE(all.size(), 9); // the school run gone, the lunch new
    QVERIFY(std::none_of(all.begin(), all.end(), [&](const CalendarEvent& e) {
        return e.integrationCalendarId == family.id;
    }));
    QVERIFY(std::any_of(all.begin(), all.end(), [](const CalendarEvent& e) {
        return e.startTime == utc("2027-03-09T11:00:00Z");
    }));
    auto state = storage::CalendarSyncStateRepository(m_db->connection()).get(id);
    QVERIFY(state && state->failureCount == 0);

    // And it stays that way.
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(calendars(id).size(), 1);
    QCOMPARE(stored(id).syncStatus, SyncStatus::Active);
}

// The calendar receiving bookings deleted on the server: its busy time goes, the writes owed to
// it fail with the reason, the account says the calendar is gone (without backing off: the other
// calendar keeps syncing) — until the admin chooses another calendar, which then gets the next
// booking.
void TestCalDav::calendarReceivingBookingsDeletedOnTheServer() {
    seed();
    const QString id = add();
    QVERIFY(!id.isEmpty());
    const auto work = calendarNamed(id, QStringLiteral("Work"));
    QVERIFY(storage::IntegrationCalendarRepository(m_db->connection())
                .setReceivesBookings(m_admin.id, work.id, true)
                .ok());
    BookingService bookings(*m_db, m_time.clock());

    QVERIFY(deleteCalendar(QStringLiteral("work")));
    const QString booking = approvedBooking(bookings, "2027-04-13T09:00:00Z");
    QVERIFY(!booking.isEmpty());
    QVERIFY(putEvent(QStringLiteral("family"), QStringLiteral("dentist"), "20270308T150000Z",
                     "20270308T160000Z"));
    m_time.advance(std::chrono::minutes(5));
    SyncReport report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message)); // the reading succeeded
    QCOMPARE(report.jobsFailed, 1);
    const QString gone = QStringLiteral("The calendar \"Work\" that receives bookings is gone "
                                        "from the server; choose another calendar for bookings");
    QCOMPARE(report.message, gone);
    CalendarIntegration account = stored(id);
    QCOMPARE(account.syncStatus, SyncStatus::Error);
    QCOMPARE(account.syncError, gone);
    auto state = storage::CalendarSyncStateRepository(m_db->connection()).get(id);
    QVERIFY(state && state->failureCount == 0 && !state->retryAt.isValid()); // no back-off
    // Kept (still receiving, its sync state forgotten) so that its failed write stays visible.
    const auto kept = calendarNamed(id, QStringLiteral("Work"));
    QCOMPARE(kept.id, work.id);
    QVERIFY(kept.receivesBookings);
    QVERIFY(kept.syncToken.isEmpty() && kept.ctag.isEmpty());
    const auto all = events(id);
    QCOMPARE(all.size(), 2); // the school run and the dentist, nothing of Work's
    QVERIFY(std::all_of(all.begin(), all.end(), [&](const CalendarEvent& e) {
        return e.integrationCalendarId != work.id;
    }));
    auto jobs = storage::CalendarJobRepository(m_db->connection()).list(m_admin.id);
    QVERIFY(jobs && jobs->size() == 1);
    QCOMPARE(jobs->first().bookingId, booking);
    QCOMPARE(jobs->first().state, storage::CalendarJobState::Failed);
    QCOMPARE(jobs->first().lastError,
             QStringLiteral("The calendar \"Work\" is gone from the server; choose another "
                            "calendar for bookings"));

    // The next pass says so again, also when it does not block time (the home no longer lists
    // it; asked, the server answers 404).
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(stored(id).syncError, gone);
    QVERIFY(CalendarChoices(*m_db, m_time.clock()).choose(m_admin.id, work.id, false, {}));
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.message, gone);
    QCOMPARE(stored(id).syncError, gone);

    // The admin chooses the family calendar for bookings: Work goes, the account is active, and
    // the next booking lands in Family.
    const auto familyCalendar = calendarNamed(id, QStringLiteral("Family"));
    QVERIFY(CalendarChoices(*m_db, m_time.clock()).choose(m_admin.id, familyCalendar.id, {}, true));
    m_time.advance(std::chrono::minutes(5));
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    account = stored(id);
    QCOMPARE(account.syncStatus, SyncStatus::Active);
    QVERIFY(account.syncError.isEmpty());
    QCOMPARE(calendars(id).size(), 1);
    const QString next = approvedBooking(bookings, "2027-04-14T09:00:00Z");
    QVERIFY(!next.isEmpty());
    report = sync(id);
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(report.jobsDone, 1);
    QCOMPARE(m_server->request("GET", QStringLiteral("/alice/family/%1.ics").arg(next)).status,
             200);
}

QTEST_GUILESS_MAIN(TestCalDav)
#include "tst_caldav.moc"
