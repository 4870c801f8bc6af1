#include "calendar/CalendarList.h"

#include <QSet>

namespace slotdesk {

using storage::IntegrationCalendarRepository;

storage::IntegrationCalendar calendarRow(const QString& integrationId,
                                         const ListedCalendar& listed) {
    storage::IntegrationCalendar calendar;
    calendar.integrationId = integrationId;
    calendar.remoteId = listed.remoteId;
    calendar.displayName = listed.name;
    calendar.color = listed.color;
    return calendar;
}

Result<CalendarListChange> mergeCalendarList(const QSqlDatabase& db, const core::Clock& clock,
                                             const QString& integrationId,
                                             const QVector<ListedCalendar>& listed,
                                             const NewCalendar& addNew) {
    IntegrationCalendarRepository calendars(db, clock);
    CalendarListChange change;
    QSet<QString> remoteIds;
    for (const ListedCalendar& calendar : listed) {
        remoteIds.insert(calendar.remoteId);
        auto existing = calendars.findByRemoteId(integrationId, calendar.remoteId);
        if (!existing)
            return existing.error();
        if (!existing->has_value()) {
            if (auto added = addNew(calendars, calendar); !added)
                return added.error();
            ++change.added;
        } else if ((*existing)->displayName != calendar.name ||
                   (*existing)->color != calendar.color) {
            if (auto s = calendars.updateDetails(integrationId, (*existing)->id, calendar.name,
                                                 calendar.color);
                !s)
                return s.error();
            ++change.updated;
        }
    }
    auto stored = calendars.list(integrationId);
    if (!stored)
        return stored.error();
    for (const auto& calendar : *stored)
        if (!remoteIds.contains(calendar.remoteId))
            change.unlisted.append(calendar);
    return change;
}

} // namespace slotdesk
