// Slot engine behaviour, pinned to hand-checked UTC instants (cross-checked with `TZ=... date -d`).
// The 2026 transitions used below:
//   America/New_York     Mar 8  02:00 EST -> 03:00 EDT at 07:00Z;  Nov 1  02:00 EDT -> 01:00 EST at
//   06:00Z Europe/Berlin        Mar 29 02:00 CET -> 03:00 CEST at 01:00Z; Oct 25 03:00 CEST ->
//   02:00 CET at 01:00Z Australia/Lord_Howe  Apr 5  02:00 (+11) -> 01:30 (+10:30) at Apr 4 15:00Z;
//                        Oct 4  02:00 (+10:30) -> 02:30 (+11) at Oct 3 15:30Z
//   Asia/Kathmandu +05:45, Pacific/Honolulu -10:00, Pacific/Kiritimati +14:00, Asia/Tokyo +09:00.

#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "scheduling/SlotEngine.h"

using slotdesk::scheduling::DateOverride;
using slotdesk::scheduling::Instant;
using slotdesk::scheduling::Interval;
using slotdesk::scheduling::LocalTime;
using slotdesk::scheduling::Slot;
using slotdesk::scheduling::SlotDay;
using slotdesk::scheduling::SlotEngine;
using slotdesk::scheduling::SlotInput;
using slotdesk::scheduling::SlotQuery;
using slotdesk::scheduling::WeeklyBlock;

Q_DECLARE_METATYPE(slotdesk::scheduling::SlotInput)
Q_DECLARE_METATYPE(slotdesk::scheduling::SlotQuery)

namespace {

using std::chrono::minutes;

enum Day { Sun, Mon, Tue, Wed, Thu, Fri, Sat };

int digits(const std::string& text, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') {
            throw std::invalid_argument("bad test literal: " + text);
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

date::year_month_day ymd(const char* text) {
    const std::string s(text);
    return date::year{digits(s, 0, 4)} / digits(s, 5, 2) / digits(s, 8, 2);
}

// "HH:MM" -> minutes after midnight; "24:00" is allowed.
int hm(const char* text) {
    const std::string s(text);
    return digits(s, 0, 2) * 60 + digits(s, 3, 2);
}

// "2026-03-08T07:00:00Z" -> instant, by plain sys_days arithmetic.
Instant utc(const QString& text) {
    const std::string s = text.toStdString();
    if (s.size() != 20 || s[10] != 'T' || s[19] != 'Z') {
        throw std::invalid_argument("bad UTC literal: " + s);
    }
    const date::sys_days day{ymd(s.c_str())};
    return Instant{day} + std::chrono::hours{digits(s, 11, 2)} + minutes{digits(s, 14, 2)} +
           std::chrono::seconds{digits(s, 17, 2)};
}

QString iso(Instant t) {
    return QString::fromStdString(date::format("%FT%TZ", t));
}

QString clock(LocalTime t) {
    return QString::fromStdString(date::format("%H:%M", t));
}

QString dateText(date::year_month_day d) {
    return QString::fromStdString(date::format("%F", d));
}

WeeklyBlock block(int dayOfWeek, const char* from, const char* to, const char* zone) {
    return {dayOfWeek, hm(from), hm(to), zone};
}

DateOverride dayOverride(const char* day, const char* zone,
                         std::vector<DateOverride::Hours> hours = {}) {
    return {ymd(day), zone, std::move(hours)};
}

Interval span(const char* from, const char* to) {
    return {utc(from), utc(to)};
}

// Defaults chosen so that only what a row sets matters: no notice, far horizon, no buffers.
SlotInput input(std::vector<WeeklyBlock> blocks, int lengthMinutes = 30) {
    SlotInput in;
    in.blocks = std::move(blocks);
    in.rules.length = minutes{lengthMinutes};
    in.rules.minimumNotice = minutes{0};
    in.rules.horizon = std::chrono::days{1000};
    in.adminTimeZone = "UTC";
    return in;
}

SlotQuery query(const char* from, const char* to, const char* viewer = "UTC",
                const char* now = "2026-01-01T00:00:00Z") {
    return {ymd(from), ymd(to), viewer, utc(now)};
}

QStringList utcStarts(const std::vector<SlotDay>& days) {
    QStringList out;
    for (const SlotDay& day : days) {
        for (const Slot& slot : day.slotList) {
            out << iso(slot.start);
        }
    }
    return out;
}

bool computeOffers(const SlotInput& in, Instant start, Instant now) {
    const date::sys_days day = date::floor<date::days>(start);
    const SlotQuery around{date::year_month_day{day - date::days{1}},
                           date::year_month_day{day + date::days{1}}, "UTC", now};
    for (const SlotDay& d : SlotEngine::compute(in, around)) {
        for (const Slot& slot : d.slotList) {
            if (slot.start == start) {
                return true;
            }
        }
    }
    return false;
}

// Deterministic generator for the differential test.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed)
        : m_state(seed) {}
    std::int64_t below(std::int64_t bound) {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return static_cast<std::int64_t>(z % static_cast<std::uint64_t>(bound));
    }

private:
    std::uint64_t m_state;
};

} // namespace

class TestSlotEngine : public QObject {
    Q_OBJECT

private slots:
    void toInstant_data();
    void toInstant();
    void compute_data();
    void compute();
    void viewerGrouping_data();
    void viewerGrouping();
    void offers_data();
    void offers();
    void fullPeriod_data();
    void fullPeriod();
    void busyMatchesBruteForce_data();
    void busyMatchesBruteForce();
    void longChainAlignsToEpochGrid();
    void dailyBlocksFollowZoneRulesAllYear();
    void unknownZoneThrows();
};

