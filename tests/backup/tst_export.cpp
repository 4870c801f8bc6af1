// slotdesk-cli export / import: one admin's data as versioned JSON. From a SQLite file into the
// suite's engine (a second SQLite file, or PostgreSQL in the _postgres run) and out again gives
// the identical file; a non-empty database is refused unless --merge, whose --dry-run lists what
// it would add and skip by id and changes nothing; export --ics holds the confirmed bookings.

#include "availability/AvailabilityService.h"
#include "storage/Database.h"
#include "support/InProcessCli.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

using Run = test::CliRun;

class TestExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    core::ManualClock m_time{test::utc("2027-02-01T10:00:00Z")};
    QString m_adminId;

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
        test::seedBooking(**db, admin.id, test::utc("2027-02-10T09:00:00Z"), 30,
                          BookingStatus::Confirmed);
        test::seedBooking(**db, admin.id, test::utc("2027-02-11T09:00:00Z"), 60,
                          BookingStatus::Pending);
        Booking cancelled = test::seedBooking(**db, admin.id, test::utc("2027-02-12T09:00:00Z"), 30,
                                              BookingStatus::Cancelled);
        const QString id = cancelled.id;
        sql(**db, QStringLiteral("UPDATE bookings SET status_reason = 'Ill, sorry — désolé', "
                                 "notes = 'Line one\nline \"two\"', manage_token_hash = 'abc' "
                                 "WHERE id = '%1'")
                      .arg(id));
        sql(**db,
            QStringLiteral("INSERT INTO booking_access_tokens VALUES ('hash-1', '%1', 5)").arg(id));
        sql(**db,
            QStringLiteral("INSERT INTO booking_settings (user_id, default_duration, durations, "
                           "updated_at) VALUES ('%1', 60, '30,60', 7)")
                .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO date_overrides VALUES ('ov-1', '%1', '2027-02-14', "
                                 "'Europe/Berlin', NULL, NULL, 1, 2)")
                      .arg(admin.id));
        sql(**db,
            QStringLiteral("INSERT INTO calendar_integrations (id, user_id, type, keychain_key, "
                           "account_email, sync_token, sync_status, created_at, updated_at) "
                           "VALUES ('cal-1', '%1', 'google-calendar', 'google/cal-1', "
                           "'alice@gmail.example', 'cursor-123', 'active', 1, 2)")
                .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO video_integrations VALUES ('zoom-1', '%1', 'zoom', "
                                 "'alice@zoom.example', 'connected', NULL, 1, 2)")
                      .arg(admin.id));
        sql(**db, QStringLiteral("INSERT INTO mail_settings (user_id, host, port, security, "
                                 "from_address, updated_at) VALUES ('%1', 'smtp.example.org', 587, "
                                 "'starttls', 'alice@example.org', 3)")
                      .arg(admin.id));
    }

    void roundTripIsIdentical() {
        const QString first = m_dir.filePath(QStringLiteral("first.json"));
        Run r = cli(sqliteSource(), {QStringLiteral("export"), QStringLiteral("--to"), first});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(test::fileMode(first), 0600);
        const QJsonObject doc = QJsonDocument::fromJson(read(first)).object();
        QCOMPARE(doc["format"].toString(), QStringLiteral("slotdesk-export"));
        QCOMPARE(doc["version"].toInt(), 1);
        const QJsonObject data = doc["data"].toObject();
        QCOMPARE(data["bookings"].toArray().size(), 3);
        QCOMPARE(data["availabilityBlocks"].toArray().size(), 2);
        QCOMPARE(data["users"].toArray().first()["username"].toString(), QStringLiteral("alice"));
        // Integrations without tokens or the sync cursor.
        QVERIFY(!read(first).contains("cursor-123"));
        QVERIFY(data["calendarIntegrations"].toArray().first().toObject().contains("keychainKey"));

        test::TestDatabase target;
        QVERIFY(target.isValid());
        QVERIFY(target.open()); // migrated, empty
        r = cli(target.cliArguments(), {QStringLiteral("import"), first});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Imported: 12 row(s) added, 0 skipped")),
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
        QCOMPARE(skipped, 12);
        QCOMPARE(target.contentDigest(), before);
        r = cli(target.cliArguments(),
                {QStringLiteral("import"), third, QStringLiteral("--merge")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("add  bookings zz-new-booking")));
        QVERIFY(target.contentDigest() != before);
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
    }

    void icsHoldsTheConfirmedBookings() {
        const QString path = m_dir.filePath(QStringLiteral("bookings.ics"));
        const Run r = cli(sqliteSource(), {QStringLiteral("export"), QStringLiteral("--ics"),
                                           QStringLiteral("--to"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray ics = read(path);
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(ics.endsWith("END:VCALENDAR\r\n"));
        QCOMPARE(ics.count("BEGIN:VEVENT"), 1);
        QCOMPARE(ics.count("BEGIN:VCALENDAR"), 1);
        QVERIFY(ics.contains("DTSTART:20270210T090000Z"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
