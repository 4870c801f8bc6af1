#include "domain/Entities.h"

#include <array>
#include <utility>

namespace slotdesk {
namespace {

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [e, name] : names) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char*>, N>& names,
                            const QString& text) {
    for (const auto& [e, name] : names) {
        if (text == QLatin1String(name))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<BookingStatus, const char*>, 4> kBookingStatus{{
    {BookingStatus::Pending, "pending"},
    {BookingStatus::Confirmed, "confirmed"},
    {BookingStatus::Rejected, "rejected"},
    {BookingStatus::Cancelled, "cancelled"},
}};
constexpr std::array<std::pair<VideoProvider, const char*>, 2> kVideoProvider{{
    {VideoProvider::GoogleMeet, "google-meet"},
    {VideoProvider::Zoom, "zoom"},
}};
constexpr std::array<std::pair<SyncStatus, const char*>, 3> kSyncStatus{{
    {SyncStatus::Active, "active"},
    {SyncStatus::Error, "error"},
    {SyncStatus::Disconnected, "disconnected"},
}};
constexpr std::array<std::pair<CalendarType, const char*>, 3> kCalendarType{{
    {CalendarType::GoogleCalendar, "google-calendar"},
    {CalendarType::CalDav, "caldav"},
    {CalendarType::IcsFeed, "ics-feed"},
}};
constexpr std::array<std::pair<ApprovalPolicy, const char*>, 3> kApprovalPolicy{{
    {ApprovalPolicy::Always, "always"},
    {ApprovalPolicy::Never, "never"},
    {ApprovalPolicy::ShortNotice, "short-notice"},
}};

} // namespace

QString toText(BookingStatus status) {
    return nameOf(kBookingStatus, status);
}
QString toText(VideoProvider provider) {
    return nameOf(kVideoProvider, provider);
}
QString toText(SyncStatus status) {
    return nameOf(kSyncStatus, status);
}
QString toText(CalendarType type) {
    return nameOf(kCalendarType, type);
}
QString toText(ApprovalPolicy policy) {
    return nameOf(kApprovalPolicy, policy);
}

std::optional<BookingStatus> bookingStatusFromString(const QString& text) {
    return valueOf(kBookingStatus, text);
}
std::optional<VideoProvider> videoProviderFromString(const QString& text) {
    return valueOf(kVideoProvider, text);
}
std::optional<SyncStatus> syncStatusFromString(const QString& text) {
    return valueOf(kSyncStatus, text);
}
std::optional<CalendarType> calendarTypeFromString(const QString& text) {
    return valueOf(kCalendarType, text);
}
std::optional<ApprovalPolicy> approvalPolicyFromString(const QString& text) {
    return valueOf(kApprovalPolicy, text);
}

} // namespace slotdesk
