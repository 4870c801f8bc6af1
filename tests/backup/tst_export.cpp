// slotdesk-cli export / import: one admin's data as versioned JSON. From a SQLite file into the
// suite's engine (a second SQLite file, or PostgreSQL in the _postgres run) and out again gives
// the identical file, with data in every exported field (reschedule chains, booking policies,
// calendars of every kind); every column of the live schema is exported or left out on purpose
// (kTablesNotExported, kColumnsNotExported), so a new migration's column fails here until it is
// one or the other; version 1 files still import; a non-empty database is refused unless
// --merge, whose --dry-run lists what it would add and skip by id and changes nothing; export
// --ics holds the confirmed bookings as one calendar that Python's icalendar reads.

#include "availability/AvailabilityService.h"
#include "storage/AdminDataTransfer.h"
#include "storage/Database.h"
#include "support/InProcessCli.h"
#include "support/MailInspection.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

using Run = test::CliRun;

namespace {

// Tables an export leaves out on purpose, and why (docs/BACKUP.md, "Not exported").
const QMap<QString, QString> kTablesNotExported{
    {"schema_version", "the schema's own history: the document records schemaVersion"},
    {"calendar_events", "busy times cached from connected calendars: the next sync fetches them"},
    {"calendar_jobs", "calendar writes owed: a work queue"},
    {"calendar_sync_state", "which process syncs a calendar now, and its back-off"},
    {"mail_outbox", "mails owed and sent: a work queue"},
};

// Columns of exported tables an export leaves out on purpose. A column a migration adds is
// exported (AdminDataTransfer's tables, with a new format version) or listed here with why.
const QMap<QString, QStringList> kColumnsNotExported{
    // The PostgreSQL login role bound to the admin (row-level security): it belongs to the
    // server the role was created on, set by `slotdesk-cli team add-admin` there.
    {"users", {"db_role"}},
    {"calendar_integrations",
     {
         // When the OAuth token expires: the token itself stays in the keychain.
         "token_expires_at",
         // Google's cursor into the busy-time cache, which is not exported.
         "sync_token",
         // An ICS feed's validators of that cache: with them, the new database's first fetch
         // would be answered "304 Not Modified" and never get the feed's events.
         "http_etag",
         "http_last_modified",
     }},
    // Each calendar's cursors into the busy-time cache and when it was last read.
    {"integration_calendars", {"sync_token", "ctag", "last_sync_at"}},
};

QStringList minus(QStringList from, const QStringList& what) {
    for (const QString& s : what)
        from.removeAll(s);
    return from;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    core::ManualClock m_time{test::utc("2027-02-01T10:00:00Z")};
    QString m_adminId;
    QString m_firstConfirmedId;
    QString m_movedFromId; // cancelled, moved to a confirmed booking

    QStringList sqliteSource() const {
        return {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("laptop"))};
    }

    Run cli(const QStringList& database, const QStringList& arguments) {
        return test::runCliInProcess(m_time.clock(), database + arguments);
    }