void TestSlotEngine::toInstant_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("local"); // YYYY-MM-DD HH:MM
    QTest::addColumn<QString>("expected");

    QTest::newRow("NY ordinary") << "America/New_York"
                                 << "2026-01-12 09:00"
                                 << "2026-01-12T14:00:00Z";
    QTest::newRow("NY in spring gap -> after gap") << "America/New_York"
                                                   << "2026-03-08 02:30"
                                                   << "2026-03-08T07:00:00Z";
    QTest::newRow("NY repeated hour -> earlier") << "America/New_York"
                                                 << "2026-11-01 01:30"
                                                 << "2026-11-01T05:30:00Z";
    QTest::newRow("NY just after repeated hour") << "America/New_York"
                                                 << "2026-11-01 02:00"
                                                 << "2026-11-01T07:00:00Z";
    QTest::newRow("Berlin in spring gap") << "Europe/Berlin"
                                          << "2026-03-29 02:30"
                                          << "2026-03-29T01:00:00Z";
    QTest::newRow("Berlin repeated hour -> earlier") << "Europe/Berlin"
                                                     << "2026-10-25 02:30"
                                                     << "2026-10-25T00:30:00Z";
    QTest::newRow("Lord Howe repeated half hour -> earlier") << "Australia/Lord_Howe"
                                                             << "2026-04-05 01:45"
                                                             << "2026-04-04T14:45:00Z";
    QTest::newRow("Lord Howe in half-hour gap") << "Australia/Lord_Howe"
                                                << "2026-10-04 02:10"
                                                << "2026-10-03T15:30:00Z";
    QTest::newRow("Kathmandu midnight") << "Asia/Kathmandu"
                                        << "2026-03-09 00:00"
                                        << "2026-03-08T18:15:00Z";
}

void TestSlotEngine::toInstant() {
    QFETCH(QString, zone);
    QFETCH(QString, local);
    QFETCH(QString, expected);
    const std::string s = local.toStdString();
    const LocalTime wall = date::local_days{ymd(s.c_str())} + std::chrono::hours{digits(s, 11, 2)} +
                           minutes{digits(s, 14, 2)};
    QCOMPARE(iso(SlotEngine::toInstant(wall, zone.toStdString())), expected);
}

