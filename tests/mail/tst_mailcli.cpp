// slotdesk-cli mail set|show|test as the real binary: the settings round trip through the
// database (SQLite or PostgreSQL), bad values refused with a one-line error naming the field and
// the database left as it was, and a real test message through a real SMTP server (STARTTLS +
// AUTH) with the password from the real keychain of this D-Bus session. The password must
// appear nowhere but there: not in the database file, the settings file, or anything printed.

#include "mail/KeychainPasswordSource.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "support/MailInspection.h"
#include "support/SecretScan.h"
#include "support/SmtpServerProcess.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "support/TestKeychain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

const QString kUser = QStringLiteral("mailer");
const QString kPassword = QStringLiteral("s3cret-Pässwörd_42");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestMailCli : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<QTemporaryDir> m_dir; // the settings file and the SMTP server's files
    std::unique_ptr<test::SmtpServerProcess> m_server;
    QString m_printed; // everything the CLI printed in this test

    Run cli(const QStringList& arguments, const QByteArray& stdinData = {}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SLOTDESK_CLI_PATH), m_tdb->cliArguments() + arguments);
        process.write(stdinData);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {};
        Run r{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
              QString::fromUtf8(process.readAllStandardOutput()),
              QString::fromUtf8(process.readAllStandardError())};
        m_printed += r.out + r.err;
        return r;
    }
    QString configDir() const { return m_dir->filePath(QStringLiteral("config")); }
    QByteArray digest() const {
        return test::usingPostgres()
                   ? m_tdb->contentDigest()
                   : test::fileDigest(m_tdb->dataDir() + QStringLiteral("/slotdesk.sqlite"));
    }
    void initAdmin() {
        const Run r = cli({"init", "--username", "alice", "--name", "Alice Admin", "--email",
                           "alice@example.org", "--timezone", "Europe/Berlin"});
        QCOMPARE(r.exitCode, 0);
    }
    QString adminId() {
        auto db = m_tdb->open();
        if (!db)
            return {};
        QSqlQuery q((*db)->connection());
        q.exec(QStringLiteral("SELECT id FROM users"));
        return q.next() ? q.value(0).toString() : QString();
    }
    void startServer() {
        QVERIFY2(m_server->start(test::SmtpServerProcess::Options::withLogin(
                     mail::SmtpSecurity::StartTls, kUser, kPassword)),
                 qPrintable(m_server->errorText()));
    }
    // `mail set` for the test server, with `password` on standard input (none: no option).
    Run setForServer(const QString& password, bool trustCertificate = true) {
        QStringList args{"mail",        "set",
                         "--host",      "127.0.0.1",
                         "--port",      QString::number(m_server->port()),
                         "--security",  "starttls",
                         "--username",  kUser,
                         "--from",      "bookings@example.org",
                         "--from-name", "Alice's Bookings"};
        args << "--ca-file" << (trustCertificate ? m_server->certificateFile() : QString());
        if (password.isNull())
            return cli(args);
        args << "--password-stdin";
        return cli(args, password.toUtf8() + '\n');
    }
    QJsonObject shown() {
        const Run r = cli({"mail", "show", "--json"});
        [&] { QCOMPARE(r.exitCode, 0); }();
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value("mail").toObject();
    }
