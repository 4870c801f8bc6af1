#pragma once
// MimeWriter: renders a MailMessage to RFC 5322 bytes (CRLF lines) through GMime 3 — RFC 2047
// encoded display names and subject, RFC 2231 encoded file names, a multipart/alternative of
// text and HTML and, for an invitation, the text/calendar part calendar clients act on.
//
// Structure (what Cal.com's mailer, nodemailer's `icalEvent`, and Thunderbird send):
//   multipart/mixed
//     multipart/alternative
//       text/plain; charset=utf-8
//       text/html; charset=utf-8                      (when html is set)
//       text/calendar; method=REQUEST; charset=UTF-8  (when an invitation is set)
//     application/ics; name="invite.ics"              (the same invitation, as a file)
//     ...attachments
// Gmail and Outlook show accept/decline for the alternative calendar part; clients that ignore
// it offer the attachment. Without attachments or an invitation the top is the alternative.

#include "core/Result.h"
#include "mail/MailMessage.h"

namespace slotdesk::mail {

class MimeWriter {
public:
    // The message, or a validation error naming the field (a missing from/to address, a header
    // value with a line break).
    static Result<QByteArray> render(const MailMessage& message);
    // "<random>@<domain of from>" without brackets.
    static QString newMessageId(const QString& fromAddress);
};

} // namespace slotdesk::mail