void TestSlotEngine::compute_data() {
    QTest::addColumn<SlotInput>("in");
    QTest::addColumn<SlotQuery>("q");
    QTest::addColumn<QStringList>("expected"); // UTC slot starts

    const char* ny = "America/New_York";
    const char* berlin = "Europe/Berlin";
    const char* lordHowe = "Australia/Lord_Howe";

    // --- DST in the block's own zone -----------------------------------------------------------
    QTest::newRow("NY block starting in spring gap")
        << input({block(Sun, "02:30", "04:00", ny)}) << query("2026-03-01", "2026-03-08")
        << QStringList{"2026-03-01T07:30:00Z", "2026-03-01T08:00:00Z", "2026-03-01T08:30:00Z",
                       "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"};
    QTest::newRow("NY block entirely inside spring gap vanishes")
        << input({block(Sun, "02:00", "02:45", ny)}) << query("2026-03-01", "2026-03-08")
        << QStringList{"2026-03-01T07:00:00Z"};
    QTest::newRow("NY block spanning fall-back repeated hour is 4h")
        << input({block(Sun, "00:00", "03:00", ny)}, 60) << query("2026-11-01", "2026-11-01")
        << QStringList{"2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z",
                       "2026-11-01T07:00:00Z"};
    QTest::newRow("NY block starting in repeated hour takes earlier instant")
        << input({block(Sun, "01:30", "03:00", ny)}) << query("2026-11-01", "2026-11-01")
        << QStringList{"2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z",
                       "2026-11-01T07:00:00Z", "2026-11-01T07:30:00Z"};
    QTest::newRow("Berlin spring-forward day is 2h for 01-04")
        << input({block(Sun, "01:00", "04:00", berlin)}, 60) << query("2026-03-29", "2026-03-29")
        << QStringList{"2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"};
    QTest::newRow("Berlin block starting in gap vs week before")
        << input({block(Sun, "02:15", "03:30", berlin)}) << query("2026-03-22", "2026-03-29")
        << QStringList{"2026-03-22T01:15:00Z", "2026-03-22T01:45:00Z", "2026-03-29T01:00:00Z"};
    QTest::newRow("Berlin fall-back day is 4h for 01-04")
        << input({block(Sun, "01:00", "04:00", berlin)}, 60) << query("2026-10-24", "2026-10-25")
        << QStringList{"2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z",
                       "2026-10-25T02:00:00Z"};
    QTest::newRow("Lord Howe DST end adds half an hour")
        << input({block(Sun, "01:00", "03:00", lordHowe)}) << query("2026-04-04", "2026-04-05")
        << QStringList{"2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:00:00Z",
                       "2026-04-04T15:30:00Z", "2026-04-04T16:00:00Z"};
    QTest::newRow("Lord Howe block starting in repeated half hour")
        << input({block(Sun, "01:45", "02:30", lordHowe)}) << query("2026-04-04", "2026-04-05")
        << QStringList{"2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z"};
    QTest::newRow("Lord Howe block starting in half-hour gap")
        << input({block(Sun, "02:00", "04:00", lordHowe)}) << query("2026-10-03", "2026-10-04")
        << QStringList{"2026-10-03T15:30:00Z", "2026-10-03T16:00:00Z", "2026-10-03T16:30:00Z"};
    QTest::newRow("Kathmandu +05:45")
        << input({block(Mon, "09:00", "10:00", "Asia/Kathmandu")})
        << query("2026-03-09", "2026-03-09")
        << QStringList{"2026-03-09T03:15:00Z", "2026-03-09T03:45:00Z"};

    // --- Union and alignment -------------------------------------------------------------------
    QTest::newRow("overlapping blocks align to union start")
        << input({block(Mon, "09:00", "11:00", ny), block(Mon, "10:15", "12:00", ny)})
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T14:00:00Z", "2026-01-12T14:30:00Z", "2026-01-12T15:00:00Z",
                       "2026-01-12T15:30:00Z", "2026-01-12T16:00:00Z", "2026-01-12T16:30:00Z"};
    QTest::newRow("overlapping blocks from different zones")
        << input({block(Mon, "09:00", "10:00", ny), block(Mon, "14:45", "16:00", "Europe/London")},
                 40)
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T14:00:00Z", "2026-01-12T14:40:00Z", "2026-01-12T15:20:00Z"};
    QTest::newRow("touching blocks are one interval")
        << input({block(Mon, "09:00", "10:15", "UTC"), block(Mon, "10:15", "11:00", "UTC")}, 45)
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:45:00Z"};
    QTest::newRow("interval shorter than length")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "10:30", "UTC")}, 60);
            in.rules.interval = minutes{15};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:15:00Z", "2026-01-12T09:30:00Z"};
    QTest::newRow("24:00 end") << input({block(Mon, "23:00", "24:00", "UTC")})
                               << query("2026-01-12", "2026-01-13")
                               << QStringList{"2026-01-12T23:00:00Z", "2026-01-12T23:30:00Z"};
    QTest::newRow("24:00 end on NY spring-forward day")
        << input({block(Sun, "22:00", "24:00", ny)}) << query("2026-03-08", "2026-03-09")
        << QStringList{"2026-03-09T02:00:00Z", "2026-03-09T02:30:00Z", "2026-03-09T03:00:00Z",
                       "2026-03-09T03:30:00Z"};

    // --- Busy time -----------------------------------------------------------------------------
    QTest::newRow("event straddling midnight")
        <<
        [] {
            SlotInput in = input(
                {block(Mon, "20:00", "24:00", "UTC"), block(Tue, "00:00", "04:00", "UTC")}, 60);
            in.busyEvents = {span("2026-01-12T23:00:00Z", "2026-01-13T01:00:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-13")
        << QStringList{"2026-01-12T20:00:00Z", "2026-01-12T21:00:00Z", "2026-01-12T22:00:00Z",
                       "2026-01-13T01:00:00Z", "2026-01-13T02:00:00Z", "2026-01-13T03:00:00Z"};
    QTest::newRow("events straddling block edges; grid stays on block start")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "12:00", "UTC")});
            in.busyEvents = {span("2026-01-12T08:30:00Z", "2026-01-12T09:40:00Z"),
                             span("2026-01-12T11:50:00Z", "2026-01-12T12:30:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z", "2026-01-12T11:00:00Z"};
    QTest::newRow("touching busy intervals do not block")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "11:00", "UTC")});
            in.busyEvents = {span("2026-01-12T08:00:00Z", "2026-01-12T09:00:00Z"),
                             span("2026-01-12T10:30:00Z", "2026-01-12T11:00:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", "2026-01-12T10:00:00Z"};
    QTest::newRow("unsorted overlapping busy intervals")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "13:00", "UTC")});
            in.busyEvents = {span("2026-01-12T11:00:00Z", "2026-01-12T11:20:00Z"),
                             span("2026-01-12T09:10:00Z", "2026-01-12T09:20:00Z"),
                             span("2026-01-12T09:15:00Z", "2026-01-12T10:00:00Z"),
                             span("2026-01-12T11:10:00Z", "2026-01-12T11:40:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z", "2026-01-12T12:00:00Z",
                       "2026-01-12T12:30:00Z"};
    QTest::newRow("all-day busy event (UTC day)")
        <<
        [] {
            SlotInput in =
                input({block(Mon, "09:00", "10:00", "UTC"), block(Tue, "09:00", "10:00", "UTC"),
                       block(Wed, "09:00", "10:00", "UTC")});
            in.busyEvents = {span("2026-01-13T00:00:00Z", "2026-01-14T00:00:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-14")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", "2026-01-14T09:00:00Z",
                       "2026-01-14T09:30:00Z"};
    QTest::newRow("all-day busy event (NY day)")
        <<
        [ny] {
            SlotInput in =
                input({block(Mon, "09:00", "10:00", ny), block(Tue, "09:00", "10:00", ny)});
            in.busyEvents = {span("2026-01-13T05:00:00Z", "2026-01-14T05:00:00Z")};
            return in;
        }()
        << query("2026-01-12", "2026-01-13")
        << QStringList{"2026-01-12T14:00:00Z", "2026-01-12T14:30:00Z"};
    QTest::newRow("buffers before and after")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "12:00", "UTC")});
            in.bookings = {span("2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z")};
            in.rules.bufferBefore = minutes{15};
            in.rules.bufferAfter = minutes{30};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T11:00:00Z", "2026-01-12T11:30:00Z"};
    QTest::newRow("buffer before only")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "12:00", "UTC")});
            in.busyEvents = {span("2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z")};
            in.rules.bufferBefore = minutes{15};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T10:30:00Z", "2026-01-12T11:00:00Z",
                       "2026-01-12T11:30:00Z"};
    QTest::newRow("buffer after only")
        <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "12:00", "UTC")});
            in.busyEvents = {span("2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z")};
            in.rules.bufferAfter = minutes{30};
            return in;
        }()
        << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z", "2026-01-12T11:00:00Z",
                       "2026-01-12T11:30:00Z"};
    QTest::newRow("pending booking passed blocks its slot") << [] {
        SlotInput in = input({block(Mon, "09:00", "10:00", "UTC")});
        in.bookings = {span("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z")};
        return in;
    }() << query("2026-01-12", "2026-01-12") << QStringList{"2026-01-12T09:30:00Z"};
    QTest::newRow("rejected booking (not passed) blocks nothing")
        << input({block(Mon, "09:00", "10:00", "UTC")}) << query("2026-01-12", "2026-01-12")
        << QStringList{"2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z"};

    // --- Notice and horizon --------------------------------------------------------------------
    QTest::newRow("minimum notice") <<
        [] {
            SlotInput in = input({block(Mon, "09:00", "12:00", "UTC")});
            in.rules.minimumNotice = minutes{60};
            return in;
        }() << query("2026-01-12", "2026-01-12", "UTC", "2026-01-12T08:50:00Z")
                                    << QStringList{"2026-01-12T10:00:00Z", "2026-01-12T10:30:00Z",
                                                   "2026-01-12T11:00:00Z", "2026-01-12T11:30:00Z"};
    // 00:30 EST + 2h of real time is 03:30 EDT (07:30Z), not the wall-clock 02:30.
    QTest::newRow("minimum notice across NY spring-forward") <<
        [ny] {
            SlotInput in = input({block(Sun, "00:00", "04:00", ny)});
            in.rules.minimumNotice = minutes{120};
            return in;
        }() << query("2026-03-08", "2026-03-08", ny, "2026-03-08T05:30:00Z")
                                                             << QStringList{"2026-03-08T07:30:00Z"};
    QTest::newRow("horizon is inclusive")
        <<
        [] {
            std::vector<WeeklyBlock> blocks;
            for (int d = Sun; d <= Sat; ++d) {
                blocks.push_back(block(d, "00:00", "01:00", "UTC"));
            }
            SlotInput in = input(blocks);
            in.rules.horizon = std::chrono::days{1};
            return in;
        }()
        << query("2026-01-11", "2026-01-15", "UTC", "2026-01-12T00:00:00Z")
        << QStringList{"2026-01-12T00:00:00Z", "2026-01-12T00:30:00Z", "2026-01-13T00:00:00Z"};

    // --- Daily cap (admin zone New York; 04:00Z on the 14th is still the 13th there) -----------
    const auto capped = [ny](int cap, std::vector<Interval> bookings) {
        SlotInput in = input({block(Tue, "09:00", "11:00", ny), block(Wed, "09:00", "11:00", ny)});
        in.adminTimeZone = ny;
        in.rules.maxBookingsPerDay = cap;
        in.bookings = std::move(bookings);
        return in;
    };
    const std::vector<Interval> twoOnTuesday = {
        span("2026-01-13T15:00:00Z", "2026-01-13T15:30:00Z"),
        span("2026-01-14T04:00:00Z", "2026-01-14T04:30:00Z")};
    const QStringList wednesday = {"2026-01-14T14:00:00Z", "2026-01-14T14:30:00Z",
                                   "2026-01-14T15:00:00Z", "2026-01-14T15:30:00Z"};
    QTest::newRow("daily cap reached")
        << capped(2, twoOnTuesday) << query("2026-01-13", "2026-01-14") << wednesday;
    QTest::newRow("daily cap not reached")
        << capped(3, twoOnTuesday) << query("2026-01-13", "2026-01-14")
        << (QStringList{"2026-01-13T14:00:00Z", "2026-01-13T14:30:00Z", "2026-01-13T15:30:00Z"} +
            wednesday);
    QTest::newRow("daily cap counts admin-local date")
        << capped(1, {span("2026-01-14T04:00:00Z", "2026-01-14T04:30:00Z")})
        << query("2026-01-13", "2026-01-14") << wednesday;

    // --- Weekly and monthly caps: periods of the admin's calendar, across DST changes ----------
    // Berlin's week of Mon 2026-03-23 runs from 2026-03-22T23:00Z (CET) to 2026-03-29T22:00Z
    // (CEST): 167 hours. Slots on the Sundays 23:00-24:00 and the Mondays 00:30-01:00, Berlin.
    const auto berlinWeekCap = [berlin](std::vector<Interval> bookings) {
        SlotInput in =
            input({block(Sun, "23:00", "24:00", berlin), block(Mon, "00:30", "01:00", berlin)});
        in.adminTimeZone = berlin;
        in.rules.maxBookingsPerWeek = 1;
        in.bookings = std::move(bookings);
        return in;
    };
    QTest::newRow("weekly cap: the full week's slots go, the next week's after 22:00Z stay")
        << berlinWeekCap({span("2026-03-25T12:00:00Z", "2026-03-25T12:30:00Z")})
        << query("2026-03-22", "2026-03-30")
        << QStringList{"2026-03-22T22:00:00Z", "2026-03-22T22:30:00Z", "2026-03-29T22:30:00Z"};
    // Monday 00:00-00:15 CEST is 22:00Z on Sunday: a CET offset would put it in the week before.
    QTest::newRow("weekly cap: a booking at 00:00 CEST on Monday fills the next week")
        << berlinWeekCap({span("2026-03-29T22:00:00Z", "2026-03-29T22:15:00Z")})
        << query("2026-03-22", "2026-03-30")
        << QStringList{"2026-03-22T22:00:00Z", "2026-03-22T22:30:00Z", "2026-03-22T23:30:00Z",
                       "2026-03-29T21:00:00Z", "2026-03-29T21:30:00Z"};
    QTest::newRow("weekly cap not reached")
        <<
        [&] {
            SlotInput in = berlinWeekCap({span("2026-03-25T12:00:00Z", "2026-03-25T12:30:00Z")});
            in.rules.maxBookingsPerWeek = 2;
            return in;
        }()
        << query("2026-03-22", "2026-03-30")
        << QStringList{"2026-03-22T22:00:00Z", "2026-03-22T22:30:00Z", "2026-03-22T23:30:00Z",
                       "2026-03-29T21:00:00Z", "2026-03-29T21:30:00Z", "2026-03-29T22:30:00Z"};
    // New York's week of Mon 2026-10-26 ends at 2026-11-02T05:00Z (EST), 169 hours after it
    // began: Sunday 23:00 EST (04:00Z) still belongs to it, an EDT offset would say Monday.
    QTest::newRow("weekly cap: Sunday 23:00 EST after the fall change is still that week")
        <<
        [ny] {
            SlotInput in =
                input({block(Sun, "23:30", "24:00", ny), block(Mon, "00:30", "01:00", ny)});
            in.adminTimeZone = ny;
            in.rules.maxBookingsPerWeek = 1;
            in.bookings = {span("2026-11-02T04:00:00Z", "2026-11-02T04:15:00Z")};
            return in;
        }()
        << query("2026-10-26", "2026-11-02")
        << QStringList{"2026-10-26T03:30:00Z", "2026-11-02T05:30:00Z"};
    // Berlin's April begins at 2026-03-31T22:00Z (CEST); its March began in CET.
    const auto berlinMonthCap = [berlin](std::vector<Interval> bookings) {
        SlotInput in =
            input({block(Tue, "23:30", "24:00", berlin), block(Wed, "00:30", "01:00", berlin)});
        in.adminTimeZone = berlin;
        in.rules.maxBookingsPerMonth = 1;
        in.bookings = std::move(bookings);
        return in;
    };
    QTest::newRow("monthly cap: a booking at 00:00 CEST on April 1 fills April")
        << berlinMonthCap({span("2026-03-31T22:00:00Z", "2026-03-31T22:15:00Z")})
        << query("2026-03-31", "2026-03-31") << QStringList{"2026-03-31T21:30:00Z"};
    QTest::newRow("monthly cap: a booking on March 2 (CET) fills March to its CEST end")
        << berlinMonthCap({span("2026-03-02T12:00:00Z", "2026-03-02T12:30:00Z")})
        << query("2026-03-31", "2026-03-31") << QStringList{"2026-03-31T22:30:00Z"};

    // --- Overrides -----------------------------------------------------------------------------
    QTest::newRow("override: unavailable day")
        <<
        [ny] {
            SlotInput in = input({block(Mon, "09:00", "11:00", ny)});
            in.overrides = {dayOverride("2026-01-12", ny)};
            return in;
        }()
        << query("2026-01-12", "2026-01-19")
        << QStringList{"2026-01-19T14:00:00Z", "2026-01-19T14:30:00Z", "2026-01-19T15:00:00Z",
                       "2026-01-19T15:30:00Z"};
    QTest::newRow("override: replaced hours")
        <<
        [ny] {
            SlotInput in = input({block(Mon, "09:00", "11:00", ny)});
            in.overrides = {dayOverride("2026-01-12", ny, {{hm("13:00"), hm("14:00")}})};
            return in;
        }()
        << query("2026-01-12", "2026-01-19")
        << QStringList{"2026-01-12T18:00:00Z", "2026-01-12T18:30:00Z", "2026-01-19T14:00:00Z",
                       "2026-01-19T14:30:00Z", "2026-01-19T15:00:00Z", "2026-01-19T15:30:00Z"};
    // The override removes exactly [Mar 8 00:00 EST, Mar 9 00:00 EDT) = [05:00Z, 04:00Z+1d): the
    // Saturday and Monday blocks touching it survive; 01:00-04:00 is two real hours.
    QTest::newRow("override on NY spring-forward day")
        <<
        [ny] {
            SlotInput in =
                input({block(Sat, "22:00", "24:00", ny), block(Sun, "00:00", "24:00", ny),
                       block(Mon, "00:00", "01:00", ny)},
                      60);
            in.overrides = {dayOverride("2026-03-08", ny, {{hm("01:00"), hm("04:00")}})};
            return in;
        }()
        << query("2026-03-07", "2026-03-09")
        << QStringList{"2026-03-08T03:00:00Z", "2026-03-08T04:00:00Z", "2026-03-08T06:00:00Z",
                       "2026-03-08T07:00:00Z", "2026-03-09T04:00:00Z"};
    // Nov 1 in New York lasts 25 hours: [04:00Z, 05:00Z+1d).
    QTest::newRow("override on NY fall-back day removes 25 hours")
        <<
        [ny] {
            SlotInput in =
                input({block(Sat, "23:00", "24:00", ny), block(Sun, "00:00", "24:00", ny),
                       block(Mon, "00:00", "01:00", ny)},
                      60);
            in.overrides = {dayOverride("2026-11-01", ny)};
            return in;
        }()
        << query("2026-10-31", "2026-11-02")
        << QStringList{"2026-11-01T03:00:00Z", "2026-11-02T05:00:00Z"};
    // Overrides are resolved after the weekly blocks have walked the zone into EST; the 01:30
    // start is still the earlier (EDT) instant.
    QTest::newRow("override hours starting in NY repeated hour")
        <<
        [ny] {
            SlotInput in = input({block(Mon, "09:00", "10:00", ny)});
            in.overrides = {dayOverride("2026-11-01", ny, {{hm("01:30"), hm("03:00")}})};
            return in;
        }()
        << query("2026-10-31", "2026-11-03")
        << QStringList{"2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z",
                       "2026-11-01T07:00:00Z", "2026-11-01T07:30:00Z", "2026-11-02T14:00:00Z",
                       "2026-11-02T14:30:00Z"};
    // Berlin's Jan 12 is [Jan 11 23:00Z, Jan 12 23:00Z): it cuts the NY evening block in half.
    QTest::newRow("override in another zone cuts by that zone's day") << [ny] {
        SlotInput in = input({block(Mon, "17:00", "19:00", ny)}, 60);
        in.overrides = {dayOverride("2026-01-12", "Europe/Berlin")};
        return in;
    }() << query("2026-01-12", "2026-01-13") << QStringList{"2026-01-12T23:00:00Z"};
}

