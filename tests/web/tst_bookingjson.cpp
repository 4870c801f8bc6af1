// BookingRequestJson without a server or database: what each body becomes (a checked request,
// 400 Malformed or 422 naming the field), and the fuzz seed corpus (tests/fuzz/corpus/
// booking_json/) read the way the fuzz target reads it, so every seed stays meaningful.

#include "domain/Validation.h"
#include "support/TestData.h"
#include "web/BookingRequestJson.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace slotdesk;
using web::BookingRequestJson;

namespace {

const QByteArray kValid =
    R"({"start":"2026-12-01T09:00:00+01:00","duration":30,"name":"Bob Example",)"
    R"("email":"bob@example.com","notes":"About the roadmap","timezone":"Europe/Paris"})";

QByteArray withField(const char* field, const QByteArray& rawValue) {
    QByteArray body = kValid;
    body.chop(1);
    return body + ",\"" + field + "\":" + rawValue + '}';
}

// "ok", "400" or "422 <field>": what a body comes to.
QString outcome(const Result<BookingRequest>& parsed) {
    if (parsed)
        return QStringLiteral("ok");
    if (parsed.error().code == ErrorCode::Malformed)
        return QStringLiteral("400");
    if (parsed.error().code == ErrorCode::Validation)
        return QStringLiteral("422 ") + parsed.error().field;
    return QStringLiteral("other: ") + parsed.error().message;
}

} // namespace

