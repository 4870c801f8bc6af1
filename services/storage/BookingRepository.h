#pragma once
// BookingRepository: the `bookings` table. Every call is scoped by the owning admin's id; status
// changes go through BookingService, which checks the state machine first.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct BookingFilter {
    std::optional<BookingStatus> status;
    QDateTime startsFrom;   // start_time >= startsFrom, if valid
    QDateTime startsBefore; // start_time < startsBefore, if valid
};

class BookingRepository : public Repository {
public:
    // How far firstOfChain() follows a chain of moves.
    static constexpr int kMaxChainLength = 100;

    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    // Assigns id (unless set) and timestamps. Refuses start/end with a fraction of a second.
    Result<Booking> create(Booking booking);
    // Writes every mutable field (status, reason, video, calendar event id, title, notes).
    Result<Booking> update(Booking booking);
    Result<std::optional<Booking>> findById(const QString& userId, const QString& id);
    // Ordered by start time.
    Result<QVector<Booking>> list(const QString& userId, const BookingFilter& filter = {});
    // Not scoped by user: only for callers that then prove access (the attendee's manage token).
    Result<std::optional<Booking>> findByIdUnscoped(const QString& id);
    // Pending requests from `email` (any case) that start at or after `from`.
    Result<int> countOpenRequests(const QString& userId, const QString& email,
                                  const QDateTime& from);
    // The id of the first booking of `id`'s reschedule chain (following rescheduled_from_id):
    // `id` itself when it moved nothing. NotFound when `id` isn't `userId`'s.
    Result<QString> firstOfChain(const QString& userId, const QString& id);
    // Pending and confirmed bookings that overlap [from, to): the ones that hold time.
    Result<QVector<Booking>> listHoldingTime(const QString& userId, const QDateTime& from,
                                             const QDateTime& to);
};

} // namespace slotdesk::storage
