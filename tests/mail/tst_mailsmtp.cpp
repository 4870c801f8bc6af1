// SmtpSender against a real SMTP server on 127.0.0.1 (tests/support/smtp_server.py on aiosmtpd):
// implicit TLS, STARTTLS and plain loopback, AUTH, certificate verification, and how each kind of
// failure is classified — 4xx and an unreachable server are transient, 5xx and configuration
// faults permanent — with the server's words and never the password.

#include "mail/MimeWriter.h"
#include "mail/SmtpSender.h"
#include "support/SmtpServerProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::mail;

Q_DECLARE_METATYPE(slotdesk::mail::SmtpSecurity)

namespace {

const QString kUser = QStringLiteral("slotdesk@example.org");
const QString kPassword = QStringLiteral("s3cret pässwörd!");

class FixedPassword : public PasswordSource {
public:
    explicit FixedPassword(QString password)
        : m_password(std::move(password)) {}
    Result<QString> password(const QString&) const override { return m_password; }

private:
    QString m_password;
};

class NoPassword : public PasswordSource {
public:
    Result<QString> password(const QString&) const override {
        return Error{ErrorCode::NotFound, QStringLiteral("The keychain is locked"), {}};
    }
};

QByteArray message(const QString& to = QStringLiteral("zoe@example.com")) {
    MailMessage m;
    m.from = {QStringLiteral("Jürgen"), QStringLiteral("bookings@example.org")};
    m.to = {{QStringLiteral("Zoë"), to}};
    m.subject = QStringLiteral("Grüße");
    m.text = QStringLiteral("Hallo\n");
    return *MimeWriter::render(m);
}

} // namespace