class TestBookingJson : public QObject {
    Q_OBJECT

private slots:
    void validBody() {
        auto parsed = BookingRequestJson::parseBooking(kValid);
        QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->start, test::utc("2026-12-01T08:00:00Z"));
        QCOMPARE(parsed->duration, 30);
        QCOMPARE(parsed->name, QString("Bob Example"));
        QCOMPARE(parsed->email, QString("bob@example.com"));
        QCOMPARE(parsed->notes, QString("About the roadmap"));
        QCOMPARE(parsed->timeZone, QString("Europe/Paris"));
        QVERIFY(!parsed->videoProvider);
        auto zoom = BookingRequestJson::parseBooking(withField("videoProvider", R"("zoom")"));
        QCOMPARE(zoom->videoProvider, std::optional(VideoProvider::Zoom));
    }

    void bodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const auto replaced = [](const char* from, const QByteArray& to) {
            return QByteArray(kValid).replace(from, to);
        };
        QTest::newRow("surrogate pair escape")
            << replaced(R"("Bob Example")", R"("Bob \ud83e\udd84")") << "ok";
        QTest::newRow("escaped backslash before u")
            << replaced(R"("Bob Example")", R"("Bob \\ud800")") << "ok";
        QTest::newRow("fraction of zeros")
            << replaced("09:00:00+01:00", "09:00:00.000000+01:00") << "ok";
        QTest::newRow("unknown fields are ignored") << withField("colour", R"("blue")") << "ok";
        QTest::newRow("fraction") << replaced("09:00:00+01:00", "09:00:00.1234567+01:00")
                                  << "422 start";
        QTest::newRow("tiny fraction")
            << replaced("09:00:00+01:00", "09:00:00.0000001+01:00") << "422 start";
        QTest::newRow("high surrogate alone")
            << replaced(R"("Bob Example")", R"("\ud800x")") << "422 name";
        QTest::newRow("high surrogate, then a high one")
            << replaced(R"("Bob Example")", R"("\ud800\ud800")") << "422 name";
        QTest::newRow("high surrogate, then a short escape")
            << replaced(R"("Bob Example")", R"("\ud800\u00")") << "422 name";
        QTest::newRow("low surrogate alone")
            << replaced(R"("About the roadmap")", R"("\uDC00")") << "422 notes";
        QTest::newRow("surrogate in a nested value")
            << withField("extra", R"({"deep":["\ud800"]})") << "422 extra";
        QTest::newRow("surrogate in the time zone")
            << replaced(R"("Europe/Paris")", R"("Europe/Paris\ud800")") << "422 timezone";
        // timeZone: the name before the data model's, still taken; timezone wins over it.
        QTest::newRow("old name timeZone") << replaced(R"("timezone")", R"("timeZone")") << "ok";
        QTest::newRow("old name timeZone, bad value")
            << replaced(R"("timezone":"Europe/Paris")", R"("timeZone":"Mars/Olympus")")
            << "422 timezone";
        QTest::newRow("no zone at all")
            << replaced(R"(,"timezone":"Europe/Paris")", "") << "422 timezone";
        QTest::newRow("timezone wins over timeZone")
            << withField("timeZone", R"("Mars/Olympus")") << "ok";
        QTest::newRow("invalid UTF-8")
            << replaced(R"("About the roadmap")", "\"\xff\"") << "422 notes";
        QTest::newRow("5-byte UTF-8 lead")
            << replaced(R"("About the roadmap")", "\"\xf8\x88\x80\x80\x80\"") << "422 notes";
        QTest::newRow("above U+10FFFF")
            << replaced(R"("About the roadmap")", "\"\xf4\x90\x80\x80\"") << "422 notes";
        QTest::newRow("surrogate in a key") << withField("\\udc00", "1") << "400";
        QTest::newRow("invalid UTF-8 in a key") << withField("\xff", "1") << "400";
        QTest::newRow("not an object") << QByteArray(R"(["\ud800"])") << "400";
        QTest::newRow("empty") << QByteArray() << "400";
        QTest::newRow("deep nesting")
            << withField("extra", QByteArray(100000, '[') + QByteArray(100000, ']')) << "400";
        QTest::newRow("duration 1e308")
            << QByteArray(kValid).replace(":30,", ":1e308,") << "422 duration";
        QTest::newRow("name too long")
            << replaced(R"("Bob Example")",
                        '"' + QByteArray(validation::kMaxNameLength + 1, 'n') + '"')
            << "422 name";
        QTest::newRow("unknown video provider")
            << withField("videoProvider", R"("skype")") << "422 videoProvider";
    }
    void bodies() {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QCOMPARE(outcome(BookingRequestJson::parseBooking(body)), expected);
    }

    void cancelReason() {
        QCOMPARE(*BookingRequestJson::parseCancelReason({}), QString());
        QCOMPARE(*BookingRequestJson::parseCancelReason(" \r\n"), QString());
        const QByteArray plain = R"({"reason":"Plans changed"})";
        const QByteArray surrogate = R"({"reason":"\udc00"})";
        QCOMPARE(*BookingRequestJson::parseCancelReason(plain), QString("Plans changed"));
        QCOMPARE(BookingRequestJson::parseCancelReason(surrogate).error().field, QString("reason"));
        QCOMPARE(BookingRequestJson::parseCancelReason("{reason").error().code,
                 ErrorCode::Malformed);
        const QByteArray atLimit =
            "{\"reason\":\"" + QByteArray(validation::kMaxReasonLength, 'r') + "\"}";
        const QByteArray overLimit =
            "{\"reason\":\"r" + QByteArray(validation::kMaxReasonLength, 'r') + "\"}";
        QVERIFY(BookingRequestJson::parseCancelReason(atLimit).ok());
        QCOMPARE(BookingRequestJson::parseCancelReason(overLimit).error().field, QString("reason"));
    }

    // The fuzz target's seeds: valid_* are accepted, everything else refused as the caller's
    // mistake (never an internal error).
    // POST …/reschedule: start and duration required, the zone optional (either spelling).
    void rescheduleBodies() {
        const auto parse = [](const QByteArray& body) {
            const auto parsed = BookingRequestJson::parseReschedule(body);
            if (parsed)
                return QStringLiteral("ok %1 %2 %3")
                    .arg(parsed->start.toString(Qt::ISODate))
                    .arg(parsed->duration)
                    .arg(parsed->timeZone);
            return QStringLiteral("%1 %2").arg(errorCodeName(parsed.error().code),
                                               parsed.error().field);
        };
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00+01:00","duration":30})"),
                 QString("ok 2026-12-01T08:00:00Z 30 "));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00Z","duration":45,"timeZone":"Asia/Tokyo"})"),
                 QString("ok 2026-12-01T09:00:00Z 45 Asia/Tokyo"));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00Z","duration":45,"timezone":"UTC"})"),
                 QString("ok 2026-12-01T09:00:00Z 45 UTC"));
        QCOMPARE(parse(R"({"duration":30})"), QString("validation start"));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00Z"})"), QString("validation duration"));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00.5Z","duration":30})"),
                 QString("validation start"));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00Z","duration":5})"),
                 QString("validation duration"));
        QCOMPARE(parse(R"({"start":"2026-12-01T09:00:00Z","duration":30,"timezone":"Mars/Base"})"),
                 QString("validation timezone"));
        QCOMPARE(parse("[]"), QString("malformed "));
    }

    void seedCorpus() {
        const QDir corpus(QStringLiteral(SLOTDESK_SOURCE_DIR "/tests/fuzz/corpus/booking_json"));
        const QStringList seeds = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(seeds.size() >= 10, qPrintable(corpus.path()));
        for (const QString& seed : seeds) {
            QFile file(corpus.filePath(seed));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const auto parsed = BookingRequestJson::parseBooking(file.readAll());
            const QString result = outcome(parsed);
            if (seed.startsWith(QLatin1String("valid_")))
                QVERIFY2(result == QLatin1String("ok"), qPrintable(seed + ": " + result));
            else
                QVERIFY2(result == QLatin1String("400") || result.startsWith(QLatin1String("422")),
                         qPrintable(seed + ": " + result));
        }
    }
};

QTEST_APPLESS_MAIN(TestBookingJson)
#include "tst_bookingjson.moc"
