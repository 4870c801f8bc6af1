#include "scheduling/IntervalSet.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace slotdesk::scheduling {

IntervalSet::IntervalSet(std::vector<Interval> intervals)
    : m_intervals(std::move(intervals)) {
    normalize();
}

void IntervalSet::normalize() {
    std::erase_if(m_intervals, [](const Interval& i) { return i.end <= i.start; });
    std::sort(m_intervals.begin(), m_intervals.end(),
              [](const Interval& a, const Interval& b) { return a.start < b.start; });
    auto out = m_intervals.begin();
    for (auto it = m_intervals.begin(); it != m_intervals.end(); ++it) {
        if (out != m_intervals.begin() && it->start <= std::prev(out)->end) {
            std::prev(out)->end = std::max(std::prev(out)->end, it->end);
        } else {
            *out++ = *it;
        }
    }
    m_intervals.erase(out, m_intervals.end());
}

void IntervalSet::unite(const IntervalSet& other) {
    m_intervals.insert(m_intervals.end(), other.m_intervals.begin(), other.m_intervals.end());
    normalize();
}

void IntervalSet::subtract(const IntervalSet& other) {
    std::vector<Interval> result;
    result.reserve(m_intervals.size());
    auto cut = other.m_intervals.begin();
    for (Interval piece : m_intervals) {
        // Both lists are sorted, so cuts that end before this piece can never matter again.
        while (cut != other.m_intervals.end() && cut->end <= piece.start) {
            ++cut;
        }
        for (auto c = cut; c != other.m_intervals.end() && c->start < piece.end; ++c) {
            if (c->start > piece.start) {
                result.push_back({piece.start, c->start});
            }
            piece.start = std::max(piece.start, c->end);
            if (piece.start >= piece.end) {
                break;
            }
        }
        if (piece.start < piece.end) {
            result.push_back(piece);
        }
    }
    m_intervals = std::move(result);
}

void IntervalSet::clip(Interval window) {
    for (Interval& i : m_intervals) {
        i.start = std::max(i.start, window.start);
        i.end = std::min(i.end, window.end);
    }
    std::erase_if(m_intervals, [](const Interval& i) { return i.end <= i.start; });
}

} // namespace slotdesk::scheduling
