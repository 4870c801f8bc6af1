// Domain rules: every validation rule accepts what it should and refuses the rest with an error
// that names the field.

#include "core/TimeFormat.h"
#include "domain/Validation.h"
#include "support/TestData.h"

#include <QTest>

using namespace slotdesk;

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void email_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "bob@example.com" << true;
        QTest::newRow("plus and subdomain") << "bob+cal@mail.example.co.uk" << true;
        QTest::newRow("no at") << "bob.example.com" << false;
        QTest::newRow("no domain dot") << "bob@localhost" << false;
        QTest::newRow("space") << "bob smith@example.com" << false;
        QTest::newRow("double dot") << "bob..smith@example.com" << false;
        QTest::newRow("crlf") << "bob@example.com\r\nBcc: x@y.z" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("two ats") << "a@b@example.com" << false;
        QTest::newRow("too long") << QString(250, u'a') + "@example.com" << false;
    }
    void email() {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const auto status = validation::email(value, QStringLiteral("attendeeEmail"));
        QCOMPARE(status.ok(), valid);
        if (!valid) {
            QCOMPARE(status.error().code, ErrorCode::Validation);
            QCOMPARE(status.error().field, QStringLiteral("attendeeEmail"));
            QVERIFY(!status.error().message.contains(u'\n'));
        }
    }

    void timeZone_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("berlin") << "Europe/Berlin" << true;
        QTest::newRow("kathmandu") << "Asia/Kathmandu" << true;
        QTest::newRow("lord howe") << "Australia/Lord_Howe" << true;
        QTest::newRow("utc") << "UTC" << true;
        QTest::newRow("link name") << "US/Eastern" << true;
        QTest::newRow("unknown") << "Mars/Olympus_Mons" << false;
        QTest::newRow("offset is not a zone") << "+02:00" << false;
        QTest::newRow("lower case") << "europe/berlin" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("path traversal") << "../../etc/passwd" << false;
    }
    void timeZone() {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const auto status = validation::timeZone(value);
        QCOMPARE(status.ok(), valid);
        if (!valid)
            QCOMPARE(status.error().field, QStringLiteral("timezone"));
    }

    void username_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "alice" << true;
        QTest::newRow("digits and hyphen") << "dr-who-42" << true;
        QTest::newRow("upper case") << "Alice" << false;
        QTest::newRow("space") << "alice smith" << false;
        QTest::newRow("slash") << "alice/x" << false;
        QTest::newRow("leading hyphen") << "-alice" << false;
        QTest::newRow("underscore") << "alice_b" << false;
        QTest::newRow("non ascii") << QString::fromUtf8("jos\xc3\xa9") << false;
        QTest::newRow("reserved") << "api" << false;
        QTest::newRow("too long") << QString(65, u'a') << false;
        QTest::newRow("empty") << "" << false;
    }
    void username() {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const auto status = validation::username(value);
        QCOMPARE(status.ok(), valid);
        if (!valid)
            QCOMPARE(status.error().field, QStringLiteral("username"));
    }

    void timeOfDay_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("endOfDay");
        QTest::addColumn<int>("minutes"); // -1: refused
        QTest::newRow("nine") << "09:00" << false << 540;
        QTest::newRow("single digit hour") << "9:30" << false << 570;
        QTest::newRow("last minute") << "23:59" << false << 1439;
        QTest::newRow("midnight end") << "24:00" << true << 1440;
        QTest::newRow("midnight as start") << "24:00" << false << -1;
        QTest::newRow("25:00") << "25:00" << true << -1;
        QTest::newRow("minutes 60") << "10:60" << false << -1;
        QTest::newRow("no colon") << "0900" << false << -1;
        QTest::newRow("seconds") << "09:00:00" << false << -1;
        QTest::newRow("negative") << "-1:00" << false << -1;
        QTest::newRow("empty") << "" << false << -1;
    }
    void timeOfDay() {
        QFETCH(QString, value);
        QFETCH(bool, endOfDay);
        QFETCH(int, minutes);
        const auto result = validation::timeOfDay(value, QStringLiteral("from"), endOfDay);
        QCOMPARE(result.ok(), minutes >= 0);
        if (minutes >= 0)
            QCOMPARE(*result, minutes);
        else
            QCOMPARE(result.error().field, QStringLiteral("from"));
    }

    void dayOfWeek_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("day"); // -1: refused
        QTest::newRow("sun") << "sun" << 0;
        QTest::newRow("Monday") << "Monday" << 1;
        QTest::newRow("SAT") << "SAT" << 6;
        QTest::newRow("0") << "0" << 0;
        QTest::newRow("6") << "6" << 6;
        QTest::newRow("7") << "7" << -1;
        QTest::newRow("8") << "8" << -1;
        QTest::newRow("-1") << "-1" << -1;
        QTest::newRow("word") << "someday" << -1;
    }
    void dayOfWeek() {
        QFETCH(QString, value);
        QFETCH(int, day);
        const auto result = validation::dayOfWeek(value);
        QCOMPARE(result.ok(), day >= 0);
        if (day >= 0)
            QCOMPARE(*result, day);
        else
            QCOMPARE(result.error().field, QStringLiteral("dayOfWeek"));
    }

    void bookingLength_data() {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("5 min") << 5 << false;
        QTest::newRow("14 min") << 14 << false;
        QTest::newRow("15 min") << 15 << true;
        QTest::newRow("8 h") << 480 << true;
        QTest::newRow("8 h 1 min") << 481 << false;
        QTest::newRow("9 h") << 540 << false;
    }
    void bookingLength() {
        QFETCH(int, minutes);
        QFETCH(bool, valid);
        QCOMPARE(validation::bookingLength(minutes).ok(), valid);
        Booking b =
            test::makeBooking(QStringLiteral("u"), test::utc("2026-12-01T08:00:00Z"), minutes);
        const auto status = validation::booking(b);
        QCOMPARE(status.ok(), valid);
        if (!valid)
            QCOMPARE(status.error().field, QStringLiteral("duration"));
    }

    void bookingRules() {
        const Booking good =
            test::makeBooking(QStringLiteral("u"), test::utc("2026-12-01T08:00:00Z"));
        QVERIFY(validation::booking(good).ok());

        Booking reversed = good;
        reversed.endTime = good.startTime;
        QCOMPARE(validation::booking(reversed).error().field, QStringLiteral("endTime"));

        Booking badEmail = good;
        badEmail.attendeeEmail = QStringLiteral("not-an-email");
        QCOMPARE(validation::booking(badEmail).error().field, QStringLiteral("attendeeEmail"));

        Booking badZone = good;
        badZone.timeZone = QStringLiteral("Atlantis/Capital");
        QCOMPARE(validation::booking(badZone).error().field, QStringLiteral("timezone"));

        Booking providerWithoutLink = good;
        providerWithoutLink.videoProvider = VideoProvider::GoogleMeet;
        QCOMPARE(validation::booking(providerWithoutLink).error().field,
                 QStringLiteral("videoLink"));
        providerWithoutLink.videoLink = QStringLiteral("https://meet.google.com/abc-defg-hij");
        QVERIFY(validation::booking(providerWithoutLink).ok());

        Booking requestedOnly = good; // the attendee's wish alone needs no link yet
        requestedOnly.requestedVideoProvider = VideoProvider::Zoom;
        QVERIFY(validation::booking(requestedOnly).ok());

        Booking localTimes = good;
        localTimes.startTime = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::OffsetFromUTC, 3600);
        localTimes.endTime = localTimes.startTime.addSecs(1800);
        QCOMPARE(validation::booking(localTimes).error().field, QStringLiteral("startTime"));

        Booking controlChars = good;
        controlChars.attendeeName = QStringLiteral("Bob\x01");
        QCOMPARE(validation::booking(controlChars).error().field, QStringLiteral("attendeeName"));
    }

    void availabilityBlockRules() {
        AvailabilityBlock b{
            {}, QStringLiteral("u"), 1, 540, 1020, QStringLiteral("Europe/Berlin"), true, {}, {}};
        QVERIFY(validation::availabilityBlock(b).ok());
        AvailabilityBlock day8 = b;
        day8.dayOfWeek = 8;
        QCOMPARE(validation::availabilityBlock(day8).error().field, QStringLiteral("dayOfWeek"));
        AvailabilityBlock backwards = b;
        backwards.endMinute = 500;
        QCOMPARE(validation::availabilityBlock(backwards).error().field, QStringLiteral("endTime"));
        AvailabilityBlock zone = b;
        zone.timeZone = QStringLiteral("Nowhere/Land");
        QCOMPARE(validation::availabilityBlock(zone).error().field, QStringLiteral("timezone"));
    }

    void rfc3339Parsing() {
        auto withOffset = timeformat::parseRfc3339(QStringLiteral("2026-12-01T09:00:00+01:00"),
                                                   QStringLiteral("start"));
        QVERIFY(withOffset.ok());
        QCOMPARE(*withOffset, test::utc("2026-12-01T08:00:00Z"));
        QCOMPARE(timeformat::toRfc3339Utc(*withOffset), QStringLiteral("2026-12-01T08:00:00Z"));
        QCOMPARE(
            timeformat::toRfc3339WithOffset(test::utc("2026-12-01T08:00:00Z"), 5 * 3600 + 45 * 60),
            QStringLiteral("2026-12-01T13:45:00+05:45"));
        QCOMPARE(timeformat::toRfc3339WithOffset(test::utc("2026-12-01T08:00:00Z"),
                                                 -(3 * 3600 + 30 * 60)),
                 QStringLiteral("2026-12-01T04:30:00-03:30"));
        for (const char* bad : {"2026-12-01 09:00", "2026-12-01T09:00:00", "2026-13-01T09:00:00Z",
                                "tomorrow", "2026-12-01T25:00:00Z"}) {
            auto parsed =
                timeformat::parseRfc3339(QString::fromLatin1(bad), QStringLiteral("start"));
            QVERIFY2(!parsed.ok(), bad);
            QCOMPARE(parsed.error().field, QStringLiteral("start"));
        }
    }

    // A booking's start: whole seconds, decided on the text (QDateTime keeps milliseconds only,
    // so ".0000001" would look whole after parsing).
    void rfc3339WholeSeconds() {
        for (const char* whole : {"2026-12-01T09:00:00+01:00", "2026-12-01T09:00:00.0+01:00",
                                  "2026-12-01T09:00:00.000000000+01:00", "2026-12-01T08:00:00Z"}) {
            auto parsed = timeformat::parseRfc3339WholeSeconds(QString::fromLatin1(whole),
                                                               QStringLiteral("start"));
            QVERIFY2(parsed.ok(), whole);
            QCOMPARE(*parsed, test::utc("2026-12-01T08:00:00Z"));
        }
        for (const char* fractional :
             {"2026-12-01T09:00:00.1234567+01:00", "2026-12-01T09:00:00.0000001+01:00",
              "2026-12-01T09:00:00.000000001Z", "2026-12-01T09:00:00.5Z",
              "2026-12-01T09:00:00.999999999Z"}) {
            auto parsed = timeformat::parseRfc3339WholeSeconds(QString::fromLatin1(fractional),
                                                               QStringLiteral("start"));
            QVERIFY2(!parsed.ok(), fractional);
            QCOMPARE(parsed.error().field, QStringLiteral("start"));
        }
        QVERIFY(!timeformat::parseRfc3339WholeSeconds(QStringLiteral("2026-12-01T09:00:00.Z"),
                                                      QStringLiteral("start"))
                     .ok());
        QVERIFY(validation::wholeSecond(test::utc("2026-12-01T08:00:00Z"), "start").ok());
        QCOMPARE(validation::wholeSecond(test::utc("2026-12-01T08:00:00Z").addMSecs(1), "start")
                     .error()
                     .field,
                 QStringLiteral("start"));
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
