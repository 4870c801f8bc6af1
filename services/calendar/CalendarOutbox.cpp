#include "calendar/CalendarOutbox.h"

#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/IntegrationCalendarRepository.h"

namespace slotdesk {

using storage::CalendarJobAction;

namespace {

// Where `userId`'s new events go: the calendar that receives bookings (its id), or a connected
// Google Calendar's one calendar (an empty id); std::nullopt when there is none to write to.
Result<std::optional<QString>> writeTarget(const QSqlDatabase& db, const QString& userId) {
    auto receiving = storage::IntegrationCalendarRepository(db).receivingBookings(userId);
    if (!receiving)
        return receiving.error();
    if (receiving->has_value())
        return std::optional<QString>((*receiving)->id);
    auto integrations = storage::CalendarIntegrationRepository(db).list(userId);
    if (!integrations)
        return integrations.error();
    for (const auto& integration : *integrations) {
        if (integration.type == CalendarType::GoogleCalendar &&
            integration.syncStatus != SyncStatus::Disconnected)
            return std::optional<QString>(QString());
    }
    return std::optional<QString>();
}

// Drops the booking's writes not yet done that would create or move its event.
Status dropInsertAndUpdate(storage::CalendarJobRepository& jobs, const QString& bookingId) {
    if (auto s = jobs.removeForBooking(bookingId, CalendarJobAction::Insert); !s)
        return s;
    return jobs.removeForBooking(bookingId, CalendarJobAction::Update);
}

// An insert goes to the calendar receiving bookings now; a move or a delete to the calendar
// the booking's event is in.
Status enqueue(storage::CalendarJobRepository& jobs, const Booking& booking,
               CalendarJobAction action, const QDateTime& now, const QString& target) {
    auto queued =
        jobs.enqueue(booking.userId, booking.id, action, now,
                     action == CalendarJobAction::Insert || booking.eventCalendarId.isEmpty()
                         ? target
                         : booking.eventCalendarId);
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

    auto target = writeTarget(db, after.userId);
    if (!target)
        return target.error();
    if (!target->has_value() && after.eventCalendarId.isEmpty())
        return success();

    storage::CalendarJobRepository jobs(db, clock);
    const QDateTime now = clock.now();
    if (approved)
        return target->has_value() ? enqueue(jobs, after, CalendarJobAction::Insert, now, **target)
                                   : success();
    // Cancelled: an insert (or a move) not yet done is simply dropped (an insert already on its
    // way notices the cancellation when it lands and queues the delete itself).
    if (auto s = dropInsertAndUpdate(jobs, after.id); !s)
        return s;
    if (after.calendarEventId.isEmpty())
        return success();
    return enqueue(jobs, after, CalendarJobAction::Delete, now, target->value_or(QString()));
}

Status CalendarOutbox::enqueueForMove(const QSqlDatabase& db, const core::Clock& clock,
                                      const Booking& original, const Booking& moved) {
    auto target = writeTarget(db, moved.userId);
    if (!target)
        return target.error();
    if (!target->has_value() && moved.eventCalendarId.isEmpty())
        return success();
    storage::CalendarJobRepository jobs(db, clock);
    if (auto s = dropInsertAndUpdate(jobs, original.id); !s)
        return s;
    if (moved.calendarEventId.isEmpty() && !target->has_value())
        return success();
    return enqueue(jobs, moved,
                   moved.calendarEventId.isEmpty() ? CalendarJobAction::Insert
                                                   : CalendarJobAction::Update,
                   clock.now(), target->value_or(QString()));
}

} // namespace slotdesk
