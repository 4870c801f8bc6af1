#include "domain/JsonFormat.h"

#include "core/TimeFormat.h"

namespace slotdesk::json {
namespace {

QJsonValue instant(const QDateTime& value) {
    return value.isValid() ? QJsonValue(timeformat::toRfc3339Utc(value)) : QJsonValue();
}

QJsonValue optionalText(const QString& value) {
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonValue provider(const std::optional<VideoProvider>& value) {
    return value ? QJsonValue(toText(*value)) : QJsonValue();
}

} // namespace

QJsonObject toJson(const User& u) {
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("username"), u.username},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("name"), u.name},
            {QStringLiteral("timezone"), u.timeZone},
            {QStringLiteral("createdAt"), instant(u.createdAt)},
            {QStringLiteral("updatedAt"), instant(u.updatedAt)}};
}

QJsonObject toJson(const Booking& b) {
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("userId"), b.userId},
            {QStringLiteral("title"), optionalText(b.title)},
            {QStringLiteral("startTime"), instant(b.startTime)},
            {QStringLiteral("endTime"), instant(b.endTime)},
            {QStringLiteral("attendeeName"), b.attendeeName},
            {QStringLiteral("attendeeEmail"), b.attendeeEmail},
            {QStringLiteral("notes"), optionalText(b.notes)},
            {QStringLiteral("requestedVideoProvider"), provider(b.requestedVideoProvider)},
            {QStringLiteral("videoProvider"), provider(b.videoProvider)},
            {QStringLiteral("videoLink"), optionalText(b.videoLink)},
            {QStringLiteral("status"), toText(b.status)},
            {QStringLiteral("statusReason"), optionalText(b.statusReason)},
            {QStringLiteral("timezone"), b.timeZone},
            {QStringLiteral("calendarEventId"), optionalText(b.calendarEventId)},
            {QStringLiteral("rescheduledFromId"), optionalText(b.rescheduledFromId)},
            {QStringLiteral("rescheduledToId"), optionalText(b.rescheduledToId)},
            {QStringLiteral("createdAt"), instant(b.createdAt)},
            {QStringLiteral("updatedAt"), instant(b.updatedAt)}};
}

QJsonObject toJson(const AvailabilityBlock& a) {
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("userId"), a.userId},
            {QStringLiteral("dayOfWeek"), a.dayOfWeek},
            {QStringLiteral("startTime"), timeformat::minutesToText(a.startMinute)},
            {QStringLiteral("endTime"), timeformat::minutesToText(a.endMinute)},
            {QStringLiteral("timezone"), a.timeZone},
            {QStringLiteral("isActive"), a.isActive},
            {QStringLiteral("createdAt"), instant(a.createdAt)},
            {QStringLiteral("updatedAt"), instant(a.updatedAt)}};
}

QJsonObject toJson(const CalendarIntegration& c) {
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("userId"), c.userId},
            {QStringLiteral("type"), toText(c.type)},
            {QStringLiteral("accountEmail"), optionalText(c.accountEmail)},
            {QStringLiteral("calendarId"), c.calendarId},
            {QStringLiteral("lastSyncAt"), instant(c.lastSyncAt)},
            {QStringLiteral("syncStatus"), toText(c.syncStatus)},
            {QStringLiteral("syncError"), optionalText(c.syncError)},
            {QStringLiteral("displayName"), optionalText(c.displayName)},
            {QStringLiteral("sourceUrl"), optionalText(c.sourceUrl)},
            {QStringLiteral("username"), optionalText(c.username)},
            {QStringLiteral("createdAt"), instant(c.createdAt)},
            {QStringLiteral("updatedAt"), instant(c.updatedAt)}};
}

QJsonObject toJson(const Error& error) {
    QJsonObject body{{QStringLiteral("code"), errorCodeName(error.code)},
                     {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        body.insert(QStringLiteral("field"), error.field);
    return {{QStringLiteral("error"), body}};
}

} // namespace slotdesk::json
