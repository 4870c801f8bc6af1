// Storage: schema and migrations, pragmas, and a round trip of every entity through its
// repository — against a real SQLite file, and (the _postgres run) a real PostgreSQL schema.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "core/Clock.h"
#include "domain/JsonFormat.h"
#include "storage/AvailabilityRepository.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/BookingRepository.h"
#include "storage/BookingSearchRepository.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/Migrations.h"
#include "storage/OverrideRepository.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

#include <sys/stat.h>

using namespace slotdesk;
using namespace slotdesk::storage;

class TestStorage : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<Database> m_db;

    QString path() const { return m_tdb->dataDir() + QStringLiteral("/slotdesk.sqlite"); }
    // Byte-for-byte on SQLite; every row of every table on PostgreSQL.
    QByteArray digest() const {
        return test::usingPostgres() ? m_tdb->contentDigest() : test::fileDigest(path());
    }
    QVariant scalar(const QString& sql) {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    enum class JournalMode { Rollback, Wal };
    // Opens the database in `dataDir` on a thread while a raw connection (another process)
    // holds the file's write lock for `holdMs`: empty when the opening waited for it and then
    // succeeded, else what went wrong.
    static QString openWhileAnotherWrites(const QString& dataDir, JournalMode mode, int holdMs) {
        const QString name = QStringLiteral("other-process");
        QString failure;
        {
            auto holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            holder.setDatabaseName(
                QDir(dataDir).filePath(QString::fromLatin1(Database::kFileName)));
            const bool holding =
                holder.open() &&
                (mode == JournalMode::Rollback ||
                 execNoRows(holder, QStringLiteral("PRAGMA journal_mode = WAL")).ok()) &&
                execNoRows(holder, QStringLiteral("BEGIN IMMEDIATE")).ok() &&
                execNoRows(holder, QStringLiteral("CREATE TABLE other_process (x INTEGER)")).ok();
            if (!holding)
                return QStringLiteral("the other process could not take the write lock");
            std::atomic<bool> done{false};
            std::thread opener([&] {
                auto db = Database::openInDirectory(dataDir);
                if (!db)
                    failure = db.error().message;
                done = true;
            });
            QTest::qWait(holdMs);
            const bool waited = !done.load();
            const bool committed = execNoRows(holder, QStringLiteral("COMMIT")).ok();
            opener.join();
            if (!waited && failure.isEmpty())
                failure = QStringLiteral("opened while the other process held the write lock");
            else if (!committed)
                failure = QStringLiteral("the other process could not commit");
        }
        QSqlDatabase::removeDatabase(name);
        return failure;
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        m_tdb = std::make_unique<test::TestDatabase>();
        QVERIFY(m_tdb->isValid());
        auto db = m_tdb->open();
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
    }
    void cleanup() {
        m_db.reset();
        m_tdb.reset();
    }

    void freshDatabaseIsMigratedWithPragmas() {
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
        if (test::usingPostgres()) {
            QCOMPARE(m_db->dialect(), SqlDialect::PostgreSQL);
            QCOMPARE(scalar(QStringLiteral("SHOW lock_timeout")).toString(), QStringLiteral("10s"));
        } else {
            QCOMPARE(scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                     QStringLiteral("wal"));
            QCOMPARE(scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
            QCOMPARE(scalar(QStringLiteral("PRAGMA busy_timeout")).toInt(), 10000);
        }
        for (const char* table : {"users", "bookings", "availability_blocks",
                                  "calendar_integrations", "calendar_events", "schema_version"})
            QVERIFY2(test::tableExists(m_db->connection(), QLatin1String(table)), table);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion());
    }

    void reopeningAnExistingDatabaseKeepsDataAndChangesNothing() {
        const User admin = test::seedAdmin(*m_db);
        QVERIFY(!admin.id.isEmpty());
        m_db.reset();
        const QByteArray before = digest();
        QVERIFY(!before.isEmpty());
        auto reopened = m_tdb->open();
        QVERIFY(reopened.ok());
        m_db = std::move(*reopened);
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
        auto found = UserRepository(m_db->connection()).findById(admin.id);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->username, admin.username);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion());
        m_db.reset();
        QCOMPARE(digest(), before);
    }

    void olderDatabaseIsUpgradedKeepingItsData() {
        m_db.reset();
        m_tdb->wipe();
        {
            // A database as the first release left it: schema version 1, with an admin.
            auto raw = m_tdb->rawConnection(QStringLiteral("v1"));
            QVERIFY(raw.isOpen());
            QVERIFY(Migrations::migrate(raw, 1).ok());
            QCOMPARE(Migrations::currentVersion(raw), 1);
            QVERIFY(!test::tableExists(raw, QStringLiteral("booking_settings")));
            QVERIFY(execNoRows(raw, QStringLiteral(
                                        "INSERT INTO users VALUES ('u1', 'old', 'old@example.org', "
                                        "'Old Admin', 'UTC', 0, 0)"))
                        .ok());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        auto upgraded = m_tdb->open();
        QVERIFY(upgraded.ok());
        m_db = std::move(*upgraded);
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
        QVERIFY(test::tableExists(m_db->connection(), QStringLiteral("booking_settings")));
        QVERIFY(test::tableExists(m_db->connection(), QStringLiteral("date_overrides")));
        auto user = UserRepository(m_db->connection()).findByUsername(QStringLiteral("old"));
        QVERIFY(user.ok() && user->has_value());
        QCOMPARE((*user)->name, QStringLiteral("Old Admin"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion());
    }

    // The step that lets a move hand its integrations over keeps the outbox's rows (SQLite
    // rebuilds calendar_jobs), admits 'update' and still refuses unknown actions; the meetings
    // it finds are not marked for update.
    void calendarJobsAndMeetingsSurviveTheMoveStep() {
        m_db.reset();
        m_tdb->wipe();
        {
            auto raw = m_tdb->rawConnection(QStringLiteral("v10"));
            QVERIFY(raw.isOpen());
            QVERIFY(Migrations::migrate(raw, 10).ok());
            for (const char* sql :
                 {"INSERT INTO users VALUES ('u1', 'old', 'old@example.org', 'Old Admin', 'UTC', "
                  "0, 0)",
                  "INSERT INTO bookings (id, user_id, start_time, end_time, attendee_name, "
                  "attendee_email, status, timezone, calendar_event_id, created_at, updated_at) "
                  "VALUES ('b1', 'u1', 1000, 2000, 'Zoe', 'zoe@example.com', 'cancelled', 'UTC', "
                  "'event1', 0, 0)",
                  "INSERT INTO calendar_jobs (id, user_id, booking_id, action, next_attempt_at, "
                  "created_at, updated_at) VALUES ('j1', 'u1', 'b1', 'delete', 5, 0, 0)",
                  "INSERT INTO video_meetings (booking_id, provider, meeting_id, join_url, "
                  "created_at) VALUES ('b1', 'zoom', '42', 'https://zoom.example/j/42', 0)"})
                QVERIFY(execNoRows(raw, QString::fromLatin1(sql)).ok());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v10"));
        auto upgraded = m_tdb->open();
        QVERIFY(upgraded.ok());
        m_db = std::move(*upgraded);
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());
        CalendarJobRepository jobs(m_db->connection());
        auto kept = jobs.findById(QStringLiteral("j1"));
        QVERIFY(kept.ok() && kept->has_value());
        QCOMPARE((*kept)->action, CalendarJobAction::Delete);
        QCOMPARE((*kept)->nextAttemptAt.toMSecsSinceEpoch(), 5);
        auto update = jobs.enqueue(QStringLiteral("u1"), QStringLiteral("b1"),
                                   CalendarJobAction::Update, QDateTime::currentDateTimeUtc());
        QVERIFY(update.ok());
        QCOMPARE((*jobs.findById(update->id))->action, CalendarJobAction::Update);
        QVERIFY(!execNoRows(m_db->connection(),
                            QStringLiteral("INSERT INTO calendar_jobs (id, user_id, booking_id, "
                                           "action, next_attempt_at, created_at, updated_at) "
                                           "VALUES ('j2', 'u1', 'b1', 'move', 5, 0, 0)"))
                     .ok());
        QCOMPARE(scalar(QStringLiteral("SELECT needs_update FROM video_meetings")).toInt(), 0);
        QVERIFY(!execNoRows(m_db->connection(),
                            QStringLiteral("UPDATE video_meetings SET needs_update = 2"))
                     .ok());
        // Deleting the booking still takes its jobs with it (the rebuilt table's foreign key).
        QVERIFY(execNoRows(m_db->connection(), QStringLiteral("DELETE FROM bookings")).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calendar_jobs")).toInt(), 0);
    }

    // Step 13 widens calendar_integrations.type (on SQLite by rebuilding the table under its
    // children): a Google integration and its events and sync state survive, the children still
    // cascade, and the new kinds can be stored with their columns.
    void calendarKindsStepKeepsGoogleDataAndCascades() {
        m_db.reset();
        m_tdb->wipe();
        {
            auto raw = m_tdb->rawConnection(QStringLiteral("v11"));
            QVERIFY(raw.isOpen());
            if (!test::usingPostgres())
                QVERIFY(execNoRows(raw, QStringLiteral("PRAGMA foreign_keys = ON")).ok());
            QVERIFY(Migrations::migrate(raw, 11).ok());
            for (const char* sql :
                 {"INSERT INTO users VALUES ('u1', 'old', 'old@example.org', 'Old', 'UTC', 0, 0)",
                  "INSERT INTO calendar_integrations (id, user_id, type, keychain_key, "
                  "sync_token, sync_status, created_at, updated_at) VALUES ('g1', 'u1', "
                  "'google-calendar', 'google/g1', 'tok', 'active', 0, 0)",
                  "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
                  "start_time, end_time, synced_at, created_at, updated_at) VALUES ('e1', 'g1', "
                  "'x', 1000, 2000, 0, 0, 0)",
                  "INSERT INTO calendar_sync_state (calendar_integration_id, failure_count, "
                  "updated_at) VALUES ('g1', 2, 0)"})
                QVERIFY2(execNoRows(raw, QString::fromLatin1(sql)).ok(), sql);
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v11"));
        auto upgraded = m_tdb->open();
        QVERIFY(upgraded.ok());
        m_db = std::move(*upgraded);
        auto google = CalendarIntegrationRepository(m_db->connection())
                          .findById(QStringLiteral("u1"), QStringLiteral("g1"));
        QVERIFY(google.ok() && google->has_value());
        // (Step 16 moves the token onto the integration's one calendar.)
        QCOMPARE(IntegrationCalendarRepository(m_db->connection())
                     .findByRemoteId(QStringLiteral("g1"), QStringLiteral("primary"))
                     ->value()
                     .syncToken,
                 QStringLiteral("tok"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calendar_events")).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT failure_count FROM calendar_sync_state")).toInt(),
                 2);

        CalendarIntegration feed;
        feed.userId = QStringLiteral("u1");
        feed.type = CalendarType::IcsFeed;
        feed.keychainKey = QStringLiteral("ics-feed/f1");
        feed.displayName = QStringLiteral("Work");
        feed.sourceUrl = QStringLiteral("https://calendar.example.com/…");
        feed.httpEtag = QStringLiteral("\"v1\"");
        auto created = CalendarIntegrationRepository(m_db->connection()).create(feed);
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().message));
        auto read = CalendarIntegrationRepository(m_db->connection())
                        .findById(QStringLiteral("u1"), created->id);
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE((*read)->type, CalendarType::IcsFeed);
        QCOMPARE((*read)->displayName, QStringLiteral("Work"));
        QCOMPARE((*read)->httpEtag, QStringLiteral("\"v1\""));
        QVERIFY(!execNoRows(m_db->connection(),
                            QStringLiteral("UPDATE calendar_integrations SET type = 'outlook'"))
                     .ok());

        QVERIFY(CalendarIntegrationRepository(m_db->connection())
                    .remove(QStringLiteral("u1"), QStringLiteral("g1"))
                    .ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calendar_events")).toInt(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calendar_sync_state")).toInt(), 0);
    }

    // Step 16 gives each integration its calendars: a Google integration's one calendar becomes
    // an integration_calendars row for 'primary' that blocks time, receives bookings and holds
    // the sync token; its events, the booking's event and the owed write point at it; an ICS
    // feed's events keep no calendar. Events are unique per calendar from then on.
    void integrationCalendarsStepMovesGoogleOntoPrimary() {
        m_db.reset();
        m_tdb->wipe();
        {
            auto raw = m_tdb->rawConnection(QStringLiteral("v13"));
            QVERIFY(raw.isOpen());
            if (!test::usingPostgres())
                QVERIFY(execNoRows(raw, QStringLiteral("PRAGMA foreign_keys = ON")).ok());
            QVERIFY(Migrations::migrate(raw, 13).ok());
            for (const char* sql :
                 {"INSERT INTO users VALUES ('u1', 'old', 'old@example.org', 'Old', 'UTC', 0, 0)",
                  "INSERT INTO calendar_integrations (id, user_id, type, keychain_key, "
                  "sync_token, last_sync_at, sync_status, created_at, updated_at) VALUES ('g1', "
                  "'u1', 'google-calendar', 'google/g1', 'tok', 77, 'active', 5, 6)",
                  "INSERT INTO calendar_integrations (id, user_id, type, keychain_key, "
                  "sync_status, created_at, updated_at) VALUES ('f1', 'u1', 'ics-feed', "
                  "'ics-feed/f1', 'active', 0, 0)",
                  "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
                  "start_time, end_time, synced_at, created_at, updated_at) VALUES ('e1', 'g1', "
                  "'x', 1000, 2000, 0, 0, 0)",
                  "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
                  "start_time, end_time, synced_at, created_at, updated_at) VALUES ('e2', 'g1', "
                  "'y', 3000, 4000, 0, 0, 0)",
                  "INSERT INTO calendar_events (id, calendar_integration_id, external_event_id, "
                  "start_time, end_time, synced_at, created_at, updated_at) VALUES ('e3', 'f1', "
                  "'x', 1000, 2000, 0, 0, 0)",
                  "INSERT INTO bookings (id, user_id, start_time, end_time, attendee_name, "
                  "attendee_email, status, timezone, calendar_event_id, created_at, updated_at) "
                  "VALUES ('b1', 'u1', 1000, 2000, 'Zoe', 'zoe@example.com', 'confirmed', 'UTC', "
                  "'event1', 0, 0)",
                  "INSERT INTO bookings (id, user_id, start_time, end_time, attendee_name, "
                  "attendee_email, status, timezone, created_at, updated_at) "
                  "VALUES ('b2', 'u1', 5000, 6000, 'Yan', 'yan@example.com', 'confirmed', 'UTC', "
                  "0, 0)",
                  "INSERT INTO calendar_jobs (id, user_id, booking_id, action, next_attempt_at, "
                  "created_at, updated_at) VALUES ('j1', 'u1', 'b2', 'insert', 5, 0, 0)"})
                QVERIFY2(execNoRows(raw, QString::fromLatin1(sql)).ok(), sql);
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v13"));
        auto upgraded = m_tdb->open();
        QVERIFY2(upgraded.ok(), upgraded ? "" : qPrintable(upgraded.error().message));
        m_db = std::move(*upgraded);
        QCOMPARE(m_db->schemaVersion(), Migrations::latestVersion());

        IntegrationCalendarRepository calendars(m_db->connection());
        auto googleCalendars = calendars.list(QStringLiteral("g1"));
        QVERIFY(googleCalendars.ok());
        QCOMPARE(googleCalendars->size(), 1);
        const IntegrationCalendar primary = googleCalendars->first();
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                    "[0-9a-f]{12}$"))
                     .match(primary.id)
                     .hasMatch(),
                 qPrintable(primary.id));
        QCOMPARE(primary.remoteId, QStringLiteral("primary"));
        QVERIFY(primary.blocksTime);
        QVERIFY(primary.receivesBookings);
        QCOMPARE(primary.syncToken, QStringLiteral("tok"));
        QCOMPARE(primary.lastSyncAt.toMSecsSinceEpoch(), 77);
        QVERIFY(calendars.list(QStringLiteral("f1"))->isEmpty());
        auto google = CalendarIntegrationRepository(m_db->connection())
                          .findById(QStringLiteral("u1"), QStringLiteral("g1"));
        QVERIFY(google.ok() && google->has_value());
        QVERIFY((*google)->syncToken.isEmpty()); // moved, not copied

        CalendarEventRepository events(m_db->connection());
        const auto googleEvents = events.list(QStringLiteral("g1"));
        QCOMPARE(googleEvents->size(), 2);
        for (const auto& e : *googleEvents)
            QCOMPARE(e.integrationCalendarId, primary.id);
        QCOMPARE(events.countInCalendar(primary.id).value(), 2);
        QVERIFY(events.list(QStringLiteral("f1"))->first().integrationCalendarId.isEmpty());
        auto booking = BookingRepository(m_db->connection())
                           .findById(QStringLiteral("u1"), QStringLiteral("b1"));
        QCOMPARE((*booking)->eventCalendarId, primary.id);
        QVERIFY((*BookingRepository(m_db->connection())
                      .findById(QStringLiteral("u1"), QStringLiteral("b2")))
                    ->eventCalendarId.isEmpty());
        auto job = CalendarJobRepository(m_db->connection()).findById(QStringLiteral("j1"));
        QCOMPARE((*job)->calendarId, primary.id);

        // Unique per calendar: the same event may be in a second calendar, not twice in one;
        // nor twice in a feed (its calendar is implicit).
        IntegrationCalendar family;
        family.integrationId = QStringLiteral("g1");
        family.remoteId = QStringLiteral("family@group.calendar.google.com");
        auto created = calendars.create(family);
        QVERIFY(created.ok());
        const auto insertEvent = [&](const QString& id, const QString& integration,
                                     const QVariant& calendar) {
            return execNoRows(m_db->connection(),
                              QStringLiteral("INSERT INTO calendar_events (id, "
                                             "calendar_integration_id, integration_calendar_id, "
                                             "external_event_id, start_time, end_time, synced_at, "
                                             "created_at, updated_at) VALUES (?, ?, ?, 'x', 1000, "
                                             "2000, 0, 0, 0)"),
                              {id, integration, calendar});
        };
        QVERIFY(insertEvent(QStringLiteral("e4"), QStringLiteral("g1"), created->id).ok());
        QVERIFY(!insertEvent(QStringLiteral("e5"), QStringLiteral("g1"), created->id).ok());
        QVERIFY(!insertEvent(QStringLiteral("e6"), QStringLiteral("g1"), primary.id).ok());
        QVERIFY(!insertEvent(QStringLiteral("e7"), QStringLiteral("f1"),
                             QVariant(QMetaType::fromType<QString>()))
                     .ok());

        // The calendar goes: its events and owed writes with it; the booking forgets where its
        // event was.
        QVERIFY(calendars.remove(QStringLiteral("g1"), primary.id).ok());
        QCOMPARE(events.count(QStringLiteral("g1")).value(), 1);
        QCOMPARE(events.count(QStringLiteral("f1")).value(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calendar_jobs")).toInt(), 0);
        QVERIFY((*BookingRepository(m_db->connection())
                      .findById(QStringLiteral("u1"), QStringLiteral("b1")))
                    ->eventCalendarId.isEmpty());
        // Disconnecting takes the remaining calendars.
        QVERIFY(CalendarIntegrationRepository(m_db->connection())
                    .remove(QStringLiteral("u1"), QStringLiteral("g1"))
                    .ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM integration_calendars")).toInt(), 0);
    }

    // An integration's calendars: one calendar of a user receives bookings at most (the flag
    // moves, across integrations), busy time comes only from the calendars that block time, and
    // each calendar's events are synced apart from the others'.
    void integrationCalendarsRoundTrip() {
        const User admin = test::seedAdmin(*m_db);
        const User other = test::seedAdmin(*m_db, QStringLiteral("bob"));
        CalendarIntegrationRepository integrations(m_db->connection());
        const auto integrationOf = [&](const User& user, CalendarType type, const char* key) {
            CalendarIntegration c;
            c.userId = user.id;
            c.type = type;
            c.keychainKey = QString::fromLatin1(key);
            c.syncStatus = SyncStatus::Active;
            return integrations.create(c).value();
        };
        const auto google = integrationOf(admin, CalendarType::GoogleCalendar, "google/a");
        const auto caldav = integrationOf(admin, CalendarType::CalDav, "caldav/a");
        const auto bobs = integrationOf(other, CalendarType::GoogleCalendar, "google/b");

        IntegrationCalendarRepository calendars(m_db->connection());
        const auto calendarOf = [&](const CalendarIntegration& integration, const char* remote,
                                    const char* name, bool blocks, bool receives) {
            IntegrationCalendar c;
            c.integrationId = integration.id;
            c.remoteId = QString::fromLatin1(remote);
            c.displayName = QString::fromLatin1(name);
            c.color = QStringLiteral("#1a2B3c");
            c.blocksTime = blocks;
            c.receivesBookings = receives;
            auto created = calendars.create(c);
            if (!created)
                qWarning() << created.error().message;
            return created.value();
        };
        const auto primary = calendarOf(google, "primary", "Alice", true, true);
        const auto family = calendarOf(google, "family", "Family", false, false);
        const auto nextcloud = calendarOf(caldav, "/dav/alice/work/", "Work", true, false);
        const auto bobsPrimary = calendarOf(bobs, "primary", "Bob", true, true);

        // The flag moves from Google's primary to the CalDAV calendar, and never touches Bob's.
        QCOMPARE((*calendars.receivingBookings(admin.id))->id, primary.id);
        QVERIFY(calendars.setReceivesBookings(admin.id, nextcloud.id, true).ok());
        QCOMPARE((*calendars.receivingBookings(admin.id))->id, nextcloud.id);
        QVERIFY(!(*calendars.findById(admin.id, primary.id))->receivesBookings);
        QCOMPARE((*calendars.receivingBookings(other.id))->id, bobsPrimary.id);
        // A calendar created receiving bookings takes the flag as well.
        const auto travel = calendarOf(google, "travel", "Travel", false, true);
        QCOMPARE((*calendars.receivingBookings(admin.id))->id, travel.id);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM integration_calendars "
                                       "WHERE receives_bookings = 1"))
                     .toInt(),
                 2); // Alice's and Bob's
        QVERIFY(calendars.setReceivesBookings(admin.id, travel.id, false).ok());
        QVERIFY(!calendars.receivingBookings(admin.id)->has_value());
        // Another user's calendar is not found, and nothing changes.
        auto foreign = calendars.setReceivesBookings(admin.id, bobsPrimary.id, true);
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, ErrorCode::NotFound);
        QVERIFY(!calendars.setBlocksTime(admin.id, bobsPrimary.id, false).ok());
        QVERIFY((*calendars.findById(other.id, bobsPrimary.id))->blocksTime);
        QVERIFY(!calendars.findById(admin.id, bobsPrimary.id)->has_value());

        IntegrationCalendar badColour;
        badColour.integrationId = google.id;
        badColour.remoteId = QStringLiteral("x");
        badColour.color = QStringLiteral("red");
        auto refused = calendars.create(badColour);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("color"));
        IntegrationCalendar twice = family;
        twice.id.clear();
        QVERIFY(!calendars.create(twice).ok()); // (integration, remote id) is unique

        QVERIFY(calendars
                    .updateDetails(google.id, family.id, QStringLiteral("Famille"),
                                   QStringLiteral("#00ff00"))
                    .ok());
        QVERIFY(calendars
                    .recordSync(google.id, family.id, QStringLiteral("next-1"), {},
                                test::utc("2026-12-01T08:00:00Z"))
                    .ok());
        auto found = calendars.findByRemoteId(google.id, QStringLiteral("family"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->displayName, QStringLiteral("Famille"));
        QCOMPARE((*found)->color, QStringLiteral("#00ff00"));
        QCOMPARE((*found)->syncToken, QStringLiteral("next-1"));
        QCOMPARE((*found)->lastSyncAt, test::utc("2026-12-01T08:00:00Z"));
        QVERIFY(!calendars.recordSync(caldav.id, family.id, {}, {}, {}).ok()); // not its calendar
        QStringList names;
        const auto listed = calendars.list(google.id);
        for (const auto& c : *listed)
            names << c.displayName;
        QCOMPARE(names, (QStringList{QStringLiteral("Alice"), QStringLiteral("Famille"),
                                     QStringLiteral("Travel")}));

        // Per-calendar events: the same event in two calendars; a full sync of one leaves the
        // other alone; only blocking calendars count as busy.
        CalendarEventRepository events(m_db->connection());
        const auto event = [](const char* id, const char* start, const char* end) {
            CalendarEvent e;
            e.externalEventId = QString::fromLatin1(id);
            e.startTime = test::utc(start);
            e.endTime = test::utc(end);
            return e;
        };
        const QVector<CalendarEvent> shared{
            event("invite", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z")};
        QVERIFY(events.replaceAll(google.id, shared, primary.id).ok());
        QVERIFY(
            events
                .replaceAll(google.id,
                            shared + QVector<CalendarEvent>{event("school", "2026-12-01T14:00:00Z",
                                                                  "2026-12-01T15:00:00Z")},
                            family.id)
                .ok());
        QCOMPARE(events.countInCalendar(primary.id).value(), 1);
        QCOMPARE(events.countInCalendar(family.id).value(), 2);
        const auto busyCount = [&] {
            return events
                .listBusy(admin.id, test::utc("2026-12-01T00:00:00Z"),
                          test::utc("2026-12-02T00:00:00Z"))
                ->size();
        };
        QCOMPARE(busyCount(), 1); // Family does not block time
        QVERIFY(calendars.setBlocksTime(admin.id, family.id, true).ok());
        QCOMPARE(busyCount(), 3);
        QVERIFY(events
                    .applyChanges(google.id,
                                  {event("school", "2026-12-01T15:00:00Z", "2026-12-01T16:00:00Z")},
                                  {QStringLiteral("invite")}, family.id)
                    .ok());
        QCOMPARE(events.countInCalendar(primary.id).value(), 1); // its copy of the invite stays
        QCOMPARE(events.countInCalendar(family.id).value(), 1);
        QVERIFY(events.replaceAll(google.id, {}, primary.id).ok());
        QCOMPARE(events.countInCalendar(family.id).value(), 1);
        QVERIFY(events.removeCalendar(family.id).ok());
        QCOMPARE(events.count(google.id).value(), 0);

        // The implicit calendar of a feed-like integration: upserts find their row again.
        auto feed = integrationOf(admin, CalendarType::IcsFeed, "ics-feed/a");
        QVERIFY(events.applyChanges(feed.id, shared, {}).ok());
        QVERIFY(events.applyChanges(feed.id, shared, {}).ok());
        QCOMPARE(events.count(feed.id).value(), 1);
        QVERIFY(events.applyChanges(feed.id, {}, {QStringLiteral("invite")}).ok());
        QCOMPARE(events.count(feed.id).value(), 0);

        QVERIFY(calendars.remove(google.id, family.id).ok());
        QVERIFY(!calendars.remove(google.id, family.id).ok());
        QCOMPARE(calendars.list(google.id)->size(), 2);
    }

    void settingsAndOverridesRoundTrip() {
        const User admin = test::seedAdmin(*m_db);
        BookingSettingsRepository settings(m_db->connection());
        auto defaults = settings.get(admin.id);
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->defaultDuration, 30);
        QCOMPARE(defaults->minimumNotice, 120);
        QCOMPARE(defaults->horizonDays, 60);
        BookingSettings changed = *defaults;
        changed.defaultDuration = 45;
        changed.durations = {15, 45, 90};
        changed.slotInterval = 15;
        changed.bufferBefore = 5;
        changed.bufferAfter = 10;
        changed.minimumNotice = 0;
        changed.horizonDays = 30;
        changed.maxBookingsPerDay = 4;
        QVERIFY(settings.save(changed).ok());
        QVERIFY(settings.save(changed).ok()); // saving twice keeps one row
        auto reread = settings.get(admin.id);
        QCOMPARE(reread->durations, QList<int>({15, 45, 90}));
        QCOMPARE(reread->slotInterval, 15);
        QCOMPARE(reread->bufferBefore, 5);
        QCOMPARE(reread->bufferAfter, 10);
        QCOMPARE(reread->minimumNotice, 0);
        QCOMPARE(reread->horizonDays, 30);
        QCOMPARE(reread->maxBookingsPerDay, 4);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM booking_settings")).toInt(), 1);

        OverrideRepository overrides(m_db->connection());
        AvailabilityOverride off{
            {}, admin.id, QDate(2026, 12, 24), QStringLiteral("Europe/Berlin"), {}, {}, {}, {}};
        AvailabilityOverride hours{
            {}, admin.id, QDate(2026, 12, 31), QStringLiteral("Europe/Berlin"), 600, 720, {}, {}};
        QVERIFY(overrides.create(off).ok());
        auto created = overrides.create(hours);
        QVERIFY(created.ok());
        auto all = overrides.list(admin.id);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->at(0).isUnavailable());
        QCOMPARE(all->at(1).date, QDate(2026, 12, 31));
        QCOMPARE(all->at(1).startMinute, std::optional(600));
        QCOMPARE(overrides.list(admin.id, QDate(2026, 12, 25), QDate(2027, 1, 1))->size(), 1);
        AvailabilityOverride half{{}, admin.id, QDate(2026, 12, 30), QStringLiteral("UTC"), 600, {},
                                  {}, {}};
        QVERIFY(!overrides.create(half).ok()); // CHECK: both times or neither
        QVERIFY(overrides.remove(admin.id, created->id).ok());
        QCOMPARE(overrides.removeDate(admin.id, QDate(2026, 12, 24)).value(), 1);
        QVERIFY(overrides.list(admin.id)->isEmpty());
    }

    void changeStampMovesOnEveryCommitFromAnyConnection() {
        const auto first = m_db->changeStamp();
        QVERIFY(first.ok());
        QCOMPARE(m_db->changeStamp().value(), *first); // reading changes nothing
        test::seedAdmin(*m_db);
        const auto afterOwnWrite = m_db->changeStamp().value();
        QVERIFY(afterOwnWrite != *first);
        {
            auto other = m_db->openAgain();
            QVERIFY(other.ok());
            test::seedAdmin(**other, QStringLiteral("carol"));
        }
        const auto afterOtherWrite = m_db->changeStamp().value();
        QVERIFY(afterOtherWrite != afterOwnWrite);
        // An uncommitted write elsewhere is not a change yet; its commit is.
        auto other = m_db->openAgain();
        QVERIFY(other.ok());
        {
            auto tx = Transaction::begin((*other)->connection(), Transaction::Mode::Write);
            QVERIFY(tx.ok());
            test::seedAdmin(**other, QStringLiteral("dave"));
            if (test::usingPostgres()) // SQLite's writer holds the lock a reader would need
                QCOMPARE(m_db->changeStamp().value(), afterOtherWrite);
            QVERIFY(tx->commit().ok());
        }
        QVERIFY(m_db->changeStamp().value() != afterOtherWrite);
    }

    void concurrentFirstStartsMigrateOnce() {
        m_db.reset();
        m_tdb->wipe();
        // Several processes (here: threads, each with its own connection) open one empty
        // database at the same moment; each step must be applied exactly once.
        constexpr int kOpeners = 6;
        std::atomic<int> ready{0};
        std::atomic<int> opened{0};
        std::vector<std::thread> threads;
        QStringList errors;
        QMutex errorsMutex;
        for (int i = 0; i < kOpeners; ++i) {
            threads.emplace_back([&] {
                ++ready;
                while (ready.load() < kOpeners)
                    std::this_thread::yield();
                auto db = m_tdb->open();
                if (db) {
                    ++opened;
                } else {
                    QMutexLocker lock(&errorsMutex);
                    errors.append(db.error().message);
                }
            });
        }
        for (auto& t : threads)
            t.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(opened.load(), kOpeners);
        auto db = m_tdb->open();
        QVERIFY(db.ok());
        m_db = std::move(*db);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Migrations::latestVersion());
    }

    void openingWaitsForAnotherProcessesWrite_data() {
        QTest::addColumn<JournalMode>("mode");
        QTest::addColumn<int>("holdMs");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("expected");
        // The write lock of a new WAL file held longer than a booking's wait (10 s), as a schema
        // step on a large file can: opening waits for it, then migrates (before: "The database
        // is busy" after 10 s).
        QTest::newRow("long schema step")
            << JournalMode::Wal << 12'000 << QStringLiteral("SELECT COUNT(*) FROM schema_version")
            << QString::number(Migrations::latestVersion());
        // A new file still written in its first (rollback-journal) mode: SQLite refuses the
        // switch to WAL at once rather than waiting; opening asks again until the other is done
        // (before: "The database is busy" at once).
        QTest::newRow("new file being set up")
            << JournalMode::Rollback << 1'500 << QStringLiteral("PRAGMA journal_mode")
            << QStringLiteral("wal");
    }
    void openingWaitsForAnotherProcessesWrite() {
        if (test::usingPostgres())
            QSKIP("SQLite's file lock; PostgreSQL's migration lock is tst_storage's other cases");
        QFETCH(JournalMode, mode);
        QFETCH(int, holdMs);
        QFETCH(QString, check);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString failure = openWhileAnotherWrites(dir.path(), mode, holdMs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto db = Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        auto value = exec((*db)->connection(), check);
        QVERIFY(value.ok() && value->next());
        QCOMPARE(value->value(0).toString(), expected);
    }

    void writeTransactionsSerialiseAcrossConnections() {
        // The second writer waits until the first has committed, then sees its row.
        const User admin = test::seedAdmin(*m_db);
        auto first = Transaction::begin(m_db->connection(), Transaction::Mode::Write);
        QVERIFY(first.ok());
        std::atomic<bool> secondHasLock{false};
        std::atomic<int> secondSaw{-1};
        std::thread second([&] {
            auto db = m_tdb->open();
            if (!db)
                return;
            auto tx = Transaction::begin((*db)->connection(), Transaction::Mode::Write);
            if (!tx)
                return;
            secondHasLock = true;
            {
                auto q = exec((*db)->connection(), QStringLiteral("SELECT COUNT(*) FROM bookings"));
                if (q && q->next())
                    secondSaw = q->value(0).toInt();
            }
            (void)tx->commit();
        });
        QThread::msleep(300);
        QVERIFY(!secondHasLock.load());
        test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        QVERIFY(first->commit().ok());
        second.join();
        QVERIFY(secondHasLock.load());
        QCOMPARE(secondSaw.load(), 1);
    }

    void databaseFromANewerSlotDeskIsRefusedUntouched() {
        QVERIFY(execNoRows(m_db->connection(),
                           QStringLiteral("INSERT INTO schema_version VALUES (999, 'future', 0)"))
                    .ok());
        m_db.reset();
        const QByteArray before = digest();
        auto refused = m_tdb->open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::SchemaTooNew);
        QVERIFY(refused.error().message.contains(QStringLiteral("999")));
        QCOMPARE(digest(), before);
    }

    void instantsAreStoredAsUtcEpochMilliseconds() {
        const User admin = test::seedAdmin(*m_db);
        const Booking b = test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        QCOMPARE(scalar(QStringLiteral("SELECT start_time FROM bookings")).toLongLong(),
                 Q_INT64_C(1796112000000));
        QCOMPARE(b.startTime.timeSpec(), Qt::UTC);
    }

    void userRoundTripAndUniqueness() {
        core::ManualClock time(test::utc("2026-11-30T10:00:00Z"));
        UserRepository users(m_db->connection(), time.clock());
        auto created = users.create(test::makeUser());
        QVERIFY(created.ok());
        QCOMPARE(created->id.size(), 36);
        QCOMPARE(created->createdAt, time.now()); // the repository's clock stamps the row
        auto found = users.findByUsername(QStringLiteral("alice"));
        QVERIFY(found.ok() && found->has_value());
        const User& u = **found;
        QCOMPARE(u.id, created->id);
        QCOMPARE(u.email, QStringLiteral("alice@example.org"));
        QCOMPARE(u.name, QStringLiteral("Alice Admin"));
        QCOMPARE(u.timeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(u.createdAt, created->createdAt);

        time.advance(std::chrono::milliseconds(5));
        User changed = u;
        changed.name = QStringLiteral("Alice B. Admin");
        auto updated = users.update(changed);
        QVERIFY(updated.ok());
        auto again = users.findById(u.id);
        QCOMPARE((*again)->name, QStringLiteral("Alice B. Admin"));
        QCOMPARE((*again)->createdAt, u.createdAt);
        QCOMPARE((*again)->updatedAt, time.now());
        QVERIFY((*again)->updatedAt > u.updatedAt);

        User clash = test::makeUser(QStringLiteral("alice"));
        clash.email = QStringLiteral("other@example.org");
        auto refused = users.create(clash);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(refused.error().field, QStringLiteral("username"));
        User emailClash = test::makeUser(QStringLiteral("bob"));
        emailClash.email = QStringLiteral("ALICE@example.org");
        QCOMPARE(users.create(emailClash).error().field, QStringLiteral("email"));
        QCOMPARE(users.list()->size(), 1);
    }

    // Version 10 links reschedules and lets the outbox hold "rescheduled" mails: a database at
    // version 9 keeps its owed mails (SQLite rebuilds mail_outbox) and its CHECKs.
    void version10KeepsTheOutboxAndAddsTheRescheduledKind() {
        m_db.reset();
        m_tdb->wipe();
        {
            auto raw = m_tdb->rawConnection(QStringLiteral("v9"));
            QVERIFY(raw.isOpen());
            if (!test::usingPostgres())
                QVERIFY(execNoRows(raw, QStringLiteral("PRAGMA foreign_keys = ON")).ok());
            QVERIFY(Migrations::migrate(raw, 9).ok());
            QVERIFY(execNoRows(raw, QStringLiteral(
                                        "INSERT INTO users VALUES ('u1', 'old', 'old@example.org', "
                                        "'Old Admin', 'UTC', 0, 0)"))
                        .ok());
            QVERIFY(execNoRows(raw, QStringLiteral(
                                        "INSERT INTO bookings (id, user_id, start_time, end_time, "
                                        "attendee_name, attendee_email, timezone, created_at, "
                                        "updated_at) VALUES ('b1', 'u1', 1000, 2000, 'Zoë', "
                                        "'zoe@example.com', 'UTC', 0, 0)"))
                        .ok());
            QVERIFY(execNoRows(raw, QStringLiteral(
                                        "INSERT INTO mail_outbox (id, user_id, booking_id, kind, "
                                        "sequence, recipient, language, idempotency_key, "
                                        "next_attempt_at, created_at, updated_at) VALUES ('m1', "
                                        "'u1', 'b1', 'approved', 1, 'zoe@example.com', 'en', "
                                        "'b1:approved:1', 5, 0, 0)"))
                        .ok());
            QVERIFY(!execNoRows(raw, QStringLiteral("UPDATE mail_outbox SET kind = 'rescheduled'"))
                         .ok());
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v9"));
        auto upgraded = m_tdb->open();
        QVERIFY2(upgraded.ok(), upgraded ? "" : qPrintable(upgraded.error().message));
        m_db = std::move(*upgraded);
        QCOMPARE(scalar(QStringLiteral("SELECT idempotency_key FROM mail_outbox WHERE id = 'm1'"))
                     .toString(),
                 QStringLiteral("b1:approved:1"));
        const auto db = m_db->connection();
        QVERIFY(execNoRows(db, QStringLiteral("UPDATE mail_outbox SET kind = 'rescheduled'")).ok());
        QVERIFY(!execNoRows(db, QStringLiteral("UPDATE mail_outbox SET kind = 'other'")).ok());
        QVERIFY(!execNoRows(db, QStringLiteral("UPDATE mail_outbox SET booking_id = 'none'")).ok());
        QVERIFY(!execNoRows(db, QStringLiteral("UPDATE mail_outbox SET status = 'lost'")).ok());
        QVERIFY(
            !execNoRows(db, QStringLiteral("UPDATE bookings SET rescheduled_to_id = 'none'")).ok());
        // The outbox still goes with its booking.
        QVERIFY(execNoRows(db, QStringLiteral("DELETE FROM bookings")).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM mail_outbox")).toInt(), 0);
    }

    // A move's links, both ways; a deleted original leaves the link empty rather than dangling.
    void rescheduleLinksRoundTrip() {
        const User admin = test::seedAdmin(*m_db);
        BookingRepository bookings(m_db->connection());
        const Booking original =
            test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        Booking moved = test::makeBooking(admin.id, test::utc("2026-12-01T10:00:00Z"));
        moved.rescheduledFromId = original.id;
        auto created = bookings.create(moved);
        QVERIFY(created.ok());
        Booking linked = original;
        linked.rescheduledToId = created->id;
        QVERIFY(bookings.update(linked).ok());
        QCOMPARE((*bookings.findById(admin.id, original.id))->rescheduledToId, created->id);
        QCOMPARE((*bookings.findById(admin.id, created->id))->rescheduledFromId, original.id);
        QCOMPARE(*bookings.firstOfChain(admin.id, created->id), original.id);
        QCOMPARE(*bookings.firstOfChain(admin.id, original.id), original.id);
        QCOMPARE(json::toJson(**bookings.findById(admin.id, created->id))
                     .value(QStringLiteral("rescheduledFromId"))
                     .toString(),
                 original.id);
        QVERIFY(execNoRows(m_db->connection(), QStringLiteral("DELETE FROM bookings WHERE id = ?"),
                           {original.id})
                    .ok());
        QVERIFY((*bookings.findById(admin.id, created->id))->rescheduledFromId.isEmpty());
        QCOMPARE(*bookings.firstOfChain(admin.id, created->id), created->id);
    }

    void bookingRoundTripWithEveryField() {
        const User admin = test::seedAdmin(*m_db);
        BookingRepository bookings(m_db->connection());
        Booking b = test::makeBooking(admin.id, test::utc("2026-12-01T08:00:00Z"), 45);
        b.title = QStringLiteral("Intro call");
        b.requestedVideoProvider = VideoProvider::GoogleMeet;
        auto created = bookings.create(b);
        QVERIFY(created.ok());
        auto found = bookings.findById(admin.id, created->id);
        QVERIFY(found.ok() && found->has_value());
        Booking r = **found;
        QCOMPARE(r.title, QStringLiteral("Intro call"));
        QCOMPARE(r.startTime, test::utc("2026-12-01T08:00:00Z"));
        QCOMPARE(r.endTime, test::utc("2026-12-01T08:45:00Z"));
        QCOMPARE(r.attendeeName, QStringLiteral("Bob Attendee"));
        QCOMPARE(r.attendeeEmail, QStringLiteral("bob@example.com"));
        QCOMPARE(r.notes, QStringLiteral("Quarterly review"));
        QCOMPARE(r.requestedVideoProvider, std::optional(VideoProvider::GoogleMeet));
        QVERIFY(!r.videoProvider.has_value());
        QCOMPARE(r.status, BookingStatus::Pending);
        QCOMPARE(r.timeZone, QStringLiteral("America/New_York"));

        r.status = BookingStatus::Confirmed;
        r.videoProvider = VideoProvider::GoogleMeet;
        r.videoLink = QStringLiteral("https://meet.google.com/abc-defg-hij");
        r.calendarEventId = QStringLiteral("evt123");
        QVERIFY(bookings.update(r).ok());
        auto reread = bookings.findById(admin.id, r.id);
        QCOMPARE((*reread)->status, BookingStatus::Confirmed);
        QCOMPARE((*reread)->videoLink, r.videoLink);
        QCOMPARE((*reread)->videoProvider, std::optional(VideoProvider::GoogleMeet));
        QCOMPARE((*reread)->calendarEventId, QStringLiteral("evt123"));

        // Another admin's id never finds it.
        const User other = test::seedAdmin(*m_db, QStringLiteral("carol"));
        auto hidden = bookings.findById(other.id, r.id);
        QVERIFY(hidden.ok() && !hidden->has_value());
    }

    void bookingFiltersAndTimeHolding() {
        const User admin = test::seedAdmin(*m_db);
        test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        test::seedBooking(*m_db, admin.id, test::utc("2026-12-02T08:00:00Z"), 30,
                          BookingStatus::Rejected);
        test::seedBooking(*m_db, admin.id, test::utc("2026-12-03T08:00:00Z"), 30,
                          BookingStatus::Confirmed);
        BookingRepository bookings(m_db->connection());
        QCOMPARE(bookings.list(admin.id)->size(), 3);
        BookingFilter pending;
        pending.status = BookingStatus::Pending;
        QCOMPARE(bookings.list(admin.id, pending)->size(), 1);
        BookingFilter range;
        range.startsFrom = test::utc("2026-12-02T00:00:00Z");
        range.startsBefore = test::utc("2026-12-03T00:00:00Z");
        auto inRange = bookings.list(admin.id, range);
        QCOMPARE(inRange->size(), 1);
        QCOMPARE(inRange->first().status, BookingStatus::Rejected);
        // Rejected bookings don't hold time; a touching interval doesn't overlap.
        auto holding = bookings.listHoldingTime(admin.id, test::utc("2026-12-01T08:30:00Z"),
                                                test::utc("2026-12-03T08:01:00Z"));
        QCOMPARE(holding->size(), 1);
        QCOMPARE(holding->first().status, BookingStatus::Confirmed);
    }

    // The Bookings page's query: the same answers on SQLite and PostgreSQL — filters that are
    // unset (NULL parameters), a case-insensitive text search with LIKE's wildcards taken
    // literally, the case-insensitive name order, paging, and nothing of another admin's.
    void bookingSearchFiltersOrdersAndPages() {
        const User admin = test::seedAdmin(*m_db);
        const User other = test::seedAdmin(*m_db, QStringLiteral("bob"));
        auto seed = [&](const char* start, const QString& name, BookingStatus status,
                        const QString& notes = {}) {
            Booking b = test::makeBooking(admin.id, test::utc(start), 30, status);
            b.attendeeName = name;
            b.attendeeEmail = name.toLower().remove(u' ') + QStringLiteral("@example.org");
            b.notes = notes;
            QVERIFY(BookingRepository(m_db->connection()).create(b).ok());
        };
        seed("2026-12-01T08:00:00Z", QStringLiteral("zoe Adams"), BookingStatus::Pending);
        seed("2026-12-02T08:00:00Z", QStringLiteral("Anna Berg"), BookingStatus::Confirmed,
             QStringLiteral("Discount 50_% please"));
        seed("2026-12-03T08:00:00Z", QStringLiteral("MARTIN Cole"), BookingStatus::Confirmed);
        seed("2026-12-04T08:00:00Z", QStringLiteral("bert Diaz"), BookingStatus::Cancelled);
        seed("2026-12-05T08:00:00Z", QStringLiteral("Élodie Ünal"), BookingStatus::Pending);
        test::seedBooking(*m_db, other.id, test::utc("2026-12-01T09:00:00Z"));

        BookingSearchRepository search(m_db->connection());
        auto names = [&](const BookingSearch& s, int offset = 0, int limit = 50) {
            QStringList out;
            auto rows = search.page(admin.id, s, offset, limit);
            if (!rows)
                return QStringList{QStringLiteral("error: ") + rows.error().message};
            for (const auto& row : *rows)
                out << row.attendeeName;
            return out;
        };
        BookingSearch all;
        QCOMPARE(search.count(admin.id, all).value(), 5);
        QCOMPARE(names(all), (QStringList{"zoe Adams", "Anna Berg", "MARTIN Cole", "bert Diaz",
                                          "Élodie Ünal"}));

        BookingSearch confirmed;
        confirmed.status = BookingStatus::Confirmed;
        QCOMPARE(names(confirmed), (QStringList{"Anna Berg", "MARTIN Cole"}));

        BookingSearch range;
        range.startsFrom = test::utc("2026-12-02T00:00:00Z");
        range.startsBefore = test::utc("2026-12-04T00:00:00Z");
        QCOMPARE(names(range), (QStringList{"Anna Berg", "MARTIN Cole"}));

        BookingSearch text;
        text.text = QStringLiteral("martin");
        QCOMPARE(names(text), QStringList{"MARTIN Cole"});
        text.text = QStringLiteral("EXAMPLE.ORG");
        QCOMPARE(search.count(admin.id, text).value(), 5);
        text.text = QStringLiteral("Élodie"); // non-ASCII, as written
        QCOMPARE(names(text), QStringList{"Élodie Ünal"});
        text.text = QStringLiteral("ÉLODIE"); // upper-case ASCII letters fold on both engines
        QCOMPARE(names(text), QStringList{"Élodie Ünal"});
        text.text = QStringLiteral("50_%"); // wildcards are literal
        QCOMPARE(names(text), QStringList{"Anna Berg"});
        text.text = QStringLiteral("5_");
        QCOMPARE(names(text), QStringList{});

        BookingSearch byName;
        byName.order = BookingSearch::Order::Attendee;
        // The ASCII names (where the engines' collations agree), case-insensitively ordered.
        byName.startsBefore = test::utc("2026-12-05T00:00:00Z");
        QCOMPARE(names(byName),
                 (QStringList{"Anna Berg", "bert Diaz", "MARTIN Cole", "zoe Adams"}));
        byName.descending = true;
        QCOMPARE(names(byName, 1, 2), (QStringList{"MARTIN Cole", "bert Diaz"}));
    }

    void databaseConstraintsHold() {
        const User admin = test::seedAdmin(*m_db);
        BookingRepository bookings(m_db->connection());
        auto orphan = bookings.create(
            test::makeBooking(QStringLiteral("no-such-user"), test::utc("2026-12-01T08:00:00Z")));
        QVERIFY(!orphan.ok()); // foreign key
        Booking reversed = test::makeBooking(admin.id, test::utc("2026-12-01T08:00:00Z"));
        reversed.endTime = reversed.startTime.addSecs(-60);
        QVERIFY(!bookings.create(reversed).ok()); // CHECK (start_time < end_time)
        Booking linkless = test::makeBooking(admin.id, test::utc("2026-12-01T08:00:00Z"));
        linkless.videoProvider = VideoProvider::Zoom;
        QVERIFY(!bookings.create(linkless).ok()); // provider needs a link
        auto badStatus =
            execNoRows(m_db->connection(), QStringLiteral("UPDATE bookings SET status = 'maybe'"));
        QVERIFY(badStatus.ok()); // no rows yet: nothing to violate
        test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        QVERIFY(
            !execNoRows(m_db->connection(), QStringLiteral("UPDATE bookings SET status = 'maybe'"))
                 .ok());
        QCOMPARE(bookings.list(admin.id)->size(), 1);
    }

    // booking_access_tokens: a hash grants its own booking only, is stored once, needs an
    // existing booking, and goes with its booking.
    void accessTokensBelongToTheirBooking() {
        const User admin = test::seedAdmin(*m_db);
        const Booking first = test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T08:00:00Z"));
        const Booking second =
            test::seedBooking(*m_db, admin.id, test::utc("2026-12-01T09:00:00Z"));
        core::ManualClock clock(test::utc("2026-11-30T10:00:00Z"));
        BookingAccessTokenRepository tokens(m_db->connection(), clock.clock());
        const QString hash = QStringLiteral("ab").repeated(32);
        QVERIFY(tokens.add(first.id, hash).ok());
        QCOMPARE(*tokens.grants(first.id, hash), true);
        QCOMPARE(*tokens.grants(second.id, hash), false);
        QCOMPARE(*tokens.grants(first.id, QStringLiteral("cd").repeated(32)), false);
        QVERIFY(!tokens.add(second.id, hash).ok()); // primary key
        QVERIFY(!tokens.add(QStringLiteral("no-such-booking"), QStringLiteral("ef")).ok()); // FK
        QCOMPARE(
            scalar(QStringLiteral("SELECT created_at FROM booking_access_tokens")).toLongLong(),
            clock.now().toMSecsSinceEpoch());
        QVERIFY(execNoRows(m_db->connection(), QStringLiteral("DELETE FROM bookings WHERE id = ?"),
                           {first.id})
                    .ok());
        QCOMPARE(*tokens.grants(first.id, hash), false);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM booking_access_tokens")).toInt(), 0);
    }

    // A booking's instants are whole seconds on either engine: BIGINT milliseconds would keep a
    // fraction, and the slot engine (whole seconds) would not see the overlap it makes.
    void bookingInstantsAreWholeSeconds() {
        const User admin = test::seedAdmin(*m_db);
        BookingRepository bookings(m_db->connection());
        const QDateTime start = test::utc("2026-12-01T08:00:00Z");
        Booking fractionalStart = test::makeBooking(admin.id, start.addMSecs(123));
        auto refused = bookings.create(fractionalStart);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Validation);
        QCOMPARE(refused.error().field, QStringLiteral("startTime"));
        Booking fractionalEnd = test::makeBooking(admin.id, start);
        fractionalEnd.endTime = fractionalEnd.endTime.addMSecs(-1);
        refused = bookings.create(fractionalEnd);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("endTime"));
        QCOMPARE(bookings.list(admin.id)->size(), 0);
        auto whole = bookings.create(test::makeBooking(admin.id, start));
        QVERIFY(whole.ok());
        QCOMPARE((*bookings.findById(admin.id, whole->id))->startTime, start);
    }

    void availabilityRoundTrip() {
        const User admin = test::seedAdmin(*m_db);
        AvailabilityRepository repo(m_db->connection());
        AvailabilityBlock block{
            {}, admin.id, 1, 9 * 60, 17 * 60, QStringLiteral("Asia/Kathmandu"), true, {}, {}};
        auto created = repo.create(block);
        QVERIFY(created.ok());
        AvailabilityBlock late{{},    admin.id, 5, 20 * 60, 1440, QStringLiteral("UTC"),
                               false, {},       {}};
        QVERIFY(repo.create(late).ok());
        auto all = repo.list(admin.id);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).dayOfWeek, 1);
        QCOMPARE(all->at(0).startMinute, 540);
        QCOMPARE(all->at(0).endMinute, 1020);
        QCOMPARE(all->at(0).timeZone, QStringLiteral("Asia/Kathmandu"));
        QCOMPARE(all->at(1).endMinute, 1440);
        QVERIFY(!all->at(1).isActive);
        QCOMPARE(repo.list(admin.id, true)->size(), 1);

        AvailabilityBlock edited = *created;
        edited.endMinute = 12 * 60;
        QVERIFY(repo.update(edited).ok());
        QCOMPARE(repo.list(admin.id)->at(0).endMinute, 720);

        const User other = test::seedAdmin(*m_db, QStringLiteral("carol"));
        QCOMPARE(repo.remove(other.id, created->id).error().code, ErrorCode::NotFound);
        QVERIFY(repo.remove(admin.id, created->id).ok());
        QCOMPARE(repo.clear(admin.id).value(), 1);
        QVERIFY(repo.list(admin.id)->isEmpty());
    }

    void integrationAndEventRoundTrip() {
        const User admin = test::seedAdmin(*m_db);
        CalendarIntegrationRepository integrations(m_db->connection());
        CalendarIntegration c;
        c.userId = admin.id;
        c.keychainKey = QStringLiteral("google-calendar/alice");
        c.accountEmail = QStringLiteral("alice@gmail.example");
        c.syncStatus = SyncStatus::Active;
        c.syncToken = QStringLiteral("sync-1");
        c.lastSyncAt = test::utc("2026-11-20T10:00:00Z");
        auto created = integrations.create(c);
        QVERIFY(created.ok());
        auto found = integrations.findById(admin.id, created->id);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->keychainKey, c.keychainKey);
        QCOMPARE((*found)->syncStatus, SyncStatus::Active);
        QCOMPARE((*found)->syncToken, QStringLiteral("sync-1"));
        QCOMPARE((*found)->lastSyncAt, c.lastSyncAt);
        QCOMPARE((*found)->calendarId, QStringLiteral("primary"));

        CalendarEventRepository events(m_db->connection());
        CalendarEvent e;
        e.calendarIntegrationId = created->id;
        e.externalEventId = QStringLiteral("g-1");
        e.startTime = test::utc("2026-12-01T09:00:00Z");
        e.endTime = test::utc("2026-12-01T10:00:00Z");
        e.title = QStringLiteral("Dentist");
        auto first = events.upsert(e);
        QVERIFY(first.ok());
        e.endTime = test::utc("2026-12-01T11:00:00Z");
        e.isBusy = false;
        auto second = events.upsert(e);
        QVERIFY(second.ok());
        QCOMPARE(second->id, first->id);
        auto listed = events.list(created->id);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().endTime, test::utc("2026-12-01T11:00:00Z"));
        QVERIFY(!listed->first().isBusy);
        QVERIFY(events
                    .listBusy(admin.id, test::utc("2026-12-01T00:00:00Z"),
                              test::utc("2026-12-02T00:00:00Z"))
                    ->isEmpty());
        e.isBusy = true;
        QVERIFY(events.upsert(e).ok());
        QCOMPARE(events
                     .listBusy(admin.id, test::utc("2026-12-01T00:00:00Z"),
                               test::utc("2026-12-02T00:00:00Z"))
                     ->size(),
                 1);
        QCOMPARE(events.removeEndedBefore(test::utc("2026-12-01T12:00:00Z")).value(), 1);
        QVERIFY(events.list(created->id)->isEmpty());

        QVERIFY(integrations.remove(admin.id, created->id).ok());
        QVERIFY(integrations.list(admin.id)->isEmpty());
    }

    // Migration 6 and issue 13 (8): the calendar sync lease records its holder's machine and
    // process; a holder that was a process on this machine and no longer exists loses the lease
    // at once, anyone else's lease is kept until it expires.
    void leaseOfAProcessGoneFromThisHostIsTakenAtOnce() {
        const User admin = test::seedAdmin(*m_db);
        CalendarIntegration c;
        c.userId = admin.id;
        c.keychainKey = QStringLiteral("google-calendar/lease");
        c.syncStatus = SyncStatus::Active;
        auto created = CalendarIntegrationRepository(m_db->connection()).create(c);
        QVERIFY(created.ok());
        const QString id = created->id;
        CalendarSyncStateRepository states(m_db->connection());

        // A process that ran here and has exited (and been reaped).
        QProcess exited;
        exited.start(QStringLiteral("true"));
        QVERIFY(exited.waitForStarted());
        const qint64 deadPid = exited.processId();
        QVERIFY(exited.waitForFinished());
        QVERIFY(deadPid > 0);

        const QDateTime now = test::utc("2026-11-30T10:00:00Z");
        const QDateTime until = now.addSecs(120);
        const auto acquire = [&](const LeaseHolder& holder, const QDateTime& at) {
            auto tx = Transaction::begin(m_db->connection(), Transaction::Mode::Write);
            if (!tx)
                return false;
            auto acquired = states.tryAcquire(id, holder, at, at.addSecs(120));
            return acquired.ok() && *acquired && tx->commit().ok();
        };
        const LeaseHolder dead{QStringLiteral("dead"), LeaseHolder::thisHost(), deadPid};
        const LeaseHolder me = LeaseHolder::forThisProcess();
        QCOMPARE(me.host, LeaseHolder::thisHost());
        QCOMPARE(me.pid, QCoreApplication::applicationPid());
        QVERIFY(!me.isGoneFromThisHost());
        QVERIFY(dead.isGoneFromThisHost());

        QVERIFY(acquire(dead, now));
        auto state = states.get(id);
        QCOMPARE(state->leaseHolder.id, QStringLiteral("dead"));
        QCOMPARE(state->leaseHolder.host, LeaseHolder::thisHost());
        QCOMPARE(state->leaseHolder.pid, deadPid);
        QVERIFY(acquire(me, now)); // long before `until`
        state = states.get(id);
        QCOMPARE(state->leaseHolder.id, me.id);
        QCOMPARE(state->leaseHolder.pid, me.pid);
        QCOMPARE(state->leaseUntil, until);

        // A live process on this machine (this one, as another holder) keeps it.
        QVERIFY(states.release(id, me.id).ok());
        QVERIFY(states.get(id)->leaseHolder.id.isEmpty());
        const LeaseHolder alive{QStringLiteral("alive"), LeaseHolder::thisHost(), me.pid};
        QVERIFY(acquire(alive, now));
        QVERIFY(!acquire(me, now));
        QCOMPARE(states.get(id)->leaseHolder.id, QStringLiteral("alive"));

        // Another machine's process can't be asked: its lease runs out instead.
        QVERIFY(states.release(id, alive.id).ok());
        const LeaseHolder elsewhere{QStringLiteral("elsewhere"),
                                    QStringLiteral("other-host/pid:[1]"), deadPid};
        QVERIFY(!elsewhere.isGoneFromThisHost());
        QVERIFY(acquire(elsewhere, now));
        QVERIFY(!acquire(me, now));
        QVERIFY(acquire(me, until)); // expired

        // So does a lease written by an older SlotDesk (no machine, no process recorded).
        QVERIFY(states.release(id, me.id).ok());
        QVERIFY(execNoRows(m_db->connection(),
                           QStringLiteral("UPDATE calendar_sync_state SET lease_holder = 'old', "
                                          "lease_until = ? WHERE calendar_integration_id = ?"),
                           {toDb(until), id})
                    .ok());
        QVERIFY(!acquire(me, now));
        QVERIFY(acquire(me, until));
    }

    void anAdminNeverReachesAnothersData() {
        // Two admins in one database (a team's): every call made as Bob misses Alice's rows.
        const User alice = test::seedAdmin(*m_db, QStringLiteral("alice"));
        const User bob = test::seedAdmin(*m_db, QStringLiteral("bob"));
        const Booking booking =
            test::seedBooking(*m_db, alice.id, test::utc("2026-12-01T08:00:00Z"));
        BookingService bookings(*m_db);
        QCOMPARE(bookings.find(bob.id, booking.id).error().code, ErrorCode::NotFound);
        QVERIFY(bookings.list(bob.id, {})->isEmpty());
        QCOMPARE(bookings.approve(bob.id, booking.id).error().code, ErrorCode::NotFound);
        QCOMPARE(bookings.cancel(bob.id, booking.id, {}).error().code, ErrorCode::NotFound);
        Booking hijacked = booking;
        hijacked.userId = bob.id;
        hijacked.status = BookingStatus::Rejected;
        QCOMPARE(BookingRepository(m_db->connection()).update(hijacked).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(bookings.find(alice.id, booking.id)->status, BookingStatus::Pending);

        AvailabilityService availability(*m_db);
        auto block = availability.add(
            {{}, alice.id, 1, 9 * 60, 17 * 60, QStringLiteral("UTC"), true, {}, {}});
        QVERIFY(block.ok());
        QVERIFY(availability.list(bob.id)->isEmpty());
        AvailabilityBlock moved = *block;
        moved.userId = bob.id;
        moved.endMinute = 10 * 60;
        QCOMPARE(availability.update(moved).error().code, ErrorCode::NotFound);
        QCOMPARE(availability.remove(bob.id, block->id).error().code, ErrorCode::NotFound);
        QCOMPARE(availability.list(alice.id)->first().endMinute, 17 * 60);
        auto dayOff = availability.addOverride(
            {{}, alice.id, QDate(2026, 12, 24), QStringLiteral("UTC"), {}, {}, {}, {}});
        QVERIFY(dayOff.ok());
        QVERIFY(availability.overrides(bob.id)->isEmpty());
        QCOMPARE(availability.removeOverride(bob.id, dayOff->id).error().code, ErrorCode::NotFound);

        CalendarIntegrationRepository integrations(m_db->connection());
        CalendarIntegration c;
        c.userId = alice.id;
        c.keychainKey = QStringLiteral("google-calendar/alice");
        auto integration = integrations.create(c);
        QVERIFY(integration.ok());
        QVERIFY(integrations.findById(bob.id, integration->id)->has_value() == false);
        QVERIFY(integrations.list(bob.id)->isEmpty());
        CalendarIntegration taken = *integration;
        taken.userId = bob.id;
        QCOMPARE(integrations.update(taken).error().code, ErrorCode::NotFound);
        QCOMPARE(integrations.remove(bob.id, integration->id).error().code, ErrorCode::NotFound);
        CalendarEvent busy;
        busy.calendarIntegrationId = integration->id;
        busy.externalEventId = QStringLiteral("g-1");
        busy.startTime = test::utc("2026-12-01T09:00:00Z");
        busy.endTime = test::utc("2026-12-01T10:00:00Z");
        QVERIFY(CalendarEventRepository(m_db->connection()).upsert(busy).ok());
        CalendarEventRepository events(m_db->connection());
        const QDateTime from = test::utc("2026-12-01T00:00:00Z");
        const QDateTime to = test::utc("2026-12-02T00:00:00Z");
        QCOMPARE(events.listBusy(alice.id, from, to)->size(), 1);
        QVERIFY(events.listBusy(bob.id, from, to)->isEmpty());

        // Bob's slots aren't blocked by Alice's bookings or busy time.
        QVERIFY(BookingRepository(m_db->connection()).listHoldingTime(bob.id, from, to)->isEmpty());
    }

    void databaseUrlsParseAndNeverShowThePassword() {
        auto url = DatabaseUrl::parse(QStringLiteral(
            "postgresql://team:s3cr%40t@db.example.org:6543/slotdesk?sslmode=verify-full"));
        QVERIFY(url.ok());
        QCOMPARE(url->user, QStringLiteral("team"));
        QCOMPARE(url->password, QStringLiteral("s3cr@t"));
        QCOMPARE(url->host, QStringLiteral("db.example.org"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->databaseName, QStringLiteral("slotdesk"));
        QCOMPARE(url->connectOptions(), QStringLiteral("sslmode='verify-full'"));
        QCOMPARE(url->masked(),
                 QStringLiteral(
                     "postgresql://team:***@db.example.org:6543/slotdesk?sslmode=verify-full"));
        QCOMPARE(url->keychainKey(),
                 QStringLiteral("postgresql/team@db.example.org:6543/slotdesk"));
        auto defaults = DatabaseUrl::parse(QStringLiteral("postgres://me@localhost/db"));
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->port, 5432);
        QCOMPARE(defaults->masked(), QStringLiteral("postgresql://me@localhost:5432/db"));

        for (const char* bad : {"postgresql://db.example.org/slotdesk", // no user
                                "postgresql://u:pw@db.example.org/",    // no database
                                "postgresql://u:pw@db.example.org/x?sslmode=a;b",
                                "postgresql://u:pw@db.example.org/x?password=hunter2",
                                "mysql://u:pw@db.example.org/x"}) {
            auto refused = DatabaseUrl::parse(QString::fromLatin1(bad));
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().field, QStringLiteral("database"));
            QVERIFY2(!refused.error().message.contains(QStringLiteral("pw")), bad);
            QVERIFY2(!refused.error().message.contains(QStringLiteral("hunter2")), bad);
        }

        // A failed connection names the server, never the password.
        auto unreachable = Database::openUrl(
            QStringLiteral("postgresql://team:hunter2@127.0.0.1:1/slotdesk?connect_timeout=2"));
        QVERIFY(!unreachable.ok());
        QVERIFY(unreachable.error().message.contains(QStringLiteral("team:***@127.0.0.1:1")));
        QVERIFY(!unreachable.error().message.contains(QStringLiteral("hunter2")));
    }

    void dataFilesAreTheOwnersAlone() {
        // The SQLite files of a data directory, whichever engine this run is about: attendees'
        // names, e-mail addresses and notes are no one else's to read.
        QTemporaryDir home;
        const QString dir = home.filePath(QStringLiteral("new/data"));
        const QString file = dir + QStringLiteral("/slotdesk.sqlite");
        const auto checkFiles = [&] {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                const QString path = file + QLatin1String(suffix);
                QVERIFY2(test::fileMode(path) == 0600,
                         qPrintable(QStringLiteral("%1 is %2")
                                        .arg(path, QString::number(test::fileMode(path), 8))));
            }
        };
        {
            auto db = Database::openInDirectory(dir);
            QVERIFY(db.ok());
            test::seedAdmin(**db); // a write, so the -wal and -shm files are there
            QCOMPARE(test::fileMode(dir), 0700);
            checkFiles();
        }
        // What an older SlotDesk made (0644) is tightened when opened; the directory, which its
        // owner may have opened up on purpose, is left as it is.
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        {
            auto db = Database::openInDirectory(dir);
            QVERIFY(db.ok());
            test::seedAdmin(**db, QStringLiteral("bob"));
            checkFiles();
            QCOMPARE(test::fileMode(dir), 0755);
        }
        // One that others may write to (and so swap the database in) is warned about.
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0775) == 0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("data directory .* can be written "
                                                               "by other users")));
        QVERIFY(Database::openInDirectory(dir).ok());
    }

    void noTokenColumnExists() {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(
            test::usingPostgres()
                ? QStringLiteral(
                      "SELECT string_agg(column_name, ' ') FROM information_schema.columns "
                      "WHERE table_schema = current_schema() "
                      "AND table_name = 'calendar_integrations'")
                : QStringLiteral(
                      "SELECT sql FROM sqlite_master WHERE name = 'calendar_integrations'")));
        QVERIFY(q.next());
        const QString ddl = q.value(0).toString();
        QVERIFY(!ddl.contains(QStringLiteral("access_token")));
        QVERIFY(!ddl.contains(QStringLiteral("refresh_token")));
        QVERIFY(ddl.contains(QStringLiteral("keychain_key")));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
