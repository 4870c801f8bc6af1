#pragma once
// ZoneCursor: conversions between UTC and one zone's wall clock. The engine converts long runs of
// nearby instants (consecutive days, consecutive slots), so the cursor remembers the offset period
// it last used and only searches the zone's transitions when it leaves that period.

#include <chrono>

#include <date/tz.h>

#include "scheduling/SlotEngine.h"

namespace slotdesk::scheduling {

class ZoneCursor {
public:
    // `zone` must outlive the cursor (time_zone objects live in the process-wide tz database).
    explicit ZoneCursor(const date::time_zone* zone);

    [[nodiscard]] const date::time_zone* zone() const { return m_zone; }

    [[nodiscard]] LocalTime toLocal(Instant instant);
    [[nodiscard]] date::local_days localDate(Instant instant);

    // A wall time inside a spring-forward gap maps to the transition instant (the first instant
    // after the gap); an ambiguous fall-back wall time maps to the earlier of its two instants.
    [[nodiscard]] Instant toInstant(LocalTime local);

    // The first instant of a local date: its midnight, or the end of a gap covering midnight.
    [[nodiscard]] Instant startOfDay(date::local_days day) { return toInstant(LocalTime{day}); }

private:
    const date::time_zone* m_zone;

    // UTC period [m_sysBegin, m_sysEnd) with a known offset; starts empty.
    Instant m_sysBegin{};
    Instant m_sysEnd{};
    std::chrono::seconds m_sysOffset{0};

    // Wall-time range [m_localBegin, m_localEnd) in which every wall time occurs exactly once,
    // with offset m_localOffset. Narrower than the UTC period by any gap or overlap at its edges.
    LocalTime m_localBegin{};
    LocalTime m_localEnd{};
    std::chrono::seconds m_localOffset{0};
};

} // namespace slotdesk::scheduling
