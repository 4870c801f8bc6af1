#include "mail/MailSetup.h"

#include "domain/Validation.h"
#include "mail/MimeWriter.h"

#include <QFileInfo>

namespace slotdesk::mail {
namespace {

constexpr int kMaxUsernameLength = 320;
constexpr int kMaxFromNameLength = 200;

} // namespace

int defaultSmtpPort(const QString& security) {
    if (security == QLatin1String("tls"))
        return 465;
    return security == QLatin1String("none") ? 25 : 587;
}

Status checkMailSettings(const MailSettings& s) {
    const auto security = smtpSecurityFromString(s.security);
    if (!security)
        return Error::validation(QStringLiteral("security"),
                                 QStringLiteral("security must be tls, starttls or none, not %1")
                                     .arg(displayValue(s.security)));
    SmtpSettings smtp;
    smtp.host = s.host;
    smtp.port = s.port;
    smtp.security = *security;
    if (auto ok = smtp.check(); !ok)
        return ok;
    if (auto ok =
            validation::optionalText(s.username, QStringLiteral("username"), kMaxUsernameLength);
        !ok)
        return ok;
    if (s.username.contains(u' '))
        return Error::validation(QStringLiteral("username"),
                                 QStringLiteral("The SMTP user name contains a space"));
    if (auto ok = validation::email(s.fromAddress, QStringLiteral("from")); !ok)
        return ok;
    if (auto ok =
            validation::optionalText(s.fromName, QStringLiteral("from-name"), kMaxFromNameLength);
        !ok)
        return ok;
    if (s.reminderMinutes < 0 || s.reminderMinutes > kMaxReminderMinutes)
        return Error::validation(
            QStringLiteral("reminder-minutes"),
            QStringLiteral("The reminder lead time must be between 0 (no reminder) and %1 "
                           "minutes (a week)")
                .arg(kMaxReminderMinutes));
    return validation::language(s.language, QStringLiteral("language"));
}

SmtpSettings smtpSettingsFor(const MailSettings& s) {
    SmtpSettings smtp;
    smtp.host = s.host;
    smtp.port = s.port;
    smtp.security = smtpSecurityFromString(s.security).value_or(SmtpSecurity::StartTls);
    smtp.username = s.username;
    smtp.caFile = s.caFile;
    return smtp;
}

Status checkCaFile(const QString& path) {
    const QFileInfo file(path);
    if (!path.isEmpty() && (!file.isFile() || !file.isReadable()))
        return Error::validation(
            QStringLiteral("ca-file"),
            QStringLiteral("%1 is not a readable PEM file").arg(displayValue(path)));
    return success();
}

SendResult sendTestMessage(const MailSettings& settings, const QString& to,
                           const PasswordSource& passwords, const core::Clock& clock) {
    if (auto ok = validation::email(to, QStringLiteral("to")); !ok)
        return {SendOutcome::Permanent, 0, ok.error().message};
    MailMessage message;
    message.from = {settings.fromName, settings.fromAddress};
    message.to = {{{}, to}};
    message.subject = QStringLiteral("SlotDesk test message");
    message.text =
        QStringLiteral(
            "This is a test message from SlotDesk.\n\nIf you can read it, the e-mail settings "
            "work: booking requests, approvals, cancellations and reminders will be sent through "
            "%1.\n")
            .arg(settings.host);
    message.date = clock.now();
    auto bytes = MimeWriter::render(message);
    if (!bytes)
        return {SendOutcome::Permanent, 0, bytes.error().message};
    return SmtpSender(smtpSettingsFor(settings), &passwords, settings.userId)
        .send(settings.fromAddress, {to}, *bytes);
}

} // namespace slotdesk::mail
