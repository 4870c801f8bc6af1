#pragma once
// Clock: where services, models and widgets read "now". A value type, cheap to copy; a
// default-constructed Clock reads the system clock. Tests drive time through a ManualClock
// instead of sleeping: every Clock made from it follows its set() and advance().

#include <QDateTime>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace slotdesk::core {

class Clock {
public:
    using Source = std::function<QDateTime()>;

    Clock() = default; // the system clock
    explicit Clock(Source source)
        : m_source(std::move(source)) {}

    // Now, in UTC.
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
    [[nodiscard]] bool isSystem() const { return !m_source; }

private:
    Source m_source;
};

// A clock that stands still until a test moves it. Safe to read from any thread.
class ManualClock {
public:
    explicit ManualClock(const QDateTime& start);

    [[nodiscard]] Clock clock() const;
    [[nodiscard]] QDateTime now() const;
    void set(const QDateTime& instant);
    void advance(std::chrono::milliseconds step);

private:
    std::shared_ptr<std::atomic<qint64>> m_msecs; // UTC epoch milliseconds
};

} // namespace slotdesk::core
