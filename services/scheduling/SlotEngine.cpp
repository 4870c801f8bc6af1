#include "scheduling/SlotEngine.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <string_view>
#include <utility>

#include <date/tz.h>

#include "scheduling/IntervalSet.h"
#include "scheduling/ZoneCursor.h"

namespace slotdesk::scheduling {

namespace {

using std::chrono::seconds;

// locate_zone searches the tz database on every call, so each call to the engine resolves a name
// once. A deque keeps cursors at stable addresses while new zones are added.
class ZoneTable {
public:
    ZoneCursor& get(std::string_view name) {
        for (auto& [entryName, cursor] : m_entries) {
            if (entryName == name) {
                return cursor;
            }
        }
        return m_entries.emplace_back(name, ZoneCursor(date::locate_zone(std::string(name))))
            .second;
    }

private:
    std::deque<std::pair<std::string_view, ZoneCursor>> m_entries;
};

Instant floorToGrid(Instant t, seconds step) {
    const auto n = t.time_since_epoch().count();
    const auto k = step.count();
    auto q = n / k;
    if (n % k < 0) {
        --q;
    }
    return Instant{seconds{q * k}};
}

// Availability as UTC intervals, clipped to `range`. Local dates are enumerated per zone so each
// block is resolved with the offsets of its own date, never today's.
IntervalSet availability(const SlotInput& input, ZoneTable& zones, Interval range) {
    // Blocks grouped by zone, then weekday, so each local date touches only its own blocks.
    std::vector<const WeeklyBlock*> order;
    order.reserve(input.blocks.size());
    for (const WeeklyBlock& block : input.blocks) {
        if (block.dayOfWeek >= 0 && block.dayOfWeek < 7) {
            order.push_back(&block);
        }
    }
    std::sort(order.begin(), order.end(), [](const WeeklyBlock* a, const WeeklyBlock* b) {
        const int byZone = a->timeZone.compare(b->timeZone);
        return byZone != 0 ? byZone < 0 : a->dayOfWeek < b->dayOfWeek;
    });

    std::vector<Interval> weekly;
    for (auto group = order.begin(); group != order.end();) {
        const auto groupEnd = std::find_if(group, order.end(), [&](const WeeklyBlock* b) {
            return b->timeZone != (*group)->timeZone;
        });
        std::array<std::pair<decltype(group), decltype(group)>, 7> byWeekday;
        byWeekday.fill({groupEnd, groupEnd});
        for (auto it = group; it != groupEnd;) {
            const int dayOfWeek = (*it)->dayOfWeek;
            const auto next = std::find_if(
                it, groupEnd, [&](const WeeklyBlock* b) { return b->dayOfWeek != dayOfWeek; });
            byWeekday[static_cast<std::size_t>(dayOfWeek)] = {it, next};
            it = next;
        }
        ZoneCursor& zone = zones.get((*group)->timeZone);
        const date::local_days lastDay = zone.localDate(range.end) + date::days{1};
        for (date::local_days day = zone.localDate(range.start) - date::days{1}; day <= lastDay;
             day += date::days{1}) {
            const auto [first, last] = byWeekday[date::weekday{day}.c_encoding()];
            for (auto it = first; it != last; ++it) {
                weekly.push_back({zone.toInstant(day + std::chrono::minutes{(*it)->startMinute}),
                                  zone.toInstant(day + std::chrono::minutes{(*it)->endMinute})});
            }
        }
        group = groupEnd;
    }
    IntervalSet result(std::move(weekly));

    if (!input.overrides.empty()) {
        std::vector<Interval> removed;
        std::vector<Interval> added;
        for (const DateOverride& override : input.overrides) {
            ZoneCursor& zone = zones.get(override.timeZone);
            const date::local_days day{override.date};
            const Interval span{zone.startOfDay(day), zone.startOfDay(day + date::days{1})};
            if (span.end <= range.start || span.start >= range.end) {
                continue;
            }
            removed.push_back(span);
            for (const DateOverride::Hours& hours : override.hours) {
                added.push_back({zone.toInstant(day + std::chrono::minutes{hours.startMinute}),
                                 zone.toInstant(day + std::chrono::minutes{hours.endMinute})});
            }
        }
        result.subtract(IntervalSet(std::move(removed)));
        result.unite(IntervalSet(std::move(added)));
    }
    result.clip(range);
    return result;
}

// lower_bound over the sorted candidate starts in O(1): a table maps each time bucket to its first
// candidate. Buckets are no wider than the closest two candidates can be (the step within an
// availability interval, the slot length across two), so a lookup skips at most one candidate.
// With 10^5 busy intervals this replaces two branchy binary searches per interval. Widths are
// powers of two seconds so a lookup shifts instead of dividing. The table is capped at a few
// entries per candidate; sparser grids get wider buckets and scan a little further.
class StartIndex {
public:
    StartIndex(const std::vector<Instant>& starts, seconds minSpacing)
        : m_starts(starts)
        , m_origin(starts.front()) {
        // A sentinel ends every scan without a bounds check.
        m_starts.push_back(Instant::max());
        const auto range = static_cast<std::uint64_t>((starts.back() - m_origin).count());
        const auto maxBuckets = static_cast<std::uint64_t>(4 * starts.size() + 4096);
        while (m_shift < 62 &&
               (std::uint64_t{2} << m_shift) <=
                   static_cast<std::uint64_t>(std::max(minSpacing.count(), seconds::rep{1}))) {
            ++m_shift;
        }
        while ((range >> m_shift) >= maxBuckets) {
            ++m_shift;
        }
        m_first.resize(static_cast<std::size_t>(range >> m_shift) + 1);
        std::size_t i = 0;
        for (std::size_t k = 0; k < m_first.size(); ++k) {
            const Instant bucketStart = m_origin + seconds{static_cast<seconds::rep>(k << m_shift)};
            while (m_starts[i] < bucketStart) {
                ++i;
            }
            m_first[k] = static_cast<std::uint32_t>(i);
        }
    }