void TestSlotEngine::compute() {
    QFETCH(SlotInput, in);
    QFETCH(SlotQuery, q);
    QFETCH(QStringList, expected);

    const std::vector<SlotDay> days = SlotEngine::compute(in, q);
    QCOMPARE(utcStarts(days), expected);

    // Shape of the result, whatever the row: sorted non-empty viewer days inside the query, every
    // slot of the rules' length with viewer-local times that match its instants.
    const date::time_zone* viewer = date::locate_zone(q.viewerTimeZone);
    for (std::size_t i = 0; i < days.size(); ++i) {
        QVERIFY(!days[i].slotList.empty());
        QVERIFY(days[i].date >= q.from && days[i].date <= q.to);
        if (i > 0) {
            QVERIFY(days[i - 1].date < days[i].date);
        }
        for (const Slot& slot : days[i].slotList) {
            QCOMPARE(slot.end - slot.start, std::chrono::seconds{in.rules.length});
            QCOMPARE(slot.localStart, viewer->to_local(slot.start));
            QCOMPARE(slot.localEnd, viewer->to_local(slot.end));
            QCOMPARE(date::year_month_day{date::floor<date::days>(slot.localStart)}, days[i].date);
            // offers() must agree on every offered slot and reject a start one second off it.
            QVERIFY(SlotEngine::offers(in, slot.start, q.now));
            QVERIFY(SlotEngine::offers(in, Interval{slot.start, slot.end}, q.now));
            QVERIFY(!SlotEngine::offers(in, slot.start + std::chrono::seconds{1}, q.now));
        }
    }
}

