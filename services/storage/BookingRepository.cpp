#include "storage/BookingRepository.h"

#include "domain/Validation.h"
#include "storage/RowSecurity.h"
#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "id, user_id, title, start_time, end_time, attendee_name, attendee_email, notes, "
    "requested_video_provider, video_provider, video_link, status, status_reason, timezone, "
    "calendar_event_id, created_at, updated_at, manage_token_hash, language, ics_sequence, "
    "rescheduled_from_id, rescheduled_to_id, event_calendar_id");

QVariant providerToDb(const std::optional<VideoProvider>& provider) {
    return provider ? QVariant(toText(*provider)) : QVariant(QMetaType::fromType<QString>());
}

Booking readBooking(const QSqlQuery& q) {
    Booking b;
    RowReader row(q);
    row.read(b.id, b.userId, b.title, b.startTime, b.endTime, b.attendeeName, b.attendeeEmail,
             b.notes);
    b.requestedVideoProvider = videoProviderFromString(row.next().toString());
    b.videoProvider = videoProviderFromString(row.next().toString());
    row.read(b.videoLink);
    b.status = bookingStatusFromString(row.next().toString()).value_or(BookingStatus::Pending);
    row.read(b.statusReason, b.timeZone, b.calendarEventId, b.createdAt, b.updatedAt,
             b.manageTokenHash, b.language, b.sequence, b.rescheduledFromId, b.rescheduledToId,
             b.eventCalendarId);
    return b;
}

} // namespace

