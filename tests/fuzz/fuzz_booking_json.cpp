// libFuzzer target: a request body → BookingRequestJson, the one function that turns the JSON of
// POST …/bookings (and of …/reschedule and …/cancel) into checked values, with no database and no
// server. Links against slotdesk_services alone. Besides crashes and sanitizer reports it aborts
// when an accepted request breaks a rule the parser promises: a whole-second start, valid UTF-16
// text within the limits, a known length. Seed corpus: tests/fuzz/corpus/booking_json/.

#include "domain/Validation.h"
#include "web/BookingRequestJson.h"

#include <QByteArray>
#include <QStringView>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

bool validText(const QString& text, int maxLength) {
    return QStringView(text).isValidUtf16() && text.size() <= maxLength;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using slotdesk::web::BookingRequestJson;
    namespace validation = slotdesk::validation;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto request = BookingRequestJson::parseBooking(body);
    if (request) {
        const bool kept = request->start.isValid() &&
                          request->start.toMSecsSinceEpoch() % 1000 == 0 &&
                          request->duration >= validation::kMinBookingMinutes &&
                          request->duration <= validation::kMaxBookingMinutes &&
                          validText(request->name, validation::kMaxNameLength) &&
                          validText(request->email, validation::kMaxEmailLength) &&
                          validText(request->notes, validation::kMaxNotesLength) &&
                          QStringView(request->timeZone).isValidUtf16();
        if (!kept)
            std::abort();
    } else if (request.error().code != slotdesk::ErrorCode::Validation &&
               request.error().code != slotdesk::ErrorCode::Malformed) {
        std::abort(); // bad input is the caller's mistake, never SlotDesk's
    }

    const auto move = BookingRequestJson::parseReschedule(body);
    if (move && !(move->start.isValid() && move->start.toMSecsSinceEpoch() % 1000 == 0 &&
                  move->duration >= validation::kMinBookingMinutes &&
                  move->duration <= validation::kMaxBookingMinutes &&
                  QStringView(move->timeZone).isValidUtf16()))
        std::abort();

    const auto reason = BookingRequestJson::parseCancelReason(body);
    if (reason && !validText(*reason, validation::kMaxReasonLength))
        std::abort();
    return 0;
}
