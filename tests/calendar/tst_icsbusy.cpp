// IcsBusyParser: iCalendar text → busy intervals in UTC, and the slot engine fed with them,
// checked against an independent expansion (tests/support/expand_ics.py: Python's icalendar and
// dateutil, the system tz database instead of the file's VTIMEZONE). The larger calendars are
// files in tests/calendar/ics/.

#include "calendar/IcsBusyParser.h"
#include "support/CalendarChecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace slotdesk;

namespace {

QDateTime utc(const char* text) {
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

QByteArray calendar(const QByteArray& body, const QByteArray& header = {}) {
    QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + header + body +
                      "END:VCALENDAR\r\n";
    return text.replace("\n", "\r\n").replace("\r\r\n", "\r\n");
}

IcsBusyParser::Options window(const char* from, const char* to,
                              const QString& zone = QStringLiteral("Europe/Berlin")) {
    IcsBusyParser::Options options;
    options.from = utc(from);
    options.to = utc(to);
    options.fallbackZone = zone;
    options.ownAddresses = {QStringLiteral("Admin@Example.com")};
    return options;
}

QVector<CalendarEvent> parsed(const QByteArray& text, const IcsBusyParser::Options& options) {
    auto outcome = IcsBusyParser(options).parse(text);
    if (!outcome) {
        qWarning() << outcome.error().message;
        return {};
    }
    return outcome->events;
}

const CalendarEvent* byId(const QVector<CalendarEvent>& events, const char* id) {
    for (const auto& e : events)
        if (e.externalEventId == QString::fromUtf8(id))
            return &e;
    return nullptr;
}

QStringList ids(const QVector<CalendarEvent>& events) {
    QStringList out;
    for (const auto& e : events)
        out.append(e.externalEventId);
    return out;
}

// The ids of the instances of `uid` that start at `starts` (UTC or dates, as a RECURRENCE-ID).
QStringList instances(const char* uid, std::initializer_list<const char*> starts) {
    QStringList out;
    for (const char* start : starts)
        out.append(QString::fromUtf8(uid) + u'/' + QString::fromLatin1(start));
    return out;
}

} // namespace

class TestIcsBusy : public QObject {
    Q_OBJECT
private slots:
    void singleEventInItsVTimezone();
    void vtimezoneDefinitionWinsOverTheName();
    void unknownTzidReadsInTheCalendarZone();
    void floatingAndAllDayUseTheCalendarZone();
    void allDayFallsBackToTheAdminsZone();
    void weeklyRuleWithExdateMovedAndCancelledInstances();
    void untilInUtcAgainstZonedStart();
    void rdatesAddInstances();
    void transparentDeclinedAndCancelled();
    void windowKeepsOnlyOverlappingInstances();
    void runawayRuleStops();
    void brokenEventIsSkippedNotFatal();
    void notICalendarIsAnError();
    void dstCrossingWeeklyMatchesIndependentExpansion();
};

void TestIcsBusy::singleEventInItsVTimezone() {
    const auto events = parsed(calendar(R"(BEGIN:VEVENT
UID:one@test
DTSTAMP:20270101T000000Z
DTSTART;TZID=America/New_York:20270115T093000
DTEND;TZID=America/New_York:20270115T103000
SUMMARY:Stand-up
END:VEVENT
)",
                                        test::kNewYorkTimeZone),
                               window("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].externalEventId, QStringLiteral("one@test"));
    QCOMPARE(events[0].startTime, utc("2027-01-15T14:30:00Z")); // EST, UTC-5
    QCOMPARE(events[0].endTime, utc("2027-01-15T15:30:00Z"));
    QCOMPARE(events[0].title, QStringLiteral("Stand-up"));
    QVERIFY(events[0].isBusy);
}

void TestIcsBusy::vtimezoneDefinitionWinsOverTheName() {
    // A zone named like an IANA zone but defined otherwise in the data: the data's definition
    // counts (RFC 5545 3.6.5), here a fixed UTC+05:30.
    const QByteArray zone = R"(BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:STANDARD
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
DTSTART:19700101T000000
END:STANDARD
END:VTIMEZONE
)";
    const auto events = parsed(calendar(R"(BEGIN:VEVENT
UID:custom@test
DTSTART;TZID=Europe/Paris:20270701T120000
DURATION:PT45M
END:VEVENT
)",
                                        zone),
                               window("2027-06-01T00:00:00Z", "2027-08-01T00:00:00Z"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].startTime, utc("2027-07-01T06:30:00Z"));
    QCOMPARE(events[0].endTime, utc("2027-07-01T07:15:00Z"));
}