    // Index of the first candidate starting at or after t.
    [[nodiscard]] std::size_t lowerBound(Instant t) const {
        if (t <= m_origin) {
            return 0;
        }
        const auto k = static_cast<std::uint64_t>((t - m_origin).count()) >> m_shift;
        if (k >= m_first.size()) {
            return m_starts.size() - 1;
        }
        std::size_t i = m_first[k];
        // Usually at most one step: take it without a branch the CPU would mispredict.
        i += static_cast<std::size_t>(m_starts[i] < t);
        while (m_starts[i] < t) {
            ++i;
        }
        return i;
    }

private:
    std::vector<Instant> m_starts;
    Instant m_origin;
    unsigned m_shift = 0; // bucket width is 2^m_shift seconds
    std::vector<std::uint32_t> m_first;
};

// The local date that begins the cap period containing `day`, and the one that begins the next.
date::local_days periodStart(CapPeriod period, date::local_days day) {
    switch (period) {
    case CapPeriod::Day:
        return day;
    case CapPeriod::Week:
        return day - (date::weekday{day} - date::Monday); // ISO weeks start on Monday
    case CapPeriod::Month: {
        const date::year_month_day ymd{day};
        return date::local_days{ymd.year() / ymd.month() / 1};
    }
    }
    return day;
}

date::local_days nextPeriodStart(CapPeriod period, date::local_days start) {
    switch (period) {
    case CapPeriod::Day:
        return start + date::days{1};
    case CapPeriod::Week:
        return start + date::days{7};
    case CapPeriod::Month: {
        const date::year_month_day ymd{start};
        return date::local_days{(ymd.year() / ymd.month() + date::months{1}) / 1};
    }
    }
    return start + date::days{1};
}

// The instants at which the cap periods covering local dates [firstDay, lastDay] begin, plus the
// end of the last one: period k is [bounds[k], bounds[k + 1]). Midnights are resolved with each
// date's own offset, so a week or month across a DST change has its true length.
std::vector<Instant> periodBounds(ZoneCursor& zone, CapPeriod period, date::local_days firstDay,
                                  date::local_days lastDay) {
    std::vector<Instant> bounds;
    date::local_days day = periodStart(period, firstDay);
    for (;;) {
        bounds.push_back(zone.startOfDay(day));
        if (day > lastDay) {
            break;
        }
        day = nextPeriodStart(period, day);
    }
    return bounds;
}

// Bookings starting in each period of `bounds` (bookings outside them are not counted).
std::vector<int> bookingsPerPeriod(const std::vector<Interval>& bookings,
                                   const std::vector<Instant>& bounds) {
    std::vector<int> counts(bounds.size() - 1, 0);
    for (const Interval& booking : bookings) {
        if (booking.start < bounds.front() || booking.start >= bounds.back()) {
            continue;
        }
        const auto next = std::upper_bound(bounds.cbegin(), bounds.cend(), booking.start);
        ++counts[static_cast<std::size_t>(next - bounds.cbegin()) - 1];
    }
    return counts;
}

struct Cap {
    CapPeriod period;
    int limit;
};

// The caps that are on, day first.
std::vector<Cap> activeCaps(const SlotRules& rules) {
    std::vector<Cap> caps;
    for (const Cap cap : {Cap{CapPeriod::Day, rules.maxBookingsPerDay},
                          Cap{CapPeriod::Week, rules.maxBookingsPerWeek},
                          Cap{CapPeriod::Month, rules.maxBookingsPerMonth}}) {
        if (cap.limit > 0) {
            caps.push_back(cap);
        }
    }
    return caps;
}

// Marks candidates [i0, i1) as unavailable in a difference array, so that any number of
// overlapping busy intervals costs O(1) each. An empty range (i0 == i1) cancels itself out.
void markRange(std::vector<int>& blocked, std::size_t i0, std::size_t i1) {
    ++blocked[i0];
    --blocked[i1];
}

// Starts of every slot offered in [lo, hi] (UTC, both inclusive), sorted.
std::vector<Instant> offeredStarts(const SlotInput& input, Instant now, Instant lo, Instant hi,
                                   ZoneTable& zones) {
    const SlotRules& rules = input.rules;
    const seconds length = rules.length;
    const seconds step = rules.interval > seconds::zero() ? seconds{rules.interval} : length;
    if (length <= seconds::zero()) {
        return {};
    }
    lo = std::max(lo, now + rules.minimumNotice);
    hi = std::min(hi, Instant{now + rules.horizon});
    if (lo > hi) {
        return {};
    }

    // The look-back point depends only on now and the rules (not on [lo, hi]) and sits on the
    // epoch step grid, so long availability chains align the same way for every query.
    const Instant lookBack = floorToGrid(now + rules.minimumNotice - date::days{2}, step);
    const IntervalSet available = availability(input, zones, {lookBack, hi + length});

    std::vector<Instant> candidates;
    for (const Interval& a : available.intervals()) {
        if (a.start > hi) {
            break;
        }
        if (a.end < lo + length) {
            continue;
        }
        Instant start = a.start;
        if (start < lo) {
            start += ((lo - start) + step - seconds{1}) / step * step;
        }
        for (; start <= hi && start + length <= a.end; start += step) {
            candidates.push_back(start);
        }
    }
    if (candidates.empty()) {
        return candidates;
    }

    std::vector<int> blocked(candidates.size() + 1, 0);
    const auto index = [&](std::vector<Instant>::const_iterator it) {
        return static_cast<std::size_t>(it - candidates.cbegin());
    };
    const Instant firstStart = candidates.front();
    const Instant lastStart = candidates.back();
    const StartIndex startIndex(candidates, std::min(step, length));
    // A slot [s, s + length) overlaps busy [bs, be) iff bs - length < s < be. Candidates are
    // sorted, so those are one contiguous run, found in O(1) whatever the order of the busy
    // intervals: the (possibly 100k) busy intervals are never sorted.
    const auto markBusy = [&](const std::vector<Interval>& busy) {
        for (const Interval& b : busy) {
            const Instant busyStart = b.start - rules.bufferBefore;
            const Instant busyEnd = b.end + rules.bufferAfter;
            if (busyEnd <= busyStart || busyEnd <= firstStart || busyStart - length >= lastStart) {
                continue;
            }
            // Instants are whole seconds, so "after bs - length" is "at or after bs - length + 1s".
            markRange(blocked, startIndex.lowerBound(busyStart - length + seconds{1}),
                      startIndex.lowerBound(busyEnd));
        }
    };
    markBusy(input.bookings);
    markBusy(input.busyEvents);

    const std::vector<Cap> caps = activeCaps(rules);
    if (!caps.empty() && !input.bookings.empty()) {
        // A booking's period is found by binary search among the periods' first instants
        // instead of a zone conversion per booking.
        ZoneCursor& admin = zones.get(input.adminTimeZone);
        const date::local_days firstDay = admin.localDate(firstStart);
        const date::local_days lastDay = admin.localDate(lastStart);
        for (const Cap& cap : caps) {
            const std::vector<Instant> bounds = periodBounds(admin, cap.period, firstDay, lastDay);
            const std::vector<int> counts = bookingsPerPeriod(input.bookings, bounds);
            for (std::size_t k = 0; k < counts.size(); ++k) {
                if (counts[k] >= cap.limit) {
                    const auto from =
                        std::lower_bound(candidates.cbegin(), candidates.cend(), bounds[k]);
                    const auto to = std::lower_bound(from, candidates.cend(), bounds[k + 1]);
                    markRange(blocked, index(from), index(to));
                }
            }
        }
    }

    std::size_t kept = 0;
    int depth = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        depth += blocked[i];
        if (depth == 0) {
            candidates[kept++] = candidates[i];
        }
    }
    candidates.resize(kept);
    return candidates;
}

} // namespace

