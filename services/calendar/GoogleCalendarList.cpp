#include "calendar/GoogleCalendarList.h"

#include <QJsonObject>

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
                                        const ListedCalendar& listed) {
    const bool primary = listed.remoteId == primaryId();
    bool receives = false;
    if (primary) {
        auto receiving = calendars.receivingBookings(integration.userId);
        if (!receiving)
            return receiving.error();
        receives = !receiving->has_value();
    }
    IntegrationCalendar calendar = calendarRow(integration.id, listed);
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
    return addCalendar(calendars, integration, {primaryId(), integration.accountEmail, {}});
}

Result<CalendarListChange> mergeCalendarList(const QSqlDatabase& db, const core::Clock& clock,
                                             const CalendarIntegration& integration,
                                             const QJsonArray& items) {
    QVector<ListedCalendar> listed;
    for (const auto& value : items) {
        const QJsonObject item = value.toObject();
        if (item.value(QLatin1String("deleted")).toBool())
            continue;
        const QString remoteId = item.value(QLatin1String("primary")).toBool()
                                     ? primaryId()
                                     : item.value(QLatin1String("id")).toString();
        if (remoteId.isEmpty())
            continue;
        const QString override = item.value(QLatin1String("summaryOverride")).toString();
        listed.append(
            {remoteId,
             override.isEmpty() ? item.value(QLatin1String("summary")).toString() : override,
             colorOf(item)});
    }
    return slotdesk::mergeCalendarList(
        db, clock, integration.id, listed,
        [&integration](IntegrationCalendarRepository& calendars, const ListedCalendar& calendar) {
            return addCalendar(calendars, integration, calendar);
        });
}

} // namespace slotdesk::google
