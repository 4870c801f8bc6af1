#pragma once
// IcsCalendar: a booking as an RFC 5545 calendar file (one VEVENT), for "Add to calendar".

#include "domain/Entities.h"

#include <QByteArray>

namespace slotdesk::web {

class IcsCalendar {
public:
    // `now` stamps DTSTAMP; `host` is the admin the attendee meets.
    [[nodiscard]] static QByteArray forBooking(const Booking& booking, const User& host,
                                               const QDateTime& now);
    // TEXT value escaping (RFC 5545 3.3.11) and line folding at 75 octets (3.1).
    [[nodiscard]] static QByteArray escapeText(const QString& text);
    [[nodiscard]] static QByteArray foldLine(const QByteArray& line);
};

} // namespace slotdesk::web
