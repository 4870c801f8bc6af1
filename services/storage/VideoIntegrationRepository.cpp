#include "storage/VideoIntegrationRepository.h"

#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace slotdesk::storage {

namespace {

// The CHECK on video_integrations.status admits only the three words; anything else would be a
// failure of some kind, so it reads as one (still retried, like 'error').
VideoIntegrationStatus statusFromDb(const QVariant& value) {
    return videoIntegrationStatusFromString(value.toString())
        .value_or(VideoIntegrationStatus::Error);
}

// What a booking owed a meeting is read as: its id, title, attendee name, start, end and time
// zone (and, `withMeeting`, the meeting id after them).
const QString kOwedColumns =
    QStringLiteral("b.id, b.title, b.attendee_name, b.start_time, b.end_time, b.timezone");

VideoIntegrationRepository::MeetingOwed readOwed(const QSqlQuery& q, bool withMeeting) {
    return {q.value(0).toString(),
            q.value(1).toString(),
            q.value(2).toString(),
            instantFromDb(q.value(3)),
            instantFromDb(q.value(4)),
            q.value(5).toString(),
            withMeeting ? q.value(6).toString() : QString()};
}

} // namespace

Result<VideoIntegration> VideoIntegrationRepository::save(VideoIntegration integration) {
    if (integration.id.isEmpty())
        integration.id = newId();
    const qint64 now = m_clock.nowMs();
    auto tx = Transaction::begin(m_db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    if (auto removed = remove(integration.userId, integration.provider); !removed)
        return removed.error();
    auto inserted = execNoRows(
        m_db,
        QStringLiteral("INSERT INTO video_integrations (id, user_id, provider, account_email, "
                       "status, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?)"),
        {integration.id, integration.userId, integration.provider,
         integration.accountEmail.isEmpty() ? QVariant() : QVariant(integration.accountEmail),
         toText(integration.status),
         integration.lastError.isEmpty() ? QVariant() : QVariant(integration.lastError), now, now});
    if (!inserted)
        return inserted.error();
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return integration;
}

Result<std::optional<VideoIntegration>> VideoIntegrationRepository::find(const QString& userId,
                                                                         const QString& provider) {
    auto query = exec(m_db,
                      QStringLiteral("SELECT id, account_email, status, last_error FROM "
                                     "video_integrations WHERE user_id = ? AND provider = ?"),
                      {userId, provider});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<VideoIntegration>();
    VideoIntegration integration;
    integration.id = query->value(0).toString();
    integration.userId = userId;
    integration.provider = provider;
    integration.accountEmail = query->value(1).toString();
    integration.status = statusFromDb(query->value(2));
    integration.lastError = query->value(3).toString();
    return std::optional<VideoIntegration>(integration);
}

Result<QVector<VideoIntegration>> VideoIntegrationRepository::listAll(const QString& provider) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT id, user_id, account_email, status, last_error "
                                        "FROM video_integrations WHERE provider = ? "
                                        "ORDER BY created_at"),
                         {provider}),
                    [&provider](const QSqlQuery& q) {
                        VideoIntegration integration;
                        integration.id = q.value(0).toString();
                        integration.userId = q.value(1).toString();
                        integration.provider = provider;
                        integration.accountEmail = q.value(2).toString();
                        integration.status = statusFromDb(q.value(3));
                        integration.lastError = q.value(4).toString();
                        return integration;
                    });
}

Status VideoIntegrationRepository::setAccountEmail(const QString& id, const QString& accountEmail) {
    return execNoRows(
        m_db,
        QStringLiteral("UPDATE video_integrations SET account_email = ?, updated_at = ? WHERE "
                       "id = ?"),
        {accountEmail.isEmpty() ? QVariant() : QVariant(accountEmail), m_clock.nowMs(), id});
}

