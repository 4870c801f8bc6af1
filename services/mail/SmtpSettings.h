#pragma once
// SmtpSettings: how to reach the admin's SMTP server. No password: that comes from a
// PasswordSource (the OS keychain), never from here or the database.

#include "core/Result.h"

#include <QString>

#include <optional>

namespace slotdesk::mail {

enum class SmtpSecurity {
    ImplicitTls, // TLS from the first byte (smtps, usually port 465)
    StartTls,    // plain connect, then STARTTLS required before anything else (usually 587)
    None,        // no TLS at all: refused unless the host is loopback
};

QString toText(SmtpSecurity security); // "tls", "starttls", "none"
std::optional<SmtpSecurity> smtpSecurityFromString(const QString& text);

struct SmtpSettings {
    QString host;
    int port = 587;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString username; // empty: no AUTH
    // A PEM file of CAs to trust instead of the system's (a self-hosted server's own CA, tests).
    QString caFile;
    int connectTimeoutSeconds = 20;
    int timeoutSeconds = 60; // the whole transaction

    // Host, port and security together: a validation error naming the field.
    [[nodiscard]] Status check() const;
};

// Whether `host` is this machine: "localhost", 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QString& host);

} // namespace slotdesk::mail
