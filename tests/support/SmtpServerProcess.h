#pragma once
// SmtpServerProcess: a real SMTP server (tests/support/smtp_server.py on Debian's python3-aiosmtpd)
// on 127.0.0.1 and a free port, for the mail suites: implicit TLS, STARTTLS or plain, AUTH with
// one fixed user, a throwaway self-signed certificate made with openssl, scriptable faults, and
// every message it accepts kept as a file the test reads back. Stopping and starting it again
// keeps the messages and the certificate (a server that goes down and comes back).

#include "domain/Entities.h"
#include "mail/SmtpSettings.h"
#include "support/ListeningProcess.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace slotdesk::test {

class SmtpServerProcess {
public:
    struct Options {
        mail::SmtpSecurity security = mail::SmtpSecurity::None;
        QString user; // empty: no AUTH
        QString password;
        int failRcpt = 0;   // the next N RCPT get 451
        int failData = 0;   // the next N DATA get 452
        QStringList reject; // RCPT TO these gets 550

        // `security` with AUTH as `user`.
        static Options withLogin(mail::SmtpSecurity security, const QString& user,
                                 const QString& password) {
            Options options;
            options.security = security;
            options.user = user;
            options.password = password;
            return options;
        }
    };
    struct Received {
        QByteArray data;      // the message as received
        QJsonObject envelope; // {"mail_from", "rcpt_tos", "login"}
    };

    // Everything (certificate, messages, logs) lives under `directory`, which must exist.
    explicit SmtpServerProcess(QString directory);

    // Starts the server and waits until it listens; false (with the reason in errorText()) if it
    // cannot. A TLS mode makes the certificate first if there is none.
    bool start(const Options& options);
    void stop() { m_server.stop(); }
    [[nodiscard]] bool isRunning() const { return m_server.isRunning(); }
    [[nodiscard]] quint16 port() const { return m_server.port(); }
    [[nodiscard]] QString errorText() const {
        return m_error.isEmpty() ? m_server.errorText() : m_error;
    }

    // The self-signed certificate the server presents (for 127.0.0.1 and localhost): the CA file
    // a client must be given to trust it.
    [[nodiscard]] QString certificateFile() const;
    // Settings that reach this server: host 127.0.0.1, its port and security, the user, and
    // the certificate as the CA file when the server speaks TLS.
    [[nodiscard]] mail::SmtpSettings settings() const;
    // `userId`'s mail settings (as the admin saves them) for this server, from
    // bookings@example.org ("Alice's bookings"); the password is the keychain's business.
    [[nodiscard]] MailSettings mailSettings(const QString& userId) const;

    // Replaces the fault counters and rejected addresses of the running server.
    // Where the messages (and the server's marker files) are stored.
    [[nodiscard]] QString messageDirectory() const { return m_messageDirectory; }
    // `stallDataSeconds` > 0: the next DATA hangs that long, then gets 451.
    bool setFaults(int failRcpt, int failData, const QStringList& reject = {},
                   double stallDataSeconds = 0);
    // The messages received so far, oldest first.
    [[nodiscard]] QList<Received> messages() const;

private:
    bool makeCertificate();

    QString m_directory;
    QString m_messageDirectory;
    Options m_options;
    ListeningProcess m_server; // its output in DIRECTORY/server.log, over every run
    QString m_error;           // before the server runs
};

} // namespace slotdesk::test
