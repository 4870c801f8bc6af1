#include "booking/IcsCalendar.h"

namespace slotdesk {
namespace {

QByteArray utcStamp(const QDateTime& instant) {
    return instant.toUTC().toString(QStringLiteral("yyyyMMddTHHmmss")).toLatin1() + 'Z';
}

// A parameter value (RFC 5545 3.2): quoted, with no DQUOTE or control characters inside.
QByteArray quotedParameter(const QString& value) {
    QString clean;
    for (const QChar c : value) {
        if (c != u'"' && c.category() != QChar::Other_Control)
            clean += c;
    }
    return '"' + clean.toUtf8() + '"';
}

} // namespace

QByteArray IcsCalendar::escapeText(const QString& text) {
    QByteArray out;
    for (const QChar c : text) {
        if (c == u'\\')
            out += "\\\\";
        else if (c == u';')
            out += "\\;";
        else if (c == u',')
            out += "\\,";
        else if (c == u'\n')
            out += "\\n";
        else if (c == u'\r' || c.category() == QChar::Other_Control)
            continue;
        else
            out += QString(c).toUtf8();
    }
    return out;
}

QByteArray IcsCalendar::foldLine(const QByteArray& line) {
    // Fold at 75 octets without splitting a UTF-8 sequence; continuation lines start with a space.
    QByteArray out;
    qsizetype start = 0;
    qsizetype limit = 75;
    while (line.size() - start > limit) {
        qsizetype cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out += line.mid(start, cut - start) + "\r\n ";
        start = cut;
        limit = 74; // the leading space counts
    }
    out += line.mid(start) + "\r\n";
    return out;
}

QByteArray IcsCalendar::methodText(Method method) {
    switch (method) {
    case Method::Request:
        return "REQUEST";
    case Method::Cancel:
        return "CANCEL";
    case Method::Resource:
        return {};
    case Method::Publish:
        break;
    }
    return "PUBLISH";
}

QByteArray IcsCalendar::uid(const QString& bookingId) {
    return bookingId.toLatin1() + "@slotdesk";
}

QByteArray IcsCalendar::forBooking(const Booking& b, const User& host, const QDateTime& now,
                                   Method method, int alarmMinutes, const QString& summaryText,
                                   const QString& eventBookingId) {
    const bool cancelled = method == Method::Cancel || b.status == BookingStatus::Cancelled ||
                           b.status == BookingStatus::Rejected;
    const QByteArray status = cancelled                              ? "CANCELLED"
                              : b.status == BookingStatus::Confirmed ? "CONFIRMED"
                                                                     : "TENTATIVE";
    // The attendee asked for this time, so a confirmed meeting is one they accepted; the RSVP
    // lets their client answer the invitation all the same.
    const QByteArray partstat = cancelled                              ? "DECLINED"
                                : b.status == BookingStatus::Confirmed ? "ACCEPTED"
                                                                       : "NEEDS-ACTION";
    const QString summary = !summaryText.isEmpty() ? summaryText
                            : !b.title.isEmpty()   ? b.title
                                                 : QStringLiteral("Meeting with %1").arg(host.name);
    const bool resource = method == Method::Resource;
    const QByteArray scheduleAgent = resource ? ";SCHEDULE-AGENT=CLIENT" : "";
    QList<QByteArray> lines{
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SlotDesk//SlotDesk " SLOTDESK_VERSION "//EN",
        "CALSCALE:GREGORIAN",
    };
    if (!resource)
        lines.append("METHOD:" + methodText(method));
    lines += QList<QByteArray>{
        "BEGIN:VEVENT",
        "UID:" + uid(eventBookingId.isEmpty() ? b.id : eventBookingId),
        "SEQUENCE:" + QByteArray::number(b.sequence),
        "DTSTAMP:" + utcStamp(now),
        "DTSTART:" + utcStamp(b.startTime),
        "DTEND:" + utcStamp(b.endTime),
        "SUMMARY:" + escapeText(summary),
        "STATUS:" + status,
        "TRANSP:OPAQUE",
        "ORGANIZER;CN=" + quotedParameter(host.name) + scheduleAgent +
            ":mailto:" + host.email.toUtf8(),
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=" + partstat + scheduleAgent +
            ";RSVP=" + (method == Method::Request ? "TRUE" : "FALSE") +
            ";CN=" + quotedParameter(b.attendeeName) + ":mailto:" + b.attendeeEmail.toUtf8(),
    };
    if (!b.notes.isEmpty())
        lines.append("DESCRIPTION:" + escapeText(b.notes));
    if (!b.videoLink.isEmpty()) {
        lines.append("LOCATION:" + escapeText(b.videoLink));
        lines.append("URL:" + b.videoLink.toUtf8());
    }
    if (!cancelled && alarmMinutes > 0) {
        lines.append("BEGIN:VALARM");
        lines.append("ACTION:DISPLAY");
        lines.append("DESCRIPTION:" + escapeText(summary));
        lines.append("TRIGGER:-PT" + QByteArray::number(alarmMinutes) + 'M');
        lines.append("END:VALARM");
    }
    lines.append("END:VEVENT");
    lines.append("END:VCALENDAR");
    QByteArray out;
    for (const auto& line : lines)
        out += foldLine(line);
    return out;
}

} // namespace slotdesk
