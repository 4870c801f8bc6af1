#include "calendar/GoogleEventMapper.h"

#include "core/TimeFormat.h"
#include "core/ZonedTime.h"
#include "domain/Validation.h"

#include <QJsonArray>

namespace slotdesk::google {
namespace {

// An all-day date or a timed instant, as Google writes an event's start or end.
QDateTime instantOf(const QJsonObject& when, const QString& zone) {
    const QString dateTime = when.value(QLatin1String("dateTime")).toString();
    if (!dateTime.isEmpty()) {
        auto parsed = timeformat::parseRfc3339(dateTime, QStringLiteral("dateTime"));
        return parsed ? *parsed : QDateTime();
    }
    const QString dateText = when.value(QLatin1String("date")).toString();
    if (!dateText.isEmpty()) {
        auto date = timeformat::parseDate(dateText, QStringLiteral("date"));
        return date ? zonedtime::startOfDay(*date, zone) : QDateTime();
    }
    return {};
}

bool declinedBySelf(const QJsonObject& item) {
    const QJsonArray attendees = item.value(QLatin1String("attendees")).toArray();
    for (const auto& value : attendees) {
        const QJsonObject attendee = value.toObject();
        if (attendee.value(QLatin1String("self")).toBool())
            return attendee.value(QLatin1String("responseStatus")).toString() ==
                   QLatin1String("declined");
    }
    return false;
}

} // namespace

QString effectiveZone(const QString& calendarZone, const QString& fallbackZone) {
    if (!calendarZone.isEmpty() && validation::timeZone(calendarZone).ok())
        return calendarZone;
    if (!fallbackZone.isEmpty() && validation::timeZone(fallbackZone).ok())
        return fallbackZone;
    return QStringLiteral("UTC");
}

EventChange mapEvent(const QJsonObject& item, const QString& zone) {
    EventChange change;
    change.externalId = item.value(QLatin1String("id")).toString();
    if (item.value(QLatin1String("status")).toString() == QLatin1String("cancelled")) {
        change.removed = true;
        return change;
    }
    CalendarEvent& event = change.event;
    event.externalEventId = change.externalId;
    event.title = item.value(QLatin1String("summary")).toString();
    event.startTime = instantOf(item.value(QLatin1String("start")).toObject(), zone);
    event.endTime = instantOf(item.value(QLatin1String("end")).toObject(), zone);
    if (!event.startTime.isValid() || !event.endTime.isValid() ||
        event.endTime <= event.startTime) {
        change.removed = true;
        return change;
    }
    const bool transparent =
        item.value(QLatin1String("transparency")).toString() == QLatin1String("transparent");
    const bool workingLocation =
        item.value(QLatin1String("eventType")).toString() == QLatin1String("workingLocation");
    event.isBusy = !transparent && !workingLocation && !declinedBySelf(item);
    return change;
}

} // namespace slotdesk::google
