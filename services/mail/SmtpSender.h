#pragma once
// SmtpSender: hands one rendered message to the admin's SMTP server through libcurl — implicit
// TLS or STARTTLS with the certificate verified (against the system's CAs, or a given CA file),
// AUTH (PLAIN/LOGIN, whatever the server offers) when a user name is set, and timeouts. It
// blocks until the server has answered: call it off the GUI thread.
//
// The outcome says what to do next: Sent; Transient (connection refused or lost, a timeout, a
// 4xx reply — try again later); Permanent (a 5xx reply, a refused login, a certificate that is
// not trusted, a bad address — trying again will not help). `detail` carries the server's last
// reply or the transport error, never the password.

#include "mail/PasswordSource.h"
#include "mail/SmtpSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace slotdesk::mail {

enum class SendOutcome { Sent, Transient, Permanent };
QString toText(SendOutcome outcome); // "sent", "transient", "permanent"

struct SendResult {
    SendOutcome outcome = SendOutcome::Permanent;
    int replyCode = 0; // the server's last SMTP reply code, 0 if none
    QString detail;    // one line, for the admin

    [[nodiscard]] bool sent() const { return outcome == SendOutcome::Sent; }
};

class SmtpSender {
public:
    // `passwords` is asked for `userId`'s password only when settings.username is set; it must
    // outlive the sender.
    explicit SmtpSender(SmtpSettings settings, const PasswordSource* passwords = nullptr,
                        QString userId = {});

    // Sends `message` (RFC 5322 bytes, CRLF lines) from `envelopeFrom` to every one of
    // `recipients`; a recipient refused fails the whole send.
    [[nodiscard]] SendResult send(const QString& envelopeFrom, const QStringList& recipients,
                                  const QByteArray& message) const;

private:
    SmtpSettings m_settings;
    const PasswordSource* m_passwords;
    QString m_userId;
};

} // namespace slotdesk::mail
