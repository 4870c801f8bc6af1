#include "storage/BookingSettingsRepository.h"

#include "storage/SqlSupport.h"

#include <QStringList>

namespace slotdesk::storage {
namespace {

QString durationsToText(const QList<int>& durations) {
    QStringList parts;
    for (int d : durations)
        parts.append(QString::number(d));
    return parts.join(u',');
}

QList<int> durationsFromText(const QString& text) {
    QList<int> durations;
    for (const auto& part : text.split(u',', Qt::SkipEmptyParts))
        durations.append(part.toInt());
    return durations;
}

} // namespace

Result<BookingSettings> BookingSettingsRepository::get(const QString& userId) {
    auto q =
        exec(m_db,
             QStringLiteral("SELECT default_duration, durations, slot_interval, buffer_before, "
                            "buffer_after, minimum_notice, horizon_days, max_bookings_per_day, "
                            "updated_at FROM booking_settings WHERE user_id = ?"),
             {userId});
    if (!q)
        return q.error();
    BookingSettings s;
    s.userId = userId;
    if (!q->next())
        return s;
    s.defaultDuration = q->value(0).toInt();
    s.durations = durationsFromText(q->value(1).toString());
    s.slotInterval = q->value(2).toInt();
    s.bufferBefore = q->value(3).toInt();
    s.bufferAfter = q->value(4).toInt();
    s.minimumNotice = q->value(5).toInt();
    s.horizonDays = q->value(6).toInt();
    s.maxBookingsPerDay = q->value(7).toInt();
    s.updatedAt = instantFromDb(q->value(8));
    return s;
}

Result<BookingSettings> BookingSettingsRepository::save(BookingSettings s) {
    s.updatedAt = m_clock.now();
    if (auto r = execNoRows(m_db, QStringLiteral("DELETE FROM booking_settings WHERE user_id = ?"),
                            {s.userId});
        !r)
        return r.error();
    if (auto r = execNoRows(
            m_db,
            QStringLiteral("INSERT INTO booking_settings (user_id, default_duration, durations, "
                           "slot_interval, buffer_before, buffer_after, minimum_notice, "
                           "horizon_days, max_bookings_per_day, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {s.userId, s.defaultDuration, durationsToText(s.durations), s.slotInterval,
             s.bufferBefore, s.bufferAfter, s.minimumNotice, s.horizonDays, s.maxBookingsPerDay,
             toDb(s.updatedAt)});
        !r)
        return r.error();
    return s;
}

} // namespace slotdesk::storage