void TestIcsBusy::unknownTzidReadsInTheCalendarZone() {
    // Outlook's names without a VTIMEZONE: not in the tz database, so the calendar's zone.
    const auto events = parsed(calendar(R"(BEGIN:VEVENT
UID:outlook@test
DTSTART;TZID=W. Europe Standard Time:20270701T120000
DTEND;TZID=W. Europe Standard Time:20270701T130000
END:VEVENT
)",
                                        "X-WR-TIMEZONE:Asia/Tokyo\r\n"),
                               window("2027-06-01T00:00:00Z", "2027-08-01T00:00:00Z"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].startTime, utc("2027-07-01T03:00:00Z")); // Tokyo, UTC+9
}

void TestIcsBusy::floatingAndAllDayUseTheCalendarZone() {
    auto outcome = IcsBusyParser(window("2027-06-01T00:00:00Z", "2027-08-01T00:00:00Z"))
                       .parse(calendar(R"(BEGIN:VEVENT
UID:floating@test
DTSTART:20270701T090000
DTEND:20270701T100000
END:VEVENT
BEGIN:VEVENT
UID:allday@test
DTSTART;VALUE=DATE:20270702
DTEND;VALUE=DATE:20270704
SUMMARY:Conference
END:VEVENT
BEGIN:VEVENT
UID:oneday@test
DTSTART;VALUE=DATE:20270710
END:VEVENT
)",
                                       "X-WR-TIMEZONE:America/New_York\r\n"));
    QVERIFY(outcome);
    QCOMPARE(outcome->zone, QStringLiteral("America/New_York"));
    const auto& events = outcome->events;
    QCOMPARE(events.size(), 3);
    QCOMPARE(byId(events, "floating@test")->startTime, utc("2027-07-01T13:00:00Z")); // EDT
    QCOMPARE(byId(events, "allday@test")->startTime, utc("2027-07-02T04:00:00Z"));
    QCOMPARE(byId(events, "allday@test")->endTime, utc("2027-07-04T04:00:00Z"));
    QCOMPARE(byId(events, "oneday@test")->endTime, utc("2027-07-11T04:00:00Z"));
}

void TestIcsBusy::allDayFallsBackToTheAdminsZone() {
    const QByteArray body = R"(BEGIN:VEVENT
UID:allday@test
DTSTART;VALUE=DATE:20270102
END:VEVENT
)";
    auto berlin = parsed(calendar(body), window("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"));
    QCOMPARE(berlin.size(), 1);
    QCOMPARE(berlin[0].startTime, utc("2027-01-01T23:00:00Z"));
    QCOMPARE(berlin[0].endTime, utc("2027-01-02T23:00:00Z"));
    // A zone that is not one (and an X-WR-TIMEZONE that is not one either): UTC.
    auto nowhere = parsed(
        calendar(body, "X-WR-TIMEZONE:Mars/Olympus\r\n"),
        window("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z", QStringLiteral("Nowhere/Special")));
    QCOMPARE(nowhere.size(), 1);
    QCOMPARE(nowhere[0].startTime, utc("2027-01-02T00:00:00Z"));
}

