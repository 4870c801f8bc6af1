// Who delivers the outbox, with real processes: `slotdesk-cli serve` (its MailDelivery worker),
// a real SMTP server (aiosmtpd, STARTTLS + AUTH), the SMTP password in the real keychain of this
// D-Bus session, and the database on SQLite or PostgreSQL. A booking requested through the HTTP
// endpoint, approved through `slotdesk-cli bookings approve` and cancelled by the attendee
// through the HTTP API reaches the SMTP server as mails, each once; an SMTP server that is down
// leaves the mail owed until it is back; two serve processes on one database send each mail once.

#include "mail/KeychainPasswordSource.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
#include "support/MailInspection.h"
#include "support/SeededSuite.h"
#include "support/ServerProcess.h"
#include "support/SmtpServerProcess.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "support/TestKeychain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace slotdesk;

namespace {

const QString kUser = QStringLiteral("mailer");
const QString kPassword = QStringLiteral("delivery-pässword-7");
const QString kAttendee = QStringLiteral("zoe@example.com");
constexpr int kMailTimeoutMs = 90000; // generous: ASan, a loaded machine

struct Reply {
    int status = 0;
    QJsonObject json;
};

// One HTTP/1.1 request to 127.0.0.1:`port`, the connection closed after the answer.
Reply httpPost(quint16 port, const QString& target, const QJsonObject& body) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(30000))
        return {};
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    socket.write("POST " + target.toUtf8() +
                 " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                 QByteArray::number(payload.size()) + "\r\n\r\n" + payload);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(60000))
        answer += socket.readAll();
    answer += socket.readAll();
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 ") || headEnd < 0)
        return {};
    return {answer.mid(9, 3).toInt(), QJsonDocument::fromJson(answer.mid(headEnd + 4)).object()};
}

} // namespace

class TestMailDelivery : public test::SeededSuite {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::SmtpServerProcess> m_smtp;
    int m_serves = 0;
    int m_slotsTaken = 0;

