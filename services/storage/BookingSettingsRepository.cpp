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
    auto q = exec(
        m_db,
        QStringLiteral("SELECT default_duration, durations, slot_interval, buffer_before, "
                       "buffer_after, minimum_notice, horizon_days, max_bookings_per_day, "
                       "max_bookings_per_week, max_bookings_per_month, approval_policy, "
                       "approval_within_hours, attendee_change_notice_hours, attendee_reschedule, "
                       "updated_at FROM booking_settings WHERE user_id = ?"),
        {userId});
    if (!q)
        return q.error();
    BookingSettings s;
    s.userId = userId;
    if (!q->next())
        return s;
    RowReader row(*q);
    row.read(s.defaultDuration);
    s.durations = durationsFromText(row.next().toString());
    row.read(s.slotInterval, s.bufferBefore, s.bufferAfter, s.minimumNotice, s.horizonDays,
             s.maxBookingsPerDay, s.maxBookingsPerWeek, s.maxBookingsPerMonth);
    const QString policy = row.next().toString();
    const auto approval = approvalPolicyFromString(policy);
    if (!approval)
        return Error::storage(
            QStringLiteral("Unknown approval policy '%1' in booking_settings").arg(policy));
    s.approvalPolicy = *approval;
    row.read(s.approvalWithinHours, s.attendeeChangeNoticeHours, s.attendeeReschedule, s.updatedAt);
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
                           "horizon_days, max_bookings_per_day, max_bookings_per_week, "
                           "max_bookings_per_month, approval_policy, approval_within_hours, "
                           "attendee_change_notice_hours, attendee_reschedule, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {s.userId, s.defaultDuration, durationsToText(s.durations), s.slotInterval,
             s.bufferBefore, s.bufferAfter, s.minimumNotice, s.horizonDays, s.maxBookingsPerDay,
             s.maxBookingsPerWeek, s.maxBookingsPerMonth, toText(s.approvalPolicy),
             s.approvalWithinHours, s.attendeeChangeNoticeHours, s.attendeeReschedule ? 1 : 0,
             toDb(s.updatedAt)});
        !r)
        return r.error();
    return s;
}

} // namespace slotdesk::storage
