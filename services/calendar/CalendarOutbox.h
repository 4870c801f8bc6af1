#pragma once
// CalendarOutbox: which calendar writes a booking's status change owes, recorded as outbox jobs
// inside the caller's (BookingService's) write transaction — so the job exists exactly when
// the change does, whatever happens to the process afterwards. Nothing is owed while no Google
// Calendar is connected.
//   pending → confirmed: insert the event (with a Meet link if one was asked for)
//   confirmed → cancelled: drop an insert not yet done; delete the event if it exists

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
};

} // namespace slotdesk
