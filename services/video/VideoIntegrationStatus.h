#pragma once
// VideoIntegrationStatus: how a video account (Zoom) is doing, the video counterpart of
// SyncStatus (and, like it, provider-neutral: namespace slotdesk). The database keeps the words of
// toText() ('connected', 'error', 'reauth_required'); VideoIntegrationRepository maps them to and
// from this enum.

#include <QString>

#include <optional>

namespace slotdesk {

enum class VideoIntegrationStatus { Connected, Error, ReauthRequired };

// Whether SlotDesk can make meetings with the account: connected, or failing in a way a retry
// can mend (a network error, a 5xx). Only a revoked grant needs the admin to reconnect first.
[[nodiscard]] bool isUsable(VideoIntegrationStatus status);

QString toText(VideoIntegrationStatus status);
std::optional<VideoIntegrationStatus> videoIntegrationStatusFromString(const QString& text);

} // namespace slotdesk