Result<bool> VideoIntegrationRepository::hasMeetingWork(const QString& userId) {
    auto query = exec(
        m_db,
        QStringLiteral("SELECT 1 FROM bookings b WHERE b.user_id = ? AND b.status = 'confirmed' "
                       "AND b.requested_video_provider = 'zoom' AND NOT EXISTS (SELECT 1 FROM "
                       "video_meetings m WHERE m.booking_id = b.id AND (m.meeting_id <> '' OR "
                       "m.created_at >= ?)) "
                       "UNION ALL SELECT 1 FROM video_meetings m JOIN bookings b ON b.id = "
                       "m.booking_id WHERE b.user_id = ? AND b.status IN ('cancelled', "
                       "'rejected') AND m.deleted_at IS NULL AND m.meeting_id <> '' "
                       "UNION ALL SELECT 1 FROM video_meetings m JOIN bookings b ON b.id = "
                       "m.booking_id WHERE b.user_id = ? AND b.status = 'confirmed' AND "
                       "m.needs_update = 1 AND m.deleted_at IS NULL AND m.meeting_id <> ''"),
        {userId, m_clock.nowMs() - kClaimStaleMs, userId, userId});
    if (!query)
        return query.error();
    return query->next();
}

Result<QVector<VideoIntegrationRepository::MeetingOwed>>
VideoIntegrationRepository::meetingsToCreate(const QString& userId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM bookings b WHERE b.user_id = ? AND "
                                        "b.status = 'confirmed' AND b.requested_video_provider = "
                                        "'zoom' AND NOT EXISTS (SELECT 1 FROM video_meetings m "
                                        "WHERE m.booking_id = b.id AND (m.meeting_id <> '' OR "
                                        "m.created_at >= ?)) ORDER BY b.start_time")
                             .arg(kOwedColumns),
                         {userId, m_clock.nowMs() - kClaimStaleMs}),
                    [](const QSqlQuery& q) { return readOwed(q, false); });
}

Result<QVector<VideoIntegrationRepository::MeetingOwed>>
VideoIntegrationRepository::meetingsToUpdate(const QString& userId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1, m.meeting_id FROM video_meetings m JOIN "
                                        "bookings b ON b.id = m.booking_id WHERE b.user_id = ? "
                                        "AND b.status = 'confirmed' AND m.needs_update = 1 AND "
                                        "m.deleted_at IS NULL AND m.meeting_id <> '' "
                                        "ORDER BY b.start_time")
                             .arg(kOwedColumns),
                         {userId}),
                    [](const QSqlQuery& q) { return readOwed(q, true); });
}

Result<QVector<VideoMeeting>> VideoIntegrationRepository::meetingsToDelete(const QString& userId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT m.booking_id, m.provider, m.meeting_id, m.join_url "
                                        "FROM video_meetings m JOIN bookings b ON b.id = "
                                        "m.booking_id WHERE b.user_id = ? AND b.status IN "
                                        "('cancelled', 'rejected') AND m.deleted_at IS NULL AND "
                                        "m.meeting_id <> ''"),
                         {userId}),
                    [](const QSqlQuery& q) {
                        return VideoMeeting{q.value(0).toString(), q.value(1).toString(),
                                            q.value(2).toString(), q.value(3).toString(), false};
                    });
}

Result<bool> VideoIntegrationRepository::claimMeeting(const QString& bookingId) {
    auto tx = Transaction::begin(m_db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    const qint64 now = m_clock.nowMs();
    if (auto dropped = execNoRows(m_db,
                                  QStringLiteral("DELETE FROM video_meetings WHERE booking_id = ? "
                                                 "AND meeting_id = '' AND created_at < ?"),
                                  {bookingId, now - kClaimStaleMs});
        !dropped)
        return dropped.error();
    auto q = exec(m_db,
                  QStringLiteral("INSERT INTO video_meetings (booking_id, provider, meeting_id, "
                                 "join_url, created_at) SELECT ?, 'zoom', '', '', ? WHERE NOT "
                                 "EXISTS (SELECT 1 FROM video_meetings WHERE booking_id = ?)"),
                  {bookingId, now, bookingId});
    if (!q)
        return q.error();
    const bool claimed = q->numRowsAffected() == 1;
    q->finish();
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return claimed;
}

Status VideoIntegrationRepository::releaseClaim(const QString& bookingId) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM video_meetings WHERE booking_id = ? AND meeting_id = ''"),
        {bookingId});
}

