#include "calendar/CalendarOutbox.h"

#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"

namespace slotdesk {

using storage::CalendarJobAction;

namespace {

// Whether `userId` has a Google Calendar to write to.
Result<bool> googleConnected(const QSqlDatabase& db, const QString& userId) {
    auto integrations = storage::CalendarIntegrationRepository(db).list(userId);
    if (!integrations)
        return integrations.error();
    for (const auto& integration : *integrations) {
        if (integration.type == CalendarType::GoogleCalendar &&
            integration.syncStatus != SyncStatus::Disconnected)
            return true;
    }
    return false;
}

// Drops the booking's writes not yet done that would create or move its event.
Status dropInsertAndUpdate(storage::CalendarJobRepository& jobs, const QString& bookingId) {
    if (auto s = jobs.removeForBooking(bookingId, CalendarJobAction::Insert); !s)
        return s;
    return jobs.removeForBooking(bookingId, CalendarJobAction::Update);
}

Status enqueue(storage::CalendarJobRepository& jobs, const Booking& booking,
               CalendarJobAction action, const QDateTime& now) {
    auto queued = jobs.enqueue(booking.userId, booking.id, action, now);
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

    auto connected = googleConnected(db, after.userId);
    if (!connected)
        return connected.error();
    if (!*connected)
        return success();

    storage::CalendarJobRepository jobs(db, clock);
    const QDateTime now = clock.now();
    if (approved)
        return enqueue(jobs, after, CalendarJobAction::Insert, now);
    // Cancelled: an insert (or a move) not yet done is simply dropped (an insert already on its
    // way notices the cancellation when it lands and queues the delete itself).
    if (auto s = dropInsertAndUpdate(jobs, after.id); !s)
        return s;
    if (after.calendarEventId.isEmpty())
        return success();
    return enqueue(jobs, after, CalendarJobAction::Delete, now);
}

Status CalendarOutbox::enqueueForMove(const QSqlDatabase& db, const core::Clock& clock,
                                      const Booking& original, const Booking& moved) {
    auto connected = googleConnected(db, moved.userId);
    if (!connected)
        return connected.error();
    if (!*connected)
        return success();
    storage::CalendarJobRepository jobs(db, clock);
    if (auto s = dropInsertAndUpdate(jobs, original.id); !s)
        return s;
    return enqueue(jobs, moved,
                   moved.calendarEventId.isEmpty() ? CalendarJobAction::Insert
                                                   : CalendarJobAction::Update,
                   clock.now());
}

} // namespace slotdesk
