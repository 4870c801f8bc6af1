#pragma once
// MailComposer: the e-mail a booking event owes one recipient, as a MailMessage — subject, plain
// text and HTML in the recipient's language, times in the recipient's zone, and for confirmed or
// cancelled meetings the invitation (IcsCalendar, METHOD:REQUEST or CANCEL). Attendee mails reply
// to the admin; admin mails reply to the attendee. No remote images, no tracking.

#include "core/Result.h"
#include "domain/Entities.h"
#include "mail/MailKind.h"
#include "mail/MailMessage.h"

#include <optional>

namespace slotdesk::mail {

struct MailContext {
    Booking booking;  // as it is after the change (its status, reason, video link, sequence)
    User admin;       // the admin the attendee meets (name, e-mail, zone)
    MailAddress from; // the configured sender; an empty name takes the admin's
    QString adminLanguage = QStringLiteral("en"); // for admin mails
    QString manageUrl; // the attendee's manage link; empty: none in the mail
    // A move (the booking has rescheduledFromId): the booking it replaces, and the first booking
    // of the chain, whose id names the event the invitation updates.
    std::optional<Booking> previous;
    QString eventBookingId;
    QDateTime now;         // Date: and the .ics DTSTAMP
    int alarmMinutes = 15; // the .ics VALARM
};

class MailComposer {
public:
    // A validation error when the booking, admin or sender lacks what the mail needs.
    static Result<MailMessage> compose(MailKind kind, const MailContext& context);
    // The language a mail of `kind` is written in: the booking's for the attendee, else the
    // admin's.
    static QString languageFor(MailKind kind, const MailContext& context);
    // "Monday, 1 March 2027, 10:00–10:45 (Europe/Berlin)" in `language`.
    static QString formatTime(const Booking& booking, const QString& zone, const QString& language);
};

} // namespace slotdesk::mail
