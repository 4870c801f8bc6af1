// slotdesk-cli mail set|show|test: the admin's SMTP server for the e-mails SlotDesk sends. The
// settings live in the database (mail_settings), the password only in the OS keychain
// (mail::KeychainPasswordSource) and this machine's CA file in the local settings file.
// `mail queue` and `mail retry` come with the outbox.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "core/TimeFormat.h"
#include "domain/Validation.h"
#include "mail/KeychainPasswordSource.h"
#include "mail/MailSetup.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>
#include <optional>

namespace slotdesk::cli {
namespace {

// The keychain and SMTP code log their progress and warnings; a command reports the outcome in
// one line instead (QT_LOGGING_RULES, which wins over this, brings the log back).
void quietLogs() {
    QLoggingCategory::setFilterRules(
        QStringLiteral("slotdesk.mail.*=false\nslotdesk.integration.*=false"));
}

QString option(const CliContext& c, const char* name) {
    return c.parser.value(QLatin1String(name));
}
bool given(const CliContext& c, const char* name) {
    return c.parser.isSet(QLatin1String(name));
}

Result<int> wholeNumber(const CliContext& c, const char* name) {
    bool ok = false;
    const int value = option(c, name).toInt(&ok);
    if (!ok)
        return Error::validation(
            QLatin1String(name),
            QStringLiteral("'%1' is not a whole number").arg(displayValue(option(c, name))));
    return value;
}

// The admin's settings with the options given applied (defaults where there were none).
Result<MailSettings> settingsFromOptions(const CliContext& c, MailSettings s) {
    if (given(c, "host"))
        s.host = option(c, "host").trimmed();
    if (given(c, "security")) {
        s.security = option(c, "security").trimmed().toLower();
        if (!given(c, "port"))
            s.port = mail::defaultSmtpPort(s.security);
    }
    if (given(c, "port")) {
        auto port = wholeNumber(c, "port");
        if (!port)
            return port.error();
        s.port = *port;
    }
    if (given(c, "username"))
        s.username = option(c, "username").trimmed();
    if (given(c, "from"))
        s.fromAddress = option(c, "from").trimmed();
    if (given(c, "from-name"))
        s.fromName = option(c, "from-name").trimmed();
    if (given(c, "reminder-minutes")) {
        auto minutes = wholeNumber(c, "reminder-minutes");
        if (!minutes)
            return minutes.error();
        s.reminderMinutes = *minutes;
    }
    if (given(c, "admin-notices")) {
        const QString value = option(c, "admin-notices").trimmed().toLower();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return Error::validation(
                QStringLiteral("admin-notices"),
                QStringLiteral("admin-notices must be on or off, not %1").arg(displayValue(value)));
        s.adminNotices = value == QLatin1String("on");
    }
    if (s.host.isEmpty())
        return Error::validation(QStringLiteral("host"),
                                 QStringLiteral("Give the SMTP server with --host"));
    if (s.fromAddress.isEmpty())
        return Error::validation(QStringLiteral("from"),
                                 QStringLiteral("Give the sender address with --from"));
    if (auto ok = mail::checkMailSettings(s); !ok)
        return ok.error();
    return s;
}

Result<std::optional<MailSettings>> storedSettings(CliContext& c, const User& admin) {
    return storage::MailSettingsRepository(c.database().connection(), c.clock()).find(admin.id);
}

int setMail(CliContext& c, const User& admin) {
    auto existing = storedSettings(c, admin);
    if (!existing)
        return c.fail(existing.error());
    MailSettings base;
    base.userId = admin.id;
    auto settings = settingsFromOptions(c, existing->value_or(base));
    if (!settings)
        return c.fail(settings.error());
    if (given(c, "password-stdin") && given(c, "forget-password"))
        return c.usage(QStringLiteral("give either --password-stdin or --forget-password"));
    if (given(c, "ca-file")) {
        const QString caFile = option(c, "ca-file");
        if (auto ok = mail::checkCaFile(caFile); !ok)
            return c.fail(ok.error());
        settings->caFile = caFile.isEmpty() ? QString() : QFileInfo(caFile).absoluteFilePath();
    }
    // The password first: a keychain that refuses it leaves the database as it was.
    const mail::KeychainPasswordSource keychain;
    if (given(c, "password-stdin")) {
        if (auto ok = keychain.store(admin.id, passwordFromStdin()); !ok)
            return c.fail(ok.error());
    } else if (given(c, "forget-password")) {
        if (auto ok = keychain.remove(admin.id); !ok)
            return c.fail(ok.error());
    }
    auto saved =
        storage::MailSettingsRepository(c.database().connection(), c.clock()).save(*settings);
    if (!saved)
        return c.fail(saved.error());
    const QString message =
        QStringLiteral("Saved the e-mail settings: %1:%2 (%3), sending as %4")
            .arg(saved->host)
            .arg(saved->port)
            .arg(saved->security, saved->fromAddress) +
        (given(c, "password-stdin") ? QStringLiteral("; the password is in the system keychain")
                                    : QString());
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

QJsonObject settingsJson(const MailSettings& s, const Result<bool>& passwordStored) {
    return {{QStringLiteral("host"), s.host},
            {QStringLiteral("port"), s.port},
            {QStringLiteral("security"), s.security},
            {QStringLiteral("username"), s.username},
            {QStringLiteral("fromAddress"), s.fromAddress},
            {QStringLiteral("fromName"), s.fromName},
            {QStringLiteral("language"), s.language},
            {QStringLiteral("reminderMinutes"), s.reminderMinutes},
            {QStringLiteral("adminNotices"), s.adminNotices},
            {QStringLiteral("caFile"), s.caFile},
            {QStringLiteral("passwordStored"),
             passwordStored ? QJsonValue(*passwordStored) : QJsonValue()},
            {QStringLiteral("updatedAt"), s.updatedAt.toString(Qt::ISODate)}};
}

QString settingsText(const MailSettings& s, const Result<bool>& passwordStored) {
    QStringList lines;
    lines << QStringLiteral("Server: %1:%2 (%3)").arg(s.host).arg(s.port).arg(s.security);
    lines << QStringLiteral("User name: %1")
                 .arg(s.username.isEmpty() ? QStringLiteral("none (no login)") : s.username);
    if (!passwordStored)
        lines << QStringLiteral("Password: unknown (%1)").arg(passwordStored.error().message);
    else
        lines << QStringLiteral("Password: %1")
                     .arg(*passwordStored ? QStringLiteral("stored in the system keychain")
                                          : QStringLiteral("none stored"));
    lines << QStringLiteral("From: %1")
                 .arg(s.fromName.isEmpty()
                          ? s.fromAddress
                          : QStringLiteral("%1 <%2>").arg(s.fromName, s.fromAddress));
    lines << QStringLiteral("Trusted CAs: %1")
                 .arg(s.caFile.isEmpty() ? QStringLiteral("the system's") : s.caFile);
    lines << QStringLiteral("Reminder: %1")
                 .arg(s.reminderMinutes == 0
                          ? QStringLiteral("off")
                          : QStringLiteral("%1 minutes before").arg(s.reminderMinutes));
    lines << QStringLiteral("Admin notices: %1")
                 .arg(s.adminNotices ? QStringLiteral("on") : QStringLiteral("off"));
    return lines.join(u'\n');
}

int showMail(CliContext& c, const User& admin) {
    auto found = storedSettings(c, admin);
    if (!found)
        return c.fail(found.error());
    if (!*found)
        return c.print(QJsonObject{{QStringLiteral("mail"), QJsonValue()}},
                       QStringLiteral("E-mail: not set up (slotdesk-cli mail set --host H "
                                      "--from ADDR ...)"));
    const auto stored = mail::KeychainPasswordSource().isStored(admin.id);
    return c.print(QJsonObject{{QStringLiteral("mail"), settingsJson(**found, stored)}},
                   settingsText(**found, stored));
}

int testMail(CliContext& c, const User& admin) {
    if (!missingOption(c, {QStringLiteral("to")}).isEmpty())
        return c.usage(QStringLiteral("mail test needs --to"));
    auto found = storedSettings(c, admin);
    if (!found)
        return c.fail(found.error());
    if (!*found)
        return c.fail(Error::notFound(
            QStringLiteral("E-mail is not set up: slotdesk-cli mail set --host H --from ADDR")));
    const QString to = option(c, "to").trimmed();
    if (auto ok = validation::email(to, QStringLiteral("to")); !ok)
        return c.fail(ok.error());
    const auto result =
        mail::sendTestMessage(**found, to, mail::KeychainPasswordSource(), c.clock());
    const QString where = QStringLiteral("%1:%2").arg((*found)->host).arg((*found)->port);
    if (!result.sent())
        return c.fail(
            Error{ErrorCode::Internal,
                  QStringLiteral("The test message to %1 was not sent through %2 (%3): %4")
                      .arg(to, where, toText(result.outcome), result.detail),
                  {}});
    const QString message =
        QStringLiteral("Sent a test message to %1 through %2: %3").arg(to, where, result.detail);
    return c.print(QJsonObject{{QStringLiteral("message"), message},
                               {QStringLiteral("replyCode"), result.replyCode},
                               {QStringLiteral("reply"), result.detail}},
                   message);
}

QJsonObject entryJson(const storage::MailOutboxEntry& e) {
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("bookingId"), e.bookingId},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("recipient"), e.recipient},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("attempts"), e.attempts},
            {QStringLiteral("nextAttemptAt"), timeformat::toRfc3339Utc(e.nextAttemptAt)},
            {QStringLiteral("lastError"), e.lastError.isEmpty() ? QJsonValue() : e.lastError},
            {QStringLiteral("createdAt"), timeformat::toRfc3339Utc(e.createdAt)}};
}

