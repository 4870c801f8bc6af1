#include "booking/BookingStateMachine.h"

namespace slotdesk {

bool BookingStateMachine::isAllowed(BookingStatus from, BookingStatus to) {
    switch (from) {
    case BookingStatus::Pending:
        // The admin approves or rejects; the attendee may withdraw a request (cancelled).
        return to == BookingStatus::Confirmed || to == BookingStatus::Rejected ||
               to == BookingStatus::Cancelled;
    case BookingStatus::Confirmed:
        return to == BookingStatus::Cancelled;
    case BookingStatus::Rejected:
    case BookingStatus::Cancelled:
        return false;
    }
    return false;
}

bool BookingStateMachine::isTerminal(BookingStatus status) {
    return status == BookingStatus::Rejected || status == BookingStatus::Cancelled;
}

Status BookingStateMachine::check(BookingStatus from, BookingStatus to) {
    if (isAllowed(from, to))
        return success();
    QString why;
    if (isTerminal(from))
        why = QStringLiteral("a %1 booking is final").arg(toText(from));
    else if (from == to)
        why = QStringLiteral("it is already %1").arg(toText(from));
    else if (to == BookingStatus::Pending)
        why = QStringLiteral("a booking never returns to pending");
    else
        why = QStringLiteral("only pending bookings can be %1").arg(toText(to));
    return Error{
        ErrorCode::InvalidTransition,
        QStringLiteral("Cannot change a %1 booking to %2: %3").arg(toText(from), toText(to), why),
        QStringLiteral("status")};
}

} // namespace slotdesk
