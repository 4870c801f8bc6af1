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
    s.defaultDuration = q->value(0).toInt();
    s.durations = durationsFromText(q->value(1).toString());
    s.slotInterval = q->value(2).toInt();
    s.bufferBefore = q->value(3).toInt();
    s.bufferAfter = q->value(4).toInt();
    s.minimumNotice = q->value(5).toInt();
    s.horizonDays = q->value(6).toInt();
    s.maxBookingsPerDay = q->value(7).toInt();
    s.maxBookingsPerWeek = q->value(8).toInt();
    s.maxBookingsPerMonth = q->value(9).toInt();
    const QString policy = q->value(10).toString();
    const auto approval = approvalPolicyFromString(policy);
    if (!approval)
        return Error::storage(
            QStringLiteral("Unknown approval policy '%1' in booking_settings").arg(policy));
    s.approvalPolicy = *approval;
    s.approvalWithinHours = q->value(11).toInt();
    s.attendeeChangeNoticeHours = q->value(12).toInt();
    s.attendeeReschedule = q->value(13).toInt() != 0;
    s.updatedAt = instantFromDb(q->value(14));
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
