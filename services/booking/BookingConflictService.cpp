#include "booking/BookingConflictService.h"

#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"

#include <algorithm>

namespace slotdesk {

Result<QVector<BookingConflict>> BookingConflictService::conflicts(const QString& userId,
                                                                   const Booking& booking) {
    const auto db = m_database.connection();
    QVector<BookingConflict> found;
    auto holding =
        storage::BookingRepository(db).listHoldingTime(userId, booking.startTime, booking.endTime);
    if (!holding)
        return holding.error();
    for (const auto& other : *holding) {
        if (other.id == booking.id || other.id == booking.rescheduledFromId ||
            other.status != BookingStatus::Confirmed)
            continue;
        found.append({BookingConflict::Kind::ConfirmedBooking, other.id, other.attendeeName,
                      other.startTime, other.endTime});
    }
    auto events =
        storage::CalendarEventRepository(db).listBusy(userId, booking.startTime, booking.endTime);
    if (!events)
        return events.error();
    for (const auto& event : *events)
        found.append({BookingConflict::Kind::BusyEvent, event.id, event.title, event.startTime,
                      event.endTime});
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.start < b.start; });
    return found;
}

} // namespace slotdesk
