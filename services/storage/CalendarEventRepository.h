#pragma once
// CalendarEventRepository: events synced from an external calendar (`calendar_events`), keyed by
// (integration, external id). Scoped by user through the owning integration.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace slotdesk::storage {

class CalendarEventRepository {
public:
    // `clock` stamps created_at/updated_at.
    explicit CalendarEventRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    // Inserts, or updates the row with the same (integration, externalEventId). Returns the row.
    Result<CalendarEvent> upsert(CalendarEvent event);
    Status removeByExternalId(const QString& integrationId, const QString& externalEventId);
    Result<QVector<CalendarEvent>> list(const QString& integrationId);
    // Busy events of any of the user's integrations overlapping [from, to), by start.
    Result<QVector<CalendarEvent>> listBusy(const QString& userId, const QDateTime& from,
                                            const QDateTime& to);
    Result<int> removeEndedBefore(const QDateTime& cutoff); // the 90-day clean-up

    // The sync's bulk writes; call them inside one write transaction. Each statement is
    // prepared once, so thousands of events cost one round of parsing.
    // Replaces every event of the integration with `events` (a full sync).
    Status replaceAll(const QString& integrationId, const QVector<CalendarEvent>& events);
    // Upserts `changed` and deletes `removedExternalIds`; other rows are not touched.
    Status applyChanges(const QString& integrationId, const QVector<CalendarEvent>& changed,
                        const QStringList& removedExternalIds);
    Status removeAll(const QString& integrationId);
    Result<int> count(const QString& integrationId);

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
