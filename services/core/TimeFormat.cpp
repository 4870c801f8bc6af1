#include "core/TimeFormat.h"

#include <QRegularExpression>

namespace slotdesk::timeformat {

QString toRfc3339Utc(const QDateTime& instant) {
    return instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'Z';
}

QString toRfc3339WithOffset(const QDateTime& instant, int utcOffsetSeconds) {
    const int absMinutes = std::abs(utcOffsetSeconds) / 60;
    return instant.toUTC()
               .addSecs(utcOffsetSeconds)
               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           QStringLiteral("%1%2:%3")
               .arg(QChar(utcOffsetSeconds < 0 ? u'-' : u'+'))
               .arg(absMinutes / 60, 2, 10, QLatin1Char('0'))
               .arg(absMinutes % 60, 2, 10, QLatin1Char('0'));
}

Result<QDateTime> parseRfc3339(const QString& text, const QString& field) {
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|z|[+-]\d{2}:\d{2})$)"));
    if (pattern.match(text).hasMatch()) {
        QString normalised = text;
        if (normalised.endsWith(u'z'))
            normalised.back() = u'Z';
        const auto parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs);
        if (parsed.isValid())
            return parsed.toUTC();
    }
    return Error::validation(
        field, QStringLiteral("'%1' is not an RFC 3339 time such as 2026-12-01T09:00:00+01:00")
                   .arg(displayValue(text)));
}

Result<QDate> parseDate(const QString& text, const QString& field) {
    static const QRegularExpression pattern(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    if (pattern.match(text).hasMatch()) {
        const auto date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            return date;
    }
    return Error::validation(
        field, QStringLiteral("'%1' is not a date in the form YYYY-MM-DD").arg(displayValue(text)));
}

QString minutesToText(int minutes) {
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace slotdesk::timeformat
