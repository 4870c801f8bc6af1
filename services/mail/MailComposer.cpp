#include "mail/MailComposer.h"

#include "booking/IcsCalendar.h"
#include "core/ZonedTime.h"
#include "mail/MailTexts.h"
#include "mail/MimeWriter.h"

#include <QList>
#include <QLocale>
#include <QPair>

namespace slotdesk::mail {
namespace {

// What the invitation of a mail says, if it carries one.
std::optional<IcsCalendar::Method> invitationFor(MailKind kind, const Booking& booking) {
    switch (kind) {
    case MailKind::Rescheduled:
        if (booking.status != BookingStatus::Confirmed)
            return std::nullopt; // a request moved by the admin: nothing to put in a calendar yet
        return IcsCalendar::Method::Request;
    case MailKind::Approved:
    case MailKind::Reminder:
        return IcsCalendar::Method::Request;
    case MailKind::CancelledByAdmin:
    case MailKind::CancelledByAttendee:
        return IcsCalendar::Method::Cancel;
    default:
        return std::nullopt;
    }
}

// The subject and intro of a mail: a move's own words where it has them.
const MailTexts::Message& messageFor(MailKind kind, const MailContext& context,
                                     const MailTexts& t) {
    if (context.previous) {
        switch (kind) {
        case MailKind::RequestReceived:
            return t.rescheduleRequested;
        case MailKind::AdminNewRequest:
            return t.adminRescheduleRequest;
        case MailKind::Rejected:
            return t.rescheduleDeclined;
        default:
            break;
        }
    }
    if (kind == MailKind::Rescheduled && context.booking.status == BookingStatus::Pending)
        return t.rescheduledRequest;
    return t.message(kind);
}

QString html(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

struct Body {
    QString greeting;
    QString intro;
    QList<QPair<QString, QString>> details; // label, value
    QString linkLabel;
    QString link;
    QString closing; // the hint or the call to act
    QString signature;

    [[nodiscard]] QString text() const {
        QString out = greeting + QStringLiteral("\n\n") + intro + QStringLiteral("\n\n");
        for (const auto& [label, value] : details)
            out += label + QStringLiteral(": ") +
                   QString(value).replace(u'\n', QStringLiteral("\n  ")) + u'\n';
        if (!link.isEmpty())
            out += u'\n' + linkLabel + QStringLiteral(":\n") + link + u'\n';
        if (!closing.isEmpty())
            out += u'\n' + closing + u'\n';
        out += QStringLiteral("\n-- \n") + signature + u'\n';
        return out;
    }

    [[nodiscard]] QString toHtml(const QString& language) const {
        QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta "
                                     "charset=\"utf-8\"></head>\n<body style=\"font-family:"
                                     "sans-serif;line-height:1.5\">\n")
                          .arg(language);
        out += QStringLiteral("<p>%1</p>\n<p>%2</p>\n").arg(html(greeting), html(intro));
        out += QStringLiteral("<table style=\"border-collapse:collapse\">\n");
        for (const auto& [label, value] : details)
            out += QStringLiteral("<tr><th style=\"text-align:left;padding-right:1em;"
                                  "vertical-align:top\">%1</th><td>%2</td></tr>\n")
                       .arg(html(label), html(value));
        out += QStringLiteral("</table>\n");
        if (!link.isEmpty())
            out += QStringLiteral("<p><a href=\"%1\">%2</a></p>\n")
                       .arg(link.toHtmlEscaped(), html(linkLabel));
        if (!closing.isEmpty())
            out += QStringLiteral("<p>%1</p>\n").arg(html(closing));
        out += QStringLiteral("<p style=\"color:#666;font-size:90%\">%1</p>\n</body></html>\n")
                   .arg(html(signature));
        return out;
    }
};

} // namespace

QString MailComposer::languageFor(MailKind kind, const MailContext& context) {
    return isForAdmin(kind) ? context.adminLanguage : context.booking.language;
}

QString MailComposer::formatTime(const Booking& booking, const QString& zone,
                                 const QString& language) {
    const QLocale locale(MailTexts::forLanguage(language).locale);
    const QDateTime start = zonedtime::toLocal(booking.startTime, zone);
    const QDateTime end = zonedtime::toLocal(booking.endTime, zone);
    QString text = locale.toString(start.date(), QLocale::LongFormat) + QStringLiteral(", ") +
                   locale.toString(start.time(), QLocale::ShortFormat) + QStringLiteral("–");
    if (end.date() != start.date())
        text += locale.toString(end.date(), QLocale::LongFormat) + QStringLiteral(", ");
    return text + locale.toString(end.time(), QLocale::ShortFormat) + QStringLiteral(" (") + zone +
           u')';
}

Result<MailMessage> MailComposer::compose(MailKind kind, const MailContext& context) {
    const Booking& b = context.booking;
    const User& admin = context.admin;
    const bool toAdmin = isForAdmin(kind);
    const QString language = languageFor(kind, context);
    const MailTexts& t = MailTexts::forLanguage(language);
    const QString zone = toAdmin ? admin.timeZone : b.timeZone;
    if (zone.isEmpty())
        return Error::validation(QStringLiteral("timezone"),
                                 QStringLiteral("The recipient's time zone is unknown"));

    MailMessage m;
    m.from = context.from;
    if (m.from.name.isEmpty())
        m.from.name = admin.name;
    m.date = context.now;
    const QString title = !b.title.isEmpty() ? b.title
                          : toAdmin          ? t.meetingFrom.arg(b.attendeeName)
                                             : t.meetingWith.arg(admin.name);
    const QLocale locale(t.locale);
    const QDateTime localStart = zonedtime::toLocal(b.startTime, zone);
    const QString shortStart = locale.toString(localStart.date(), QLocale::ShortFormat) + u' ' +
                               locale.toString(localStart.time(), QLocale::ShortFormat);
    const MailTexts::Message& message = messageFor(kind, context, t);
    m.subject = message.subject.arg(title, shortStart);

    Body body;
    body.signature = t.signature.arg(admin.name);
    body.details.append({t.when, formatTime(b, zone, language)});
    // A move: the time it replaces — or, declined, the meeting that stays.
    if (const auto& previous = context.previous) {
        const bool declined = kind == MailKind::Rejected;
        if (kind == MailKind::RequestReceived || kind == MailKind::AdminNewRequest ||
            kind == MailKind::Rescheduled)
            body.details.append({t.previously, formatTime(*previous, zone, language)});
        else if (declined && previous->status == BookingStatus::Confirmed)
            body.details.append({t.stillBooked, formatTime(*previous, zone, language)});
    }
    if (toAdmin) {
        m.to = {{admin.name, admin.email}};
        m.replyTo = {b.attendeeName, b.attendeeEmail};
        body.greeting = t.greeting.arg(admin.name);
        body.intro = message.intro.arg(b.attendeeName);
        if (b.timeZone != admin.timeZone)
            body.details.append({t.attendeeTime, formatTime(b, b.timeZone, language)});
        body.details.append(
            {t.attendee, QStringLiteral("%1 <%2>").arg(b.attendeeName, b.attendeeEmail)});
        if (kind == MailKind::AdminNewRequest)
            body.closing = t.openApp;
    } else {
        m.to = {{b.attendeeName, b.attendeeEmail}};
        m.replyTo = {admin.name, admin.email};
        body.greeting = t.greeting.arg(b.attendeeName);
        body.intro = message.intro;
        body.details.append({t.host, admin.name});
        if (carriesManageLink(kind) && !context.manageUrl.isEmpty()) {
            body.linkLabel = t.manage;
            body.link = context.manageUrl;
        }
    }
    const bool cancelledOrRejected =
        kind == MailKind::Rejected || kind == MailKind::CancelledByAdmin ||
        kind == MailKind::CancelledByAttendee || kind == MailKind::AdminAttendeeCancelled;
    if (!b.videoLink.isEmpty() && !cancelledOrRejected && kind != MailKind::Withdrawn &&
        kind != MailKind::AdminAttendeeWithdrew)
        body.details.append({t.video, b.videoLink});
    if (!b.notes.isEmpty() && (toAdmin || kind == MailKind::RequestReceived))
        body.details.append({t.notes, b.notes});
    // The reason for a cancellation or refusal, or the admin's for a move.
    if (!b.statusReason.isEmpty() && (cancelledOrRejected || kind == MailKind::Rescheduled))
        body.details.append({t.reason, b.statusReason});

    if (const auto method = invitationFor(kind, b)) {
        m.calendar = {IcsCalendar::methodText(*method),
                      IcsCalendar::forBooking(b, admin, context.now, *method, context.alarmMinutes,
                                              title, context.eventBookingId)};
        if (*method == IcsCalendar::Method::Request)
            body.closing = t.calendarHint;
    }
    m.text = body.text();
    m.html = body.toHtml(language);
    m.messageId = MimeWriter::newMessageId(m.from.address);
    return m;
}

} // namespace slotdesk::mail