void TestSlotEngine::viewerGrouping_data() {
    QTest::addColumn<SlotInput>("in");
    QTest::addColumn<SlotQuery>("q");
    QTest::addColumn<QStringList>("expected"); // "viewer-date local-start-local-end utc-start"

    // Honolulu Monday Mar 9: 09:00-10:00 = 19:00Z-20:00Z and 13:00-15:00 = 23:00Z-01:00Z.
    const SlotInput honolulu = input({block(Mon, "09:00", "10:00", "Pacific/Honolulu"),
                                      block(Mon, "13:00", "15:00", "Pacific/Honolulu")});
    QTest::newRow("Honolulu admin, Kiritimati viewer: next calendar day")
        << honolulu << query("2026-03-09", "2026-03-10", "Pacific/Kiritimati")
        << QStringList{"2026-03-10 09:00-09:30 2026-03-09T19:00:00Z",
                       "2026-03-10 09:30-10:00 2026-03-09T19:30:00Z",
                       "2026-03-10 13:00-13:30 2026-03-09T23:00:00Z",
                       "2026-03-10 13:30-14:00 2026-03-09T23:30:00Z",
                       "2026-03-10 14:00-14:30 2026-03-10T00:00:00Z",
                       "2026-03-10 14:30-15:00 2026-03-10T00:30:00Z"};
    QTest::newRow("Honolulu admin, Tokyo viewer")
        << honolulu << query("2026-03-10", "2026-03-10", "Asia/Tokyo")
        << QStringList{"2026-03-10 04:00-04:30 2026-03-09T19:00:00Z",
                       "2026-03-10 04:30-05:00 2026-03-09T19:30:00Z",
                       "2026-03-10 08:00-08:30 2026-03-09T23:00:00Z",
                       "2026-03-10 08:30-09:00 2026-03-09T23:30:00Z",
                       "2026-03-10 09:00-09:30 2026-03-10T00:00:00Z",
                       "2026-03-10 09:30-10:00 2026-03-10T00:30:00Z"};
    QTest::newRow("Honolulu admin, Kiritimati viewer, admin's date shows nothing")
        << honolulu << query("2026-03-09", "2026-03-09", "Pacific/Kiritimati") << QStringList{};
    QTest::newRow("UTC viewer: one block split over two days")
        << honolulu << query("2026-03-09", "2026-03-10", "UTC")
        << QStringList{"2026-03-09 19:00-19:30 2026-03-09T19:00:00Z",
                       "2026-03-09 19:30-20:00 2026-03-09T19:30:00Z",
                       "2026-03-09 23:00-23:30 2026-03-09T23:00:00Z",
                       "2026-03-09 23:30-00:00 2026-03-09T23:30:00Z",
                       "2026-03-10 00:00-00:30 2026-03-10T00:00:00Z",
                       "2026-03-10 00:30-01:00 2026-03-10T00:30:00Z"};
    QTest::newRow("Berlin viewer on fall-back day sees 02:00 twice")
        << input({block(Sun, "01:00", "04:00", "Europe/Berlin")}, 60)
        << query("2026-10-25", "2026-10-25", "Europe/Berlin")
        << QStringList{"2026-10-25 01:00-02:00 2026-10-24T23:00:00Z",
                       "2026-10-25 02:00-02:00 2026-10-25T00:00:00Z",
                       "2026-10-25 02:00-03:00 2026-10-25T01:00:00Z",
                       "2026-10-25 03:00-04:00 2026-10-25T02:00:00Z"};
    QTest::newRow("NY viewer on spring-forward day: an hour-long slot reads 01:00-03:00")
        << input({block(Sun, "01:00", "04:00", "America/New_York")}, 60)
        << query("2026-03-08", "2026-03-08", "America/New_York")
        << QStringList{"2026-03-08 01:00-03:00 2026-03-08T06:00:00Z",
                       "2026-03-08 03:00-04:00 2026-03-08T07:00:00Z"};
}

