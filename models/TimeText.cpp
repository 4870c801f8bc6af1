#include "models/TimeText.h"
#include "models/Plural.h"

#include "core/ZonedTime.h"

#include <QLocale>

namespace slotdesk::models {

QString TimeText::zoneCity(const QString& zone) {
    QString city = zone.section(QLatin1Char('/'), -1);
    city.replace(QLatin1Char('_'), QLatin1Char(' '));
    return city.isEmpty() ? zone : city;
}

QString TimeText::utcOffset(const QDateTime& instant, const QString& zone) {
    const int seconds = zonedtime::offsetSeconds(instant, zone);
    const int minutes = std::abs(seconds) / 60;
    const QChar sign = seconds < 0 ? QChar(0x2212) : QLatin1Char('+');
    return tr("UTC%1%2:%3")
        .arg(sign)
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString TimeText::time(const QTime& value) {
    const QLocale locale;
    const QString format = locale.timeFormat(QLocale::ShortFormat);
    const bool twelveHour = format.contains(QLatin1String("AP"), Qt::CaseInsensitive);
    return locale.toString(value, twelveHour ? QStringLiteral("h:mm AP") : QStringLiteral("HH:mm"));
}

// The translator comments tell what the QLocale::toString() pattern must show; the translations
// reorder and punctuate it for their language.
QString TimeText::day(const QDate& date) {
    return QLocale().toString(date, tr("ddd d MMM", "date pattern: Tue 1 Dec"));
}

QString TimeText::dayWithYear(const QDate& date) {
    return QLocale().toString(date, tr("ddd d MMM yyyy", "date pattern: Tue 1 Dec 2026"));
}

QString TimeText::longDate(const QDate& date) {
    return QLocale().toString(date,
                              tr("dddd d MMMM yyyy", "date pattern: Tuesday 1 December 2026"));
}

QString TimeText::dayMonth(const QDate& date) {
    return QLocale().toString(date, tr("d MMM", "date pattern: 1 Dec"));
}

QString TimeText::dayMonthYear(const QDate& date) {
    return QLocale().toString(date, tr("d MMM yyyy", "date pattern: 1 Dec 2026"));
}

QString TimeText::dayLongMonthYear(const QDate& date) {
    return QLocale().toString(date, tr("d MMMM yyyy", "date pattern: 1 December 2026"));
}

QString TimeText::monthYear(const QDate& date) {
    return QLocale().toString(date, tr("MMMM yyyy", "date pattern: December 2026"));
}

QString TimeText::range(const QDateTime& start, const QDateTime& end, const QString& zone) {
    const QDateTime from = zonedtime::toLocal(start, zone);
    const QDateTime to = zonedtime::toLocal(end, zone);
    // An end at local midnight belongs to the day before ("09:00–24:00" reads as one day).
    const bool sameDay = from.date() == to.date() ||
                         (to.time() == QTime(0, 0) && from.date().addDays(1) == to.date());
    const QString endText =
        sameDay ? time(to.time()) : tr("%1 %2").arg(day(to.date()), time(to.time()));
    return tr("%1 · %2–%3").arg(day(from.date()), time(from.time()), endText);
}

QString TimeText::rangeWithZone(const QDateTime& start, const QDateTime& end, const QString& zone) {
    return tr("%1 · %2 (%3)").arg(range(start, end, zone), zoneCity(zone), utcOffset(start, zone));
}

QString TimeText::ago(const QDateTime& then, const QDateTime& now) {
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
    return plural(tr("%n day(s) ago", nullptr, static_cast<int>(seconds / 86400)),
                  static_cast<int>(seconds / 86400));
}

} // namespace slotdesk::models
