// Slot engine cost against the number of busy intervals: a 60-day query over five availability
// blocks a day with 30-minute slots, the shape of a real booking page.

#include <chrono>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "scheduling/SlotEngine.h"

namespace {

using namespace slotdesk::scheduling;
using std::chrono::minutes;

constexpr int kDays = 60;

// Deterministic so that runs are comparable; quality hardly matters here.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed)
        : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t bound) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(bound));
    }

private:
    std::uint64_t m_state;
};

Instant rangeStart() {
    return Instant{date::sys_days{date::year{2026} / 3 / 1}};
}

SlotInput makeInput(std::int64_t busyCount) {
    SlotInput input;
    input.adminTimeZone = "Europe/Berlin";
    // Five 90-minute blocks on every day of the week: 15 slots a day, 900 over the range, and
    // the range crosses Berlin's and New York's spring-forward.
    for (int day = 0; day < 7; ++day) {
        for (int block = 0; block < 5; ++block) {
            const int start = 8 * 60 + block * 120;
            input.blocks.push_back({day, start, start + 90, "Europe/Berlin"});
        }
    }
    input.rules.length = minutes{30};
    input.rules.bufferBefore = minutes{10};
    input.rules.bufferAfter = minutes{5};
    input.rules.minimumNotice = minutes{120};
    input.rules.horizon = std::chrono::days{kDays};
    input.rules.maxBookingsPerDay = 200;

    SplitMix random(42);
    const std::int64_t spanSeconds = std::int64_t{kDays} * 24 * 3600;
    for (std::int64_t i = 0; i < busyCount; ++i) {
        const Instant start = rangeStart() + std::chrono::seconds{random.below(spanSeconds)};
        const Interval busy{start, start + minutes{15 + random.below(106)}};
        // One in ten busy intervals is a booking, so the daily cap has work to do too.
        (i % 10 == 0 ? input.bookings : input.busyEvents).push_back(busy);
    }
    return input;
}

void BM_Compute(benchmark::State& state) {
    const SlotInput input = makeInput(state.range(0));
    SlotQuery query;
    query.from = date::year{2026} / 3 / 1;
    query.to = date::year{2026} / 4 / 29; // 60 days inclusive
    query.viewerTimeZone = "America/New_York";
    query.now = rangeStart();

    std::size_t slots = 0;
    for (auto _ : state) {
        const std::vector<SlotDay> days = SlotEngine::compute(input, query);
        slots = 0;
        for (const SlotDay& day : days) {
            slots += day.slotList.size();
        }
        benchmark::DoNotOptimize(slots);
    }
    state.counters["slots"] = static_cast<double>(slots);
    state.SetComplexityN(state.range(0));
}

BENCHMARK(BM_Compute)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity(benchmark::oNLogN);

} // namespace

BENCHMARK_MAIN();
