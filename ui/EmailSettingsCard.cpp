#include "ui/EmailSettingsCard.h"

#include "integration/KeychainSecretStore.h"
#include "mail/KeychainPasswordSource.h"
#include "mail/MailSetup.h"
#include "models/AdminSession.h"
#include "models/DatabaseWorker.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
#include "ui/FormFeedback.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

#include <memory>

namespace slotdesk::ui {
EmailSettingsCard::EmailSettingsCard(models::AdminSession* session, QWidget* parent)
    : SectionCard(tr("E-mail"),
                  tr("Attendees and you hear about requests, decisions and cancellations "
                     "through your own SMTP server."),
                  parent)
    , m_session(session)
    , m_feedback(std::make_unique<FormFeedback>(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_fromAddress(new QLineEdit(this))
    , m_fromName(new QLineEdit(this))
    , m_reminder(new QSpinBox(this))
    , m_adminNotices(new QCheckBox(tr("Mail me new requests and cancellations"), this))
    , m_save(new QPushButton(tr("Save e-mail settings"), this))
    , m_status(new QLabel(this))
    , m_testTo(new QLineEdit(this))
    , m_test(new QPushButton(tr("Send test e-mail"), this))
    , m_testResult(new QLabel(this))
    , m_outbox(new QLabel(this)) {
    setObjectName(QStringLiteral("emailSettingsCard"));
    m_host->setPlaceholderText(tr("smtp.example.org"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_security->addItem(tr("STARTTLS (usually port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS from the start (usually port 465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None (only a server on this computer)"), QStringLiteral("none"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("smtpPassword"));
    m_caFile->setPlaceholderText(tr("The system's certificates"));
    m_caFile->setToolTip(tr("A PEM file of certificates to trust instead of the system's, for a "
                            "server with its own certificate authority"));
    m_fromAddress->setPlaceholderText(tr("bookings@example.org"));
    m_fromName->setPlaceholderText(tr("Your name"));
    m_reminder->setRange(0, mail::kMaxReminderMinutes);
    m_reminder->setSingleStep(60);
    m_reminder->setValue(1440);
    m_reminder->setSuffix(tr(" min before"));
    m_reminder->setSpecialValueText(tr("No reminder"));
    m_adminNotices->setChecked(true);
    for (QLabel* label : {m_status, m_testResult, m_outbox}) {
        label->setTextFormat(Qt::PlainText); // server replies and errors are not markup
        label->setWordWrap(true);
    }
    m_testResult->setObjectName(QStringLiteral("emailTestResult"));
    m_outbox->setObjectName(QStringLiteral("emailOutbox"));

    auto* form = new QFormLayout;
    form->addRow(tr("SMTP server"), m_host);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("host"), m_host));
    form->addRow(tr("Port"), m_port);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("port"), m_port));
    form->addRow(tr("Security"), m_security);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("security"), m_security));
    form->addRow(tr("User name"), m_username);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("username"), m_username));
    form->addRow(tr("Password"), m_password);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("password"), m_password));
    form->addRow(tr("Trusted certificates"), m_caFile);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("ca-file"), m_caFile));
    form->addRow(tr("From address"), m_fromAddress);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("from"), m_fromAddress));
    form->addRow(tr("From name"), m_fromName);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("from-name"), m_fromName));
    form->addRow(tr("Reminder to attendees"), m_reminder);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("reminder-minutes"), m_reminder));
    form->addRow(QString(), m_adminNotices);
    body()->addLayout(form);
    body()->addWidget(m_feedback->generalLabel());

    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_status, 1);
    saveRow->addWidget(m_save);
    body()->addLayout(saveRow);

    auto* testRow = new QHBoxLayout;
    testRow->addWidget(new QLabel(tr("Test recipient"), this));
    testRow->addWidget(m_testTo, 1);
    testRow->addWidget(m_test);
    body()->addLayout(testRow);
    body()->addWidget(m_testResult);
    body()->addWidget(m_outbox);
    m_outbox->hide();

    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the security's usual port unless the admin typed another one.
        for (const QString& other :
             {QStringLiteral("tls"), QStringLiteral("starttls"), QStringLiteral("none")})
            if (m_port->value() == mail::defaultSmtpPort(other)) {
                m_port->setValue(mail::defaultSmtpPort(m_security->currentData().toString()));
                break;
            }
    });
    connect(m_save, &QPushButton::clicked, this, &EmailSettingsCard::save);
    connect(m_test, &QPushButton::clicked, this, &EmailSettingsCard::sendTestMail);
    // A profile edit must not throw away unsaved e-mail fields: reload only for another admin.
    connect(m_session, &models::AdminSession::adminChanged, this, [this] {
        if (m_session->userId() != m_loaded.userId)
            load();
    });
    // Mails owed and failed follow every change of the database (a delivery run, a decision).
    connect(m_session, &models::AdminSession::databaseChanged, this,
            &EmailSettingsCard::refreshOutbox);
    load();
}

