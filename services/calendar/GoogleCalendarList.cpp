#include "calendar/GoogleCalendarList.h"

#include <QJsonObject>
#include <QSet>

namespace slotdesk::google {

using storage::IntegrationCalendar;
using storage::IntegrationCalendarRepository;

namespace {

QString primaryId() {
    return QString::fromLatin1(kPrimaryCalendar);
}

// Google's colours are "#rrggbb"; anything else is not kept.
QString colorOf(const QJsonObject& item) {
    const QString color = item.value(QLatin1String("backgroundColor")).toString().toLower();
    return storage::isCalendarColor(color) ? color : QString();
}

Result<IntegrationCalendar> addCalendar(IntegrationCalendarRepository& calendars,
                                        const CalendarIntegration& integration,
                                        const QString& remoteId, const QString& name,
                                        const QString& color) {
    const bool primary = remoteId == primaryId();
    bool receives = false;
    if (primary) {
        auto receiving = calendars.receivingBookings(integration.userId);
        if (!receiving)
            return receiving.error();
        receives = !receiving->has_value();
    }
    IntegrationCalendar calendar;
    calendar.integrationId = integration.id;
    calendar.remoteId = remoteId;
    calendar.displayName = name;
    calendar.color = color;
    calendar.blocksTime = primary;
    calendar.receivesBookings = receives;
    return calendars.create(calendar);
}

} // namespace

Result<IntegrationCalendar> ensurePrimaryCalendar(const QSqlDatabase& db, const core::Clock& clock,
                                                  const CalendarIntegration& integration) {
    IntegrationCalendarRepository calendars(db, clock);
    auto found = calendars.findByRemoteId(integration.id, primaryId());
    if (!found)
        return found.error();
    if (found->has_value())
        return **found;
    return addCalendar(calendars, integration, primaryId(), integration.accountEmail, {});
}

Result<CalendarListChange> mergeCalendarList(const QSqlDatabase& db, const core::Clock& clock,
                                             const CalendarIntegration& integration,
                                             const QJsonArray& items) {
    IntegrationCalendarRepository calendars(db, clock);
    CalendarListChange change;
    QSet<QString> listed;
    for (const auto& value : items) {
        const QJsonObject item = value.toObject();
        if (item.value(QLatin1String("deleted")).toBool())
            continue;
        const QString remoteId = item.value(QLatin1String("primary")).toBool()
                                     ? primaryId()
                                     : item.value(QLatin1String("id")).toString();
        if (remoteId.isEmpty())
            continue;
        listed.insert(remoteId);
        const QString override = item.value(QLatin1String("summaryOverride")).toString();
        const QString name =
            override.isEmpty() ? item.value(QLatin1String("summary")).toString() : override;
        auto existing = calendars.findByRemoteId(integration.id, remoteId);
        if (!existing)
            return existing.error();
        if (!existing->has_value()) {
            if (auto added = addCalendar(calendars, integration, remoteId, name, colorOf(item));
                !added)
                return added.error();
            ++change.added;
        } else if ((*existing)->displayName != name || (*existing)->color != colorOf(item)) {
            if (auto s =
                    calendars.updateDetails(integration.id, (*existing)->id, name, colorOf(item));
                !s)
                return s.error();
            ++change.updated;
        }
    }
    auto stored = calendars.list(integration.id);
    if (!stored)
        return stored.error();
    for (const auto& calendar : *stored) {
        if (listed.contains(calendar.remoteId))
            continue;
        if (auto s = calendars.remove(integration.id, calendar.id); !s) // its events go with it
            return s.error();
        ++change.removed;
    }
    return change;
}

} // namespace slotdesk::google