    static QByteArray read(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // start_time → startTime, as the export names columns.
    static QString camelCase(const QString& column) {
        QString name;
        for (qsizetype i = 0; i < column.size(); ++i)
            name += column[i] == u'_' && i + 1 < column.size() ? column[++i].toUpper() : column[i];
        return name;
    }

    static void sql(storage::Database& db, const QString& statement) {
        QSqlQuery q(db.connection());
        QVERIFY2(q.exec(statement), qPrintable(statement));
    }

private slots:
    void initTestCase() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        QVERIFY(m_dir.isValid());
        // A laptop's SQLite file with a bit of everything.
        auto db = storage::Database::openInDirectory(m_dir.filePath(QStringLiteral("laptop")));
        QVERIFY(db);
        const User admin = test::seedAdmin(**db, "alice", "Europe/Berlin");
        m_adminId = admin.id;
        AvailabilityService availability(**db);
        AvailabilityBlock block{{}, admin.id, 1, 9 * 60, 17 * 60, "Europe/Berlin", true, {}, {}};
        QVERIFY(availability.add(block));
        block.dayOfWeek = 3;
        block.isActive = false;
        QVERIFY(availability.add(block));
        m_firstConfirmedId = test::seedBooking(**db, admin.id, test::utc("2027-02-10T09:00:00Z"),
                                               30, BookingStatus::Confirmed)
                                 .id;
        test::seedBooking(**db, admin.id, test::utc("2027-02-11T09:00:00Z"), 60,
                          BookingStatus::Pending);
        Booking cancelled = test::seedBooking(**db, admin.id, test::utc("2027-02-12T09:00:00Z"), 30,
                                              BookingStatus::Cancelled);
        const Booking moved = test::seedBooking(**db, admin.id, test::utc("2027-02-13T09:00:00Z"),
                                                30, BookingStatus::Confirmed);
        const QString id = cancelled.id;
        m_movedFromId = id;
        // A booking with every field set, moved to `moved`: a reschedule chain both ways, so one
        // link always names a row that comes later in key order.
        sql(**db, QStringLiteral("UPDATE bookings SET status_reason = 'Ill, sorry — désolé', "
                                 "notes = 'Line one\nline \"two\"', manage_token_hash = 'abc', "
                                 "title = 'Intro call', calendar_event_id = 'gcal-event-1', "
                                 "requested_video_provider = 'zoom', video_provider = 'zoom', "
                                 "video_link = 'https://zoom.example/j/1', "
                                 "rescheduled_to_id = '%2' WHERE id = '%1'")
                      .arg(id, moved.id));
        sql(**db, QStringLiteral("UPDATE bookings SET rescheduled_from_id = '%1' WHERE id = '%2'")
                      .arg(id, moved.id));
        sql(**db,
            QStringLiteral("INSERT INTO booking_access_tokens VALUES ('hash-1', '%1', 5)").arg(id));
        sql(**db, QStringLiteral("INSERT INTO booking_settings (user_id, default_duration, "
                                 "durations, slot_interval, buffer_before, buffer_after, "
                                 "minimum_notice, horizon_days, max_bookings_per_day, updated_at, "
                                 "approval_policy, approval_within_hours, "
                                 "attendee_change_notice_hours, attendee_reschedule, "
                                 "max_bookings_per_week, max_bookings_per_month) VALUES ('%1', 60, "
                                 "'30,60', 15, 5, 10, 60, 30, 3, 7, 'short-notice', 48, 12, 0, 8, "
                                 "20)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO date_overrides VALUES ('ov-1', '%1', '2027-02-14', "
                                 "'Europe/Berlin', NULL, NULL, 1, 2)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO date_overrides VALUES ('ov-2', '%1', '2027-02-15', "
                                 "'Europe/Berlin', 600, 720, 1, 2)")
                      .arg(admin.id));
        // Google (with a token expiry and a sync cursor), a CalDAV account and an ICS feed
        // (with its HTTP validators): none of the four may be in the file.
        sql(**db, QStringLiteral("INSERT INTO calendar_integrations (id, user_id, type, "
                                 "keychain_key, account_email, token_expires_at, sync_token, "
                                 "last_sync_at, sync_status, sync_error, created_at, updated_at) "
                                 "VALUES ('cal-1', '%1', 'google-calendar', 'google/cal-1', "
                                 "'alice@gmail.example', 4242424242, 'cursor-123', 3, 'error', "
                                 "'Google answered 503', 1, 2)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO calendar_integrations (id, user_id, type, "
                                 "keychain_key, calendar_id, display_name, source_url, username, "
                                 "sync_status, created_at, updated_at) VALUES ('cal-2', '%1', "
                                 "'caldav', 'caldav/cal-2', 'work', 'Work', "
                                 "'https://dav.example.org/calendars/alice/work/', 'alice', "
                                 "'active', 1, 2)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO calendar_integrations (id, user_id, type, "
                                 "keychain_key, display_name, source_url, http_etag, "
                                 "http_last_modified, sync_status, created_at, updated_at) VALUES "
                                 "('cal-3', '%1', 'ics-feed', 'ics-feed/cal-3', 'Holidays', "
                                 "'https://example.org/holidays.ics', 'etag-xyz', 'Wed, 03 Feb "
                                 "2027 10:00:00 GMT', 'active', 1, 2)")
                      .arg(admin.id));
        // The Google account's two calendars (with their sync cursors, which stay out of the
        // file); the moved booking's event is in the second.
        sql(**db, QStringLiteral("INSERT INTO integration_calendars (id, integration_id, "
                                 "remote_id, display_name, color, blocks_time, "
                                 "receives_bookings, sync_token, ctag, last_sync_at, created_at, "
                                 "updated_at) VALUES ('ic-1', 'cal-1', 'primary', 'Alice', "
                                 "'#1a73e8', 1, 0, 'cursor-456', 'ctag-789', 3, 1, 2), ('ic-2', "
                                 "'cal-1', 'team@group.calendar.google.com', 'Team', NULL, 0, 1, "
                                 "NULL, NULL, NULL, 1, 2)"));
        sql(**db, QStringLiteral("UPDATE bookings SET event_calendar_id = 'ic-2' WHERE id = '%1'")
                      .arg(id));
        sql(**db, QStringLiteral("INSERT INTO video_integrations VALUES ('zoom-1', '%1', 'zoom', "
                                 "'alice@zoom.example', 'error', 'Zoom answered 429', 1, 2)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO video_meetings (booking_id, provider, meeting_id, "
                                 "join_url, deleted_at, created_at, needs_update) VALUES ('%1', "
                                 "'zoom', '123456789', 'https://zoom.example/j/1', 9, 8, 1)")
                      .arg(id));
        sql(**db, QStringLiteral("INSERT INTO mail_settings (user_id, host, port, security, "
                                 "username, ca_file, from_address, from_name, language, "
                                 "reminder_minutes, admin_notices, updated_at) VALUES ('%1', "
                                 "'smtp.example.org', 587, 'starttls', 'alice', '/etc/ca.pem', "
                                 "'alice@example.org', 'Alice', 'de', 60, 0, 3)")
                      .arg(admin.id));
        sql(**db,
            QStringLiteral("INSERT INTO privacy_settings VALUES ('%1', 90, 4)").arg(admin.id));
    }

