#pragma once
// IntervalSet: a set of instants kept as sorted, disjoint, non-touching half-open intervals. The
// engine builds availability with it (weekly blocks, minus override days, plus override hours);
// busy time never goes through it, because sorting every busy interval would cost n log n.

#include <vector>

#include "scheduling/SlotEngine.h"

namespace slotdesk::scheduling {

class IntervalSet {
public:
    IntervalSet() = default;
    // Accepts intervals in any order, overlapping or touching; empty ones are dropped. Touching
    // intervals merge, so 09:00-12:00 plus 12:00-17:00 is one interval for slot alignment.
    explicit IntervalSet(std::vector<Interval> intervals);

    [[nodiscard]] const std::vector<Interval>& intervals() const { return m_intervals; }
    [[nodiscard]] bool empty() const { return m_intervals.empty(); }

    void unite(const IntervalSet& other);
    void subtract(const IntervalSet& other);
    void clip(Interval window);

private:
    void normalize();

    std::vector<Interval> m_intervals;
};

} // namespace slotdesk::scheduling