private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        m_tdb = std::make_unique<test::TestDatabase>();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<test::SmtpServerProcess>(m_dir->path());
        m_printed.clear();
        initAdmin();
    }
    void cleanup() {
        if (m_tdb) {
            const QString id = adminId();
            if (!id.isEmpty())
                QVERIFY(mail::KeychainPasswordSource().remove(id));
        }
        m_server.reset();
        m_dir.reset();
        m_tdb.reset();
    }

    void commandsHaveTheirHelp() {
        const Run help = cli({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"mail set", "mail show", "mail test"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run setHelp = cli({"mail", "set", "--help"});
        QCOMPARE(setHelp.exitCode, 0);
        for (const char* option : {"--host", "--security", "--password-stdin", "--ca-file",
                                   "--reminder-minutes", "--admin-notices"})
            QVERIFY2(setHelp.out.contains(QLatin1String(option)), option);
    }

    void setAndShowRoundTrip() {
        const Run before = cli({"mail", "show"});
        QCOMPARE(before.exitCode, 0);
        QVERIFY2(before.out.contains("not set up"), qPrintable(before.out));

        const Run set = cli({"mail", "set", "--host", "smtp.example.org", "--security", "tls",
                             "--username", "alice@example.org", "--from", "bookings@example.org",
                             "--from-name", "Alice Bookings", "--reminder-minutes", "60",
                             "--admin-notices", "off", "--password-stdin"},
                            kPassword.toUtf8() + '\n');
        QCOMPARE(set.exitCode, 0);
        QVERIFY2(set.err.isEmpty(), qPrintable(set.err));
        QJsonObject mail = shown();
        QCOMPARE(mail.value("host").toString(), QString("smtp.example.org"));
        QCOMPARE(mail.value("port").toInt(), 465); // tls's port when none is given
        QCOMPARE(mail.value("security").toString(), QString("tls"));
        QCOMPARE(mail.value("username").toString(), QString("alice@example.org"));
        QCOMPARE(mail.value("fromAddress").toString(), QString("bookings@example.org"));
        QCOMPARE(mail.value("fromName").toString(), QString("Alice Bookings"));
        QCOMPARE(mail.value("reminderMinutes").toInt(), 60);
        QCOMPARE(mail.value("adminNotices").toBool(), false);
        QCOMPARE(mail.value("passwordStored").toBool(), true);
        QVERIFY(!mail.contains("password"));
        QCOMPARE(*mail::KeychainPasswordSource().password(adminId()), kPassword);

        // A later set changes only what it names; the password stays.
        QCOMPARE(cli({"mail", "set", "--port", "2465", "--reminder-minutes", "0"}).exitCode, 0);
        mail = shown();
        QCOMPARE(mail.value("port").toInt(), 2465);
        QCOMPARE(mail.value("reminderMinutes").toInt(), 0);
        QCOMPARE(mail.value("host").toString(), QString("smtp.example.org"));
        QCOMPARE(mail.value("passwordStored").toBool(), true);
        const Run text = cli({"mail", "show"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("smtp.example.org:2465 (tls)"));
        QVERIFY(text.out.contains("Password: stored in the system keychain"));
        QVERIFY(text.out.contains("Reminder: off"));

        QCOMPARE(cli({"mail", "set", "--forget-password"}).exitCode, 0);
        QCOMPARE(shown().value("passwordStored").toBool(), false);
        QVERIFY(!m_printed.contains(kPassword));
    }

    void badValuesAreRefusedAndChangeNothing_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        QTest::addRow("port not a number") << QStringList{"--port", "abc"} << "port";
        QTest::addRow("port out of range") << QStringList{"--port", "70000"} << "port";
        QTest::addRow("unknown security") << QStringList{"--security", "ssl"} << "security";
        QTest::addRow("no TLS to another host") << QStringList{"--security", "none"} << "security";
        QTest::addRow("host with a space") << QStringList{"--host", "smtp example"} << "host";
        QTest::addRow("bad from address") << QStringList{"--from", "not-an-address"} << "from";
        QTest::addRow("negative reminder")
            << QStringList{"--reminder-minutes", "-5"} << "reminder-minutes";
        QTest::addRow("reminder over a week")
            << QStringList{"--reminder-minutes", "20000"} << "reminder-minutes";
        QTest::addRow("admin notices not on/off")
            << QStringList{"--admin-notices", "maybe"} << "admin-notices";
        QTest::addRow("missing CA file")
            << QStringList{"--ca-file", "/nonexistent/ca.pem"} << "ca-file";
        QTest::addRow("empty password") << QStringList{"--password-stdin"} << "password";
    }
    void badValuesAreRefusedAndChangeNothing() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QCOMPARE(
            cli({"mail", "set", "--host", "smtp.example.org", "--from", "bookings@example.org"})
                .exitCode,
            0);
        const QByteArray before = digest();
        const Run r = cli(QStringList{"mail", "set"} + arguments, "\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("slotdesk-cli: %1: ").arg(field)),
                 qPrintable(r.err));
        QCOMPARE(digest(), before);
        QCOMPARE(shown().value("passwordStored").toBool(), false);
    }

    void testMessageGoesThroughStartTlsWithTheKeychainPassword() {
        startServer();
        QCOMPARE(setForServer(kPassword).exitCode, 0);
        const Run r = cli({"mail", "test", "--to", "zoe@example.com"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("250"), qPrintable(r.out)); // the server's answer
        const auto received = m_server->messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().envelope.value("login").toString(), kUser);
        QCOMPARE(received.first().envelope.value("mail_from").toString(),
                 QString("bookings@example.org"));
        QCOMPARE(received.first().envelope.value("rcpt_tos").toArray(),
                 QJsonArray{"zoe@example.com"});
        const test::Inspection mail = test::inspectMail(received.first().data);
        QVERIFY2(mail.ok(), qPrintable(mail.error));
        QCOMPARE(mail.report.value("subject").toString(), QString("SlotDesk test message"));
        const QJsonObject from = mail.report.value("from").toArray().first().toObject();
        QCOMPARE(from.value("name").toString(), QString("Alice's Bookings"));
        QCOMPARE(from.value("address").toString(), QString("bookings@example.org"));

        // The password is in the keychain only.
        QVERIFY(!m_printed.contains(kPassword));
        QVERIFY(!QString::fromUtf8(received.first().data).contains(kPassword));
        // Whatever the CLI keeps in its configuration folder (it may keep nothing).
        QVERIFY(test::scanForSecret(configDir(), kPassword).filesWithSecret.isEmpty());
        if (test::usingPostgres()) {
            auto db = m_tdb->open();
            QVERIFY(db);
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM mail_settings")));
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    QVERIFY(!q.value(i).toString().contains(kPassword));
        } else {
            SLOTDESK_VERIFY_NO_SECRET_IN(m_tdb->dataDir(),
                                         kPassword); // slotdesk.sqlite and its -wal
        }
    }

    void testFailsCleanly_data() {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("trustCertificate");
        QTest::addColumn<QString>("expected");
        QTest::addRow("wrong password") << "wrong-password" << true << "permanent";
        QTest::addRow("untrusted certificate") << kPassword << false << "permanent";
        QTest::addRow("no password stored") << QString() << true << "permanent";
    }
    void testFailsCleanly() {
        QFETCH(QString, password);
        QFETCH(bool, trustCertificate);
        QFETCH(QString, expected);
        startServer();
        QCOMPARE(setForServer(password, trustCertificate).exitCode, 0);
        const Run r = cli({"mail", "test", "--to", "zoe@example.com"});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(m_server->messages().isEmpty());
        QVERIFY(!m_printed.contains(kPassword));
    }

    void testNeedsSettingsAndAnAddress() {
        const Run unset = cli({"mail", "test", "--to", "zoe@example.com"});
        QCOMPARE(unset.exitCode, 1);
        QVERIFY2(unset.err.contains("not set up"), qPrintable(unset.err));
        QCOMPARE(
            cli({"mail", "set", "--host", "smtp.example.org", "--from", "bookings@example.org"})
                .exitCode,
            0);
        const Run bad = cli({"mail", "test", "--to", "nobody"});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.startsWith("slotdesk-cli: to: "), qPrintable(bad.err));
    }

    // `mail queue` lists what is owed or failed with the last error; `mail retry` owes a failed
    // mail again (attempts from zero) and refuses an id that is not this admin's failed mail.
    void queueListsAndRetryOwesAgain() {
        QString failedId;
        {
            auto db = m_tdb->open();
            QVERIFY(db);
            const QString userId = adminId();
            const Booking booking =
                test::seedBooking(**db, userId, test::utc("2027-03-01T09:00:00Z"));
            storage::MailOutboxRepository outbox((*db)->connection());
            for (const char* kind : {"approved", "rejected"}) {
                storage::MailOutboxEntry entry;
                entry.userId = userId;
                entry.bookingId = booking.id;
                entry.kind = QString::fromLatin1(kind);
                entry.recipient = booking.attendeeEmail;
                entry.language = QStringLiteral("en");
                entry.idempotencyKey = booking.id + QLatin1Char(':') + entry.kind;
                entry.nextAttemptAt = test::utc("2027-01-01T00:00:00Z");
                QVERIFY(*outbox.enqueue(entry));
            }
            // The first due one fails for good, as a 5xx answer would leave it.
            const auto claimed =
                outbox.claimNext(QStringLiteral("test"), test::utc("2027-01-01T00:00:00Z"),
                                 test::utc("2027-01-01T00:10:00Z"));
            QVERIFY(claimed && claimed->has_value());
            failedId = (*claimed)->id;
            QVERIFY(*outbox.markFailed(failedId, QStringLiteral("test"), 1,
                                       QStringLiteral("550 5.1.1 mailbox unavailable")));
        }
        const Run queue = cli({"mail", "queue", "--json"});
        QCOMPARE(queue.exitCode, 0);
        const QJsonArray mails =
            QJsonDocument::fromJson(queue.out.toUtf8()).object().value("mails").toArray();
        QCOMPARE(mails.size(), 2);
        QJsonObject failed;
        for (const auto& m : mails)
            if (m.toObject().value("id").toString() == failedId)
                failed = m.toObject();
        QCOMPARE(failed.value("status").toString(), QString("failed"));
        QCOMPARE(failed.value("lastError").toString(), QString("550 5.1.1 mailbox unavailable"));
        QCOMPARE(failed.value("recipient").toString(), QString("bob@example.com"));
        const Run text = cli({"mail", "queue"});
        QVERIFY2(text.out.contains("550 5.1.1 mailbox unavailable"), qPrintable(text.out));

        const QByteArray before = digest();
        const Run unknown = cli({"mail", "retry", "no-such-mail"});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.count(u'\n'), 1);
        QCOMPARE(digest(), before);

        const Run retried = cli({"mail", "retry", failedId});
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.err));
        const QJsonArray after =
            QJsonDocument::fromJson(cli({"mail", "queue", "--json"}).out.toUtf8())
                .object()
                .value("mails")
                .toArray();
        for (const auto& m : after)
            if (m.toObject().value("id").toString() == failedId) {
                QCOMPARE(m.toObject().value("status").toString(), QString("owed"));
                QCOMPARE(m.toObject().value("attempts").toInt(), 0);
            }
    }
};

QTEST_GUILESS_MAIN(TestMailCli)
#include "tst_mailcli.moc"