Status VideoIntegrationRepository::setStatus(const QString& id, VideoIntegrationStatus status,
                                             const QString& lastError) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE video_integrations SET status = ?, last_error = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      {toText(status), lastError.isEmpty() ? QVariant() : QVariant(lastError),
                       m_clock.nowMs(), id});
}

Status VideoIntegrationRepository::remove(const QString& userId, const QString& provider) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM video_integrations WHERE user_id = ? AND provider = ?"),
        {userId, provider});
}

Status VideoIntegrationRepository::saveMeeting(const VideoMeeting& meeting) {
    if (auto removed =
            execNoRows(m_db, QStringLiteral("DELETE FROM video_meetings WHERE booking_id = ?"),
                       {meeting.bookingId});
        !removed)
        return removed;
    return execNoRows(
        m_db,
        QStringLiteral("INSERT INTO video_meetings (booking_id, provider, "
                       "meeting_id, join_url, created_at) VALUES (?, ?, ?, ?, ?)"),
        {meeting.bookingId, meeting.provider, meeting.meetingId, meeting.joinUrl, m_clock.nowMs()});
}

Result<std::optional<VideoMeeting>>
VideoIntegrationRepository::meetingFor(const QString& bookingId) {
    auto query = exec(m_db,
                      QStringLiteral("SELECT provider, meeting_id, join_url, deleted_at FROM "
                                     "video_meetings WHERE booking_id = ? AND meeting_id <> ''"),
                      {bookingId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<VideoMeeting>();
    VideoMeeting meeting;
    meeting.bookingId = bookingId;
    meeting.provider = query->value(0).toString();
    meeting.meetingId = query->value(1).toString();
    meeting.joinUrl = query->value(2).toString();
    meeting.deleted = !query->value(3).isNull();
    return std::optional<VideoMeeting>(meeting);
}

Status VideoIntegrationRepository::markMeetingDeleted(const QString& bookingId) {
    return execNoRows(
        m_db, QStringLiteral("UPDATE video_meetings SET deleted_at = ? WHERE booking_id = ?"),
        {m_clock.nowMs(), bookingId});
}

Result<std::optional<VideoMeeting>>
VideoIntegrationRepository::handOverMeeting(const QString& fromBookingId,
                                            const QString& toBookingId) {
    auto meeting = meetingFor(fromBookingId);
    if (!meeting)
        return meeting.error();
    if (!*meeting || (*meeting)->deleted)
        return std::optional<VideoMeeting>();
    if (auto moved = execNoRows(m_db,
                                QStringLiteral("UPDATE video_meetings SET booking_id = ?, "
                                               "needs_update = 1 WHERE booking_id = ?"),
                                {toBookingId, fromBookingId});
        !moved)
        return moved.error();
    (*meeting)->bookingId = toBookingId;
    return meeting;
}

Status VideoIntegrationRepository::markMeetingUpdated(const QString& bookingId,
                                                      const QString& meetingId) {
    return execNoRows(m_db,
                      QStringLiteral("UPDATE video_meetings SET needs_update = 0 WHERE "
                                     "booking_id = ? AND meeting_id = ?"),
                      {bookingId, meetingId});
}

Status VideoIntegrationRepository::forgetMeeting(const QString& bookingId,
                                                 const QString& meetingId) {
    return execNoRows(
        m_db, QStringLiteral("DELETE FROM video_meetings WHERE booking_id = ? AND meeting_id = ?"),
        {bookingId, meetingId});
}

} // namespace slotdesk::storage
