// slotdesk-cli on a temporary data directory — every command in text and JSON, exit codes, and
// bad input that leaves the database byte-for-byte unchanged. Most commands run in this process
// through CliApplication, the entry point slotdesk-cli's main() calls (fast, and a debugger sees
// both sides); the exit-code, stdout/stderr and file-permission checks run the real binary.

#include "cli/CliApplication.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"
#include "support/CliRun.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace slotdesk;

using Run = test::CliRun;

class TestCli : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    // "Now" for the commands run in this process (the binary reads the system clock).
    core::ManualClock m_time{test::utc("2026-11-25T12:00:00Z")};

    // In this process, through the same entry point as the binary.
    Run cli(const QStringList& arguments) {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int exitCode = cli::CliApplication(outStream, errStream, m_time.clock())
                                 .run(QStringList{QStringLiteral("slotdesk-cli")} +
                                      m_tdb->cliArguments() + arguments);
        outStream.flush();
        errStream.flush();
        return {exitCode, out, err};
    }
    // The real binary, end to end: its exit status and what reaches stdout and stderr.
    Run cliProcess(const QStringList& arguments) {
        QProcess process;
        QStringList args = m_tdb->cliArguments();
        args += arguments;
        process.start(QStringLiteral(SLOTDESK_CLI_PATH), args);
        if (!process.waitForFinished(60000))
            return {};
        return Run::of(process);
    }
    QJsonDocument cliJson(QStringList arguments) {
        arguments.append(QStringLiteral("--json"));
        const Run r = cli(arguments);
        if (r.exitCode != 0)
            qWarning() << arguments << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8());
    }
    QString dbPath() const { return m_tdb->dataDir() + QStringLiteral("/slotdesk.sqlite"); }
    // Byte-for-byte on SQLite; every row of every table on PostgreSQL.
    QByteArray digest() const {
        return test::usingPostgres() ? m_tdb->contentDigest() : test::fileDigest(dbPath());
    }
    void initAdmin() {
        const Run r =
            cli({QStringLiteral("init"), QStringLiteral("--username"), QStringLiteral("alice"),
                 QStringLiteral("--name"), QStringLiteral("Alice Admin"), QStringLiteral("--email"),
                 QStringLiteral("alice@example.org"), QStringLiteral("--timezone"),
                 QStringLiteral("Europe/Berlin")});
        QCOMPARE(r.exitCode, 0);
    }
    // Seeds bookings as another process would (the web endpoint, in the real app).
    QString seedBooking(const char* start, BookingStatus status = BookingStatus::Pending) {
        auto db = m_tdb->open();
        if (!db)
            return {};
        auto admin =
            storage::UserRepository((*db)->connection()).findByUsername(QStringLiteral("alice"));
        return test::seedBooking(**db, (*admin)->id, test::utc(start), 30, status).id;
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() { m_tdb = std::make_unique<test::TestDatabase>(); }
    void cleanup() { m_tdb.reset(); }

    void versionAndHelp() {
        const Run version = cliProcess({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("slotdesk-cli ")));
        const Run help = cliProcess({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command :
             {"init", "availability add", "bookings approve", "bookings reject"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run commandHelp = cliProcess(
            {QStringLiteral("availability"), QStringLiteral("add"), QStringLiteral("--help")});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(QStringLiteral("--day")));
        const Run unknown = cliProcess({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command")));
    }

    // settings and overrides are two-word commands like bookings and availability: each has its
    // own line in the overview and its own help, whose positional arguments say what they are.
    void everyCommandIsTwoWordsWithItsOwnHelp() {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"settings show", "settings set KEY VALUE", "overrides add",
                                    "overrides list", "overrides remove ID"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        QVERIFY(!help.out.contains(QStringLiteral("show | set")));

        const Run removeHelp = cli({"overrides", "remove", "--help"});
        QCOMPARE(removeHelp.exitCode, 0);
        QVERIFY2(removeHelp.out.contains(QStringLiteral("Override id")),
                 qPrintable(removeHelp.out));
        QVERIFY(!removeHelp.out.contains(QStringLiteral("Booking or block id")));
        const Run setHelp = cli({"settings", "set", "--help"});
        QCOMPARE(setHelp.exitCode, 0);
        for (const char* key : {"max-per-day", "maxBookingsPerDay", "durations", "horizonDays"})
            QVERIFY2(setHelp.out.contains(QLatin1String(key)), key);
        const Run blockHelp = cli({"availability", "remove", "--help"});
        QVERIFY2(blockHelp.out.contains(QStringLiteral("Block id")), qPrintable(blockHelp.out));
        const Run bookingHelp = cli({"bookings", "approve", "--help"});
        QVERIFY2(bookingHelp.out.contains(QStringLiteral("Booking id")),
                 qPrintable(bookingHelp.out));

        // The old positional spellings are gone with the dispatch on them.
        QCOMPARE(cli({"overrides"}).exitCode, 1);
        QCOMPARE(cli({"settings", "show", "extra"}).exitCode, 1);
        QCOMPARE(cli({"overrides", "list", "extra"}).exitCode, 1);
    }

    // settings set takes the keys settings show --json prints too, and its error names them all.
    void settingsSetTakesTheJsonNames() {
        QCOMPARE(cli({"init", "--username", "alice", "--name", "Alice", "--email",
                      "alice@example.org", "--timezone", "UTC"})
                     .exitCode,
                 0);
        const QJsonObject shown = cliJson({"settings", "show"}).object();
        for (auto it = shown.begin(); it != shown.end(); ++it) {
            const QString value = it.key() == QLatin1String("durations") ? QStringLiteral("15,30")
                                  : it.value().isString()                ? it.value().toString()
                                  : it.value().isBool()
                                      ? QLatin1String(it.value().toBool() ? "on" : "off")
                                      : QString::number(it.value().toInt());
            const Run r = cli({"settings", "set", it.key(), value});
            QVERIFY2(r.exitCode == 0, qPrintable(it.key() + u' ' + r.err));
        }
        QCOMPARE(cliJson({"settings", "set", "maxBookingsPerDay", "4"})
                     .object()
                     .value("maxBookingsPerDay")
                     .toInt(),
                 4);
        QCOMPARE(cliJson({"settings", "set", "max-per-day", "5"})
                     .object()
                     .value("maxBookingsPerDay")
                     .toInt(),
                 5);
        const Run unknown = cli({"settings", "set", "colour", "blue"});
        QCOMPARE(unknown.exitCode, 1);
        for (const char* key : {"durations",
                                "default-duration",
                                "slot-interval",
                                "buffer-before",
                                "buffer-after",
                                "minimum-notice",
                                "horizon",
                                "max-per-day",
                                "max-per-week",
                                "max-per-month",
                                "approval",
                                "approval-within",
                                "change-notice",
                                "attendee-reschedule",
                                "defaultDuration",
                                "slotInterval",
                                "bufferBefore",
                                "bufferAfter",
                                "minimumNotice",
                                "horizonDays",
                                "maxBookingsPerDay",
                                "maxBookingsPerWeek",
                                "maxBookingsPerMonth",
                                "approvalPolicy",
                                "approvalWithinHours",
                                "attendeeChangeNoticeHours",
                                "attendeeReschedule"})
            QVERIFY2(unknown.err.contains(QLatin1String(key)), key);
    }

    // The booking policies round-trip: set by their CLI names, shown by their JSON names and in
    // the text listing, read back by the next command, refused in one line naming the field.
    void bookingPoliciesRoundTrip() {
        QCOMPARE(cli({"init", "--username", "alice", "--name", "Alice", "--email",
                      "alice@example.org", "--timezone", "UTC"})
                     .exitCode,
                 0);
        const QList<QPair<QStringList, QPair<QString, QJsonValue>>> changes{
            {{"approval", "short-notice"}, {"approvalPolicy", QJsonValue("short-notice")}},
            {{"approval-within", "12"}, {"approvalWithinHours", QJsonValue(12)}},
            {{"change-notice", "48"}, {"attendeeChangeNoticeHours", QJsonValue(48)}},
            {{"attendee-reschedule", "off"}, {"attendeeReschedule", QJsonValue(false)}},
            {{"max-per-week", "5"}, {"maxBookingsPerWeek", QJsonValue(5)}},
            {{"max-per-month", "12"}, {"maxBookingsPerMonth", QJsonValue(12)}},
        };
        for (const auto& [arguments, expected] : changes) {
            const QJsonObject shown = cliJson(QStringList{"settings", "set"} + arguments).object();
            QCOMPARE(shown.value(expected.first), expected.second);
        }
        const QJsonObject again = cliJson({"settings", "show"}).object();
        for (const auto& change : changes)
            QCOMPARE(again.value(change.second.first), change.second.second);
        const Run text = cli({"settings", "show"});
        QVERIFY2(text.out.contains(QRegularExpression("approval +short-notice")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression("attendee-reschedule +off")),
                 qPrintable(text.out));
        QCOMPARE(cliJson({"settings", "set", "attendeeReschedule", "on"})
                     .object()
                     .value("attendeeReschedule"),
                 QJsonValue(true));
        QCOMPARE(cliJson({"settings", "set", "approvalPolicy", "never"})
                     .object()
                     .value("approvalPolicy"),
                 QJsonValue("never"));

        const Run badPolicy = cli({"settings", "set", "approval", "sometimes"});
        QCOMPARE(badPolicy.exitCode, 1);
        QVERIFY2(badPolicy.err.contains("approvalPolicy") &&
                     badPolicy.err.contains("always, never, short-notice"),
                 qPrintable(badPolicy.err));
        QCOMPARE(badPolicy.err.count(u'\n'), 1);
        const Run badNotice = cli({"settings", "set", "change-notice", "1000"});
        QCOMPARE(badNotice.exitCode, 1);
        QVERIFY2(badNotice.err.contains("attendeeChangeNoticeHours"), qPrintable(badNotice.err));
        const Run badSwitch = cli({"settings", "set", "attendee-reschedule", "maybe"});
        QCOMPARE(badSwitch.exitCode, 1);
        QVERIFY2(badSwitch.err.contains("attendeeReschedule"), qPrintable(badSwitch.err));
        QCOMPARE(cliJson({"settings", "show"}).object().value("attendeeChangeNoticeHours"),
                 QJsonValue(48));
    }

    void initCreatesTheAdminOnce() {
        const QJsonObject user =
            cliJson({QStringLiteral("init"), QStringLiteral("--username"), QStringLiteral("alice"),
                     QStringLiteral("--name"), QStringLiteral("Alice"), QStringLiteral("--email"),
                     QStringLiteral("alice@example.org"), QStringLiteral("--timezone"),
                     QStringLiteral("America/New_York")})
                .object();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
        QCOMPARE(user.value(QStringLiteral("timezone")).toString(),
                 QStringLiteral("America/New_York"));
        QVERIFY(user.value(QStringLiteral("createdAt")).toString().endsWith(u'Z'));
        QVERIFY(test::usingPostgres() || QFile::exists(dbPath()));
        const Run again =
            cli({QStringLiteral("init"), QStringLiteral("--username"), QStringLiteral("bob"),
                 QStringLiteral("--name"), QStringLiteral("Bob"), QStringLiteral("--email"),
                 QStringLiteral("bob@example.org"), QStringLiteral("--timezone"),
                 QStringLiteral("UTC")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("already set up")));
    }

    void commandsBeforeInitSayWhatToDo() {
        const Run r = cli({QStringLiteral("bookings"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("slotdesk-cli init")));
    }

    void availabilityAddListRemoveClear() {
        initAdmin();
        const QJsonObject block =
            cliJson({QStringLiteral("availability"), QStringLiteral("add"), QStringLiteral("--day"),
                     QStringLiteral("mon"), QStringLiteral("--from"), QStringLiteral("09:00"),
                     QStringLiteral("--to"), QStringLiteral("17:00")})
                .object();
        QCOMPARE(block.value(QStringLiteral("dayOfWeek")).toInt(), 1);
        QCOMPARE(block.value(QStringLiteral("startTime")).toString(), QStringLiteral("09:00"));
        QCOMPARE(block.value(QStringLiteral("endTime")).toString(), QStringLiteral("17:00"));
        QCOMPARE(block.value(QStringLiteral("timezone")).toString(),
                 QStringLiteral("Europe/Berlin"));
        const Run second =
            cli({QStringLiteral("availability"), QStringLiteral("add"), QStringLiteral("--day=5"),
                 QStringLiteral("--from=20:00"), QStringLiteral("--to=24:00"),
                 QStringLiteral("--timezone=Asia/Kathmandu")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains(QStringLiteral("Fri  20:00-24:00  Asia/Kathmandu")));

        const QJsonArray listed =
            cliJson({QStringLiteral("availability"), QStringLiteral("list")}).array();
        QCOMPARE(listed.size(), 2);
        const Run text = cli({QStringLiteral("availability"), QStringLiteral("list")});
        QVERIFY(text.out.contains(QStringLiteral("Mon  09:00-17:00  Europe/Berlin")));

        const QString id = block.value(QStringLiteral("id")).toString();
        QCOMPARE(cli({QStringLiteral("availability"), QStringLiteral("remove"), id}).exitCode, 0);
        QCOMPARE(cliJson({QStringLiteral("availability"), QStringLiteral("list")}).array().size(),
                 1);
        QCOMPARE(cli({QStringLiteral("availability"), QStringLiteral("remove"), id}).exitCode, 1);
        const QJsonObject cleared =
            cliJson({QStringLiteral("availability"), QStringLiteral("clear")}).object();
        QCOMPARE(cleared.value(QStringLiteral("removed")).toInt(), 1);
        QVERIFY(cli({QStringLiteral("availability"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("No availability")));
    }

    void bookingsListShowApproveRejectCancel() {
        initAdmin();
        const QString first = seedBooking("2026-12-01T08:00:00Z");
        const QString second = seedBooking("2026-12-02T08:00:00Z");
        const QString third = seedBooking("2026-12-03T23:30:00Z"); // Dec 4, 00:30 in Berlin
        QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());

        const QJsonArray all =
            cliJson({QStringLiteral("bookings"), QStringLiteral("list")}).array();
        QCOMPARE(all.size(), 3);
        const QJsonObject b = all.at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("startTime")).toString(),
                 QStringLiteral("2026-12-01T08:00:00Z"));
        QCOMPARE(b.value(QStringLiteral("endTime")).toString(),
                 QStringLiteral("2026-12-01T08:30:00Z"));
        QCOMPARE(b.value(QStringLiteral("attendeeEmail")).toString(),
                 QStringLiteral("bob@example.com"));
        QCOMPARE(b.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

        const Run show = cli({QStringLiteral("bookings"), QStringLiteral("show"), first});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains(QStringLiteral("2026-12-01 09:00 - 09:30 Europe/Berlin")));
        QVERIFY(show.out.contains(QStringLiteral("America/New_York (2026-12-01 03:00 local)")));

        QCOMPARE(cli({QStringLiteral("bookings"), QStringLiteral("approve"), first}).exitCode, 0);
        const QJsonObject rejected =
            cliJson({QStringLiteral("bookings"), QStringLiteral("reject"), second,
                     QStringLiteral("--reason"), QStringLiteral("Out of office")})
                .object();
        QCOMPARE(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value(QStringLiteral("statusReason")).toString(),
                 QStringLiteral("Out of office"));
        const QJsonObject cancelled =
            cliJson({QStringLiteral("bookings"), QStringLiteral("cancel"), first}).object();
        QCOMPARE(cancelled.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));

        const Run refused = cli({QStringLiteral("bookings"), QStringLiteral("approve"), second});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("rejected booking is final")));

        const QJsonArray pending = cliJson({QStringLiteral("bookings"), QStringLiteral("list"),
                                            QStringLiteral("--status"), QStringLiteral("pending")})
                                       .array();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.at(0).toObject().value(QStringLiteral("id")).toString(), third);
        // Dates are the admin's days: 23:30Z on Dec 3 is Dec 4 in Berlin.
        const QJsonArray dec4 = cliJson({QStringLiteral("bookings"), QStringLiteral("list"),
                                         QStringLiteral("--from"), QStringLiteral("2026-12-04"),
                                         QStringLiteral("--to"), QStringLiteral("2026-12-04")})
                                    .array();
        QCOMPARE(dec4.size(), 1);
        QCOMPARE(dec4.at(0).toObject().value(QStringLiteral("id")).toString(), third);
        const QJsonArray dec1to2 = cliJson({QStringLiteral("bookings"), QStringLiteral("list"),
                                            QStringLiteral("--from"), QStringLiteral("2026-12-01"),
                                            QStringLiteral("--to"), QStringLiteral("2026-12-02")})
                                       .array();
        QCOMPARE(dec1to2.size(), 2);
    }

    void slotsSettingsOverridesAndCreate() {
        initAdmin();
        for (const char* day : {"sun", "mon", "tue", "wed", "thu", "fri", "sat"})
            QCOMPARE(cli({"availability", "add", "--day", day, "--from", "09:00", "--to", "12:00"})
                         .exitCode,
                     0);
        // A day a week ahead, in Berlin: 09:00-12:00 is six 30-minute slots.
        const QDate day = m_time.now().date().addDays(7);
        const QString date = day.toString(Qt::ISODate);
        const QJsonObject listing = cliJson({"slots", "--from", date, "--to", date}).object();
        QCOMPARE(listing.value("timezone").toString(), QString("Europe/Berlin"));
        QCOMPARE(listing.value("duration").toInt(), 30);
        const QJsonArray days = listing.value("days").toArray();
        QCOMPARE(days.size(), 1);
        const QJsonArray times = days.at(0).toObject().value("slots").toArray();
        QCOMPARE(times.size(), 6);
        const QString firstStart = times.at(0).toObject().value("start").toString();
        QVERIFY2(firstStart.startsWith(date + "T09:00:00+0"), qPrintable(firstStart));

        // Seen from Kathmandu (+05:45) the same slots start at 13:45 or 14:45 local.
        const QJsonObject kathmandu =
            cliJson({"slots", "--from", date, "--to", date, "--timezone", "Asia/Kathmandu"})
                .object();
        const QString nepalStart = kathmandu.value("days")
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value("slots")
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value("start")
                                       .toString();
        QVERIFY2(nepalStart.endsWith("+05:45"), qPrintable(nepalStart));

        const QJsonObject settings =
            cliJson({"settings", "set", "default-duration", "60"}).object();
        QCOMPARE(settings.value("defaultDuration").toInt(), 60);
        QCOMPARE(cliJson({"settings", "show"}).object().value("durations").toArray().at(0).toInt(),
                 60);
        const QJsonObject hourly = cliJson({"slots", "--from", date, "--to", date}).object();
        QCOMPARE(hourly.value("days").toArray().at(0).toObject().value("slots").toArray().size(),
                 3);
        QCOMPARE(cli({"settings", "set", "default-duration", "30"}).exitCode, 0);

        const QJsonObject off =
            cliJson({"overrides", "add", "--date", date, "--unavailable"}).object();
        QVERIFY(off.value("unavailable").toBool());
        QVERIFY(cliJson({"slots", "--from", date, "--to", date})
                    .object()
                    .value("days")
                    .toArray()
                    .isEmpty());
        QCOMPARE(cliJson({"overrides", "list"}).array().size(), 1);
        QCOMPARE(cli({"overrides", "remove", off.value("id").toString()}).exitCode, 0);
        QCOMPARE(cliJson({"overrides", "list"}).array().size(), 0);

        // Whole seconds only: a fraction would be rounded onto the slot grid (even .0000001, which
        // a millisecond parser reads as .000); a fraction of zeros is the same second.
        const QByteArray beforeFraction = digest();
        for (const char* fraction : {".5", ".0000001"}) {
            const Run fractional =
                cli({"bookings", "create", "--start", QString(firstStart).insert(19, fraction),
                     "--duration", "30", "--name", "Bob", "--email", "bob@example.com"});
            QCOMPARE(fractional.exitCode, 1);
            QVERIFY2(fractional.err.contains("start") && fractional.err.contains("fraction"),
                     qPrintable(fractional.err));
            QCOMPARE(digest(), beforeFraction);
        }
        const QJsonObject booking =
            cliJson({"bookings", "create", "--start", QString(firstStart).insert(19, ".000"),
                     "--duration", "30", "--name", "Bob", "--email", "bob@example.com",
                     "--timezone", "America/New_York"})
                .object();
        QCOMPARE(booking.value("status").toString(), QString("pending"));
        QCOMPARE(booking.value("timezone").toString(), QString("America/New_York"));
        QCOMPARE(QDateTime::fromString(booking.value("startTime").toString(), Qt::ISODate),
                 QDateTime::fromString(firstStart, Qt::ISODate));
        const Run again = cli({"bookings", "create", "--start", firstStart, "--duration", "30",
                               "--name", "Eve", "--email", "eve@example.com"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("no longer available"));
        const QJsonObject after = cliJson({"slots", "--from", date, "--to", date}).object();
        QCOMPARE(after.value("days").toArray().at(0).toObject().value("slots").toArray().size(), 5);
    }

    // bookings reschedule ID --start RFC3339 [--duration MIN]: a confirmed meeting moves at
    // once (the original cancelled, linked both ways), under the booking rules.
    void bookingsReschedule() {
        initAdmin();
        for (const char* day : {"sun", "mon", "tue", "wed", "thu", "fri", "sat"})
            QCOMPARE(cli({"availability", "add", "--day", day, "--from", "09:00", "--to", "12:00"})
                         .exitCode,
                     0);
        QCOMPARE(cli({"settings", "set", "durations", "30,60"}).exitCode, 0);
        QCOMPARE(cli({"settings", "set", "slot-interval", "30"}).exitCode, 0);
        const QString date = m_time.now().date().addDays(7).toString(Qt::ISODate);
        const QJsonObject created =
            cliJson({"bookings", "create", "--start", date + "T09:00:00+01:00", "--duration", "30",
                     "--name", "Bob", "--email", "bob@example.com"})
                .object();
        const QString id = created.value("id").toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(cli({"bookings", "approve", id}).exitCode, 0);

        const QByteArray before = digest();
        const Run missing = cli({"bookings", "reschedule", id});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("--start"), qPrintable(missing.err));
        const Run offGrid =
            cli({"bookings", "reschedule", id, "--start", date + "T09:10:00+01:00"});
        QCOMPARE(offGrid.exitCode, 1);
        QVERIFY2(offGrid.err.contains("start: The start time is not one of the offered slots"),
                 qPrintable(offGrid.err));
        const Run tooShort = cli(
            {"bookings", "reschedule", id, "--start", date + "T10:00:00+01:00", "--duration", "5"});
        QCOMPARE(tooShort.exitCode, 1);
        QVERIFY2(tooShort.err.contains("duration"), qPrintable(tooShort.err));
        QCOMPARE(digest(), before);

        // Half an hour later, an hour long: it overlaps its own old time, which is free for it.
        const QJsonObject moved =
            cliJson({"bookings", "reschedule", id, "--start", date + "T09:30:00+01:00",
                     "--duration", "60", "--reason", "Longer agenda"})
                .object();
        QCOMPARE(moved.value("status").toString(), QString("confirmed"));
        QCOMPARE(moved.value("rescheduledFromId").toString(), id);
        QCOMPARE(QDateTime::fromString(moved.value("endTime").toString(), Qt::ISODate),
                 QDateTime::fromString(date + "T10:30:00+01:00", Qt::ISODate));
        const QJsonObject original = cliJson({"bookings", "show", id}).object();
        QCOMPARE(original.value("status").toString(), QString("cancelled"));
        QCOMPARE(original.value("rescheduledToId").toString(), moved.value("id").toString());
        QVERIFY(original.value("statusReason").toString().startsWith("Rescheduled to "));

        // In text: the new booking, and when it was.
        const Run process = cli({"bookings", "reschedule", moved.value("id").toString(), "--start",
                                 date + "T11:00:00+01:00"});
        QCOMPARE(process.exitCode, 0);
        QVERIFY2(process.out.startsWith("Rescheduled ") && process.out.contains(date + " 11:00") &&
                     process.out.contains("(was " + date + " 09:30)"),
                 qPrintable(process.out));
        const Run cancelled =
            cli({"bookings", "reschedule", id, "--start", date + "T11:30:00+01:00"});
        QCOMPARE(cancelled.exitCode, 1);
        QVERIFY2(cancelled.err.contains("cancelled booking can't be moved"),
                 qPrintable(cancelled.err));
    }

    void badInputIsRefusedAndChangesNothing_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown time zone")
            << QStringList{"availability", "add",  "--day", "mon",        "--from",
                           "09:00",        "--to", "17:00", "--timezone", "Mars/Olympus"}
            << "timezone";
        QTest::newRow("25:00") << QStringList{"availability", "add",   "--day", "mon",
                                              "--from",       "09:00", "--to",  "25:00"}
                               << "to";
        QTest::newRow("day 8") << QStringList{"availability", "add",   "--day", "8",
                                              "--from",       "09:00", "--to",  "17:00"}
                               << "dayOfWeek";
        QTest::newRow("end before start") << QStringList{"availability", "add",   "--day", "tue",
                                                         "--from",       "17:00", "--to",  "09:00"}
                                          << "to";
        QTest::newRow("missing option")
            << QStringList{"availability", "add", "--day", "tue"} << "--from";
        QTest::newRow("unknown option")
            << QStringList{"availability", "list", "--colour"} << "colour";
        QTest::newRow("malformed email")
            << QStringList{"init",    "--username", "bob",        "--name", "Bob",
                           "--email", "bob@",       "--timezone", "UTC"}
            << "email";
        QTest::newRow("unknown booking")
            << QStringList{"bookings", "approve", "00000000-0000-0000-0000-000000000000"}
            << "No booking";
        QTest::newRow("sql in id")
            << QStringList{"bookings", "show", "x' OR '1'='1"} << "No booking";
        QTest::newRow("bad status")
            << QStringList{"bookings", "list", "--status", "maybe"} << "status";
        QTest::newRow("bad date") << QStringList{"bookings", "list", "--from", "2026-02-30"}
                                  << "from";
        QTest::newRow("unknown block")
            << QStringList{"availability", "remove", "nope"} << "No availability block";
        QTest::newRow("missing id") << QStringList{"bookings", "reject"} << "ID";
        QTest::newRow("slots range too long")
            << QStringList{"slots", "--from", "2026-12-01", "--to", "2027-02-15"} << "62 days";
        QTest::newRow("slots bad zone")
            << QStringList{"slots",      "--from",     "2026-12-01", "--to",
                           "2026-12-02", "--timezone", "Moon/Base"}
            << "timezone";
        QTest::newRow("slots 9 hours")
            << QStringList{"slots",      "--from",     "2026-12-01", "--to",
                           "2026-12-02", "--duration", "540"}
            << "duration";
        QTest::newRow("setting out of range")
            << QStringList{"settings", "set", "horizon", "400"} << "horizonDays";
        QTest::newRow("setting not a number")
            << QStringList{"settings", "set", "buffer-after", "ten"} << "bufferAfter";
        QTest::newRow("unknown setting")
            << QStringList{"settings", "set", "colour", "blue"} << "unknown setting";
        QTest::newRow("override 25:00") << QStringList{"overrides", "add",   "--date", "2026-12-24",
                                                       "--from",    "09:00", "--to",   "25:00"}
                                        << "to";
        QTest::newRow("override both kinds")
            << QStringList{"overrides", "add",   "--date", "2026-12-24", "--unavailable",
                           "--from",    "09:00", "--to",   "10:00"}
            << "either";
        QTest::newRow("create in the past")
            << QStringList{"bookings",   "create",
                           "--start",    "2020-01-06T09:00:00+01:00",
                           "--duration", "30",
                           "--name",     "Bob",
                           "--email",    "bob@example.com"}
            << "past";
        QTest::newRow("create bad start")
            << QStringList{"bookings", "create", "--start", "next tuesday", "--duration",
                           "30",       "--name", "Bob",     "--email",      "bob@example.com"}
            << "start";
        QTest::newRow("create 5 minutes") << QStringList{"bookings",   "create",
                                                         "--start",    "2030-01-07T09:00:00+01:00",
                                                         "--duration", "5",
                                                         "--name",     "Bob",
                                                         "--email",    "bob@example.com"}
                                          << "duration";
        QTest::newRow("create bad email")
            << QStringList{"bookings",   "create", "--start", "2030-01-07T09:00:00+01:00",
                           "--duration", "30",     "--name",  "Bob",
                           "--email",    "bob"}
            << "email";
        // serve: a link option that is wrong stops it before it listens.
        QTest::newRow("serve public URL with a query")
            << QStringList{"serve", "--listen", "127.0.0.1:0", "--public-url",
                           "https://book.example.org/?x=1"}
            << "public-url: 'https://book.example.org/?x=1' has a query";
        QTest::newRow("serve public URL not https")
            << QStringList{"serve", "--listen", "127.0.0.1:0", "--public-url",
                           "ftp://book.example.org"}
            << "public-url: 'ftp://book.example.org' is not http:// or https://";
        QTest::newRow("serve public URL with a password")
            << QStringList{"serve", "--listen", "127.0.0.1:0", "--public-url",
                           "https://u:p@book.example.org"}
            << "user name or password";
        QTest::newRow("serve trusted proxy by name")
            << QStringList{"serve",     "--listen",        "127.0.0.1:0",      "--trusted-proxy",
                           "127.0.0.1", "--trusted-proxy", "proxy.example.org"}
            << "trusted-proxy: 'proxy.example.org' is not an IP address or subnet";
        QTest::newRow("create CRLF name") << QStringList{"bookings",   "create",
                                                         "--start",    "2030-01-07T09:00:00+01:00",
                                                         "--duration", "30",
                                                         "--name",     "Bob\r\nX",
                                                         "--email",    "bob@example.com"}
                                          << "name";
    }
    void badInputIsRefusedAndChangesNothing() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        initAdmin();
        QCOMPARE(cli({QStringLiteral("availability"), QStringLiteral("add"),
                      QStringLiteral("--day"), QStringLiteral("wed"), QStringLiteral("--from"),
                      QStringLiteral("10:00"), QStringLiteral("--to"), QStringLiteral("12:00")})
                     .exitCode,
                 0);
        seedBooking("2026-12-01T08:00:00Z");
        const QByteArray before = digest();
        QVERIFY(!before.isEmpty());
        // The real binary: exit status 1, nothing on stdout, one line on stderr.
        const Run r = cliProcess(arguments);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QString line = r.err.trimmed();
        QVERIFY2(!line.contains(u'\n'), qPrintable(r.err));
        QVERIFY2(line.contains(mentions), qPrintable(line));
        QVERIFY(!line.contains(QStringLiteral("SELECT"), Qt::CaseInsensitive));
        QCOMPARE(digest(), before);
    }

    void newerDatabaseFailsWithAClearMessage() {
        initAdmin();
        {
            auto db = m_tdb->open();
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', 0)")));
        }
        const QByteArray before = digest();
        const Run r = cliProcess({QStringLiteral("bookings"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("upgrade SlotDesk")));
        QCOMPARE(digest(), before);
    }

    void dataDirectoriesAndDatabasesArePrivate() {
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           home.filePath(QStringLiteral("config")));
        environment.remove(QStringLiteral("SLOTDESK_DATABASE_URL"));
        environment.remove(QStringLiteral("SLOTDESK_DATA_DIR"));
        const auto init = [&](const QStringList& where) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(SLOTDESK_CLI_PATH),
                          where + QStringList{QStringLiteral("init"), QStringLiteral("--username"),
                                              QStringLiteral("alice"), QStringLiteral("--name"),
                                              QStringLiteral("Alice"), QStringLiteral("--email"),
                                              QStringLiteral("alice@example.org"),
                                              QStringLiteral("--timezone"), QStringLiteral("UTC")});
            return process.waitForFinished(60000) && process.exitCode() == 0;
        };
        // A new --data-dir.
        const QString chosen = home.filePath(QStringLiteral("chosen/slotdesk"));
        QVERIFY(init({QStringLiteral("--data-dir"), chosen}));
        QCOMPARE(test::fileMode(chosen), 0700);
        QCOMPARE(test::fileMode(chosen + QStringLiteral("/slotdesk.sqlite")), 0600);
        // The default folder, as an older SlotDesk left it (0755): SlotDesk's own, made private.
        const QString standard = home.filePath(QStringLiteral("data/SlotDesk"));
        QVERIFY(QDir().mkpath(standard));
        QVERIFY(QFile::setPermissions(
            standard, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        QCOMPARE(test::fileMode(standard), 0755);
        QVERIFY(init({}));
        QCOMPARE(test::fileMode(standard), 0700);
        QCOMPARE(test::fileMode(standard + QStringLiteral("/slotdesk.sqlite")), 0600);
    }

    void severalAdminsShareADatabase() {
        initAdmin();
        const QStringList bob{QStringLiteral("init"),
                              QStringLiteral("--username"),
                              QStringLiteral("bob"),
                              QStringLiteral("--name"),
                              QStringLiteral("Bob Admin"),
                              QStringLiteral("--email"),
                              QStringLiteral("bob@example.org"),
                              QStringLiteral("--timezone"),
                              QStringLiteral("UTC")};
        // A second init needs --additional.
        const Run refused = cli(bob);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--additional")), qPrintable(refused.err));
        QCOMPARE(cli(bob + QStringList{QStringLiteral("--additional")}).exitCode, 0);

        // With two admins every command needs --user, and says who there is.
        const Run ambiguous = cli({QStringLiteral("bookings"), QStringLiteral("list")});
        QCOMPARE(ambiguous.exitCode, 1);
        QVERIFY2(ambiguous.err.contains(QStringLiteral("--user")), qPrintable(ambiguous.err));
        QVERIFY(ambiguous.err.contains(QStringLiteral("alice")));
        QVERIFY(ambiguous.err.contains(QStringLiteral("bob")));
        const Run unknown = cli({QStringLiteral("bookings"), QStringLiteral("list"),
                                 QStringLiteral("--user"), QStringLiteral("carol")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.startsWith(QStringLiteral("slotdesk-cli: user:")),
                 qPrintable(unknown.err));

        // Each admin sees and changes only their own bookings.
        const QString alices = seedBooking("2026-12-01T08:00:00Z");
        const auto asBob = [&](QStringList args) {
            args << QStringLiteral("--user") << QStringLiteral("bob");
            return cli(args);
        };
        QCOMPARE(cliJson({QStringLiteral("bookings"), QStringLiteral("list"),
                          QStringLiteral("--user"), QStringLiteral("alice")})
                     .array()
                     .size(),
                 1);
        QCOMPARE(QJsonDocument::fromJson(asBob({QStringLiteral("bookings"), QStringLiteral("list"),
                                                QStringLiteral("--json")})
                                             .out.toUtf8())
                     .array()
                     .size(),
                 0);
        QCOMPARE(asBob({QStringLiteral("bookings"), QStringLiteral("show"), alices}).exitCode, 1);
        QCOMPARE(asBob({QStringLiteral("bookings"), QStringLiteral("approve"), alices}).exitCode,
                 1);
        QCOMPARE(asBob({QStringLiteral("bookings"), QStringLiteral("cancel"), alices,
                        QStringLiteral("--reason"), QStringLiteral("mine now")})
                     .exitCode,
                 1);
        const QJsonObject still =
            cliJson({QStringLiteral("bookings"), QStringLiteral("show"), alices,
                     QStringLiteral("--user"), QStringLiteral("alice")})
                .object();
        QCOMPARE(still.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
