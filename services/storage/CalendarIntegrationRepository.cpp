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
    RowReader row(q);
    row.read(c.id, c.userId);
    c.type = calendarTypeFromString(row.next().toString()).value_or(CalendarType::GoogleCalendar);
    row.read(c.keychainKey, c.accountEmail, c.tokenExpiresAt, c.calendarId, c.syncToken,
             c.lastSyncAt);
    c.syncStatus = syncStatusFromString(row.next().toString()).value_or(SyncStatus::Disconnected);
    row.read(c.syncError, c.createdAt, c.updatedAt, c.displayName, c.sourceUrl, c.username,
             c.httpEtag, c.httpLastModified);
    return c;
}

} // namespace

Result<CalendarIntegration> CalendarIntegrationRepository::create(CalendarIntegration c) {
    stampNew(c, m_clock.now());
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
    return readFirst(
        exec(m_db,
             QStringLiteral("SELECT %1 FROM calendar_integrations WHERE id = ? AND user_id = ?")
                 .arg(kColumns),
             {id, userId}),
        readIntegration);
}

Result<QVector<CalendarIntegration>> CalendarIntegrationRepository::list(const QString& userId) {
    return readRows(exec(m_db,
                         QStringLiteral("SELECT %1 FROM calendar_integrations WHERE user_id = ? "
                                        "ORDER BY created_at, id")
                             .arg(kColumns),
                         {userId}),
                    readIntegration);
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