    void roundTripIsIdentical() {
        const QString first = m_dir.filePath(QStringLiteral("first.json"));
        Run r = cli(sqliteSource(), {QStringLiteral("export"), QStringLiteral("--to"), first});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(test::fileMode(first), 0600);
        const QJsonObject doc = QJsonDocument::fromJson(read(first)).object();
        QCOMPARE(doc["format"].toString(), QStringLiteral("slotdesk-export"));
        QCOMPARE(doc["version"].toInt(), storage::AdminDataTransfer::kFormatVersion);
        QCOMPARE(doc["version"].toInt(), 3);
        const QJsonObject data = doc["data"].toObject();
        QCOMPARE(data["bookings"].toArray().size(), 4);
        QCOMPARE(data["availabilityBlocks"].toArray().size(), 2);
        QCOMPARE(data["users"].toArray().first()["username"].toString(), QStringLiteral("alice"));
        // Every exported field carries data in some row, so the comparison below covers it.
        QCOMPARE(data.size(), storage::AdminDataTransfer::exportedColumns().size());
        for (const auto& [table, columns] : storage::AdminDataTransfer::exportedColumns()) {
            const QJsonArray rows = data[camelCase(table)].toArray();
            QSet<QString> withData;
            for (const auto& value : rows) {
                const QJsonObject row = value.toObject();
                QCOMPARE(row.size(), columns.size());
                for (auto it = row.begin(); it != row.end(); ++it)
                    if (!it.value().isNull())
                        withData.insert(it.key());
            }
            for (const QString& column : columns)
                QVERIFY2(withData.contains(camelCase(column)),
                         qPrintable(table + u'.' + column + QStringLiteral(" has no data")));
        }
        // Integrations without tokens, the sync cursor or a feed's HTTP validators.
        for (const char* left :
             {"cursor-123", "4242424242", "etag-xyz", "03 Feb 2027", "cursor-456", "ctag-789"})
            QVERIFY2(!read(first).contains(left), left);
        QVERIFY(data["calendarIntegrations"].toArray().first().toObject().contains("keychainKey"));

        test::TestDatabase target;
        QVERIFY(target.isValid());
        QVERIFY(target.open()); // migrated, empty
        r = cli(target.cliArguments(), {QStringLiteral("import"), first});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported: 20 row(s) added, 0 skipped")),
                 qPrintable(r.out));
        const QString second = m_dir.filePath(QStringLiteral("second.json"));
        r = cli(target.cliArguments(), {QStringLiteral("export"), QStringLiteral("--to"), second});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(read(second), read(first));

