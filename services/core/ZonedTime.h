#pragma once
// Conversions between UTC instants and wall-clock times in IANA zones, through date/tz (the
// system tz database). Only the edges (CLI, GUI, HTTP) need these; storage stays in UTC.

#include <QDate>
#include <QDateTime>
#include <QString>

namespace slotdesk::zonedtime {

// The instant local midnight starts `date` in `zone` (a gap at midnight → its end).
QDateTime startOfDay(const QDate& date, const QString& zone);
// The wall-clock time of `instant` in `zone`. Its timeSpec says UTC but its fields are the
// local ones: use it for display and date arithmetic only, never as an instant.
QDateTime toLocal(const QDateTime& instant, const QString& zone);
// The instant the wall-clock fields of `local` (as toLocal() gives them) name in `zone`: a time
// in a spring-forward gap maps to the end of the gap, an ambiguous fall-back time to the earlier
// of its two instants.
QDateTime fromLocal(const QDateTime& local, const QString& zone);
// UTC offset of `zone` at `instant`, in seconds.
int offsetSeconds(const QDateTime& instant, const QString& zone);
// "2026-12-01T09:00:00+01:00"
QString toRfc3339InZone(const QDateTime& instant, const QString& zone);
// "2026-12-01 09:00" in `zone`
QString formatInZone(const QDateTime& instant, const QString& zone);

} // namespace slotdesk::zonedtime