std::vector<SlotDay> SlotEngine::compute(const SlotInput& input, const SlotQuery& query) {
    ZoneTable zones;
    ZoneCursor& viewer = zones.get(query.viewerTimeZone);
    const date::local_days firstDay{query.from};
    const date::local_days lastDay{query.to};
    const Instant windowStart = viewer.startOfDay(firstDay);
    const Instant windowEnd = viewer.startOfDay(lastDay + date::days{1});
    if (windowEnd <= windowStart) {
        return {};
    }
    const std::vector<Instant> starts =
        offeredStarts(input, query.now, windowStart, windowEnd - seconds{1}, zones);

    const seconds length = input.rules.length;
    std::vector<SlotDay> days;
    bool outOfOrder = false;
    for (const Instant start : starts) {
        const LocalTime localStart = viewer.toLocal(start);
        const date::local_days day = date::floor<date::days>(localStart);
        // Only a zone that turns its clocks back across midnight can step back a date; such a
        // slot belongs to a day outside the query or to one already started.
        if (day < firstDay || day > lastDay) {
            continue;
        }
        const date::year_month_day ymd{day};
        auto target = days.rbegin();
        if (days.empty() || ymd > days.back().date) {
            days.push_back({ymd, {}});
            target = days.rbegin();
        } else {
            while (target != days.rend() && target->date != ymd) {
                ++target;
            }
            if (target == days.rend()) {
                outOfOrder = true;
                days.push_back({ymd, {}});
                target = days.rbegin();
            }
        }
        // Starts arrive in UTC order, so appending keeps every day's slots sorted.
        target->slotList.push_back(
            {start, start + length, localStart, viewer.toLocal(start + length)});
    }
    if (outOfOrder) {
        std::sort(days.begin(), days.end(),
                  [](const SlotDay& a, const SlotDay& b) { return a.date < b.date; });
    }
    return days;
}

bool SlotEngine::offers(const SlotInput& input, Instant start, Instant now) {
    ZoneTable zones;
    return !offeredStarts(input, now, start, start, zones).empty();
}

bool SlotEngine::offers(const SlotInput& input, Interval slot, Instant now) {
    return slot.end - slot.start == input.rules.length && offers(input, slot.start, now);
}

std::optional<CapPeriod> SlotEngine::fullPeriod(const SlotInput& input, Instant start) {
    const std::vector<Cap> caps = activeCaps(input.rules);
    if (caps.empty()) {
        return std::nullopt;
    }
    ZoneCursor admin(date::locate_zone(input.adminTimeZone));
    const date::local_days day = admin.localDate(start);
    for (const Cap& cap : caps) {
        if (bookingsPerPeriod(input.bookings, periodBounds(admin, cap.period, day, day)).front() >=
            cap.limit) {
            return cap.period;
        }
    }
    return std::nullopt;
}

Instant SlotEngine::toInstant(LocalTime local, const std::string& zone) {
    return ZoneCursor(date::locate_zone(zone)).toInstant(local);
}

} // namespace slotdesk::scheduling