void TestSlotEngine::viewerGrouping() {
    QFETCH(SlotInput, in);
    QFETCH(SlotQuery, q);
    QFETCH(QStringList, expected);

    QStringList actual;
    for (const SlotDay& day : SlotEngine::compute(in, q)) {
        for (const Slot& slot : day.slotList) {
            actual << QStringLiteral("%1 %2-%3 %4")
                          .arg(dateText(day.date), clock(slot.localStart), clock(slot.localEnd),
                               iso(slot.start));
        }
    }
    QCOMPARE(actual, expected);
}

void TestSlotEngine::offers_data() {
    QTest::addColumn<SlotInput>("in");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("lengthMinutes");
    QTest::addColumn<bool>("expected");

    const QString jan1 = "2026-01-01T00:00:00Z";
    const SlotInput morning = input({block(Mon, "09:00", "11:00", "UTC")});
    QTest::newRow("on grid") << morning << jan1 << "2026-01-12T09:30:00Z" << 30 << true;
    QTest::newRow("off grid") << morning << jan1 << "2026-01-12T09:15:00Z" << 30 << false;
    QTest::newRow("last slot that fits") << morning << jan1 << "2026-01-12T10:30:00Z" << 30 << true;
    QTest::newRow("on grid but does not fit")
        << morning << jan1 << "2026-01-12T11:00:00Z" << 30 << false;
    QTest::newRow("wrong length (longer)")
        << morning << jan1 << "2026-01-12T09:30:00Z" << 45 << false;
    QTest::newRow("wrong length (shorter)")
        << morning << jan1 << "2026-01-12T09:30:00Z" << 15 << false;
    QTest::newRow("outside availability")
        << morning << jan1 << "2026-01-13T09:30:00Z" << 30 << false;

    const SlotInput busy = [&] {
        SlotInput in = morning;
        in.busyEvents = {span("2026-01-12T09:40:00Z", "2026-01-12T09:50:00Z")};
        return in;
    }();
    QTest::newRow("blocked by busy") << busy << jan1 << "2026-01-12T09:30:00Z" << 30 << false;
    QTest::newRow("next to busy") << busy << jan1 << "2026-01-12T10:00:00Z" << 30 << true;

    const SlotInput notice = [&] {
        SlotInput in = morning;
        in.rules.minimumNotice = minutes{60};
        return in;
    }();
    QTest::newRow("inside notice") << notice << "2026-01-12T09:00:00Z"
                                   << "2026-01-12T09:30:00Z" << 30 << false;
    QTest::newRow("exactly at notice") << notice << "2026-01-12T09:00:00Z"
                                       << "2026-01-12T10:00:00Z" << 30 << true;

    const SlotInput union2 = input({block(Mon, "09:00", "11:00", "America/New_York"),
                                    block(Mon, "10:15", "12:00", "America/New_York")});
    QTest::newRow("union grid point") << union2 << jan1 << "2026-01-12T15:00:00Z" << 30 << true;
    QTest::newRow("second block's own grid is not the union grid")
        << union2 << jan1 << "2026-01-12T15:15:00Z" << 30 << false;

    const SlotInput gap = input({block(Sun, "02:30", "04:00", "America/New_York")});
    QTest::newRow("gap block first slot") << gap << jan1 << "2026-03-08T07:00:00Z" << 30 << true;
    QTest::newRow("gap block, naive wall-clock start")
        << gap << jan1 << "2026-03-08T06:30:00Z" << 30 << false;

    SlotInput cap = input({block(Tue, "09:00", "11:00", "America/New_York"),
                           block(Wed, "09:00", "11:00", "America/New_York")});
    cap.adminTimeZone = "America/New_York";
    cap.rules.maxBookingsPerDay = 1;
    cap.bookings = {span("2026-01-14T04:00:00Z", "2026-01-14T04:30:00Z")};
    QTest::newRow("capped day") << cap << jan1 << "2026-01-13T14:00:00Z" << 30 << false;
    QTest::newRow("day after capped day") << cap << jan1 << "2026-01-14T14:00:00Z" << 30 << true;

    SlotInput horizon =
        input({block(Mon, "00:00", "01:00", "UTC"), block(Tue, "00:00", "01:00", "UTC"),
               block(Wed, "00:00", "01:00", "UTC")});
    horizon.rules.horizon = std::chrono::days{1};
    QTest::newRow("at horizon") << horizon << "2026-01-12T00:00:00Z"
                                << "2026-01-13T00:00:00Z" << 30 << true;
    QTest::newRow("past horizon") << horizon << "2026-01-12T00:00:00Z"
                                  << "2026-01-14T00:00:00Z" << 30 << false;
}

