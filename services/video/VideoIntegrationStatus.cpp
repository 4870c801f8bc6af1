#include "video/VideoIntegrationStatus.h"

#include <array>
#include <utility>

namespace slotdesk {
namespace {

constexpr std::array<std::pair<VideoIntegrationStatus, const char*>, 3> kNames{{
    {VideoIntegrationStatus::Connected, "connected"},
    {VideoIntegrationStatus::Error, "error"},
    {VideoIntegrationStatus::ReauthRequired, "reauth_required"},
}};

} // namespace

bool isUsable(VideoIntegrationStatus status) {
    return status != VideoIntegrationStatus::ReauthRequired;
}

QString toText(VideoIntegrationStatus status) {
    for (const auto& [value, name] : kNames) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<VideoIntegrationStatus> videoIntegrationStatusFromString(const QString& text) {
    for (const auto& [value, name] : kNames) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

} // namespace slotdesk
