#pragma once
// CalendarEventRepository: events synced from an external calendar (`calendar_events`), keyed by
// (integration, calendar, external id): the same event (a shared invitation) can be in two
// calendars of one account. The calendar (an integration_calendars id) is empty for an
// integration with one implicit calendar (an ICS feed). Scoped by user through the owning
// integration.

#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Repository.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace slotdesk::storage {

class CalendarEventRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    // Inserts, or updates the row with the same (integration, calendar, externalEventId).
    // Returns the row.
    Result<CalendarEvent> upsert(CalendarEvent event);
    Status removeByExternalId(const QString& integrationId, const QString& externalEventId,
                              const QString& calendarId = {});
    Result<QVector<CalendarEvent>> list(const QString& integrationId);
    // Busy events of any of the user's integrations overlapping [from, to), by start — only of
    // the calendars that block time (and of the implicit ones).
    Result<QVector<CalendarEvent>> listBusy(const QString& userId, const QDateTime& from,
                                            const QDateTime& to);
    Result<int> removeEndedBefore(const QDateTime& cutoff); // the 90-day clean-up

    // The sync's bulk writes; call them inside one write transaction. Each statement is
    // prepared once, so thousands of events cost one round of parsing.
    // Replaces every event of the integration's calendar `calendarId` (empty: its implicit one)
    // with `events` (a full sync).
    Status replaceAll(const QString& integrationId, const QVector<CalendarEvent>& events,
                      const QString& calendarId = {});
    // Upserts `changed` and deletes `removedExternalIds` in that calendar; other rows are not
    // touched.
    Status applyChanges(const QString& integrationId, const QVector<CalendarEvent>& changed,
                        const QStringList& removedExternalIds, const QString& calendarId = {});
    Status removeAll(const QString& integrationId); // of every calendar of the integration
    Status removeCalendar(const QString& calendarId);
    Result<int> count(const QString& integrationId);
    Result<int> countInCalendar(const QString& calendarId);
};

} // namespace slotdesk::storage