void TestSlotEngine::offers() {
    QFETCH(SlotInput, in);
    QFETCH(QString, now);
    QFETCH(QString, start);
    QFETCH(int, lengthMinutes);
    QFETCH(bool, expected);

    const Instant nowAt = utc(now);
    const Instant startAt = utc(start);
    const Interval requested{startAt, startAt + minutes{lengthMinutes}};
    QCOMPARE(SlotEngine::offers(in, requested, nowAt), expected);

    const bool listed = computeOffers(in, startAt, nowAt);
    QCOMPARE(SlotEngine::offers(in, startAt, nowAt), listed);
    if (minutes{lengthMinutes} == in.rules.length) {
        QCOMPARE(listed, expected);
    }
}

void TestSlotEngine::fullPeriod_data() {
    QTest::addColumn<SlotInput>("in");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("expected"); // "day", "week", "month" or "" for none

    const char* berlin = "Europe/Berlin";
    SlotInput in = input({});
    in.adminTimeZone = berlin;
    // Two bookings in Berlin's week of Mon 2026-03-23, one on its Sunday (after the change).
    in.bookings = {span("2026-03-25T12:00:00Z", "2026-03-25T12:30:00Z"),
                   span("2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z")};
    const auto with = [&](int day, int week, int month) {
        SlotInput capped = in;
        capped.rules.maxBookingsPerDay = day;
        capped.rules.maxBookingsPerWeek = week;
        capped.rules.maxBookingsPerMonth = month;
        return capped;
    };
    QTest::newRow("no caps") << with(0, 0, 0) << "2026-03-29T21:00:00Z"
                             << "";
    QTest::newRow("day full") << with(1, 0, 0) << "2026-03-29T21:00:00Z"
                              << "day";
    QTest::newRow("day and week full: the day is named") << with(1, 2, 0) << "2026-03-29T21:00:00Z"
                                                         << "day";
    QTest::newRow("week full, day not") << with(2, 2, 0) << "2026-03-28T09:00:00Z"
                                        << "week";
    QTest::newRow("week not full") << with(0, 3, 0) << "2026-03-28T09:00:00Z"
                                   << "";
    QTest::newRow("Monday 00:00 CEST is the next week") << with(0, 2, 0) << "2026-03-29T22:00:00Z"
                                                        << "";
    QTest::newRow("Sunday 23:59:59 CEST is this week") << with(0, 2, 0) << "2026-03-29T21:59:59Z"
                                                       << "week";
    QTest::newRow("month full") << with(0, 0, 2) << "2026-03-01T00:00:00Z"
                                << "month";
    QTest::newRow("April 1 00:00 CEST is the next month") << with(0, 0, 2) << "2026-03-31T22:00:00Z"
                                                          << "";
}

void TestSlotEngine::fullPeriod() {
    QFETCH(SlotInput, in);
    QFETCH(QString, start);
    QFETCH(QString, expected);
    const auto full = SlotEngine::fullPeriod(in, utc(start));
    const QString name = !full                                            ? QString()
                         : *full == slotdesk::scheduling::CapPeriod::Day  ? QStringLiteral("day")
                         : *full == slotdesk::scheduling::CapPeriod::Week ? QStringLiteral("week")
                                                                          : QStringLiteral("month");
    QCOMPARE(name, expected);
}

// Slot alignment never depends on busy time, so with busy intervals the result must be exactly
// the busy-free slots filtered by a naive overlap check against every expanded busy interval.
void TestSlotEngine::busyMatchesBruteForce_data() {
    QTest::addColumn<SlotInput>("in");
    QTest::addColumn<SlotQuery>("q");
    QTest::addColumn<int>("busyCount");
    QTest::addColumn<int>("busyDays"); // spread over this many days from the query start

    // Dense: three blocks a day in two zones, across both spring-forwards, 20-minute steps.
    std::vector<WeeklyBlock> dense;
    for (int d = Sun; d <= Sat; ++d) {
        dense.push_back(block(d, "08:00", "12:00", "America/New_York"));
        dense.push_back(block(d, "13:00", "18:30", "America/New_York"));
        dense.push_back(block(d, "16:00", "20:00", "Europe/Berlin"));
    }
    SlotInput denseInput = input(dense, 45);
    denseInput.rules.interval = minutes{20};
    denseInput.rules.bufferBefore = minutes{10};
    denseInput.rules.bufferAfter = minutes{25};
    QTest::newRow("dense, DST-crossing")
        << denseInput << query("2026-03-01", "2026-04-05", "Asia/Kathmandu", "2026-02-28T00:00:00Z")
        << 600 << 40;

    // Sparse: one short block a week over a year, so the engine's lookup table uses buckets
    // wider than the step.
    SlotInput sparseInput = input({block(Wed, "10:00", "11:30", "Europe/Berlin")}, 30);
    sparseInput.rules.interval = minutes{15};
    sparseInput.rules.bufferAfter = minutes{5};
    QTest::newRow("sparse year") << sparseInput
                                 << query("2026-01-01", "2026-12-31", "UTC", "2025-12-31T00:00:00Z")
                                 << 3000 << 370;
}

