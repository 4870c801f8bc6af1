// The durable mail outbox end to end: bookings changed through BookingService queue their mails
// in the same transaction, MailOutbox delivers them through a real SMTP server on 127.0.0.1
// (smtp_server.py) — each once, in the attendee's language, with one UID and a rising SEQUENCE —
// and failures recover or stay visible: server down and 4xx retry after a back-off, 5xx fails
// without a retry storm, two runners on one database deliver each mail once.

#include "booking/BookingService.h"
#include "booking/ManageToken.h"
#include "mail/MailComposer.h"
#include "mail/MailOutbox.h"
#include "mail/ManageLinkFor.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
#include "support/MailInspection.h"
#include "support/SeededSuite.h"
#include "support/SmtpServerProcess.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "web/LinkBuilder.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace slotdesk;
using namespace slotdesk::mail;
using namespace std::chrono_literals;

namespace {

const QString kUser = QStringLiteral("mailer");
const QString kPassword = QStringLiteral("outbox-pässword-42");

class FixedPassword : public PasswordSource {
public:
    Result<QString> password(const QString&) const override { return kPassword; }
};

} // namespace

class TestMailOutbox : public test::SeededSuite {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::SmtpServerProcess> m_server;
    std::unique_ptr<core::ManualClock> m_clock;
    FixedPassword m_passwords;

    BookingService bookings() { return BookingService(*m_db, m_clock->clock()); }
    MailOutbox outbox(const QString& owner = QStringLiteral("runner-a")) {
        return MailOutbox(*m_db, m_passwords, m_clock->clock(), owner);
    }
    void saveSettings() {
        QVERIFY(storage::MailSettingsRepository(m_db->connection())
                    .save(m_server->mailSettings(m_admin.id))
                    .ok());
    }
    void startServer(int failRcpt = 0, const QStringList& reject = {}) {
        auto options =
            test::SmtpServerProcess::Options::withLogin(SmtpSecurity::StartTls, kUser, kPassword);
        options.failRcpt = failRcpt;
        options.reject = reject;
        QVERIFY2(m_server->start(options), qPrintable(m_server->errorText()));
        saveSettings();
    }
    // A request for Wednesday 2026-12-02 09:00 Berlin (+`slot` half hours), in German.
    Booking request(int slot = 0, QString* token = nullptr,
                    const QString& email = QStringLiteral("zoe@example.com")) {
        BookingRequest r;
        r.start = test::utc("2026-12-02T08:00:00Z").addSecs(1800 * slot);
        r.duration = 30;
        r.name = QStringLiteral("Zoë Ångström");
        r.email = email;
        r.timeZone = QStringLiteral("Europe/Berlin");
        r.language = QStringLiteral("de");
        auto created = bookings().create(m_admin, r, token);
        if (!created)
            qWarning() << created.error().message;
        return created ? *created : Booking{};
    }
    QVector<storage::MailOutboxEntry> unsent() {
        return *storage::MailOutboxRepository(m_db->connection()).listUnsent(m_admin.id);
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        QVERIFY(openSeeded());
        QVERIFY(test::seedAvailability(*m_db, m_admin.id, QStringLiteral("Europe/Berlin"),
                                       {1, 2, 3, 4, 5}, 9 * 60, 12 * 60));
        m_clock = std::make_unique<core::ManualClock>(test::utc("2026-11-29T12:00:00Z"));
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<test::SmtpServerProcess>(m_dir->path());
    }
    void cleanup() {
        m_server.reset();
        m_dir.reset();
        closeSeeded();
    }

