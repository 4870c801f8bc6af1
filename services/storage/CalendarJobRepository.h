#pragma once
// CalendarJobRepository: the `calendar_jobs` outbox — calendar writes (create, move or delete the
// Google event of a booking) owed after a booking's status changed or it was moved. A job is
// written in the same transaction as the change, so neither can exist without the other; done jobs
// are deleted, failed ones stay (with their error) until the admin sees them.

#include "core/Result.h"
#include "storage/Repository.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

// Update: PATCH the start and end of the event a move handed to the booking (BookingService).
enum class CalendarJobAction { Insert, Update, Delete };
enum class CalendarJobState { Pending, Failed };

QString jobActionText(CalendarJobAction action);
QString jobStateText(CalendarJobState state);

struct CalendarJob {
    QString id;
    QString userId;
    QString bookingId;
    // The calendar (integration_calendars id) it writes to: an insert's is the calendar that
    // received bookings when it was queued, an update's or delete's the booking's
    // eventCalendarId. Empty only for a job queued before calendars were kept apart.
    QString calendarId;
    CalendarJobAction action = CalendarJobAction::Insert;
    CalendarJobState state = CalendarJobState::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
};

class CalendarJobRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    Result<CalendarJob> enqueue(const QString& userId, const QString& bookingId,
                                CalendarJobAction action, const QDateTime& due,
                                const QString& calendarId = {});
    // Pending jobs of `userId` due at `now`, oldest first.
    Result<QVector<CalendarJob>> listDue(const QString& userId, const QDateTime& now, int limit);
    // Pending jobs of `userId` due at `now` that write to a calendar of `integrationId` (or,
    // queued before calendars were kept apart, to none in particular), oldest first.
    Result<QVector<CalendarJob>> listDueForIntegration(const QString& userId,
                                                       const QString& integrationId,
                                                       const QDateTime& now, int limit);
    // Every job of `userId` (pending and failed), oldest first.
    Result<QVector<CalendarJob>> list(const QString& userId);
    Result<QVector<CalendarJob>> listForBooking(const QString& bookingId);
    Result<std::optional<CalendarJob>> findById(const QString& id);
    // The earliest next_attempt_at of `userId`'s pending jobs.
    Result<std::optional<QDateTime>> nextDue(const QString& userId);

    Status reschedule(const QString& id, int attempts, const QDateTime& nextAttemptAt,
                      const QString& lastError);
    Status markFailed(const QString& id, int attempts, const QString& lastError);
    // Makes the booking's pending `action` jobs due at `when` (they were waiting for something
    // that has now happened, e.g. the Zoom link the event should carry).
    Status makeDue(const QString& bookingId, CalendarJobAction action, const QDateTime& when);
    Status remove(const QString& id);
    Status removeForBooking(const QString& bookingId, CalendarJobAction action);
    Status removeForUser(const QString& userId);
};

} // namespace slotdesk::storage
