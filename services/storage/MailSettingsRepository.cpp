#include "storage/MailSettingsRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns =
    QStringLiteral("user_id, host, port, security, username, from_address, from_name, language, "
                   "reminder_minutes, admin_notices, updated_at");

} // namespace

Result<std::optional<MailSettings>> MailSettingsRepository::find(const QString& userId) {
    auto q =
        exec(m_db, QStringLiteral("SELECT %1 FROM mail_settings WHERE user_id = ?").arg(kColumns),
             {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<MailSettings>();
    MailSettings s;
    s.userId = q->value(0).toString();
    s.host = q->value(1).toString();
    s.port = q->value(2).toInt();
    s.security = q->value(3).toString();
    s.username = q->value(4).toString();
    s.fromAddress = q->value(5).toString();
    s.fromName = q->value(6).toString();
    s.language = q->value(7).toString();
    s.reminderMinutes = q->value(8).toInt();
    s.adminNotices = q->value(9).toInt() != 0;
    s.updatedAt = instantFromDb(q->value(10));
    return std::optional<MailSettings>(s);
}

Result<MailSettings> MailSettingsRepository::save(MailSettings s) {
    s.updatedAt = m_clock.now();
    // One statement on both engines: insert, or replace every column of the admin's row.
    if (auto done = execNoRows(
            m_db,
            QStringLiteral(
                "INSERT INTO mail_settings (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET host = excluded.host, port = excluded.port, "
                "security = excluded.security, username = excluded.username, "
                "from_address = excluded.from_address, from_name = excluded.from_name, "
                "language = excluded.language, reminder_minutes = excluded.reminder_minutes, "
                "admin_notices = excluded.admin_notices, updated_at = excluded.updated_at")
                .arg(kColumns),
            {s.userId, s.host, s.port, s.security, toDb(s.username), s.fromAddress,
             toDb(s.fromName), s.language, s.reminderMinutes, s.adminNotices ? 1 : 0,
             toDb(s.updatedAt)});
        !done)
        return done.error();
    return s;
}

Status MailSettingsRepository::remove(const QString& userId) {
    return execNoRows(m_db, QStringLiteral("DELETE FROM mail_settings WHERE user_id = ?"),
                      {userId});
}

} // namespace slotdesk::storage
