#include "web/RateLimiter.h"

namespace slotdesk::web {

int RateLimiter::attempt(const QString& key, qint64 nowMs) {
    // Forget idle clients now and then so the table can't grow without bound.
    if (m_events.size() > 10000) {
        for (auto it = m_events.begin(); it != m_events.end();) {
            if (it->isEmpty() || it->constLast() <= nowMs - m_windowMs)
                it = m_events.erase(it);
            else
                ++it;
        }
    }
    auto& events = m_events[key];
    while (!events.isEmpty() && events.constFirst() <= nowMs - m_windowMs)
        events.removeFirst();
    if (events.size() >= m_limit) {
        const qint64 waitMs = events.constFirst() + m_windowMs - nowMs;
        return static_cast<int>(qMax<qint64>(1, (waitMs + 999) / 1000));
    }
    events.append(nowMs);
    return 0;
}

} // namespace slotdesk::web
