#include "integration/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace slotdesk::integration {

std::chrono::milliseconds Backoff::step(int failures) {
    const int doublings = std::clamp(failures - 1, 0, 16);
    const auto uncapped = kBase * (qint64(1) << doublings);
    return std::min<std::chrono::milliseconds>(uncapped, kCap);
}

std::chrono::milliseconds Backoff::delay(int failures, double unit) {
    const auto full = step(failures);
    const auto half = full / 2;
    const double clamped = std::clamp(unit, 0.0, 1.0);
    return half + std::chrono::milliseconds(
                      static_cast<qint64>(static_cast<double>(half.count()) * clamped));
}

std::chrono::milliseconds Backoff::delay(int failures, std::chrono::milliseconds notBefore) {
    const auto jittered = delay(failures, QRandomGenerator::global()->generateDouble());
    return std::min(std::max(jittered, notBefore), kCap);
}

} // namespace slotdesk::integration
