#pragma once
// BookingSearchService: read-only paging through the admin's bookings for list views (the
// bookings table). Changes to bookings still go through BookingService.

#include "core/Result.h"
#include "storage/BookingSearchRepository.h"

namespace slotdesk {
namespace storage {
class Database;
}

class BookingSearchService {
public:
    static constexpr int kMaxPage = 1000;

    explicit BookingSearchService(storage::Database& database)
        : m_database(database) {}

    Result<QVector<storage::BookingSummary>>
    page(const QString& userId, const storage::BookingSearch& search, int offset, int limit);
    Result<int> count(const QString& userId, const storage::BookingSearch& search);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
