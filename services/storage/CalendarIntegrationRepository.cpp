#include "storage/CalendarIntegrationRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "id, user_id, type, keychain_key, account_email, token_expires_at, calendar_id, sync_token, "
    "last_sync_at, sync_status, sync_error, created_at, updated_at, display_name, source_url, "
    "username, http_etag, http_last_modified");

CalendarIntegration readIntegration(const QSqlQuery& q) {
    CalendarIntegration c;
    c.id = q.value(0).toString();
    c.userId = q.value(1).toString();
    c.type = calendarTypeFromString(q.value(2).toString()).value_or(CalendarType::GoogleCalendar);
    c.keychainKey = q.value(3).toString();
    c.accountEmail = q.value(4).toString();
    c.tokenExpiresAt = instantFromDb(q.value(5));
    c.calendarId = q.value(6).toString();
    c.syncToken = q.value(7).toString();
    c.lastSyncAt = instantFromDb(q.value(8));
    c.syncStatus = syncStatusFromString(q.value(9).toString()).value_or(SyncStatus::Disconnected);
    c.syncError = q.value(10).toString();
    c.createdAt = instantFromDb(q.value(11));
    c.updatedAt = instantFromDb(q.value(12));
    c.displayName = q.value(13).toString();
    c.sourceUrl = q.value(14).toString();
    c.username = q.value(15).toString();
    c.httpEtag = q.value(16).toString();
    c.httpLastModified = q.value(17).toString();
    return c;
}

} // namespace

Result<CalendarIntegration> CalendarIntegrationRepository::create(CalendarIntegration c) {
    if (c.id.isEmpty())
        c.id = newId();
    c.createdAt = c.updatedAt = m_clock.now();
    if (auto s =
            execNoRows(m_db,
                       QStringLiteral("INSERT INTO calendar_integrations (%1) VALUES "
                                      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .arg(kColumns),
                       {c.id, c.userId, toText(c.type), c.keychainKey, toDb(c.accountEmail),
                        toDb(c.tokenExpiresAt), c.calendarId, toDb(c.syncToken), toDb(c.lastSyncAt),
                        toText(c.syncStatus), toDb(c.syncError), toDb(c.createdAt),
                        toDb(c.updatedAt), toDb(c.displayName), toDb(c.sourceUrl), toDb(c.username),
                        toDb(c.httpEtag), toDb(c.httpLastModified)});
        !s)
        return s.error();
    return c;
}

Result<CalendarIntegration> CalendarIntegrationRepository::update(CalendarIntegration c) {
    c.updatedAt = m_clock.now();
    auto q =
        exec(m_db,
             QStringLiteral("UPDATE calendar_integrations SET keychain_key = ?, account_email = ?, "
                            "token_expires_at = ?, calendar_id = ?, sync_token = ?, "
                            "last_sync_at = ?, sync_status = ?, sync_error = ?, updated_at = ?, "
                            "display_name = ?, source_url = ?, username = ?, http_etag = ?, "
                            "http_last_modified = ? WHERE id = ? AND user_id = ?"),
             {c.keychainKey, toDb(c.accountEmail), toDb(c.tokenExpiresAt), c.calendarId,
              toDb(c.syncToken), toDb(c.lastSyncAt), toText(c.syncStatus), toDb(c.syncError),
              toDb(c.updatedAt), toDb(c.displayName), toDb(c.sourceUrl), toDb(c.username),
              toDb(c.httpEtag), toDb(c.httpLastModified), c.id, c.userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("No calendar integration with id %1").arg(c.id));
    return c;
}

Result<std::optional<CalendarIntegration>>
CalendarIntegrationRepository::findById(const QString& userId, const QString& id) {
    auto q =
        exec(m_db,
             QStringLiteral("SELECT %1 FROM calendar_integrations WHERE id = ? AND user_id = ?")
                 .arg(kColumns),
             {id, userId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<CalendarIntegration>{};
    return std::optional<CalendarIntegration>(readIntegration(*q));
}

Result<QVector<CalendarIntegration>> CalendarIntegrationRepository::list(const QString& userId) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT %1 FROM calendar_integrations WHERE user_id = ? "
                                 "ORDER BY created_at, id")
                      .arg(kColumns),
                  {userId});
    if (!q)
        return q.error();
    QVector<CalendarIntegration> all;
    while (q->next())
        all.append(readIntegration(*q));
    return all;
}

Status CalendarIntegrationRepository::remove(const QString& userId, const QString& id) {
    auto q =
        exec(m_db, QStringLiteral("DELETE FROM calendar_integrations WHERE id = ? AND user_id = ?"),
             {id, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("No calendar integration with id %1").arg(displayValue(id)));
    return success();
}

} // namespace slotdesk::storage
