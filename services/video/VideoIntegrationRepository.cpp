#include "video/VideoIntegrationRepository.h"

#include "storage/SqlSupport.h"

#include <QSqlQuery>

namespace slotdesk::video {

using storage::exec;
using storage::execNoRows;

Result<VideoIntegration> VideoIntegrationRepository::save(VideoIntegration integration) {
    if (integration.id.isEmpty())
        integration.id = storage::newId();
    const qint64 now = storage::nowMs();
    if (auto removed = remove(integration.userId, integration.provider); !removed)
        return removed.error();
    auto inserted = execNoRows(
        m_db,
        QStringLiteral("INSERT INTO video_integrations (id, user_id, provider, account_email, "
                       "status, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?)"),
        {integration.id, integration.userId, integration.provider,
         integration.accountEmail.isEmpty() ? QVariant() : QVariant(integration.accountEmail),
         integration.status,
         integration.lastError.isEmpty() ? QVariant() : QVariant(integration.lastError), now, now});
    if (!inserted)
        return inserted.error();
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
    integration.status = query->value(2).toString();
    integration.lastError = query->value(3).toString();
    return std::optional<VideoIntegration>(integration);
}

Status VideoIntegrationRepository::setStatus(const QString& id, const QString& status,
                                             const QString& lastError) {
    return execNoRows(
        m_db,
        QStringLiteral("UPDATE video_integrations SET status = ?, last_error = ?, "
                       "updated_at = ? WHERE id = ?"),
        {status, lastError.isEmpty() ? QVariant() : QVariant(lastError), storage::nowMs(), id});
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
    return execNoRows(m_db,
                      QStringLiteral("INSERT INTO video_meetings (booking_id, provider, "
                                     "meeting_id, join_url, created_at) VALUES (?, ?, ?, ?, ?)"),
                      {meeting.bookingId, meeting.provider, meeting.meetingId, meeting.joinUrl,
                       storage::nowMs()});
}

Result<std::optional<VideoMeeting>>
VideoIntegrationRepository::meetingFor(const QString& bookingId) {
    auto query = exec(m_db,
                      QStringLiteral("SELECT provider, meeting_id, join_url, deleted_at FROM "
                                     "video_meetings WHERE booking_id = ?"),
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
        {storage::nowMs(), bookingId});
}

} // namespace slotdesk::video
