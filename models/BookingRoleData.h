#pragma once
// bookingRoleData(): the typed roles of ItemRoles.h for any booking-like row (Booking, or the
// table's BookingSummary), so every booking model answers them the same way.

#include "models/ItemRoles.h"
#include "models/TimeText.h"

#include <QVariant>

namespace slotdesk::models {

template <typename BookingLike>
QVariant bookingRoleData(const BookingLike& b, int role, const QString& adminZone) {
    switch (role) {
    case IdRole:
        return b.id;
    case StatusRole:
        return static_cast<int>(b.status);
    case StartUtcRole:
        return b.startTime;
    case EndUtcRole:
        return b.endTime;
    case AttendeeNameRole:
        return b.attendeeName;
    case AttendeeEmailRole:
        return b.attendeeEmail;
    case AttendeeTimeZoneRole:
        return b.timeZone;
    case NotesRole:
        return b.notes;
    case AdminTimeTextRole:
        return adminZone.isEmpty() ? QString() : TimeText::range(b.startTime, b.endTime, adminZone);
    case AttendeeTimeTextRole:
        return b.timeZone.isEmpty() ? QString()
                                    : TimeText::rangeWithZone(b.startTime, b.endTime, b.timeZone);
    default:
        return {};
    }
}

} // namespace slotdesk::models
