#include "booking/BookingSearchService.h"

#include "storage/Database.h"

#include <algorithm>

namespace slotdesk {

Result<QVector<storage::BookingSummary>>
BookingSearchService::page(const QString& userId, const storage::BookingSearch& search, int offset,
                           int limit) {
    if (offset < 0 || limit < 1)
        return Error::validation(QStringLiteral("limit"),
                                 QStringLiteral("A page needs a positive size and offset"));
    return storage::BookingSearchRepository(m_database.connection())
        .page(userId, search, offset, std::min(limit, kMaxPage));
}

Result<int> BookingSearchService::count(const QString& userId,
                                        const storage::BookingSearch& search) {
    return storage::BookingSearchRepository(m_database.connection()).count(userId, search);
}

} // namespace slotdesk
