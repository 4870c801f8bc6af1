#include "calendar/CalendarOutbox.h"

#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/IntegrationCalendarRepository.h"

namespace slotdesk {

using storage::CalendarJobAction;

namespace {

// The calendar `userId`'s approved bookings go to (integration_calendars id), if one does and
// its integration is connected; empty otherwise (then nothing is written anywhere).
Result<QString> receivingCalendar(const QSqlDatabase& db, const QString& userId) {
    auto receiving = storage::IntegrationCalendarRepository(db).receivingBookings(userId);
    if (!receiving)
        return receiving.error();
    if (!receiving->has_value())
        return QString();
    auto integration =
        storage::CalendarIntegrationRepository(db).findById(userId, (*receiving)->integrationId);
    if (!integration)
        return integration.error();
    if (!integration->has_value() || (*integration)->syncStatus == SyncStatus::Disconnected)
        return QString();
    return (*receiving)->id;
}

// Drops the booking's writes not yet done that would create or move its event.
Status dropInsertAndUpdate(storage::CalendarJobRepository& jobs, const QString& bookingId) {
    if (auto s = jobs.removeForBooking(bookingId, CalendarJobAction::Insert); !s)
        return s;
    return jobs.removeForBooking(bookingId, CalendarJobAction::Update);
}

Status enqueue(storage::CalendarJobRepository& jobs, const Booking& booking,
               CalendarJobAction action, const QDateTime& now, const QString& calendarId) {
    auto queued = jobs.enqueue(booking.userId, booking.id, action, now, calendarId);
    if (!queued)
        return queued.error();
    return success();
}

} // namespace

Status CalendarOutbox::enqueueForTransition(const QSqlDatabase& db, const core::Clock& clock,
                                            const Booking& before, const Booking& after) {
    const bool approved =
        before.status == BookingStatus::Pending && after.status == BookingStatus::Confirmed;
    const bool cancelled =
        before.status == BookingStatus::Confirmed && after.status == BookingStatus::Cancelled;
    if (!approved && !cancelled)
        return success();

    storage::CalendarJobRepository jobs(db, clock);
    const QDateTime now = clock.now();
    if (approved) {
        auto target = receivingCalendar(db, after.userId);
        if (!target)
            return target.error();
        if (target->isEmpty())
            return success();
        return enqueue(jobs, after, CalendarJobAction::Insert, now, *target);
    }
    // Cancelled: an insert (or a move) not yet done is simply dropped (an insert already on its
    // way notices the cancellation when it lands and queues the delete itself). The event is
    // deleted in the calendar it is in.
    if (auto s = dropInsertAndUpdate(jobs, after.id); !s)
        return s;
    if (after.calendarEventId.isEmpty() || after.eventCalendarId.isEmpty())
        return success();
    return enqueue(jobs, after, CalendarJobAction::Delete, now, after.eventCalendarId);
}

Status CalendarOutbox::enqueueForMove(const QSqlDatabase& db, const core::Clock& clock,
                                      const Booking& original, const Booking& moved) {
    storage::CalendarJobRepository jobs(db, clock);
    if (auto s = dropInsertAndUpdate(jobs, original.id); !s)
        return s;
    // The event handed over is moved where it is; without one, a new one goes to the calendar
    // receiving bookings now.
    if (!moved.calendarEventId.isEmpty() && !moved.eventCalendarId.isEmpty())
        return enqueue(jobs, moved, CalendarJobAction::Update, clock.now(), moved.eventCalendarId);
    auto target = receivingCalendar(db, moved.userId);
    if (!target)
        return target.error();
    if (target->isEmpty())
        return success();
    return enqueue(jobs, moved, CalendarJobAction::Insert, clock.now(), *target);
}

} // namespace slotdesk
