#pragma once
// EmailSettingsCard: Settings → E-mail. The admin's SMTP server (host, port, security, login),
// the sender, the reminder lead time and whether the admin hears of new requests. Save writes
// the settings to the database and a newly typed password to the OS keychain only (the field
// is emptied again; its placeholder says whether one is stored). "Send test e-mail" saves, then
// sends through the real SmtpSender on a worker thread and shows the server's answer; the
// window keeps running meanwhile. Below, what the outbox reports: mails owed and failed, and the
// last delivery error (setOutboxSummary).

#include "ui/SectionCard.h"

#include "core/Error.h"
#include "domain/Entities.h"

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::mail {
struct SendResult;
}

namespace slotdesk::ui {

class FormFeedback;

class EmailSettingsCard : public SectionCard {
    Q_OBJECT
public:
    explicit EmailSettingsCard(models::AdminSession* session, QWidget* parent = nullptr);
    ~EmailSettingsCard() override;

    [[nodiscard]] QLineEdit* hostEdit() const { return m_host; }
    [[nodiscard]] QSpinBox* portBox() const { return m_port; }
    [[nodiscard]] QComboBox* securityBox() const { return m_security; }
    [[nodiscard]] QLineEdit* usernameEdit() const { return m_username; }
    [[nodiscard]] QLineEdit* passwordEdit() const { return m_password; }
    [[nodiscard]] QLineEdit* fromAddressEdit() const { return m_fromAddress; }
    [[nodiscard]] QLineEdit* fromNameEdit() const { return m_fromName; }
    [[nodiscard]] QLineEdit* caFileEdit() const { return m_caFile; }
    [[nodiscard]] QSpinBox* reminderBox() const { return m_reminder; }
    [[nodiscard]] QCheckBox* adminNoticesBox() const { return m_adminNotices; }
    [[nodiscard]] QLineEdit* testRecipientEdit() const { return m_testTo; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] QPushButton* testButton() const { return m_test; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString testResultText() const;
    [[nodiscard]] QString outboxText() const;
    // The message shown beside `field` ("host", "port", "from", ...), empty when none.
    [[nodiscard]] QString fieldError(const QString& field) const;

public slots:
    // Checks and saves; the outcome arrives through saved().
    void save();
    // Saves, then sends a test message to the recipient field; testFinished() tells the outcome.
    void sendTestMail();
    // What the outbox reports (the lead wires it): mails owed, mails failed, the last error.
    void setOutboxSummary(int owed, int failed, const QString& lastError);

signals:
    void saved(bool ok);
    void testFinished(bool sent);

private:
    void load();
    void showSettings(const MailSettings& stored);
    void refreshOutbox();
    void showPasswordState();
    void saveThen(std::function<void(bool)> next);
    void savePassword(const std::function<void(const Error&)>& fail,
                      const std::function<void(bool)>& next);
    void showTestResult(const QString& to, const mail::SendResult& result);
    [[nodiscard]] MailSettings settingsFromFields() const;

    models::AdminSession* m_session;
    std::unique_ptr<FormFeedback> m_feedback;
    MailSettings m_loaded; // what the database holds (language and the like carried through)
    bool m_testRunning = false;

    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_caFile;
    QLineEdit* m_fromAddress;
    QLineEdit* m_fromName;
    QSpinBox* m_reminder;
    QCheckBox* m_adminNotices;
    QPushButton* m_save;
    QLabel* m_status;
    QLineEdit* m_testTo;
    QPushButton* m_test;
    QLabel* m_testResult;
    QLabel* m_outbox;
};

} // namespace slotdesk::ui
