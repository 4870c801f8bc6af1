#pragma once
// IntegrationCalendarRepository: `integration_calendars` — the calendars of one calendar
// integration (a Google account's calendarList entries, a CalDAV account's collections): which
// of them block time, the one that receives approved bookings, and each one's incremental-sync
// state (a Google nextSyncToken, a CalDAV sync-token or ctag). A calendar's events
// (calendar_events.integration_calendar_id) and the writes owed to it (calendar_jobs) go with it.

#include "core/Result.h"
#include "storage/Repository.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct IntegrationCalendar {
    QString id;
    QString integrationId;
    QString remoteId;    // Google's calendarId, or the CalDAV collection's href
    QString displayName; // as the provider names it
    QString color;       // "#rrggbb", or empty
    bool blocksTime = false;
    bool receivesBookings = false; // at most one calendar of a user
    QString syncToken;             // Google nextSyncToken / CalDAV sync-token; empty: full sync
    QString ctag;                  // CalDAV getctag, where sync-collection is not offered
    QDateTime lastSyncAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

class IntegrationCalendarRepository : public Repository {
public:
    // `clock` stamps created_at/updated_at.
    using Repository::Repository;

    // Assigns the id (unless set) and the timestamps. A calendar created with receivesBookings
    // takes the flag from the user's other calendars (two statements: call it inside a write
    // Transaction). The colour must be "#rrggbb" or empty (field "color").
    Result<IntegrationCalendar> create(IntegrationCalendar calendar);
    // Name and colour as the provider lists them now.
    Status updateDetails(const QString& integrationId, const QString& id,
                         const QString& displayName, const QString& color);
    // Whether it blocks time. Its events stay: the caller removes them (CalendarEventRepository::
    // removeCalendar) or syncs them in full.
    Status setBlocksTime(const QString& userId, const QString& id, bool blocksTime);
    // On: this calendar receives the user's approved bookings, and no other calendar of theirs
    // does any more (one statement). Off: none of them does, if this one did.
    Status setReceivesBookings(const QString& userId, const QString& id, bool receives);
    // After a sync of the calendar: its token (empty: a full sync next time), ctag and when.
    Status recordSync(const QString& integrationId, const QString& id, const QString& syncToken,
                      const QString& ctag, const QDateTime& syncedAt);

    Result<std::optional<IntegrationCalendar>> findById(const QString& userId, const QString& id);
    Result<std::optional<IntegrationCalendar>> findByRemoteId(const QString& integrationId,
                                                              const QString& remoteId);
    // The integration's calendars, by name.
    Result<QVector<IntegrationCalendar>> list(const QString& integrationId);
    // The user's calendar receiving bookings, if one does.
    Result<std::optional<IntegrationCalendar>> receivingBookings(const QString& userId);

    // Removes it; its events and the writes owed to it go with it.
    Status remove(const QString& integrationId, const QString& id);
};

// Whether `color` is empty or "#rrggbb".
bool isCalendarColor(const QString& color);

} // namespace slotdesk::storage
