#pragma once
// BookingSearchRepository: the admin's bookings one page at a time, filtered and ordered in SQL,
// so that a table over 100,000 bookings reads only the rows on screen. Rows are summaries: the
// columns a list shows, not every field of a booking.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct BookingSummary {
    QString id;
    QDateTime startTime;
    QDateTime endTime;
    QString attendeeName;
    QString attendeeEmail;
    QString notes;
    BookingStatus status = BookingStatus::Pending;
    QString timeZone; // the attendee's
    QDateTime updatedAt;
};

struct BookingSearch {
    enum class Order { Start, Length, Attendee, Email, Status };

    std::optional<BookingStatus> status;
    QDateTime startsFrom;   // start_time >= startsFrom, if valid
    QDateTime startsBefore; // start_time < startsBefore, if valid
    QString text;           // case-insensitive substring of name, email or notes; empty = any
    Order order = Order::Start;
    bool descending = false;
};

class BookingSearchRepository {
public:
    explicit BookingSearchRepository(QSqlDatabase db)
        : m_db(std::move(db)) {}

    // Rows [offset, offset + limit) of the search's order; ties are broken by start, then id.
    Result<QVector<BookingSummary>> page(const QString& userId, const BookingSearch& search,
                                         int offset, int limit);
    Result<int> count(const QString& userId, const BookingSearch& search);

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk::storage
