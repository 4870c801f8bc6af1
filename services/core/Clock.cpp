#include "core/Clock.h"

namespace slotdesk::core {

QDateTime Clock::now() const {
    return m_source ? m_source().toUTC() : QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(const QDateTime& start)
    : m_msecs(std::make_shared<std::atomic<qint64>>(start.toMSecsSinceEpoch())) {}

Clock ManualClock::clock() const {
    return Clock(
        [msecs = m_msecs] { return QDateTime::fromMSecsSinceEpoch(msecs->load(), Qt::UTC); });
}

QDateTime ManualClock::now() const {
    return QDateTime::fromMSecsSinceEpoch(m_msecs->load(), Qt::UTC);
}

void ManualClock::set(const QDateTime& instant) {
    m_msecs->store(instant.toMSecsSinceEpoch());
}

void ManualClock::advance(std::chrono::milliseconds step) {
    m_msecs->fetch_add(step.count());
}

} // namespace slotdesk::core
