#pragma once
// SlotEngine: turns an admin's weekly availability, date overrides, booking rules and busy
// intervals into the slots an attendee may book. Plain C++20 + date/tz, no Qt, no I/O: every
// input arrives in the call, so the engine is deterministic and cheap to test and benchmark.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

namespace slotdesk::scheduling {

// A UTC instant, second resolution (all SlotDesk instants are whole seconds or coarser).
using Instant = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;
// A wall-clock time in some zone (no offset attached).
using LocalTime = date::local_time<std::chrono::seconds>;

// Half-open [start, end). Two intervals that only touch (a.end == b.start) do not overlap.
struct Interval {
    Instant start;
    Instant end;
    friend bool operator==(const Interval&, const Interval&) = default;
};

// One weekly availability block, as the admin typed it: minutes after local midnight in its own
// zone. endMinute may be 1440 (midnight at the end of the day).
struct WeeklyBlock {
    int dayOfWeek = 0;    // 0 = Sunday ... 6 = Saturday
    int startMinute = 0;  // 0..1439
    int endMinute = 0;    // 1..1440, > startMinute
    std::string timeZone; // IANA name, already validated
};

// A date whose availability differs from the weekly pattern. The date is local to timeZone.
// Empty `hours` means unavailable all day; otherwise `hours` replace every weekly block that
// would fall on that local date (in the override's zone).
struct DateOverride {
    date::year_month_day date;
    std::string timeZone;
    struct Hours {
        int startMinute = 0;
        int endMinute = 0;
    };
    std::vector<Hours> hours;
};

struct SlotRules {
    std::chrono::minutes length{30};         // 15 min .. 8 h
    std::chrono::minutes interval{0};        // step between slot starts; 0 = same as length
    std::chrono::minutes bufferBefore{0};    // free time required before an existing busy interval
    std::chrono::minutes bufferAfter{0};     // free time required after an existing busy interval
    std::chrono::minutes minimumNotice{120}; // nothing starts before now + minimumNotice
    std::chrono::days horizon{60};           // nothing starts after now + horizon
    // Caps on the bookings whose start falls in one period of adminTimeZone's calendar: a local
    // day, an ISO week (Monday 00:00 to the next Monday 00:00), a calendar month. 0 = no cap.
    int maxBookingsPerDay = 0;
    int maxBookingsPerWeek = 0;
    int maxBookingsPerMonth = 0;
};

// The calendar periods the caps count in (SlotRules::maxBookingsPer...).
enum class CapPeriod { Day, Week, Month };

struct SlotInput {
    std::vector<WeeklyBlock> blocks; // active blocks only
    std::vector<DateOverride> overrides;
    SlotRules rules;
    std::string adminTimeZone; // the caps' calendar
    // Busy time. Bookings are the admin's pending/confirmed bookings (they also count towards the
    // caps, so they must cover every period a cap counts in); events are busy calendar events.
    // Neither needs to be sorted or disjoint.
    std::vector<Interval> bookings;
    std::vector<Interval> busyEvents;
};

struct SlotQuery {
    date::year_month_day from; // inclusive, local date in viewerTimeZone
    date::year_month_day to;   // inclusive, local date in viewerTimeZone
    std::string viewerTimeZone;
    Instant now;
};

struct Slot {
    Instant start;
    Instant end;
    LocalTime localStart; // in the viewer's zone
    LocalTime localEnd;
    friend bool operator==(const Slot&, const Slot&) = default;
};

struct SlotDay {
    date::year_month_day date; // viewer-local date
    // Not named `slots`: Qt defines that as a macro, which would break every Qt file using this.
    std::vector<Slot> slotList; // sorted by start
};

// Slot starts are aligned to the start of each unioned availability interval. Availability is
// only materialised from a look-back point at least two days before now + minimumNotice, rounded
// down to a multiple of the step since the Unix epoch; an interval that began even earlier (a
// chain of availability running unbroken for days) is aligned to that epoch grid instead. This
// keeps the grid independent of the query window, so compute() and offers() always agree.
//
// Every zone name the call needs (block, override, viewer, and adminTimeZone when a cap is on)
// goes through date::locate_zone, which throws std::runtime_error for an unknown name.
// Callers validate zones before they get here; the engine lets the exception propagate.
class SlotEngine {
public:
    // Days between query.from and query.to (viewer-local, inclusive) that have at least one slot,
    // in date order.
    [[nodiscard]] static std::vector<SlotDay> compute(const SlotInput& input,
                                                      const SlotQuery& query);

    // Whether `start` with the rules' length is one of the slots compute() would offer.
    [[nodiscard]] static bool offers(const SlotInput& input, Instant start, Instant now);

    // Same, for a requested [start, end): false unless end - start is exactly the rules' length,
    // so a booking request cannot smuggle in a longer or shorter meeting.
    [[nodiscard]] static bool offers(const SlotInput& input, Interval slot, Instant now);

    // The first of day, week and month (in that order) whose cap the period containing `start`
    // has reached with input.bookings; std::nullopt when none has (or no cap is set). This is
    // why offers() says no for a start that is otherwise free.
    [[nodiscard]] static std::optional<CapPeriod> fullPeriod(const SlotInput& input, Instant start);

    // The UTC instant of a wall-clock time in `zone`. A time inside a spring-forward gap maps to
    // the first instant after the gap; an ambiguous fall-back time maps to the earlier instant.
    [[nodiscard]] static Instant toInstant(LocalTime local, const std::string& zone);
};

} // namespace slotdesk::scheduling