Result<Booking> BookingRepository::create(Booking b) {
    // The one place a booking's instants are written (update() leaves them alone): whole seconds
    // only, on either engine — BIGINT milliseconds would keep a fraction silently.
    if (auto s = validation::wholeSecond(b.startTime, QStringLiteral("startTime")); !s)
        return s.error();
    if (auto s = validation::wholeSecond(b.endTime, QStringLiteral("endTime")); !s)
        return s.error();
    stampNew(b, m_clock.now());
    if (auto s = execNoRows(
            m_db,
            QStringLiteral("INSERT INTO bookings (%1) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(kColumns),
            {b.id,
             b.userId,
             toDb(b.title),
             toDb(b.startTime),
             toDb(b.endTime),
             b.attendeeName,
             b.attendeeEmail,
             toDb(b.notes),
             providerToDb(b.requestedVideoProvider),
             providerToDb(b.videoProvider),
             toDb(b.videoLink),
             toText(b.status),
             toDb(b.statusReason),
             b.timeZone,
             toDb(b.calendarEventId),
             toDb(b.createdAt),
             toDb(b.updatedAt),
             toDb(b.manageTokenHash),
             b.language,
             b.sequence,
             toDb(b.rescheduledFromId),
             toDb(b.rescheduledToId),
             toDb(b.eventCalendarId)});
        !s)
        return s.error();
    return b;
}

Result<Booking> BookingRepository::update(Booking b) {
    b.updatedAt = m_clock.now();
    auto q = exec(m_db,
                  QStringLiteral("UPDATE bookings SET title = ?, notes = ?, video_provider = ?, "
                                 "video_link = ?, status = ?, status_reason = ?, "
                                 "calendar_event_id = ?, event_calendar_id = ?, ics_sequence = ?, "
                                 "rescheduled_to_id = ?, updated_at = ? "
                                 "WHERE id = ? AND user_id = ?"),
                  {toDb(b.title), toDb(b.notes), providerToDb(b.videoProvider), toDb(b.videoLink),
                   toText(b.status), toDb(b.statusReason), toDb(b.calendarEventId),
                   toDb(b.eventCalendarId), b.sequence, toDb(b.rescheduledToId), toDb(b.updatedAt),
                   b.id, b.userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("No booking with id %1").arg(b.id));
    return b;
}

Result<std::optional<Booking>> BookingRepository::findById(const QString& userId,
                                                           const QString& id) {
    return readFirst(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM bookings WHERE id = ? AND user_id = ?").arg(kColumns),
             {id, userId}),
        readBooking);
}

Result<std::optional<Booking>> BookingRepository::findByIdUnscoped(const QString& id) {
    return readFirst(
        exec(m_db, QStringLiteral("SELECT %1 FROM bookings WHERE id = ?").arg(kColumns), {id}),
        readBooking);
}

Result<QString> BookingRepository::firstOfChain(const QString& userId, const QString& id) {
    QString current = id;
    // A chain is as long as the moves of one meeting; the bound only guards against a cycle
    // written by hand.
    for (int hops = 0; hops < kMaxChainLength; ++hops) {
        auto q = exec(m_db,
                      QStringLiteral("SELECT rescheduled_from_id FROM bookings "
                                     "WHERE id = ? AND user_id = ?"),
                      {current, userId});
        if (!q)
            return q.error();
        if (!q->next())
            return hops == 0 ? Result<QString>(Error::notFound(
                                   QStringLiteral("No booking with id %1").arg(displayValue(id))))
                             : Result<QString>(current); // the original was deleted
        const QString previous = q->value(0).toString();
        if (previous.isEmpty())
            return current;
        current = previous;
    }
    return current;
}

Result<int> BookingRepository::countOpenRequests(const QString& userId, const QString& email,
                                                 const QDateTime& from) {
    // The booking endpoint's role may count them, not read them (RowSecurity).
    const bool endpoint = RowSecurity::sessionRole(m_db) == RowSecurity::Role::Endpoint;
    auto q = exec(
        m_db,
        endpoint ? QStringLiteral("SELECT slotdesk_open_requests(?, ?, ?)")
                 : QStringLiteral("SELECT COUNT(*) FROM bookings WHERE user_id = ? AND status = "
                                  "'pending' AND lower(attendee_email) = lower(?) "
                                  "AND start_time >= ?"),
        {userId, email, toDb(from)});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<QVector<Booking>> BookingRepository::list(const QString& userId,
                                                 const BookingFilter& filter) {
    // Unset filters are NULL parameters, so the statement text never depends on input. The
    // CASTs give PostgreSQL the parameter's type, which "? IS NULL" alone does not.
    const QVariant nullStatus(QMetaType::fromType<QString>());
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM bookings WHERE user_id = ? "
                                        "AND (CAST(? AS TEXT) IS NULL OR status = ?) "
                                        "AND (CAST(? AS BIGINT) IS NULL OR start_time >= ?) "
                                        "AND (CAST(? AS BIGINT) IS NULL OR start_time < ?) "
                                        "ORDER BY start_time, created_at, id")
                             .arg(kColumns),
                         {userId, filter.status ? QVariant(toText(*filter.status)) : nullStatus,
                          filter.status ? QVariant(toText(*filter.status)) : nullStatus,
                          toDb(filter.startsFrom), toDb(filter.startsFrom),
                          toDb(filter.startsBefore), toDb(filter.startsBefore)}),
                    readBooking);
}

Result<QVector<Booking>> BookingRepository::listHoldingTime(const QString& userId,
                                                            const QDateTime& from,
                                                            const QDateTime& to) {
    // The booking endpoint's role sees when they are, nothing about their attendees.
    if (RowSecurity::sessionRole(m_db) == RowSecurity::Role::Endpoint)
        return readRows(exec(m_db,
                             QStringLiteral("SELECT %1 FROM slotdesk_busy_bookings(?, ?, ?) "
                                            "ORDER BY start_time")
                                 .arg(kColumns),
                             {userId, toDb(from), toDb(to)}),
                        readBooking);
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM bookings WHERE user_id = ? "
                                        "AND status IN ('pending', 'confirmed') "
                                        "AND start_time < ? AND end_time > ? ORDER BY start_time")
                             .arg(kColumns),
                         {userId, toDb(to), toDb(from)}),
                    readBooking);
}

} // namespace slotdesk::storage
