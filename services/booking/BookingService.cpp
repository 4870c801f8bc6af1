#include "booking/BookingService.h"

#include "booking/BookingStateMachine.h"
#include "domain/Validation.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace slotdesk {

using storage::Transaction;

Result<Booking> BookingService::approve(const QString& userId, const QString& bookingId) {
    return transition(userId, bookingId, BookingStatus::Confirmed, {});
}

Result<Booking> BookingService::reject(const QString& userId, const QString& bookingId,
                                       const QString& reason) {
    return transition(userId, bookingId, BookingStatus::Rejected, reason);
}

Result<Booking> BookingService::cancel(const QString& userId, const QString& bookingId,
                                       const QString& reason) {
    return transition(userId, bookingId, BookingStatus::Cancelled, reason);
}

Result<Booking> BookingService::transition(const QString& userId, const QString& bookingId,
                                           BookingStatus to, const QString& reason) {
    if (auto s = validation::optionalText(reason, QStringLiteral("reason"), 500); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::BookingRepository bookings(db);
    auto found = bookings.findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("No booking with id '%1'").arg(displayValue(bookingId)));
    Booking booking = **found;
    if (auto s = BookingStateMachine::check(booking.status, to); !s)
        return s.error();
    booking.status = to;
    booking.statusReason = reason;
    auto updated = bookings.update(booking);
    if (!updated)
        return updated.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return updated;
}

Result<Booking> BookingService::find(const QString& userId, const QString& bookingId) {
    auto found = storage::BookingRepository(m_database.connection()).findById(userId, bookingId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("No booking with id '%1'").arg(displayValue(bookingId)));
    return **found;
}

Result<QVector<Booking>> BookingService::list(const QString& userId,
                                              const storage::BookingFilter& filter) {
    return storage::BookingRepository(m_database.connection()).list(userId, filter);
}

} // namespace slotdesk
