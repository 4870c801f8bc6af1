#include "calendar/CalendarOutbox.h"

#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"

namespace slotdesk {

using storage::CalendarJobAction;

Status CalendarOutbox::enqueueForTransition(const QSqlDatabase& db, const core::Clock& clock,
                                            const Booking& before, const Booking& after) {
    const bool approved =
        before.status == BookingStatus::Pending && after.status == BookingStatus::Confirmed;
    const bool cancelled =
        before.status == BookingStatus::Confirmed && after.status == BookingStatus::Cancelled;
    if (!approved && !cancelled)
        return success();

    auto integrations = storage::CalendarIntegrationRepository(db).list(after.userId);
    if (!integrations)
        return integrations.error();
    bool connected = false;
    for (const auto& integration : *integrations)
        connected = connected || (integration.type == CalendarType::GoogleCalendar &&
                                  integration.syncStatus != SyncStatus::Disconnected);
    if (!connected)
        return success();

    storage::CalendarJobRepository jobs(db, clock);
    const QDateTime now = clock.now();
    if (approved) {
        auto queued = jobs.enqueue(after.userId, after.id, CalendarJobAction::Insert, now);
        if (!queued)
            return queued.error();
        return success();
    }
    // Cancelled: an insert not yet done is simply dropped (one already on its way notices the
    // cancellation when it lands and queues the delete itself).
    if (auto s = jobs.removeForBooking(after.id, CalendarJobAction::Insert); !s)
        return s;
    if (after.calendarEventId.isEmpty())
        return success();
    auto queued = jobs.enqueue(after.userId, after.id, CalendarJobAction::Delete, now);
    if (!queued)
        return queued.error();
    return success();
}

} // namespace slotdesk
