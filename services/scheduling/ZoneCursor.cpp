#include "scheduling/ZoneCursor.h"

#include <algorithm>

namespace slotdesk::scheduling {

ZoneCursor::ZoneCursor(const date::time_zone* zone)
    : m_zone(zone) {}

LocalTime ZoneCursor::toLocal(Instant instant) {
    if (instant < m_sysBegin || instant >= m_sysEnd) {
        const date::sys_info info = m_zone->get_info(instant);
        m_sysBegin = info.begin;
        m_sysEnd = info.end;
        m_sysOffset = info.offset;
    }
    return LocalTime{instant.time_since_epoch() + m_sysOffset};
}

date::local_days ZoneCursor::localDate(Instant instant) {
    return date::floor<date::days>(toLocal(instant));
}

Instant ZoneCursor::toInstant(LocalTime local) {
    if (local >= m_localBegin && local < m_localEnd) {
        return Instant{local.time_since_epoch() - m_localOffset};
    }
    const date::local_info info = m_zone->get_info(local);
    if (info.result == date::local_info::nonexistent) {
        return info.first.end;
    }
    const Instant instant{local.time_since_epoch() - info.first.offset};
    if (info.result == date::local_info::unique) {
        // Remember where this offset is unambiguous: the neighbouring periods' offsets decide
        // how much of this period's wall-time range they overlap (fall-back) or leave out (gap).
        const date::sys_info& period = info.first;
        const date::sys_info before = m_zone->get_info(period.begin - std::chrono::seconds{1});
        const date::sys_info after = m_zone->get_info(period.end);
        m_localBegin =
            LocalTime{period.begin.time_since_epoch() + std::max(period.offset, before.offset)};
        m_localEnd =
            LocalTime{period.end.time_since_epoch() + std::min(period.offset, after.offset)};
        m_localOffset = period.offset;
    }
    return instant;
}

} // namespace slotdesk::scheduling
