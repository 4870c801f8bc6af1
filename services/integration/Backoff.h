#pragma once
// Backoff: how long to wait before retrying a failed call to a provider (a calendar sync, an
// outbox job, a Zoom pass, next an e-mail) — exponential from 30 s, doubling per consecutive
// failure, capped at 30 minutes, with "equal jitter" (a uniformly random point in the upper half
// of the step) so that several SlotDesk processes or a fleet of clients don't retry in lock-step.
//   failures: 1      2      3     4     5     6      7+
//   step:     30 s   1 min  2 min 4 min 8 min 16 min 30 min     delay ∈ [step/2, step]

#include <chrono>

namespace slotdesk::integration {

class Backoff {
public:
    static constexpr std::chrono::milliseconds kBase{30'000};
    static constexpr std::chrono::milliseconds kCap{30 * 60'000};

    // The step before jitter after `failures` consecutive failures (>= 1).
    static std::chrono::milliseconds step(int failures);
    // The delay for a given jitter draw `unit` in [0, 1).
    static std::chrono::milliseconds delay(int failures, double unit);
    // delay() with a random draw; at least `notBefore` (a server's Retry-After), still capped.
    static std::chrono::milliseconds delay(int failures, std::chrono::milliseconds notBefore = {});
};

} // namespace slotdesk::integration