    void requestApproveAttendeeCancelDeliversFiveMailsOnce() {
        startServer();
        QString token;
        const Booking booking = request(0, &token);
        QVERIFY(!booking.id.isEmpty());
        QVERIFY(bookings().approve(m_admin.id, booking.id).ok());
        QVERIFY(bookings().cancelForAttendee(booking.id, token, QStringLiteral("ill")).ok());
        // Owed: request received, admin notice, approved, the reminder (due in two days),
        // cancelled, admin notice.
        QCOMPARE(unsent().size(), 6);

        auto report = outbox().deliverDue();
        QVERIFY2(report.ok(), report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->sent, 5);
        QCOMPARE(report->failed, 0);
        const auto received = m_server->messages();
        QCOMPARE(received.size(), 5);
        QStringList toAttendee, toAdmin, uids, sequences;
        for (const auto& message : received) {
            QCOMPARE(message.envelope.value("login").toString(), kUser);
            const auto parsed = test::inspectMail(message.data);
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            const QString to = message.envelope.value("rcpt_tos").toArray().at(0).toString();
            (to == "zoe@example.com" ? toAttendee : toAdmin)
                << parsed.report.value("subject").toString().section(':', 0, 0);
            const QJsonObject calendar = test::partOfType(parsed.report, "text/calendar");
            if (!calendar.isEmpty()) {
                const auto ics = test::inspectIcs(calendar.value("content").toString().toUtf8());
                QVERIFY2(ics.ok(), qPrintable(ics.error));
                uids << ics.report.value("uid").toString();
                sequences << ics.report.value("method").toString() + ' ' +
                                 QString::number(ics.report.value("sequence").toInt());
            }
        }
        // The attendee's in German (the page's language), the admin's in theirs (English).
        toAttendee.sort();
        toAdmin.sort();
        sequences.sort();
        QCOMPARE(toAttendee, (QStringList{"Abgesagt", "Anfrage erhalten", "Bestätigt"}));
        QCOMPARE(toAdmin, (QStringList{"Cancelled by the attendee", "New request"}));
        QCOMPARE(uids, (QStringList{booking.id + "@slotdesk", booking.id + "@slotdesk"}));
        QCOMPARE(sequences, (QStringList{"CANCEL 2", "REQUEST 1"}));

        // Nothing twice: delivering again sends nothing; the reminder for the cancelled
        // meeting is dropped when it falls due.
        QCOMPARE(outbox().deliverDue()->sent, 0);
        m_clock->set(test::utc("2026-12-01T08:00:00Z"));
        report = outbox().deliverDue();
        QCOMPARE(report->sent, 0);
        QCOMPARE(report->dropped, 1);
        QCOMPARE(m_server->messages().size(), 5);
        QVERIFY(unsent().isEmpty());

        // The password is in no table.
        for (const char* table : {"mail_settings", "mail_outbox", "bookings"}) {
            QSqlQuery q(m_db->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM %1").arg(table)));
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    QVERIFY(!q.value(i).toString().contains(kPassword));
        }
    }

    // The attendee's mails about a meeting that is on carry a manage link (the booking page's
    // own format) with a token minted for the mail: it opens and cancels the booking, beside
    // the original one. The admin's mails and those about a meeting that is off carry none.
    void attendeeMailsCarryAWorkingManageLink() {
        startServer();
        web::ServerConfig config;
        config.publicUrl = *web::parsePublicUrl(QStringLiteral("https://Book.Example.org/sd/"));
        const web::LinkBuilder links(config);
        QVERIFY(!manageLinkFor(web::LinkBuilder(web::ServerConfig{})));
        QString original;
        const Booking booking = request(0, &original);
        QVERIFY(bookings().approve(m_admin.id, booking.id).ok());
        MailOutbox runner = outbox();
        runner.setManageLink(manageLinkFor(links));
        QCOMPARE(runner.deliverDue()->sent, 3);

        const QRegularExpression link(
            QStringLiteral("https://book\\.example\\.org/sd/booking/%1\\?token=([A-Za-z0-9_-]+)\\s")
                .arg(QRegularExpression::escape(booking.id)));
        QStringList tokens;
        const auto tokensIn = [&](const QByteArray& data) {
            const auto parsed = test::inspectMail(data);
            const QString text = test::partOfType(parsed.report, QStringLiteral("text/plain"))
                                     .value("content")
                                     .toString();
            QStringList found;
            for (auto m = link.globalMatch(text); m.hasNext();)
                found << m.next().captured(1);
            return std::pair{found, QString::fromUtf8(data).contains(QStringLiteral("token="))};
        };
        for (const auto& message : m_server->messages()) {
            const QString to = message.envelope.value("rcpt_tos").toArray().at(0).toString();
            const auto [found, anyToken] = tokensIn(message.data);
            if (to == QStringLiteral("zoe@example.com")) {
                QCOMPARE(found.size(), 1);
                tokens << found;
            } else {
                QVERIFY2(!anyToken, "a manage link in the admin's mail");
            }
        }
        QCOMPARE(tokens.size(), 2); // request received, approved
        QVERIFY(tokens[0] != tokens[1] && !tokens.contains(original));
        for (const QString& token : tokens) {
            QVERIFY(token.size() >= 43); // 256 random bits
            QVERIFY2(bookings().findForAttendee(booking.id, token).ok(), qPrintable(token));
        }
        QVERIFY(bookings().findForAttendee(booking.id, original).ok());
        QCOMPARE(bookings().findForAttendee(booking.id, ManageToken::generate()).error().code,
                 ErrorCode::NotFound);
        // Only hashes are stored.
        QSqlQuery stored(m_db->connection());
        QVERIFY(stored.exec(QStringLiteral("SELECT token_hash FROM booking_access_tokens")));
        QStringList hashes;
        while (stored.next())
            hashes << stored.value(0).toString();
        hashes.sort();
        QStringList expected{ManageToken::hash(tokens[0]), ManageToken::hash(tokens[1])};
        expected.sort();
        QCOMPARE(hashes, expected);

        // A minted token cancels; the confirmation carries no link and no new token is minted.
        QVERIFY(bookings().cancelForAttendee(booking.id, tokens[1], QStringLiteral("ill")).ok());
        const qsizetype before = m_server->messages().size();
        QCOMPARE(runner.deliverDue()->sent, 2);
        for (const auto& message : m_server->messages().mid(before))
            QVERIFY(!tokensIn(message.data).second);
        QCOMPARE(storage::BookingRepository(m_db->connection())
                     .findById(m_admin.id, booking.id)
                     ->value()
                     .status,
                 BookingStatus::Cancelled);
        QSqlQuery count(m_db->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM booking_access_tokens")) &&
                count.next());
        QCOMPARE(count.value(0).toInt(), 2);
    }

    // A move (issue 16): the attendee's request and the admin's notice name the time it
    // replaces; once approved the attendee gets one "rescheduled" mail — no cancellation — whose
    // invitation updates the event they have (the original's UID, a higher SEQUENCE), with a
    // manage link that opens the new booking; the admin's own move does the same again.
    void aMoveOwesOneRescheduledMailThatUpdatesTheEvent() {
        startServer();
        web::ServerConfig config;
        config.publicUrl = *web::parsePublicUrl(QStringLiteral("https://book.example.org/"));
        MailOutbox runner = outbox();
        runner.setManageLink(manageLinkFor(web::LinkBuilder(config)));
        QString token;
        const Booking original = request(0, &token);
        QVERIFY(bookings().approve(m_admin.id, original.id).ok());
        QCOMPARE(runner.deliverDue()->sent, 3); // received, admin notice, approved (REQUEST 1)

        const auto received = [&](qsizetype from) {
            QStringList lines;
            for (const auto& message : m_server->messages().mid(from)) {
                const auto parsed = test::inspectMail(message.data);
                const QString to = message.envelope.value("rcpt_tos").toArray().at(0).toString();
                QString line =
                    to + ' ' + parsed.report.value("subject").toString().section(':', 0, 0);
                const QJsonObject calendar = test::partOfType(parsed.report, "text/calendar");
                if (!calendar.isEmpty()) {
                    const auto ics =
                        test::inspectIcs(calendar.value("content").toString().toUtf8());
                    line += QStringLiteral(" %1 %2 %3")
                                .arg(ics.report.value("method").toString(),
                                     ics.report.value("uid").toString())
                                .arg(ics.report.value("sequence").toInt());
                }
                lines << line;
            }
            lines.sort();
            return lines;
        };
        qsizetype seen = m_server->messages().size();
        const auto moved = bookings().rescheduleForAttendee(
            original.id, token, {test::utc("2026-12-02T09:00:00Z"), 30, {}});
        QVERIFY2(moved.ok(), moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(runner.deliverDue()->sent, 2);
        QCOMPARE(received(seen), (QStringList{"alice@example.org Reschedule request",
                                              "zoe@example.com Verschiebung angefragt"}));

        seen = m_server->messages().size();
        const auto approved = bookings().approve(m_admin.id, moved->id);
        QVERIFY(approved.ok());
        QCOMPARE(runner.deliverDue()->sent, 1);
        const QString uid = original.id + "@slotdesk";
        QCOMPARE(received(seen),
                 QStringList{QStringLiteral("zoe@example.com Verschoben REQUEST %1 %2")
                                 .arg(uid)
                                 .arg(approved->sequence)});
        QVERIFY(approved->sequence > 1);
        const auto message = test::inspectMail(m_server->messages().constLast().data);
        const QString text = test::partOfType(message.report, QStringLiteral("text/plain"))
                                 .value("content")
                                 .toString();
        QVERIFY2(text.contains(QStringLiteral("Bisher: ") +
                               MailComposer::formatTime(original, "Europe/Berlin", "de")),
                 qPrintable(text));
        const QRegularExpression link(
            QStringLiteral("https://book\\.example\\.org/booking/%1\\?token=([A-Za-z0-9_-]+)")
                .arg(QRegularExpression::escape(moved->id)));
        const auto match = link.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QCOMPARE(bookings().findForAttendee(moved->id, match.captured(1))->id, moved->id);

        // The admin moves it once more: again one mail, the same event, a higher SEQUENCE.
        seen = m_server->messages().size();
        const auto again =
            bookings().reschedule(m_admin.id, moved->id, test::utc("2026-12-02T10:00:00Z"), 30);
        QVERIFY2(again.ok(), again ? "" : qPrintable(again.error().message));
        QVERIFY(again->sequence > approved->sequence);
        QCOMPARE(runner.deliverDue()->sent, 1);
        QCOMPARE(received(seen),
                 QStringList{QStringLiteral("zoe@example.com Verschoben REQUEST %1 %2")
                                 .arg(uid)
                                 .arg(again->sequence)});
    }

    void reminderBeforeTheMeeting() {
        startServer();
        const Booking booking = request();
        QVERIFY(bookings().approve(m_admin.id, booking.id).ok());
        QCOMPARE(outbox().deliverDue()->sent, 3);
        m_clock->set(test::utc("2026-12-01T07:59:59Z"));
        QCOMPARE(outbox().deliverDue()->sent, 0);
        m_clock->set(test::utc("2026-12-01T08:00:00Z"));
        QCOMPARE(outbox().deliverDue()->sent, 1);
        const auto parsed = test::inspectMail(m_server->messages().last().data);
        QVERIFY(parsed.report.value("subject").toString().startsWith("Erinnerung:"));
    }

    void serverDownThenBackAndA4xx() {
        startServer();
        const SmtpSettings reachable = m_server->settings();
        m_server->stop();
        // The request and its approval succeed although no mail can leave.
        const Booking booking = request();
        QVERIFY(bookings().approve(m_admin.id, booking.id).ok());
        auto report = outbox().deliverDue();
        QVERIFY(report.ok());
        QCOMPARE(report->sent, 0);
        QCOMPARE(report->retrying, 3);
        for (const auto& entry : unsent()) {
            if (entry.kind == "reminder")
                continue;
            QCOMPARE(entry.status, QString("owed"));
            QCOMPARE(entry.attempts, 1);
            QVERIFY2(entry.lastError.contains(QString::number(reachable.port)),
                     qPrintable(entry.lastError));
            QCOMPARE(entry.nextAttemptAt, m_clock->now().addSecs(60));
        }
        // Not before the back-off is over.
        QCOMPARE(outbox().deliverDue()->retrying, 0);

        // Back, but the first RCPT gets a 451: that mail waits again, the others go.
        startServer(1);
        m_clock->advance(60s);
        report = outbox().deliverDue();
        QCOMPARE(report->sent, 2);
        QCOMPARE(report->retrying, 1);
        m_clock->advance(2min);
        QCOMPARE(outbox().deliverDue()->sent, 1);
        QCOMPARE(m_server->messages().size(), 3);
        QCOMPARE(outbox().deliverDue()->sent, 0);
    }

    void permanentFailureIsVisibleWithoutRetries() {
        startServer(0, {QStringLiteral("gone@example.com")});
        request(0, nullptr, QStringLiteral("gone@example.com"));
        auto report = outbox().deliverDue();
        QCOMPARE(report->failed, 1);
        QCOMPARE(report->sent, 1); // the admin's notice
        const auto failed = unsent();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().status, QString("failed"));
        QVERIFY2(failed.first().lastError.startsWith("550"), qPrintable(failed.first().lastError));
        m_clock->advance(24h);
        QCOMPARE(outbox().deliverDue()->failed, 0);
        QCOMPARE(m_server->messages().size(), 1);
        // The admin can ask for another attempt.
        QVERIFY(*storage::MailOutboxRepository(m_db->connection())
                     .retry(failed.first().id, m_admin.id, m_clock->now()));
        QCOMPARE(outbox().deliverDue()->failed, 1);
    }

    void noSettingsNoMails() {
        const Booking booking = request();
        QVERIFY(!booking.id.isEmpty());
        QVERIFY(unsent().isEmpty());
    }

    void twoRunnersDeliverEachMailOnce() {
        startServer();
        for (int slot = 0; slot < 4; ++slot)
            QVERIFY(
                !request(slot, nullptr, QStringLiteral("a%1@example.com").arg(slot)).id.isEmpty());
        QCOMPARE(unsent().size(), 8);
        std::atomic<int> sent{0};
        std::atomic<int> errors{0};
        const auto run = [&](const QString& owner) {
            auto db = m_db->openAgain();
            if (!db) {
                ++errors;
                return;
            }
            MailOutbox runner(**db, m_passwords, m_clock->clock(), owner);
            auto report = runner.deliverDue();
            if (!report)
                ++errors;
            else
                sent += report->sent;
        };
        std::unique_ptr<QThread> a(QThread::create(run, QStringLiteral("runner-a")));
        std::unique_ptr<QThread> b(QThread::create(run, QStringLiteral("runner-b")));
        a->start();
        b->start();
        QVERIFY(a->wait(QDeadlineTimer(240000)));
        QVERIFY(b->wait(QDeadlineTimer(240000)));
        QCOMPARE(errors.load(), 0);
        QCOMPARE(sent.load(), 8);
        QCOMPARE(m_server->messages().size(), 8);
        QVERIFY(unsent().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMailOutbox)
#include "tst_mailoutbox.moc"
