#pragma once
// BookingConflictService: what a pending request would now collide with if the admin approved
// it — confirmed bookings and busy calendar events that overlap it. Time may have been taken
// since the request arrived (a sync brought a new event, another request was approved), so the
// admin is warned before confirming. Reads only.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

struct BookingConflict {
    enum class Kind { ConfirmedBooking, BusyEvent };
    Kind kind = Kind::ConfirmedBooking;
    QString id;
    QString title; // the attendee's name, or the event's title
    QDateTime start;
    QDateTime end;
};

class BookingConflictService {
public:
    explicit BookingConflictService(storage::Database& database)
        : m_database(database) {}

    // Confirmed bookings and busy events overlapping `booking`, by start. The booking itself
    // never counts, nor, for a move request, the meeting it moves (approving cancels that).
    Result<QVector<BookingConflict>> conflicts(const QString& userId, const Booking& booking);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
