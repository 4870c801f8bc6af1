#include "mail/MailKind.h"

#include <array>
#include <utility>

namespace slotdesk::mail {
namespace {

constexpr std::array<std::pair<MailKind, const char*>, 11> kNames{{
    {MailKind::RequestReceived, "request_received"},
    {MailKind::Approved, "approved"},
    {MailKind::Rejected, "rejected"},
    {MailKind::CancelledByAdmin, "cancelled_by_admin"},
    {MailKind::Withdrawn, "withdrawn"},
    {MailKind::CancelledByAttendee, "cancelled_by_attendee"},
    {MailKind::Reminder, "reminder"},
    {MailKind::Rescheduled, "rescheduled"},
    {MailKind::AdminNewRequest, "admin_new_request"},
    {MailKind::AdminAttendeeWithdrew, "admin_attendee_withdrew"},
    {MailKind::AdminAttendeeCancelled, "admin_attendee_cancelled"},
}};

} // namespace

QString toText(MailKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<MailKind> mailKindFromString(const QString& text) {
    for (const auto& [kind, name] : kNames)
        if (text == QLatin1String(name))
            return kind;
    return std::nullopt;
}

bool isForAdmin(MailKind kind) {
    return kind == MailKind::AdminNewRequest || kind == MailKind::AdminAttendeeWithdrew ||
           kind == MailKind::AdminAttendeeCancelled;
}

bool carriesManageLink(MailKind kind) {
    return kind == MailKind::RequestReceived || kind == MailKind::Approved ||
           kind == MailKind::Reminder || kind == MailKind::Rescheduled;
}

} // namespace slotdesk::mail
