#pragma once
// BookingStateMachine: the only place that knows which status changes a booking may make.
//   pending → confirmed | rejected | cancelled,  confirmed → cancelled;  rejected, cancelled:
//   final.

#include "core/Result.h"
#include "domain/Entities.h"

namespace slotdesk {

class BookingStateMachine {
public:
    [[nodiscard]] static bool isAllowed(BookingStatus from, BookingStatus to);
    [[nodiscard]] static bool isTerminal(BookingStatus status);
    // success, or an InvalidTransition error that says why in one line.
    [[nodiscard]] static Status check(BookingStatus from, BookingStatus to);
};

} // namespace slotdesk
