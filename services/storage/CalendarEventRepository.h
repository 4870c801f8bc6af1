#pragma once
// CalendarEventRepository: events synced from an external calendar (`calendar_events`), keyed by
// (integration, external id). Scoped by user through the owning integration.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QVector>

namespace slotdesk::storage {

class CalendarEventRepository {
public:
    explicit CalendarEventRepository(QSqlDatabase db)
        : m_db(std::move(db)) {}

    // Inserts, or updates the row with the same (integration, externalEventId). Returns the row.
    Result<CalendarEvent> upsert(CalendarEvent event);
    Status removeByExternalId(const QString& integrationId, const QString& externalEventId);
    Result<QVector<CalendarEvent>> list(const QString& integrationId);
    // Busy events of any of the user's integrations overlapping [from, to), by start.
    Result<QVector<CalendarEvent>> listBusy(const QString& userId, const QDateTime& from,
                                            const QDateTime& to);
    Result<int> removeEndedBefore(const QDateTime& cutoff); // the 90-day clean-up

private:
    QSqlDatabase m_db;
};

} // namespace slotdesk::storage
