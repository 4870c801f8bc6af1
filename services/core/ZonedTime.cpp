#include "core/ZonedTime.h"

#include "core/TimeFormat.h"

#include "scheduling/SlotEngine.h"

#include <date/tz.h>

namespace slotdesk::zonedtime {
namespace {

scheduling::Instant toInstant(const QDateTime& instant) {
    return scheduling::Instant(std::chrono::seconds(instant.toSecsSinceEpoch()));
}

} // namespace

QDateTime startOfDay(const QDate& date, const QString& zone) {
    const auto day = date::local_days(date::year_month_day(
        date::year(date.year()), date::month(static_cast<unsigned>(date.month())),
        date::day(static_cast<unsigned>(date.day()))));
    const auto instant = scheduling::SlotEngine::toInstant(
        scheduling::LocalTime(day.time_since_epoch()), zone.toStdString());
    return QDateTime::fromSecsSinceEpoch(instant.time_since_epoch().count(), Qt::UTC);
}

QDateTime fromLocal(const QDateTime& local, const QString& zone) {
    const qint64 wallSeconds = QDateTime(local.date(), local.time(), Qt::UTC).toSecsSinceEpoch();
    const auto instant = scheduling::SlotEngine::toInstant(
        scheduling::LocalTime(std::chrono::seconds(wallSeconds)), zone.toStdString());
    return QDateTime::fromSecsSinceEpoch(instant.time_since_epoch().count(), Qt::UTC);
}

int offsetSeconds(const QDateTime& instant, const QString& zone) {
    const auto* tz = date::locate_zone(zone.toStdString());
    const auto info = tz->get_info(toInstant(instant));
    return static_cast<int>(info.offset.count());
}

QDateTime toLocal(const QDateTime& instant, const QString& zone) {
    return instant.toUTC().addSecs(offsetSeconds(instant, zone));
}

QString toRfc3339InZone(const QDateTime& instant, const QString& zone) {
    return timeformat::toRfc3339WithOffset(instant, offsetSeconds(instant, zone));
}

QString formatInZone(const QDateTime& instant, const QString& zone) {
    return toLocal(instant, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace slotdesk::zonedtime