// The mails still owed (and being sent) and the ones that failed, oldest first.
int queueMail(CliContext& c, const User& admin) {
    auto unsent =
        storage::MailOutboxRepository(c.database().connection(), c.clock()).listUnsent(admin.id);
    if (!unsent)
        return c.fail(unsent.error());
    QJsonArray rows;
    QStringList lines;
    for (const auto& e : *unsent) {
        rows.append(entryJson(e));
        QString line = QStringLiteral("%1  %2  %3 to %4, %5 attempt(s)")
                           .arg(e.id, e.status.leftJustified(7), e.kind, e.recipient)
                           .arg(e.attempts);
        if (e.status == QLatin1String("owed"))
            line += QStringLiteral(", next %1").arg(timeformat::toRfc3339Utc(e.nextAttemptAt));
        if (!e.lastError.isEmpty())
            line += QStringLiteral(": %1").arg(e.lastError);
        lines.append(line);
    }
    if (lines.isEmpty())
        lines.append(QStringLiteral("No mail owed or failed."));
    return c.print(QJsonObject{{QStringLiteral("mails"), rows}}, lines.join(u'\n'));
}

// A failed mail (or one waiting out its back-off) owed again now, its attempts from zero.
int retryMail(CliContext& c, const User& admin) {
    const QString id = c.parser.positionalArguments().value(0);
    auto retried = storage::MailOutboxRepository(c.database().connection(), c.clock())
                       .retry(id, admin.id, c.clock().now());
    if (!retried)
        return c.fail(retried.error());
    if (!*retried)
        return c.fail(Error::notFound(
            QStringLiteral("No mail %1 is owed or failed for this admin").arg(displayValue(id))));
    const QString message = QStringLiteral("Mail %1 is owed again: it goes out with the next "
                                           "delivery run (serve or the desktop app)")
                                .arg(id);
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

// The preamble of every mail command: quiet logs, then the admin chosen with --user.
std::function<int(CliContext&)> forAdmin(int (*run)(CliContext&, const User&)) {
    return [run](CliContext& c) {
        quietLogs();
        auto admin = c.admin();
        if (!admin)
            return c.fail(admin.error());
        return run(c, *admin);
    };
}

QCommandLineOption valueOption(const char* name, const char* description, const char* value) {
    return {QLatin1String(name), QLatin1String(description), QLatin1String(value)};
}

} // namespace