void TestIcsBusy::weeklyRuleWithExdateMovedAndCancelledInstances() {
    // Mondays 10:00-11:00 New York, six times; the 2nd excluded, the 3rd moved to Wednesday
    // 15:00 (keeping its length), the 4th cancelled, the 5th made two hours long.
    const auto events = parsed(test::icsFile("weekly-exdate-moved-cancelled.ics"),
                               window("2027-01-01T00:00:00Z", "2027-03-01T00:00:00Z"));
    QCOMPARE(ids(events), instances("weekly@test", {"20270104T150000Z", "20270118T150000Z",
                                                    "20270201T150000Z", "20270208T150000Z"}));
    const auto* moved = byId(events, "weekly@test/20270118T150000Z");
    QCOMPARE(moved->startTime, utc("2027-01-20T20:00:00Z"));
    QCOMPARE(moved->endTime, utc("2027-01-20T21:00:00Z"));
    QCOMPARE(moved->title, QStringLiteral("Weekly (moved)"));
    QCOMPARE(byId(events, "weekly@test/20270201T150000Z")->endTime, utc("2027-02-01T17:00:00Z"));
}

void TestIcsBusy::untilInUtcAgainstZonedStart() {
    // UNTIL is an instant: 09:00Z is exactly the 10:00 Berlin (CET) start, so that day counts.
    const auto events = parsed(test::icsFile("until-utc-zoned-start.ics"),
                               window("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"));
    QCOMPARE(ids(events),
             instances("daily@test", {"20270104T090000Z", "20270105T090000Z", "20270106T090000Z"}) +
                 instances("days@test", {"20270110", "20270111"}));
}

void TestIcsBusy::rdatesAddInstances() {
    const auto events =
        parsed(test::icsFile("rdates.ics"), window("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"));
    QCOMPARE(ids(events),
             instances("rdate@test", {"20270301T080000Z", "20270305T120000Z", "20270310T070000Z"}));
    QCOMPARE(byId(events, "rdate@test/20270305T120000Z")->endTime, utc("2027-03-05T13:00:00Z"));
    QCOMPARE(byId(events, "rdate@test/20270310T070000Z")->endTime, utc("2027-03-10T11:30:00Z"));
}

void TestIcsBusy::transparentDeclinedAndCancelled() {
    const auto events = parsed(test::icsFile("transparent-declined-cancelled.ics"),
                               window("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"));
    QCOMPARE(ids(events), (QStringList{QStringLiteral("free@test"), QStringLiteral("declined@test"),
                                       QStringLiteral("othersdeclined@test"),
                                       QStringLiteral("tentative@test")}));
    QVERIFY(!byId(events, "free@test")->isBusy);
    QVERIFY(!byId(events, "declined@test")->isBusy);
    QVERIFY(byId(events, "othersdeclined@test")->isBusy);
    QVERIFY(byId(events, "tentative@test")->isBusy);
}

void TestIcsBusy::windowKeepsOnlyOverlappingInstances() {
    // Daily since 2020 at 23:30-00:30 UTC: only instances overlapping the window, including the
    // one that began before it and ends inside.
    const auto events = parsed(test::icsFile("window-overlapping.ics"),
                               window("2027-03-01T00:00:00Z", "2027-03-03T00:00:00Z"));
    QCOMPARE(ids(events),
             instances("old@test", {"20270228T233000Z", "20270301T233000Z", "20270302T233000Z"}));
}

void TestIcsBusy::runawayRuleStops() {
    auto options = window("2027-03-01T00:00:00Z", "2027-03-02T00:00:00Z");
    options.maxInstancesPerEvent = 1000;
    const auto events = parsed(calendar(R"(BEGIN:VEVENT
UID:secondly@test
DTSTART:20270301T000000Z
DURATION:PT1S
RRULE:FREQ=SECONDLY
END:VEVENT
)"),
                               options);
    QCOMPARE(events.size(), 1000); // DTSTART is the rule's first instance too
    QCOMPARE(events.last().startTime, utc("2027-03-01T00:16:39Z"));
}

