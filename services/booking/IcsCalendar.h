#pragma once
// IcsCalendar: a booking as an RFC 5545 calendar object (one VEVENT) — the one generator behind
// the manage page's "Add to calendar" file and the invitations in e-mails, so every copy an
// attendee gets describes the same event: UID "<booking id>@slotdesk" for the booking's whole
// life and SEQUENCE = Booking::sequence (raised by BookingService with each change), which is
// what lets Thunderbird, Apple Calendar, Outlook and Gmail update or remove the event they have
// instead of adding a second one. A rescheduled booking continues its original's event: its UID
// is the first booking's of the chain, and its SEQUENCE starts above the original's.

#include "domain/Entities.h"

#include <QByteArray>

namespace slotdesk {

class IcsCalendar {
public:
    enum class Method {
        Publish, // a file to import (the manage page's download)
        Request, // an invitation from the admin (RFC 5546 iTIP): create or update the event
        Cancel,  // the event is off: remove it
        // The event as a calendar object on the admin's CalDAV server (RFC 4791 4.1): no METHOD,
        // and SCHEDULE-AGENT=CLIENT so the server does not send invitations of its own
        // (RFC 6638) — SlotDesk's e-mails already do.
        Resource,
    };

    // `now` stamps DTSTAMP; `host` is the admin the attendee meets (the ORGANIZER). Every live
    // event carries a VALARM `alarmMinutes` before the start. SUMMARY is `summary`, else the
    // booking's title, else "Meeting with <host>". `eventBookingId` names the event (UID): the
    // first booking of the reschedule chain (BookingRepository::firstOfChain); empty: the
    // booking's own id.
    [[nodiscard]] static QByteArray forBooking(const Booking& booking, const User& host,
                                               const QDateTime& now,
                                               Method method = Method::Publish,
                                               int alarmMinutes = 15, const QString& summary = {},
                                               const QString& eventBookingId = {});
    // "<id>@slotdesk".
    [[nodiscard]] static QByteArray uid(const QString& bookingId);
    // The METHOD word: "PUBLISH", "REQUEST", "CANCEL" (empty for Resource).
    [[nodiscard]] static QByteArray methodText(Method method);
    // TEXT value escaping (RFC 5545 3.3.11) and line folding at 75 octets (3.1).
    [[nodiscard]] static QByteArray escapeText(const QString& text);
    [[nodiscard]] static QByteArray foldLine(const QByteArray& line);
};

} // namespace slotdesk