QList<Command> mailCommands() {
    return {
        {QStringLiteral("mail set"),
         {},
         0,
         QStringLiteral(
             "Set up e-mail: --host H --from ADDR [--port P --security tls|starttls|none "
             "--username U --password-stdin ...]"),
         {valueOption("host", "The SMTP server's host name.", "HOST"),
          valueOption("port", "Its port (default: 465 for tls, 587 for starttls, 25 for none).",
                      "PORT"),
          valueOption("security", "tls (implicit TLS), starttls, or none (only to this machine).",
                      "SECURITY"),
          valueOption("username", "The SMTP login; empty for a server without login.", "USER"),
          valueOption("from", "The sender address of every mail.", "ADDRESS"),
          valueOption("from-name", "The sender name (default: the admin's name).", "NAME"),
          {QStringLiteral("password-stdin"),
           QStringLiteral("Read the SMTP password from standard input into the system keychain.")},
          {QStringLiteral("forget-password"),
           QStringLiteral("Remove the SMTP password from the system keychain.")},
          valueOption("ca-file",
                      "A PEM file of CAs to trust for this server on this machine (empty: the "
                      "system's).",
                      "PEM"),
          valueOption("reminder-minutes",
                      "Remind attendees this many minutes before a meeting (0: off; default 1440).",
                      "N"),
          valueOption("admin-notices", "Mail the admin about new requests and cancellations.",
                      "on|off")},
         forAdmin(setMail),
         {}},
        {QStringLiteral("mail show"),
         {},
         0,
         QStringLiteral("The e-mail settings (never the password: only whether one is stored)"),
         {},
         forAdmin(showMail),
         {}},
        {QStringLiteral("mail test"),
         {},
         0,
         QStringLiteral("Send a test message with the stored settings: --to ADDRESS"),
         {valueOption("to", "Where to send the test message.", "ADDRESS")},
         forAdmin(testMail),
         {}},
        {QStringLiteral("mail queue"),
         {},
         0,
         QStringLiteral("The mails still owed and the ones that failed, with their last error"),
         {},
         forAdmin(queueMail),
         {}},
        {QStringLiteral("mail retry"),
         QStringLiteral("ID"),
         1,
         QStringLiteral("Send a failed or waiting mail again now (its id from mail queue)"),
         {},
         forAdmin(retryMail),
         QStringLiteral("The mail's id, as mail queue lists it.")},
    };
}

} // namespace slotdesk::cli