void TestIcsBusy::brokenEventIsSkippedNotFatal() {
    auto outcome = IcsBusyParser(window("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"))
                       .parse(calendar(R"(BEGIN:VEVENT
UID:nostart@test
SUMMARY:No start
END:VEVENT
BEGIN:VEVENT
UID:good@test
DTSTART:20270301T080000Z
DTEND:20270301T090000Z
END:VEVENT
BEGIN:VEVENT
UID:backwards@test
DTSTART:20270302T080000Z
DTEND:20270302T070000Z
END:VEVENT
)"));
    QVERIFY(outcome);
    QCOMPARE(outcome->skipped, 1);
    QCOMPARE(ids(outcome->events), QStringList{QStringLiteral("good@test")});
}

void TestIcsBusy::notICalendarIsAnError() {
    IcsBusyParser parser(window("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"));
    for (const QByteArray& text : {QByteArray(), QByteArray("<html>Not found</html>"),
                                   QByteArray("BEGIN:VCARD\r\nEND:VCARD\r\n")}) {
        auto outcome = parser.parse(text);
        QVERIFY2(!outcome, text.constData());
        QCOMPARE(outcome.error().code, ErrorCode::Malformed);
    }
}

void TestIcsBusy::dstCrossingWeeklyMatchesIndependentExpansion() {
    // Mondays 10:00-11:00 New York across both DST switches of 2027 (US: 14 March, EU: 28
    // March), seen by an admin in Berlin; an EXDATE, a moved and a cancelled instance, a
    // transparent weekly event and a Berlin series crossing the EU switch.
    const QByteArray text = test::icsFile("dst-crossing-weekly.ics");
    const auto options = window("2027-02-20T00:00:00Z", "2027-05-01T00:00:00Z");
    const auto events = parsed(text, options);
    QCOMPARE(events.size(), 12); // New York: 8 - EXDATE - cancelled; Berlin: 3; free: 3
    // The instance between the two switches: EDT (UTC-4) already, Berlin still CET.
    const auto* between = byId(events, "ny@test/20270315T140000Z");
    QVERIFY(between);
    QCOMPARE(between->startTime, utc("2027-03-15T14:00:00Z"));
    QCOMPARE(byId(events, "ny@test/20270301T150000Z")->startTime, utc("2027-03-01T15:00:00Z"));
    QCOMPARE(byId(events, "berlin@test/20270330T070000Z")->startTime, utc("2027-03-30T07:00:00Z"));

    const QJsonArray ours = test::busyRows(events);
    const QJsonArray expected =
        test::expandIcs(text, options.from, options.to, options.fallbackZone);
    QCOMPARE(QJsonDocument(ours).toJson(QJsonDocument::Compact),
             QJsonDocument(expected).toJson(QJsonDocument::Compact));

    // The slot engine with either set of busy time: Mondays and Tuesdays 08:00-20:00 Berlin,
    // one-hour slots. Both must offer the same slots, and those must step around the meeting.
    const test::BerlinSlots engine({1, 2}, options.from);
    const auto mine = engine.allSlots(ours);
    // 18 days of 12 slots; 6 New York and 3 Berlin instances take one each.
    QCOMPARE(mine.size(), 18 * 12 - 9);
    QVERIFY(mine == engine.allSlots(expected));

    auto offered = [&](const char* start) { return engine.offers(ours, start); };
    QVERIFY(!offered("2027-03-08T15:00:00Z")); // 16:00 Berlin, 10:00 EST: busy
    QVERIFY(offered("2027-03-15T15:00:00Z"));  // 16:00 Berlin is free once New York is on EDT
    QVERIFY(!offered("2027-03-15T14:00:00Z")); // ... and 15:00 Berlin is not
    QVERIFY(!offered("2027-03-29T14:00:00Z")); // both on summer time: 16:00 Berlin again
    QVERIFY(offered("2027-03-22T14:00:00Z"));  // the EXDATE
    QVERIFY(offered("2027-04-05T14:00:00Z"));  // moved away ...
    QVERIFY(!offered("2027-04-05T17:00:00Z")); // ... to 13:00 New York
    QVERIFY(offered("2027-04-12T14:00:00Z"));  // cancelled
    QVERIFY(!offered("2027-03-30T07:00:00Z")); // Berlin 09:00 CEST
    QVERIFY(offered("2027-03-23T07:00:00Z"));  // Berlin 09:00 CET is 08:00 UTC, 07:00 is free
}

QTEST_GUILESS_MAIN(TestIcsBusy)
#include "tst_icsbusy.moc"
