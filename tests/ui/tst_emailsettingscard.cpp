// Settings → E-mail: the card saves its fields to the database and a typed password to the real
// keychain of this D-Bus session (never to the database or the settings file), refuses a bad
// value beside its field, and "Send test e-mail" reaches a real SMTP server (STARTTLS + AUTH)
// from a worker thread while the window's event loop goes on.

#include "mail/KeychainPasswordSource.h"
#include "mail/MailSetup.h"
#include "models/AdminSession.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
#include "support/MailInspection.h"
#include "support/SecretScan.h"
#include "support/SmtpServerProcess.h"
#include "support/TestData.h"
#include "support/TestKeychain.h"
#include "ui/EmailSettingsCard.h"
#include "ui/SettingsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

const QString kUser = QStringLiteral("mailer");
const QString kPassword = QStringLiteral("card-Pässwort-7");

} // namespace

class TestEmailSettingsCard : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<models::AdminSession> m_session;
    std::unique_ptr<test::SmtpServerProcess> m_server;

    void startServer() {
        QVERIFY2(m_server->start(test::SmtpServerProcess::Options::withLogin(
                     mail::SmtpSecurity::StartTls, kUser, kPassword)),
                 qPrintable(m_server->errorText()));
    }
    void fillForServer(ui::EmailSettingsCard& card, const QString& password) {
        card.hostEdit()->setText("127.0.0.1");
        card.securityBox()->setCurrentIndex(card.securityBox()->findData("starttls"));
        card.portBox()->setValue(m_server->port());
        card.usernameEdit()->setText(kUser);
        card.passwordEdit()->setText(password);
        card.fromAddressEdit()->setText("bookings@example.org");
        card.fromNameEdit()->setText("Alice Bookings");
        card.caFileEdit()->setText(m_server->certificateFile());
    }
    bool saveAndWait(ui::EmailSettingsCard& card) {
        QSignalSpy saved(&card, &ui::EmailSettingsCard::saved);
        QTest::mouseClick(card.saveButton(), Qt::LeftButton);
        if (saved.isEmpty() && !saved.wait(30000))
            return false;
        return saved.first().first().toBool();
    }
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        SLOTDESK_REQUIRE_TEST_KEYCHAIN();
    }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(m_dir->filePath("data")));
        auto db = storage::Database::openInDirectory(m_dir->filePath("data"));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        test::seedAdmin(*m_db);
        m_session = std::make_unique<models::AdminSession>(*m_db);
        m_server = std::make_unique<test::SmtpServerProcess>(m_dir->path());
    }
    void cleanup() {
        if (m_session)
            QVERIFY(mail::KeychainPasswordSource().remove(m_session->userId()));
        m_server.reset();
        m_session.reset();
        m_db.reset();
        m_dir.reset();
    }

    void settingsPageHasTheCard() {
        ui::SettingsPage page(m_session.get());
        QVERIFY(page.findChild<ui::EmailSettingsCard*>());
    }

    void fillSaveAndSendATestMail() {
        startServer();
        ui::EmailSettingsCard card(m_session.get());
        // The admin's address, to start, once the session has read the profile.
        QTRY_COMPARE(card.fromAddressEdit()->text(), "alice@example.org");
        QTRY_COMPARE(card.passwordEdit()->placeholderText(), "None stored");

        // A bad value: explained beside its field, nothing saved.
        fillForServer(card, kPassword);
        card.fromAddressEdit()->setText("not an address");
        QVERIFY(!saveAndWait(card));
        QVERIFY(!card.fieldError("from").isEmpty());
        storage::MailSettingsRepository repository(m_db->connection());
        QVERIFY(!repository.find(m_session->userId())->has_value());
        QVERIFY(!*mail::KeychainPasswordSource().isStored(m_session->userId()));

        card.fromAddressEdit()->setText("bookings@example.org");
        card.reminderBox()->setValue(120);
        card.adminNoticesBox()->setChecked(false);
        QVERIFY(saveAndWait(card));
        QVERIFY(card.fieldError("from").isEmpty());
        const auto stored = repository.find(m_session->userId());
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->host, "127.0.0.1");
        QCOMPARE((*stored)->port, m_server->port());
        QCOMPARE((*stored)->security, "starttls");
        QCOMPARE((*stored)->username, kUser);
        QCOMPARE((*stored)->fromAddress, "bookings@example.org");
        QCOMPARE((*stored)->fromName, "Alice Bookings");
        QCOMPARE((*stored)->reminderMinutes, 120);
        QCOMPARE((*stored)->adminNotices, false);
        QCOMPARE(*mail::KeychainPasswordSource().password(m_session->userId()), kPassword);
        QVERIFY(card.passwordEdit()->text().isEmpty());
        QCOMPARE(card.passwordEdit()->placeholderText(), "Stored in the system keychain");

        // The test mail: the click returns at once (the send runs on its own thread; its
        // outcome can only arrive through this thread's event loop, which hasn't run yet).
        card.testRecipientEdit()->setText("zoe@example.com");
        QSignalSpy finished(&card, &ui::EmailSettingsCard::testFinished);
        QTest::mouseClick(card.testButton(), Qt::LeftButton);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!card.testButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(card.testResultText()));
        QVERIFY2(card.testResultText().startsWith("Sent to zoe@example.com"),
                 qPrintable(card.testResultText()));
        QVERIFY(card.testButton()->isEnabled());
        const auto received = m_server->messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().envelope.value("login").toString(), kUser);
        const test::Inspection mail = test::inspectMail(received.first().data);
        QVERIFY2(mail.ok(), qPrintable(mail.error));
        QCOMPARE(mail.report.value("subject").toString(), "SlotDesk test message");

        // The password went to the keychain only.
        SLOTDESK_VERIFY_NO_SECRET_IN(m_dir->filePath("data"), kPassword);
        const QString settingsFile = QSettings("SlotDesk", "SlotDesk").fileName();
        QVERIFY(test::scanForSecret(QFileInfo(settingsFile).absolutePath(), kPassword)
                    .filesWithSecret.isEmpty());
    }

    void aFailedTestMailIsShown() {
        startServer();
        ui::EmailSettingsCard card(m_session.get());
        fillForServer(card, "not-the-password");
        card.testRecipientEdit()->setText("zoe@example.com");
        QSignalSpy finished(&card, &ui::EmailSettingsCard::testFinished);
        QTest::mouseClick(card.testButton(), Qt::LeftButton); // saves first
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(card.testResultText().startsWith("Not sent"), qPrintable(card.testResultText()));
        QVERIFY(m_server->messages().isEmpty());
    }

    // The card reads the outbox (on the session's worker) and follows its changes.
    void outboxSummaryIsShown() {
        storage::MailOutboxRepository outbox(m_db->connection());
        storage::MailOutboxEntry entry;
        entry.kind = QStringLiteral("approved");
        entry.language = QStringLiteral("en");
        entry.nextAttemptAt = test::utc("2027-01-01T00:00:00Z");
        ui::EmailSettingsCard card(m_session.get());
        QTRY_VERIFY(card.outboxText().contains("owed: 0"));
        QTRY_VERIFY(m_session->hasAdmin());
        const User alice = m_session->admin();
        const Booking mine = test::seedBooking(*m_db, alice.id, test::utc("2027-03-02T09:00:00Z"));
        entry.userId = alice.id;
        entry.bookingId = mine.id;
        entry.recipient = mine.attendeeEmail;
        entry.idempotencyKey = mine.id + QStringLiteral(":approved");
        QVERIFY(*outbox.enqueue(entry));
        entry.kind = QStringLiteral("rejected");
        entry.idempotencyKey = mine.id + QStringLiteral(":rejected");
        QVERIFY(*outbox.enqueue(entry));
        const auto claimed = outbox.claimNext(QStringLiteral("test"), entry.nextAttemptAt,
                                              entry.nextAttemptAt.addSecs(600));
        QVERIFY(claimed && claimed->has_value());
        QVERIFY(*outbox.markFailed((*claimed)->id, QStringLiteral("test"), 1,
                                   QStringLiteral("550 mailbox unavailable")));
        m_session->refresh(); // what the change watcher does when another process writes
        QTRY_VERIFY2(card.outboxText().contains("failed: 1"), qPrintable(card.outboxText()));
        QVERIFY(card.outboxText().contains("550 mailbox unavailable"));
    }
};

QTEST_MAIN(TestEmailSettingsCard)
#include "tst_emailsettingscard.moc"