void TestSlotEngine::busyMatchesBruteForce() {
    QFETCH(SlotInput, in);
    QFETCH(SlotQuery, q);
    QFETCH(int, busyCount);
    QFETCH(int, busyDays);

    const std::vector<SlotDay> free = SlotEngine::compute(in, q);
    const QStringList baseline = utcStarts(free);
    QVERIFY(baseline.size() > 200);

    SplitMix random(7);
    const Instant origin = Instant{date::sys_days{q.from}} - date::days{2};
    for (int i = 0; i < busyCount; ++i) {
        const Instant s = origin + std::chrono::seconds{random.below(busyDays * 24LL * 3600)};
        const Interval busy{s, s + minutes{random.below(180)}};
        (i % 3 == 0 ? in.bookings : in.busyEvents).push_back(busy);
    }
    const auto clashes = [&](const Slot& slot, const std::vector<Interval>& busy) {
        return std::any_of(busy.begin(), busy.end(), [&](const Interval& b) {
            return slot.start < b.end + in.rules.bufferAfter &&
                   b.start - in.rules.bufferBefore < slot.end;
        });
    };

    QStringList expected;
    for (const SlotDay& day : free) {
        for (const Slot& slot : day.slotList) {
            const bool clash = clashes(slot, in.bookings) || clashes(slot, in.busyEvents);
            if (!clash) {
                expected << iso(slot.start);
            }
            QCOMPARE(SlotEngine::offers(in, slot.start, q.now), !clash);
        }
    }
    QVERIFY(expected.size() > 20);
    QVERIFY(expected.size() < baseline.size() - 20);
    QCOMPARE(utcStarts(SlotEngine::compute(in, q)), expected);
}

// Availability running unbroken for days has no usable union start; the engine aligns it to the
// step grid counted from the Unix epoch, so the grid neither depends on the query window nor
// moves as `now` advances. 2026-01-12T00:00Z is 1768176000 s = 589392 x 50 min after the epoch.
void TestSlotEngine::longChainAlignsToEpochGrid() {
    std::vector<WeeklyBlock> blocks;
    for (int d = Sun; d <= Sat; ++d) {
        blocks.push_back(block(d, "00:00", "24:00", "UTC"));
    }
    const SlotInput in = input(blocks, 50);

    const QStringList day = utcStarts(SlotEngine::compute(in, query("2026-01-12", "2026-01-12")));
    QCOMPARE(day.size(), 29);
    QCOMPARE(day.front(), QStringLiteral("2026-01-12T00:00:00Z"));
    QCOMPARE(day.at(1), QStringLiteral("2026-01-12T00:50:00Z"));
    QCOMPARE(day.back(), QStringLiteral("2026-01-12T23:20:00Z"));

    // Same grid from a wider window and from a later `now`.
    const QStringList wide = utcStarts(SlotEngine::compute(in, query("2026-01-10", "2026-01-13")));
    QVERIFY(wide.contains(day.front()) && wide.contains(day.back()));
    QCOMPARE(wide.filter(QStringLiteral("2026-01-12T")), day);
    const QStringList later = utcStarts(
        SlotEngine::compute(in, query("2026-01-12", "2026-01-12", "UTC", "2026-01-08T13:17:00Z")));
    QCOMPARE(later, day);
    QVERIFY(SlotEngine::offers(in, utc("2026-01-12T23:20:00Z"), utc("2026-01-08T13:17:00Z")));
    QVERIFY(!SlotEngine::offers(in, utc("2026-01-12T23:30:00Z"), utc("2026-01-08T13:17:00Z")));
}

// One block every day of 2026 around 02:00-04:00 local: each day's slots must match the zone's
// rules as the tz library states them, across every transition of the year.
void TestSlotEngine::dailyBlocksFollowZoneRulesAllYear() {
    for (const char* zoneName : {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                                 "Asia/Kathmandu", "America/Santiago", "Pacific/Chatham"}) {
        std::vector<WeeklyBlock> blocks;
        for (int d = Sun; d <= Sat; ++d) {
            blocks.push_back(block(d, "02:15", "03:45", zoneName));
        }
        const SlotInput in = input(blocks, 15);
        const SlotQuery q = query("2026-01-01", "2026-12-31", "UTC", "2025-12-01T00:00:00Z");
        const date::time_zone* zone = date::locate_zone(zoneName);

        QStringList expected;
        for (date::local_days d = date::local_days{ymd("2025-12-31")};
             d <= date::local_days{ymd("2027-01-01")}; d += date::days{1}) {
            const Instant from = zone->to_sys(d + minutes{hm("02:15")}, date::choose::earliest);
            const Instant to = zone->to_sys(d + minutes{hm("03:45")}, date::choose::earliest);
            for (Instant s = from; s + minutes{15} <= to; s += minutes{15}) {
                if (s >= utc("2026-01-01T00:00:00Z") && s < utc("2027-01-01T00:00:00Z")) {
                    expected << iso(s);
                }
            }
        }
        QCOMPARE(utcStarts(SlotEngine::compute(in, q)), expected);
    }
}

void TestSlotEngine::unknownZoneThrows() {
    const SlotInput bad = input({block(Mon, "09:00", "10:00", "Mars/Olympus_Mons")});
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             (void)SlotEngine::compute(bad, query("2026-01-12", "2026-01-12")));
    const SlotInput good = input({block(Mon, "09:00", "10:00", "UTC")});
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        (void)SlotEngine::compute(good, query("2026-01-12", "2026-01-12", "Nowhere/Town")));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             (void)SlotEngine::toInstant(LocalTime{}, "Nowhere/Town"));
}

QTEST_APPLESS_MAIN(TestSlotEngine)

#include "tst_slotengine.moc"
