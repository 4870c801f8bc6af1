#pragma once
// TimeText: how SlotDesk writes times for people — in a given IANA zone, in the user's locale
// (24-hour unless the locale uses AM/PM), with the zone named the way a person would say it.

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace slotdesk::models {

class TimeText {
    Q_DECLARE_TR_FUNCTIONS(TimeText)
public:
    // "Europe/Berlin" → "Berlin", "America/Argentina/Buenos_Aires" → "Buenos Aires".
    static QString zoneCity(const QString& zone);
    // "UTC+01:00" for `zone` at `instant`.
    static QString utcOffset(const QDateTime& instant, const QString& zone);
    // "09:00" (or "9:00 AM") for wall-clock fields.
    static QString time(const QTime& time);
    // Dates in the user's language: the patterns are translatable (German writes "Di., 1. Dez.")
    // and the names come from the default QLocale, which Localization sets.
    // "Tue 1 Dec"
    static QString day(const QDate& date);
    // "Tue 1 Dec 2026"
    static QString dayWithYear(const QDate& date);
    // "Tuesday 1 December 2026"
    static QString longDate(const QDate& date);
    // "1 Dec"
    static QString dayMonth(const QDate& date);
    // "1 Dec 2026"
    static QString dayMonthYear(const QDate& date);
    // "1 December 2026"
    static QString dayLongMonthYear(const QDate& date);
    // "December 2026"
    static QString monthYear(const QDate& date);
    // "Tue 1 Dec · 09:00–09:30" in `zone` (the end's date is added if it differs).
    static QString range(const QDateTime& start, const QDateTime& end, const QString& zone);
    // range() followed by " · New York (UTC−05:00)".
    static QString rangeWithZone(const QDateTime& start, const QDateTime& end, const QString& zone);
    // "just now", "5 min ago", "3 h ago", "2 days ago".
    static QString ago(const QDateTime& then, const QDateTime& now);
};

} // namespace slotdesk::models
