#pragma once
// MailSetup: what the CLI's `mail set/show/test` and the desktop's E-mail card share — checking
// an admin's mail settings as entered (a validation error naming the field), turning them into
// SmtpSettings, this machine's CA file for a self-hosted server (a path, so kept in the local
// settings file next to the database choice, not in the shared database), and the test message.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "mail/SmtpSender.h"

namespace slotdesk::mail {

// The longest reminder lead time, in minutes (a week, as the database allows).
constexpr int kMaxReminderMinutes = 10080;

// The usual port of a security ("tls" 465, "starttls" 587, "none" 25).
int defaultSmtpPort(const QString& security);

// Host, port, security, username, from address and name, reminder lead time and language.
Status checkMailSettings(const MailSettings& settings);

// How to reach the server of `settings` (its CA file, when one is set, instead of the system's
// CAs). The one translation from stored settings to SmtpSettings: the outbox uses it too.
SmtpSettings smtpSettingsFor(const MailSettings& settings);

// A validation error ("ca-file") unless `path` is empty or a readable file.
Status checkCaFile(const QString& path);

// Sends a short test message to `to` with `settings` and the password from `passwords`. Blocks
// until the server has answered: call it off the GUI thread.
SendResult sendTestMessage(const MailSettings& settings, const QString& to,
                           const PasswordSource& passwords, const core::Clock& clock = {});

} // namespace slotdesk::mail