        // Into a database that has an admin: refused unless merging; the dry run changes nothing.
        const QByteArray before = target.contentDigest();
        r = cli(target.cliArguments(), {QStringLiteral("import"), first});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--merge")), qPrintable(r.err));
        // One booking more in the file than in the database.
        QJsonObject more = doc;
        QJsonObject moreData = data;
        QJsonArray bookings = moreData["bookings"].toArray();
        QJsonObject extra = bookings.first().toObject();
        extra["id"] = QStringLiteral("zz-new-booking");
        extra["startTime"] = extra["startTime"].toDouble() + 86400000.0 * 30;
        extra["endTime"] = extra["endTime"].toDouble() + 86400000.0 * 30;
        bookings.append(extra);
        moreData["bookings"] = bookings;
        more["data"] = moreData;
        const QString third = m_dir.filePath(QStringLiteral("more.json"));
        QFile out(third);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(more).toJson());
        out.close();
        r = cli(target.cliArguments(), {QStringLiteral("import"), third, QStringLiteral("--merge"),
                                        QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8())["rows"].toArray();
        QStringList added;
        int skipped = 0;
        for (const auto& value : rows) {
            const QJsonObject row = value.toObject();
            if (row["action"].toString() == QLatin1String("add"))
                added << row["table"].toString() + u' ' + row["id"].toString();
            else
                ++skipped;
        }
        QCOMPARE(added, QStringList({"bookings zz-new-booking"}));
        QCOMPARE(skipped, 20);
        QCOMPARE(target.contentDigest(), before);
        r = cli(target.cliArguments(),
                {QStringLiteral("import"), third, QStringLiteral("--merge")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("add  bookings zz-new-booking")));
        QVERIFY(target.contentDigest() != before);
    }

    // Every column of the live schema (the engine of this run, migrated to the newest step) is
    // exported or left out on purpose: a migration's new column fails here until it is one or
    // the other.
    void exportCoversTheSchema() {
        test::TestDatabase target;
        auto db = target.open();
        QVERIFY(db);
        const QSqlDatabase connection = (*db)->connection();
        const QStringList live = test::tableNames(connection);
        QStringList exported;
        for (const auto& [table, columns] : storage::AdminDataTransfer::exportedColumns()) {
            exported << table;
            QVERIFY2(live.contains(table), qPrintable(table + QStringLiteral(": no such table")));
            const QStringList schema = test::columnNames(connection, table);
            const QStringList leftOut = kColumnsNotExported.value(table);
            for (const QString& column : leftOut)
                QVERIFY2(schema.contains(column),
                         qPrintable(table + u'.' + column + QStringLiteral(": no such column")));
            const QStringList missing = minus(minus(schema, columns), leftOut);
            QVERIFY2(missing.isEmpty(),
                     qPrintable(table + QStringLiteral(": ") + missing.join(u',') +
                                QStringLiteral(" neither exported (storage::AdminDataTransfer) "
                                               "nor in kColumnsNotExported")));
            const QStringList unknown = minus(columns, schema);
            QVERIFY2(unknown.isEmpty(),
                     qPrintable(table + QStringLiteral(": exports ") + unknown.join(u',') +
                                QStringLiteral(", not in the schema")));
            for (const QString& column : leftOut)
                QVERIFY2(!columns.contains(column),
                         qPrintable(table + u'.' + column + QStringLiteral(" both ways")));
        }
        for (const QString& table : live)
            QVERIFY2(exported.contains(table) != kTablesNotExported.contains(table),
                     qPrintable(table + QStringLiteral(": export it (storage::AdminDataTransfer) "
                                                       "or list it in kTablesNotExported — "
                                                       "not both, not neither")));
        for (auto it = kTablesNotExported.begin(); it != kTablesNotExported.end(); ++it)
            QVERIFY2(live.contains(it.key()), qPrintable(it.key() + QStringLiteral(": gone")));
    }

    // A file written by SlotDesk before format version 2 (by its export command, unchanged)
    // still imports: the fields it lacks take the database's defaults, the others are kept.
    void readsVersion1Files() {
        const QString v1 = QStringLiteral(SLOTDESK_SOURCE_DIR "/tests/backup/export-v1.json");
        const QJsonObject old = QJsonDocument::fromJson(read(v1)).object();
        QCOMPARE(old["version"].toInt(), 1);
        test::TestDatabase target;
        QVERIFY(target.open());
        Run r = cli(target.cliArguments(), {QStringLiteral("import"), v1});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported: 7 row(s) added, 0 skipped")),
                 qPrintable(r.out));
        const QString again = m_dir.filePath(QStringLiteral("from-v1.json"));
        r = cli(target.cliArguments(), {QStringLiteral("--user"), QStringLiteral("carol"),
                                        QStringLiteral("export"), QStringLiteral("--to"), again});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject now = QJsonDocument::fromJson(read(again)).object();
        QCOMPARE(now["version"].toInt(), storage::AdminDataTransfer::kFormatVersion);
        const QJsonObject before = old["data"].toObject();
        const QJsonObject after = now["data"].toObject();
        for (auto table = before.begin(); table != before.end(); ++table) {
            const QJsonArray oldRows = table.value().toArray();
            const QJsonArray newRows = after[table.key()].toArray();
            QCOMPARE(newRows.size(), oldRows.size());
            for (qsizetype i = 0; i < oldRows.size(); ++i) {
                const QJsonObject oldRow = oldRows[i].toObject();
                const QJsonObject newRow = newRows[i].toObject();
                for (auto field = oldRow.begin(); field != oldRow.end(); ++field)
                    QVERIFY2(newRow[field.key()] == field.value(),
                             qPrintable(table.key() + u'.' + field.key()));
            }
        }
        const QJsonObject settings = after["bookingSettings"].toArray().first().toObject();
        QCOMPARE(settings["maxBookingsPerDay"].toInt(), 4);
        QCOMPARE(settings["approvalPolicy"].toString(), QStringLiteral("always"));
        QCOMPARE(settings["approvalWithinHours"].toInt(), 24);
        QCOMPARE(settings["attendeeReschedule"].toInt(), 1);
        QCOMPARE(settings["maxBookingsPerWeek"].toInt(), 0);
        for (const auto& value : after["bookings"].toArray()) {
            const QJsonObject booking = value.toObject();
            QVERIFY(booking.contains("rescheduledFromId"));
            QVERIFY(booking["rescheduledFromId"].isNull());
        }
    }

    void badDocumentsAreRefused() {
        test::TestDatabase target;
        QVERIFY(target.open());
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"format":"slotdesk-export","version":1,"data":{"users":[{"id":"u","username":7}]}})");
        f.close();
        const QByteArray before = target.contentDigest();
        const Run r = cli(target.cliArguments(), {QStringLiteral("import"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("users[0].username must be text")),
                 qPrintable(r.err));
        QCOMPARE(target.contentDigest(), before);
        // A version from a newer SlotDesk: refused, whatever it holds.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"format":"slotdesk-export","version":4,"data":{}})");
        f.close();
        const Run newer = cli(target.cliArguments(), {QStringLiteral("import"), path});
        QCOMPARE(newer.exitCode, 1);
        QVERIFY2(newer.err.contains(QStringLiteral("version 4 is not one this SlotDesk reads")),
                 qPrintable(newer.err));
        QCOMPARE(target.contentDigest(), before);
    }

    void icsHoldsTheConfirmedBookings() {
        const QString path = m_dir.filePath(QStringLiteral("bookings.ics"));
        const Run r = cli(sqliteSource(), {QStringLiteral("export"), QStringLiteral("--ics"),
                                           QStringLiteral("--to"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Wrote 2 confirmed booking(s)")), qPrintable(r.out));
        QCOMPARE(test::fileMode(path), 0600);
        const QByteArray ics = read(path);
        QCOMPARE(ics.count("BEGIN:VCALENDAR"), 1);
        // One calendar with both confirmed bookings, as an independent parser reads it.
        const test::Inspection calendar = test::inspectIcsCalendar(ics);
        QVERIFY2(calendar.ok(), qPrintable(calendar.error));
        QCOMPARE(calendar.report["version"].toString(), QStringLiteral("2.0"));
        QStringList starts;
        QStringList uids;
        for (const auto& value : calendar.report["events"].toArray()) {
            const QJsonObject event = value.toObject();
            starts << event["dtstart"].toString();
            uids << event["uid"].toString();
            QCOMPARE(event["status"].toString(), QStringLiteral("CONFIRMED"));
        }
        starts.sort();
        QCOMPARE(starts, QStringList({"2027-02-10T09:00:00+00:00", "2027-02-13T09:00:00+00:00"}));
        // The moved booking keeps the event its invitations named: its original's UID.
        uids.sort();
        QStringList expected{m_firstConfirmedId + QStringLiteral("@slotdesk"),
                             m_movedFromId + QStringLiteral("@slotdesk")};
        expected.sort();
        QCOMPARE(uids, expected);
    }

    void icsOfNoBookingsIsAnEmptyCalendar() {
        test::TestDatabase empty;
        auto db = empty.open();
        QVERIFY(db);
        test::seedAdmin(**db, QStringLiteral("bob"));
        const QString path = m_dir.filePath(QStringLiteral("none.ics"));
        const Run r = cli(empty.cliArguments(), {QStringLiteral("export"), QStringLiteral("--ics"),
                                                 QStringLiteral("--to"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const test::Inspection calendar = test::inspectIcsCalendar(read(path));
        QVERIFY2(calendar.ok(), qPrintable(calendar.error));
        QCOMPARE(calendar.report["events"].toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
