#pragma once
// MailKind: every e-mail SlotDesk sends about a booking, by whom it is for and why. Stored as
// its word (mail_outbox.kind) and part of a mail's idempotency key.

#include <QString>

#include <optional>

namespace slotdesk::mail {

enum class MailKind {
    // To the attendee
    RequestReceived,     // their request is waiting for the admin
    Approved,            // confirmed: invitation (METHOD:REQUEST)
    Rejected,            // the admin declined the request
    CancelledByAdmin,    // the admin cancelled a confirmed meeting: METHOD:CANCEL
    Withdrawn,           // they withdrew their pending request themselves
    CancelledByAttendee, // they cancelled their confirmed meeting: METHOD:CANCEL
    Reminder,            // shortly before a confirmed meeting
    Rescheduled,         // their booking was moved (or a move they asked for was approved)
    // To the admin
    AdminNewRequest,        // a new request waits for approval
    AdminAttendeeWithdrew,  // the attendee withdrew a pending request
    AdminAttendeeCancelled, // the attendee cancelled a confirmed meeting
};

QString toText(MailKind kind); // "request_received", "approved", ..., "admin_new_request"
std::optional<MailKind> mailKindFromString(const QString& text);
bool isForAdmin(MailKind kind);
// Whether the mail carries the attendee's manage link: those about a meeting that is still on
// (request received, approved, reminder, rescheduled).
bool carriesManageLink(MailKind kind);

} // namespace slotdesk::mail
