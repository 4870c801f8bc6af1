#include "storage/MailSettingsRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {
namespace {

const QString kColumns = QStringLiteral(
    "user_id, host, port, security, username, ca_file, from_address, from_name, language, "
    "reminder_minutes, admin_notices, updated_at");

} // namespace

Result<std::optional<MailSettings>> MailSettingsRepository::find(const QString& userId) {
    return readFirst(
        exec(m_db, QStringLiteral("SELECT %1 FROM mail_settings WHERE user_id = ?").arg(kColumns),
             {userId}),
        [](const QSqlQuery& q) {
            MailSettings s;
            RowReader(q).read(s.userId, s.host, s.port, s.security, s.username, s.caFile,
                              s.fromAddress, s.fromName, s.language, s.reminderMinutes,
                              s.adminNotices, s.updatedAt);
            return s;
        });
}

Result<MailSettings> MailSettingsRepository::save(MailSettings s) {
    s.updatedAt = m_clock.now();
    // One statement on both engines: insert, or replace every column of the admin's row.
    if (auto done = execNoRows(
            m_db,
            QStringLiteral(
                "INSERT INTO mail_settings (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET host = excluded.host, port = excluded.port, "
                "security = excluded.security, username = excluded.username, "
                "ca_file = excluded.ca_file, "
                "from_address = excluded.from_address, from_name = excluded.from_name, "
                "language = excluded.language, reminder_minutes = excluded.reminder_minutes, "
                "admin_notices = excluded.admin_notices, updated_at = excluded.updated_at")
                .arg(kColumns),
            {s.userId, s.host, s.port, s.security, toDb(s.username), toDb(s.caFile), s.fromAddress,
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
