#pragma once
// BookingService: everything that changes a booking. Each change is one write transaction that
// re-reads the booking, asks BookingStateMachine, and writes — or changes nothing.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/BookingRepository.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

class BookingService {
public:
    explicit BookingService(storage::Database& database)
        : m_database(database) {}

    Result<Booking> approve(const QString& userId, const QString& bookingId);
    Result<Booking> reject(const QString& userId, const QString& bookingId, const QString& reason);
    Result<Booking> cancel(const QString& userId, const QString& bookingId, const QString& reason);

    Result<Booking> find(const QString& userId, const QString& bookingId);
    Result<QVector<Booking>> list(const QString& userId, const storage::BookingFilter& filter);

private:
    Result<Booking> transition(const QString& userId, const QString& bookingId, BookingStatus to,
                               const QString& reason);

    storage::Database& m_database;
};

} // namespace slotdesk