EmailSettingsCard::~EmailSettingsCard() = default;

void EmailSettingsCard::load() {
    m_loaded = MailSettings();
    m_loaded.userId = m_session->userId();
    if (!m_session->hasAdmin())
        return;
    // On the session's database thread: a remote database never stalls the window.
    m_session->worker()->post(
        this,
        [userId = m_session->userId()](storage::Database& database) {
            return storage::MailSettingsRepository(database.connection()).find(userId);
        },
        [this, userId = m_session->userId()](Result<std::optional<MailSettings>> found) {
            if (userId != m_session->userId())
                return; // another admin by now: their own load follows
            if (!found) {
                m_feedback->show(found.error());
                return;
            }
            MailSettings shown;
            if (*found)
                shown = **found;
            else
                shown.fromName = m_session->admin().name; // nothing stored yet
            showSettings(shown);
        });
    refreshOutbox();
}

void EmailSettingsCard::showSettings(const MailSettings& stored) {
    m_loaded = stored;
    m_loaded.userId = m_session->userId();
    m_host->setText(m_loaded.host);
    m_security->setCurrentIndex(std::max(0, m_security->findData(m_loaded.security)));
    m_port->setValue(m_loaded.port);
    m_username->setText(m_loaded.username);
    m_fromAddress->setText(m_loaded.fromAddress.isEmpty() ? m_session->admin().email
                                                          : m_loaded.fromAddress);
    m_fromName->setText(m_loaded.fromName);
    m_caFile->setText(m_loaded.caFile);
    m_reminder->setValue(m_loaded.reminderMinutes);
    m_adminNotices->setChecked(m_loaded.adminNotices);
    if (m_testTo->text().isEmpty())
        m_testTo->setText(m_session->admin().email);
    showPasswordState();
}

void EmailSettingsCard::refreshOutbox() {
    if (!m_session->hasAdmin())
        return;
    struct Summary {
        int owed = 0;
        int failed = 0;
        QString lastError;
    };
    m_session->worker()->post(
        this,
        [userId = m_session->userId()](storage::Database& database) -> Result<Summary> {
            auto unsent = storage::MailOutboxRepository(database.connection()).listUnsent(userId);
            if (!unsent)
                return unsent.error();
            Summary summary;
            for (const auto& entry : *unsent) {
                (entry.status == QLatin1String("failed") ? summary.failed : summary.owed)++;
                if (!entry.lastError.isEmpty())
                    summary.lastError = entry.lastError; // oldest first: the last is the newest
            }
            return summary;
        },
        [this](Result<Summary> summary) {
            if (summary)
                setOutboxSummary(summary->owed, summary->failed, summary->lastError);
        });
}

void EmailSettingsCard::showPasswordState() {
    auto* store = new integration::KeychainSecretStore(this);
    store->readSecret(mail::KeychainPasswordSource::keychainKey(m_session->userId()), this,
                      [this, store](const Result<QByteArray>& secret) {
                          store->deleteLater();
                          if (secret)
                              m_password->setPlaceholderText(tr("Stored in the system keychain"));
                          else if (secret.error().code == ErrorCode::NotFound)
                              m_password->setPlaceholderText(tr("None stored"));
                          else
                              m_password->setPlaceholderText(tr("Keychain unavailable"));
                      });
}

MailSettings EmailSettingsCard::settingsFromFields() const {
    MailSettings s = m_loaded;
    s.userId = m_session->userId();
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.security = m_security->currentData().toString();
    s.username = m_username->text().trimmed();
    s.fromAddress = m_fromAddress->text().trimmed();
    s.fromName = m_fromName->text().trimmed();
    s.caFile = m_caFile->text().trimmed();
    s.reminderMinutes = m_reminder->value();
    s.adminNotices = m_adminNotices->isChecked();
    return s;
}