class TestMailSmtp : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::SmtpServerProcess> m_server;
    QByteArray m_lastSent; // the bytes of the last message handed to SmtpSender

    SendResult send(const SmtpSettings& settings, const PasswordSource* passwords,
                    const QString& to = QStringLiteral("zoe@example.com")) {
        m_lastSent = message(to); // a fresh MIME boundary each time
        const SendResult result =
            SmtpSender(settings, passwords)
                .send(QStringLiteral("bookings@example.org"), {to}, m_lastSent);
        // Whatever happened, the password is not in what the admin is shown.
        [&] { QVERIFY2(!result.detail.contains(kPassword), qPrintable(result.detail)); }();
        return result;
    }

    void startServer(const test::SmtpServerProcess::Options& options) {
        QVERIFY2(m_server->start(options), qPrintable(m_server->errorText()));
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<test::SmtpServerProcess>(m_dir->path());
    }
    void cleanup() {
        m_server.reset();
        m_dir.reset();
    }

    void deliversWithEachSecurity_data() {
        QTest::addColumn<SmtpSecurity>("security");
        QTest::addColumn<bool>("auth");
        QTest::addRow("implicit TLS + AUTH") << SmtpSecurity::ImplicitTls << true;
        QTest::addRow("STARTTLS + AUTH") << SmtpSecurity::StartTls << true;
        QTest::addRow("STARTTLS, no AUTH") << SmtpSecurity::StartTls << false;
        QTest::addRow("plain loopback + AUTH") << SmtpSecurity::None << true;
        QTest::addRow("plain loopback, no AUTH") << SmtpSecurity::None << false;
    }
    void deliversWithEachSecurity() {
        QFETCH(SmtpSecurity, security);
        QFETCH(bool, auth);
        test::SmtpServerProcess::Options options;
        options.security = security;
        if (auth) {
            options.user = kUser;
            options.password = kPassword;
        }
        startServer(options);
        const FixedPassword password(kPassword);
        const SendResult result = send(m_server->settings(), &password);
        QVERIFY2(result.sent(), qPrintable(result.detail));
        QCOMPARE(result.outcome, SendOutcome::Sent);
        const auto received = m_server->messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().data, m_lastSent);
        QCOMPARE(received.first().envelope.value("mail_from").toString(),
                 QString("bookings@example.org"));
        QCOMPARE(received.first().envelope.value("rcpt_tos").toArray(),
                 QJsonArray{"zoe@example.com"});
        QCOMPARE(received.first().envelope.value("login").toString(), auth ? kUser : QString());
    }

    void untrustedCertificateIsRefusedUnlessItsCaIsGiven_data() {
        QTest::addColumn<SmtpSecurity>("security");
        QTest::addRow("implicit TLS") << SmtpSecurity::ImplicitTls;
        QTest::addRow("STARTTLS") << SmtpSecurity::StartTls;
    }
    void untrustedCertificateIsRefusedUnlessItsCaIsGiven() {
        QFETCH(SmtpSecurity, security);
        startServer(test::SmtpServerProcess::Options::withLogin(security, kUser, kPassword));
        const FixedPassword password(kPassword);
        SmtpSettings settings = m_server->settings();
        settings.caFile.clear(); // the system's CAs: they don't know this self-signed one
        const SendResult refused = send(settings, &password);
        QCOMPARE(refused.outcome, SendOutcome::Permanent);
        QVERIFY2(refused.detail.contains("certificate", Qt::CaseInsensitive),
                 qPrintable(refused.detail));
        QVERIFY(m_server->messages().isEmpty());
        QVERIFY(send(m_server->settings(), &password).sent());
        QCOMPARE(m_server->messages().size(), 1);
    }

    void startTlsIsRequiredNotOptional() {
        // A server that offers no STARTTLS (or a man in the middle stripping it): nothing is
        // sent in clear text.
        startServer(
            test::SmtpServerProcess::Options::withLogin(SmtpSecurity::None, kUser, kPassword));
        SmtpSettings settings = m_server->settings();
        settings.security = SmtpSecurity::StartTls;
        const FixedPassword password(kPassword);
        const SendResult result = send(settings, &password);
        QCOMPARE(result.outcome, SendOutcome::Permanent);
        QVERIFY(m_server->messages().isEmpty());
    }

    void plainTextOnlyToLoopback() {
        SmtpSettings settings;
        settings.host = QStringLiteral("smtp.example.org");
        settings.port = 25;
        settings.security = SmtpSecurity::None;
        const auto checked = settings.check();
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().field, QString("security"));
        const SendResult result = send(settings, nullptr);
        QCOMPARE(result.outcome, SendOutcome::Permanent);
        QVERIFY2(result.detail.contains("localhost"), qPrintable(result.detail));
        for (const char* host : {"localhost", "127.0.0.1", "127.8.9.10", "::1"}) {
            settings.host = QString::fromLatin1(host);
            QVERIFY2(settings.check().ok(), host);
        }
        for (const char* host : {"10.0.0.1", "::ffff:10.0.0.1", "localhost.example.org"}) {
            settings.host = QString::fromLatin1(host);
            QVERIFY2(!settings.check().ok(), host);
        }
    }

    void wrongPasswordIsPermanentAndNotEchoed() {
        test::SmtpServerProcess::Options options;
        options.security = SmtpSecurity::StartTls;
        options.user = kUser;
        options.password = QStringLiteral("the right one");
        startServer(options);
        const FixedPassword password(kPassword);
        const SendResult result = send(m_server->settings(), &password);
        QCOMPARE(result.outcome, SendOutcome::Permanent);
        QCOMPARE(result.replyCode, 535);
        QVERIFY(m_server->messages().isEmpty());
    }

    void missingPasswordIsPermanent() {
        test::SmtpServerProcess::Options options;
        options.security = SmtpSecurity::StartTls;
        options.user = kUser;
        options.password = kPassword;
        startServer(options);
        const NoPassword none;
        const SendResult result = send(m_server->settings(), &none);
        QCOMPARE(result.outcome, SendOutcome::Permanent);
        QVERIFY2(result.detail.contains("keychain is locked"), qPrintable(result.detail));
        QCOMPARE(send(m_server->settings(), nullptr).outcome, SendOutcome::Permanent);
        QVERIFY(m_server->messages().isEmpty());
    }

    void temporaryRefusalsAreTransient_data() {
        QTest::addColumn<int>("failRcpt");
        QTest::addColumn<int>("failData");
        QTest::addColumn<int>("code");
        QTest::addRow("451 at RCPT") << 1 << 0 << 451;
        QTest::addRow("452 at DATA") << 0 << 1 << 452;
    }
    void temporaryRefusalsAreTransient() {
        QFETCH(int, failRcpt);
        QFETCH(int, failData);
        QFETCH(int, code);
        test::SmtpServerProcess::Options options;
        options.security = SmtpSecurity::StartTls;
        options.failRcpt = failRcpt;
        options.failData = failData;
        startServer(options);
        const SendResult first = send(m_server->settings(), nullptr);
        QCOMPARE(first.outcome, SendOutcome::Transient);
        QCOMPARE(first.replyCode, code);
        QVERIFY2(first.detail.startsWith(QString::number(code)), qPrintable(first.detail));
        QVERIFY(m_server->messages().isEmpty());
        // The next attempt gets through, once.
        QVERIFY(send(m_server->settings(), nullptr).sent());
        QCOMPARE(m_server->messages().size(), 1);
    }

    void unknownRecipientIsPermanent() {
        test::SmtpServerProcess::Options options;
        options.security = SmtpSecurity::ImplicitTls;
        options.reject = {QStringLiteral("nobody@example.com")};
        startServer(options);
        const SendResult result =
            send(m_server->settings(), nullptr, QStringLiteral("nobody@example.com"));
        QCOMPARE(result.outcome, SendOutcome::Permanent);
        QCOMPARE(result.replyCode, 550);
        QVERIFY2(result.detail.contains("User unknown"), qPrintable(result.detail));
        // Faults can change while the server runs: now the address is fine, the next DATA not.
        QVERIFY(m_server->setFaults(0, 1));
        QCOMPARE(send(m_server->settings(), nullptr, QStringLiteral("nobody@example.com")).outcome,
                 SendOutcome::Transient);
        QVERIFY(send(m_server->settings(), nullptr, QStringLiteral("nobody@example.com")).sent());
        QCOMPARE(m_server->messages().size(), 1);
    }

    void serverDownIsTransient() {
        test::SmtpServerProcess::Options options;
        options.security = SmtpSecurity::StartTls;
        startServer(options);
        const SmtpSettings settings = m_server->settings();
        m_server->stop();
        const SendResult result = send(settings, nullptr);
        QCOMPARE(result.outcome, SendOutcome::Transient);
        QCOMPARE(result.replyCode, 0);
        QVERIFY2(result.detail.contains(QString::number(settings.port)), qPrintable(result.detail));
    }
};

QTEST_GUILESS_MAIN(TestMailSmtp)
#include "tst_mailsmtp.moc"
