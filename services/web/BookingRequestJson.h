#pragma once
// BookingRequestJson: reads the JSON bodies of the booking routes into checked values — every
// rule that needs neither the database nor the server (which slots exist, which lengths and video
// providers the admin offers is BookingService's part: createForAttendee()). Pure functions of the
// bytes, so a fuzz target (tests/fuzz/fuzz_booking_json.cpp) can call them directly.
//
// Errors: Malformed (HTTP 400) for a body that is not one JSON object, or has invalid Unicode
// where no field can be named; Validation (422) naming the field otherwise — a missing or null
// required field, a wrong type, an invalid value, an unpaired UTF-16 surrogate escape or invalid
// UTF-8 inside the field's value.

#include "booking/BookingService.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace slotdesk::web {

class BookingRequestJson {
public:
    // The body of POST /api/v1/users/{username}/bookings. The result's start is a whole second
    // (UTC), its duration a valid length, name/email/notes/timeZone valid, and videoProvider a
    // known provider or unset. maxOpenRequestsPerEmail is left at 0 for the caller to set.
    static Result<BookingRequest> parseBooking(const QByteArray& body);

    // The body of POST /api/v1/bookings/{id}/reschedule: `start` (a whole second, UTC) and
    // `duration` (a valid length) required, `timezone` (alias `timeZone`) optional — empty keeps
    // the booking's.
    static Result<RescheduleRequest> parseReschedule(const QByteArray& body);

    // The optional body of POST /api/v1/bookings/{id}/cancel: the reason, empty when the body is
    // empty or has none; at most validation::kMaxReasonLength characters.
    static Result<QString> parseCancelReason(const QByteArray& body);
};

} // namespace slotdesk::web
