#include "mail/SmtpSettings.h"

#include <QHostAddress>

namespace slotdesk::mail {

QString toText(SmtpSecurity security) {
    switch (security) {
    case SmtpSecurity::ImplicitTls:
        return QStringLiteral("tls");
    case SmtpSecurity::StartTls:
        return QStringLiteral("starttls");
    case SmtpSecurity::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<SmtpSecurity> smtpSecurityFromString(const QString& text) {
    for (const auto security :
         {SmtpSecurity::ImplicitTls, SmtpSecurity::StartTls, SmtpSecurity::None})
        if (text == toText(security))
            return security;
    return std::nullopt;
}

bool isLoopbackHost(const QString& host) {
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status SmtpSettings::check() const {
    if (host.isEmpty())
        return Error::validation(QStringLiteral("host"),
                                 QStringLiteral("The SMTP host is required"));
    for (const QChar c : host)
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'.' && c != u'-' && c != u':')
            return Error::validation(
                QStringLiteral("host"),
                QStringLiteral("host is not a host name or address: %1").arg(displayValue(host)));
    if (port < 1 || port > 65535)
        return Error::validation(QStringLiteral("port"),
                                 QStringLiteral("port must be between 1 and 65535"));
    if (security == SmtpSecurity::None && !isLoopbackHost(host))
        return Error::validation(
            QStringLiteral("security"),
            QStringLiteral("SMTP without TLS is only allowed to this machine (localhost); "
                           "use tls or starttls for %1")
                .arg(displayValue(host)));
    return success();
}

} // namespace slotdesk::mail