    std::unique_ptr<test::ServerProcess> startServe() {
        auto serve = std::make_unique<test::ServerProcess>(
            QStringLiteral(SLOTDESK_CLI_PATH), m_tdb->cliArguments(),
            m_dir->filePath(QStringLiteral("serve-%1").arg(++m_serves)));
        if (!serve->start()) {
            qWarning().noquote() << "serve did not start:" << serve->output() << serve->errors();
            return {};
        }
        return serve;
    }
    void startSmtp() {
        QVERIFY2(m_smtp->start(test::SmtpServerProcess::Options::withLogin(
                     mail::SmtpSecurity::StartTls, kUser, kPassword)),
                 qPrintable(m_smtp->errorText()));
    }
    // The admin's mail settings for the test SMTP server, the password in the keychain only.
    void configureMail() {
        QVERIFY(storage::MailSettingsRepository(m_db->connection())
                    .save(m_smtp->mailSettings(m_admin.id))
                    .ok());
        QVERIFY(mail::KeychainPasswordSource().store(m_admin.id, kPassword).ok());
    }
    // A slot three days ahead of the real clock (serve reads it), so no reminder is due yet.
    QDateTime nextSlot() {
        const QDateTime day =
            QDateTime(QDateTime::currentDateTimeUtc().date().addDays(3), QTime(9, 0), Qt::UTC);
        return day.addSecs(3600 * qint64(m_slotsTaken++));
    }
    // Requests a booking through `serve`'s endpoint: its id and manage token.
    std::pair<QString, QString> book(const test::ServerProcess& serve) {
        const QJsonObject body{{QStringLiteral("start"), nextSlot().toString(Qt::ISODate)},
                               {QStringLiteral("duration"), 30},
                               {QStringLiteral("name"), QStringLiteral("Zoë Example")},
                               {QStringLiteral("email"), kAttendee},
                               {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}};
        const Reply reply =
            httpPost(serve.port(), QStringLiteral("/api/v1/users/alice/bookings"), body);
        if (reply.status != 201) {
            qWarning() << "booking request answered" << reply.status << reply.json;
            return {};
        }
        const QUrl manage(reply.json.value(QStringLiteral("manageUrl")).toString());
        return {reply.json.value(QStringLiteral("id")).toString(),
                QUrlQuery(manage).queryItemValue(QStringLiteral("token"))};
    }
    int cli(const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(SLOTDESK_CLI_PATH), m_tdb->cliArguments() + arguments);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
            return -1;
        if (process.exitCode() != 0)
            qWarning() << process.readAllStandardError();
        return process.exitCode();
    }
    // Stops `serve` with SIGTERM: whether it ended cleanly (its stderr logged if not).
    static bool stopped(test::ServerProcess& serve) {
        const int code = serve.stop();
        if (code != 0)
            qWarning().noquote() << "serve ended with" << code << serve.errors();
        return code == 0;
    }
    int received() const { return int(m_smtp->messages().size()); }
    // Message-IDs of everything the SMTP server received, and whether any came twice.
    QStringList messageIds() const {
        QStringList ids;
        for (const auto& message : m_smtp->messages())
            ids << test::inspectMail(message.data)
                       .report.value(QStringLiteral("message_id"))
                       .toString();
        return ids;
    }
    QVector<storage::MailOutboxEntry> unsent() const {
        return *storage::MailOutboxRepository(m_db->connection()).listUnsent(m_admin.id);
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
        QVERIFY(openSeeded(QStringLiteral("alice"), QStringLiteral("UTC")));
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, QStringLiteral("UTC")));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_smtp = std::make_unique<test::SmtpServerProcess>(m_dir->path());
        m_slotsTaken = 0;
        startSmtp();
        configureMail();
    }
    void cleanup() {
        if (m_db && !m_admin.id.isEmpty())
            QVERIFY(mail::KeychainPasswordSource().remove(m_admin.id).ok());
        m_smtp.reset();
        m_dir.reset();
        closeSeeded();
    }

    void requestApproveCancelThroughRealProcesses() {
        auto serve = startServe();
        QVERIFY(serve);
        const auto [id, token] = book(*serve);
        QVERIFY(!id.isEmpty() && !token.isEmpty());
        // The attendee's "request received" and the admin's notice.
        QTRY_COMPARE_WITH_TIMEOUT(received(), 2, kMailTimeoutMs);

        // Approved by another process: serve sees the committed change and sends the invitation.
        QCOMPARE(cli({QStringLiteral("bookings"), QStringLiteral("approve"), id}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(received(), 3, kMailTimeoutMs);

        // Cancelled by the attendee through the HTTP API: the cancellation and the admin's notice.
        const Reply cancelled = httpPost(
            serve->port(), QStringLiteral("/api/v1/bookings/%1/cancel?token=%2").arg(id, token),
            {{QStringLiteral("reason"), QStringLiteral("ill")}});
        QCOMPARE(cancelled.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(received(), 5, kMailTimeoutMs);
        QVERIFY(stopped(*serve));

        QStringList toAttendee, toAdmin, calendars;
        QString uid;
        for (const auto& message : m_smtp->messages()) {
            QCOMPARE(message.envelope.value("login").toString(), kUser);
            const auto parsed = test::inspectMail(message.data);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            const QString to = message.envelope.value("rcpt_tos").toArray().at(0).toString();
            const QString subject = parsed.report.value("subject").toString();
            (to == kAttendee ? toAttendee : toAdmin) << subject.section(u':', 0, 0);
            // The request's and the approval's mails link to the booking on this endpoint.
            const QString text =
                test::partOfType(parsed.report, "text/plain").value("content").toString();
            const bool linked = text.contains(QStringLiteral("/booking/%1?token=").arg(id));
            QCOMPARE(linked, to == kAttendee && !subject.startsWith("Cancelled"));
            const QJsonObject calendar = test::partOfType(parsed.report, "text/calendar");
            if (calendar.isEmpty())
                continue;
            const auto ics = test::inspectIcs(calendar.value("content").toString().toUtf8());
            QVERIFY2(ics.ok(), qPrintable(ics.error));
            QVERIFY(uid.isEmpty() || uid == ics.report.value("uid").toString()); // UID stable
            uid = ics.report.value("uid").toString();
            calendars << ics.report.value("method").toString() + u' ' +
                             QString::number(ics.report.value("sequence").toInt());
        }
        toAttendee.sort();
        toAdmin.sort();
        QCOMPARE(toAttendee, (QStringList{"Cancelled", "Confirmed", "Request received"}));
        QCOMPARE(toAdmin, (QStringList{"Cancelled by the attendee", "New request"}));
        QCOMPARE(uid, id + QStringLiteral("@slotdesk"));
        QCOMPARE(calendars, (QStringList{"REQUEST 1", "CANCEL 2"})); // sent in order, SEQUENCE up
        const QStringList sent = messageIds();
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), 5);
    }

    void smtpDownWhileApprovingThenBack() {
        auto serve = startServe();
        QVERIFY(serve);
        const auto [id, token] = book(*serve);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(received(), 2, kMailTimeoutMs);

        m_smtp->stop();
        QCOMPARE(cli({QStringLiteral("bookings"), QStringLiteral("approve"), id}), 0);
        // serve tried and failed: the invitation is owed, with an attempt and a reason.
        const auto approval = [this] {
            for (const auto& entry : unsent())
                if (entry.kind == QLatin1String("approved"))
                    return entry;
            return storage::MailOutboxEntry{};
        };
        QTRY_VERIFY_WITH_TIMEOUT(approval().attempts >= 1, kMailTimeoutMs);
        QCOMPARE(approval().status, QStringLiteral("owed"));
        QVERIFY(!approval().lastError.isEmpty());

        // Back up (on a new port: the settings follow it). The back-off (a minute at first) is
        // the outbox's, tested in tst_mailoutbox under a manual clock; here the retry is made
        // due now instead of waiting for it.
        startSmtp();
        configureMail();
        QSqlQuery due(m_db->connection());
        QVERIFY(due.exec(QStringLiteral("UPDATE mail_outbox SET next_attempt_at = 0 "
                                        "WHERE status = 'owed' AND kind = 'approved'")));
        QTRY_COMPARE_WITH_TIMEOUT(received(), 3, kMailTimeoutMs);
        QVERIFY(stopped(*serve));
        QCOMPARE(approval().id, QString()); // sent: only the reminder is still owed
        const auto parsed = test::inspectMail(m_smtp->messages().last().data);
        QVERIFY(parsed.report.value("subject").toString().startsWith("Confirmed"));
    }

    // kill -9 while a mail is on the wire: the mail stays claimed ("sending") under the dead
    // process's lease; once the lease has run out a new serve sends it, exactly once.
    void killedMidSendIsDeliveredOnceAfterRestart() {
        auto serve = startServe();
        QVERIFY(serve);
        QVERIFY(m_smtp->setFaults(0, 0, {}, 60)); // the next DATA hangs
        const auto [id, token] = book(*serve);
        QVERIFY(!id.isEmpty());
        const auto sending = [this] {
            for (const auto& entry : unsent())
                if (entry.status == QLatin1String("sending"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sending(), kMailTimeoutMs);
        // The server holds the mail's DATA: serve is mid-send.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_smtp->messageDirectory() + "/stalling"),
                                 kMailTimeoutMs);
        serve->stop(9); // SIGKILL: no shutdown, the lease stays
        QVERIFY(!serve->isRunning());
        QCOMPARE(received(), 0);
        QVERIFY(sending());
        // The lease (10 minutes) is made to have run out instead of waiting for it.
        QSqlQuery expire(m_db->connection());
        QVERIFY(expire.exec(
            QStringLiteral("UPDATE mail_outbox SET lease_until = 0 WHERE status = 'sending'")));

        auto again = startServe();
        QVERIFY(again);
        QTRY_COMPARE_WITH_TIMEOUT(received(), 2, kMailTimeoutMs); // the request's two mails
        QVERIFY(stopped(*again));
        QCOMPARE(received(), 2);
        const QStringList sent = messageIds();
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), 2);
        QVERIFY(!sending());
    }

    void twoServesDeliverEachMailOnce() {
        auto first = startServe();
        auto second = startServe();
        QVERIFY(first && second);
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const auto [id, token] = book(i % 2 ? *second : *first);
            QVERIFY(!id.isEmpty());
            ids << id;
        }
        for (const QString& id : ids)
            QCOMPARE(cli({QStringLiteral("bookings"), QStringLiteral("approve"), id}), 0);
        // Three bookings: request received, admin notice, approved each (their reminders are
        // owed later).
        const auto owedNow = [this] {
            int owed = 0;
            for (const auto& entry : unsent())
                owed += entry.kind != QLatin1String("reminder");
            return owed;
        };
        QTRY_VERIFY_WITH_TIMEOUT(owedNow() == 0 && received() >= 9, kMailTimeoutMs);
        // Stopping joins the workers: a second copy under way would be in by now.
        QVERIFY(stopped(*first));
        QVERIFY(stopped(*second));
        const QStringList sent = messageIds();
        QCOMPARE(sent.size(), 9);
        QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestMailDelivery)
#include "tst_maildelivery.moc"
