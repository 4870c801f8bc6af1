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

namespace {

const QRegularExpression& rfc3339Pattern() {
    // Captures the fraction's digits (1).
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$)"));
    return pattern;
}

} // namespace

Result<QDateTime> parseRfc3339(const QString& text, const QString& field) {
    if (rfc3339Pattern().match(text).hasMatch()) {
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

Result<QDateTime> parseRfc3339WholeSeconds(const QString& text, const QString& field) {
    QString wholeSeconds = text;
    const auto match = rfc3339Pattern().match(text);
    if (match.hasMatch() && match.hasCaptured(1)) {
        const QString fraction = match.captured(1);
        for (const QChar digit : fraction) {
            if (digit != u'0')
                return Error::validation(
                    field,
                    QStringLiteral("'%1' has a fraction of a second; give whole seconds, such as "
                                   "2026-12-01T09:00:00+01:00")
                        .arg(displayValue(text)));
        }
        // ".000": the same instant without it.
        wholeSeconds.remove(match.capturedStart(1) - 1, fraction.size() + 1);
    }
    auto parsed = parseRfc3339(wholeSeconds, field);
    // Belt and braces: whatever the text said, the instant itself must be a whole second.
    if (parsed && parsed->toMSecsSinceEpoch() % 1000 != 0)
        return Error::validation(field, QStringLiteral("Give the time in whole seconds"));
    return parsed;
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
