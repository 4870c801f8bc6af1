#pragma once
// CalendarOutbox: which calendar writes a booking's status change owes, recorded as outbox jobs
// inside the caller's (BookingService's) write transaction — so the job exists exactly when
// the change does, whatever happens to the process afterwards. Nothing is owed while no Google
// Calendar is connected.
//   pending → confirmed: insert the event (with a Meet link if one was asked for)
//   confirmed → cancelled: drop an insert (or update) not yet done; delete the event if it exists
//   a confirmed meeting moved (enqueueForMove): the original's writes not yet done are dropped;
//     the new booking's event is moved (update: PATCH start/end) when the move handed it one,
//     else inserted

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>

namespace slotdesk {

class CalendarOutbox {
public:
    // The jobs are due at once: at `clock`'s now.
    static Status enqueueForTransition(const QSqlDatabase& db, const core::Clock& clock,
                                       const Booking& before, const Booking& after);
    // `original` (cancelled, its event handed over) was moved to `moved` (confirmed; its
    // calendarEventId is the original's event, if it had one).
    static Status enqueueForMove(const QSqlDatabase& db, const core::Clock& clock,
                                 const Booking& original, const Booking& moved);
};

} // namespace slotdesk
