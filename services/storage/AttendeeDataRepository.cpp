#include "storage/AttendeeDataRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

// `text` unless it names the attendee (their name or e-mail, in any case): then empty.
QString withoutAttendee(const QString& text, const Booking& booking) {
    const bool names = (!booking.attendeeName.isEmpty() &&
                        text.contains(booking.attendeeName, Qt::CaseInsensitive)) ||
                       text.contains(booking.attendeeEmail, Qt::CaseInsensitive);
    return names ? QString() : text;
}

} // namespace

Result<AccessTokenSummary> AttendeeDataRepository::accessTokens(const QString& bookingId) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT COUNT(*), MIN(created_at), MAX(created_at) "
                                 "FROM booking_access_tokens WHERE booking_id = ?"),
                  {bookingId});
    if (!q)
        return q.error();
    AccessTokenSummary summary;
    if (q->next()) {
        summary.count = q->value(0).toInt();
        summary.oldest = instantFromDb(q->value(1));
        summary.newest = instantFromDb(q->value(2));
    }
    return summary;
}

Status AttendeeDataRepository::anonymise(const Booking& booking) {
    const QVariantList id{booking.id};
    if (auto s =
            execNoRows(m_db, QStringLiteral("DELETE FROM mail_outbox WHERE booking_id = ?"), id);
        !s)
        return s;
    if (auto s = execNoRows(
            m_db, QStringLiteral("DELETE FROM booking_access_tokens WHERE booking_id = ?"), id);
        !s)
        return s;
    return execNoRows(
        m_db,
        QStringLiteral("UPDATE bookings SET attendee_name = ?, attendee_email = ?, notes = NULL, "
                       "title = ?, status_reason = ?, manage_token_hash = NULL, updated_at = ? "
                       "WHERE id = ? AND user_id = ?"),
        {QString::fromLatin1(kForgottenName), QString::fromLatin1(kForgottenEmail),
         toDb(withoutAttendee(booking.title, booking)),
         toDb(withoutAttendee(booking.statusReason, booking)), toDb(m_clock.now()), booking.id,
         booking.userId});
}

Result<QStringList> AttendeeDataRepository::endedBy(const QString& userId,
                                                    const QDateTime& cutoff) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT id FROM bookings WHERE user_id = ? AND end_time <= ? "
                                 "AND attendee_email <> ? ORDER BY end_time, id"),
                  {userId, toDb(cutoff), QString::fromLatin1(kForgottenEmail)});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<int> AttendeeDataRepository::retentionDays(const QString& userId) {
    auto q =
        exec(m_db, QStringLiteral("SELECT retention_days FROM privacy_settings WHERE user_id = ?"),
             {userId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Status AttendeeDataRepository::setRetentionDays(const QString& userId, int days) {
    if (days < 0 || days > kMaxRetentionDays)
        return Error::validation(
            QStringLiteral("retentionDays"),
            QStringLiteral("Give a number of days from 0 (off) to %1").arg(kMaxRetentionDays));
    return execNoRows(
        m_db,
        QStringLiteral("INSERT INTO privacy_settings (user_id, retention_days, updated_at) "
                       "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                       "retention_days = excluded.retention_days, "
                       "updated_at = excluded.updated_at"),
        {userId, days, toDb(m_clock.now())});
}

Result<QList<RetentionSetting>> AttendeeDataRepository::retentionSettings() {
    auto q = exec(m_db, QStringLiteral("SELECT user_id, retention_days FROM privacy_settings "
                                       "WHERE retention_days > 0 ORDER BY user_id"));
    if (!q)
        return q.error();
    QList<RetentionSetting> settings;
    while (q->next())
        settings.append({q->value(0).toString(), q->value(1).toInt()});
    return settings;
}

Result<bool> AttendeeDataRepository::compact() {
    if (dialectOf(m_db) != SqlDialect::SQLite)
        return true;
    const auto checkpoint = [this]() -> Result<bool> {
        // One row: busy (1 when a reader kept it from finishing), log pages, pages written.
        auto q = exec(m_db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (!q)
            return q.error();
        return q->next() && q->value(0).toInt() == 0;
    };
    auto first = checkpoint();
    if (!first)
        return first.error();
    if (auto s = execDirect(m_db, QStringLiteral("VACUUM")); !s)
        return s.error();
    auto second = checkpoint();
    if (!second)
        return second.error();
    return *first && *second;
}

} // namespace slotdesk::storage
