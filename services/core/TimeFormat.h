#pragma once
// Text forms of instants and dates at the edges (CLI, JSON): RFC 3339 and ISO dates.
// Inside SlotDesk an instant is a UTC QDateTime; in the database, Unix epoch milliseconds.

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace slotdesk::timeformat {

// "2026-12-01T08:00:00Z" (milliseconds are dropped; SlotDesk instants are whole seconds).
QString toRfc3339Utc(const QDateTime& instant);
// "2026-12-01T09:00:00+01:00": the instant written as local time at the given UTC offset.
QString toRfc3339WithOffset(const QDateTime& instant, int utcOffsetSeconds);
// Strict RFC 3339 with a "Z" or "±HH:MM" offset → UTC QDateTime.
Result<QDateTime> parseRfc3339(const QString& text, const QString& field);
// parseRfc3339 for an instant that must be a whole second (a booking's start): a fraction is
// refused unless all its digits are zeros. Decided on the text, since QDateTime keeps only
// milliseconds and would read ".0000001" as a whole second.
Result<QDateTime> parseRfc3339WholeSeconds(const QString& text, const QString& field);
// Strict "YYYY-MM-DD".
Result<QDate> parseDate(const QString& text, const QString& field);
// "HH:MM" from minutes after midnight (1440 → "24:00").
QString minutesToText(int minutes);

} // namespace slotdesk::timeformat
