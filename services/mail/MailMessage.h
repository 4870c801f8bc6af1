#pragma once
// MailMessage: one e-mail as plain values — who, what, and the calendar invitation it carries —
// before MimeWriter renders it. No GMime or GLib type appears here.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace slotdesk::mail {

struct MailAddress {
    QString name;    // display name, any Unicode (encoded per RFC 2047 when written)
    QString address; // addr-spec, ASCII

    [[nodiscard]] bool isEmpty() const { return address.isEmpty(); }
};

struct MailAttachment {
    QString fileName;    // any Unicode (encoded per RFC 2231 when written)
    QByteArray mimeType; // "application/pdf"
    QByteArray data;
};

// A booking's iCalendar object (RFC 5545) with its METHOD, sent the way calendar clients expect
// an invitation (see MimeWriter).
struct MailCalendar {
    QByteArray method; // "REQUEST", "CANCEL" or "PUBLISH"
    QByteArray ics;    // the VCALENDAR, CRLF lines
};

struct MailMessage {
    MailAddress from;
    MailAddress replyTo; // empty: none
    QList<MailAddress> to;
    QString subject;
    QString text; // the plain-text body (always present)
    QString html; // the HTML alternative, empty for text only
    QList<MailAttachment> attachments;
    MailCalendar calendar; // empty ics: no invitation
    QString messageId;     // without angle brackets; empty: MimeWriter makes one
    QDateTime date;        // empty: now
};

} // namespace slotdesk::mail