void EmailSettingsCard::save() {
    saveThen([](bool) {});
}

void EmailSettingsCard::saveThen(std::function<void(bool)> next) {
    m_feedback->clear();
    const MailSettings settings = settingsFromFields();
    auto fail = [this, next](const Error& error) {
        m_feedback->show(error);
        m_status->setText(tr("Not saved"));
        emit saved(false);
        next(false);
    };
    if (auto ok = mail::checkMailSettings(settings); !ok)
        return fail(ok.error());
    if (auto ok = mail::checkCaFile(settings.caFile); !ok)
        return fail(ok.error());
    m_save->setEnabled(false);
    m_session->worker()->post(
        this,
        [settings](storage::Database& database) {
            return storage::MailSettingsRepository(database.connection()).save(settings);
        },
        [this, fail, next](Result<MailSettings> stored) {
            m_save->setEnabled(true);
            if (!stored)
                return fail(stored.error());
            m_loaded = *stored;
            savePassword(fail, next);
        });
}

void EmailSettingsCard::savePassword(const std::function<void(const Error&)>& fail,
                                     const std::function<void(bool)>& next) {
    const MailSettings& settings = m_loaded;
    const QString password = m_password->text();
    if (password.isEmpty()) {
        m_status->setText(tr("Saved"));
        emit saved(true);
        next(true);
        return;
    }
    m_save->setEnabled(false);
    m_status->setText(tr("Saving the password in the system keychain…"));
    auto* store = new integration::KeychainSecretStore(this);
    store->writeSecret(mail::KeychainPasswordSource::keychainKey(settings.userId),
                       password.toUtf8(), this, [this, store, fail, next](const Status& written) {
                           store->deleteLater();
                           m_save->setEnabled(true);
                           if (!written)
                               return fail(written.error());
                           m_password->clear();
                           m_password->setPlaceholderText(tr("Stored in the system keychain"));
                           m_status->setText(tr("Saved"));
                           emit saved(true);
                           next(true);
                       });
}

void EmailSettingsCard::sendTestMail() {
    if (m_testRunning)
        return;
    const QString to = m_testTo->text().trimmed();
    m_testRunning = true;
    m_test->setEnabled(false);
    saveThen([this, to](bool ok) {
        if (!ok) {
            m_testRunning = false;
            m_test->setEnabled(true);
            m_testResult->setText(tr("Not sent: fix the settings above first."));
            emit testFinished(false);
            return;
        }
        m_testResult->setText(tr("Sending a test message to %1…").arg(to));
        // SmtpSender blocks until the server has answered, and the keychain is read in a local
        // event loop: both on a thread of their own, so the window keeps running.
        auto result = std::make_shared<mail::SendResult>();
        QThread* thread = QThread::create([settings = m_loaded, to, result] {
            *result = mail::sendTestMessage(settings, to, mail::KeychainPasswordSource());
        });
        connect(thread, &QThread::finished, this, [this, to, result] {
            m_testRunning = false;
            m_test->setEnabled(true);
            showTestResult(to, *result);
        });
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        thread->start();
    });
}

void EmailSettingsCard::showTestResult(const QString& to, const mail::SendResult& result) {
    if (result.sent())
        m_testResult->setText(tr("Sent to %1. The server answered: %2").arg(to, result.detail));
    else if (result.outcome == mail::SendOutcome::Transient)
        m_testResult->setText(
            tr("Not sent (the server may accept it later): %1").arg(result.detail));
    else
        m_testResult->setText(tr("Not sent: %1").arg(result.detail));
    emit testFinished(result.sent());
}

void EmailSettingsCard::setOutboxSummary(int owed, int failed, const QString& lastError) {
    QString text = tr("Mails owed: %1 · failed: %2").arg(owed).arg(failed);
    if (!lastError.isEmpty())
        text += QLatin1Char('\n') + tr("Last delivery error: %1").arg(lastError);
    m_outbox->setText(text);
    m_outbox->show();
}

QString EmailSettingsCard::statusText() const {
    return m_status->text();
}

QString EmailSettingsCard::testResultText() const {
    return m_testResult->text();
}

QString EmailSettingsCard::outboxText() const {
    return m_outbox->text();
}

QString EmailSettingsCard::fieldError(const QString& field) const {
    return m_feedback->message(field);
}

} // namespace slotdesk::ui
