#pragma once
// SettingsPage: the admin's profile (validated, problems beside the fields), the booking link —
// where the booking server listens, the public address attendees use behind an HTTPS proxy,
// whether it is online, copy and open — e-mail, backups and the theme.

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class BackupCard;
class PrivacyCard;
class ProfileForm;

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(models::AdminSession* session, QWidget* parent = nullptr);

    [[nodiscard]] ProfileForm* profileForm() const { return m_profile; }
    [[nodiscard]] QLineEdit* addressEdit() const { return m_address; }
    [[nodiscard]] QSpinBox* portBox() const { return m_port; }
    [[nodiscard]] QLineEdit* publicUrlEdit() const { return m_publicUrl; }
    [[nodiscard]] QComboBox* themeBox() const { return m_theme; }
    [[nodiscard]] BackupCard* backupCard() const { return m_backups; }
    [[nodiscard]] PrivacyCard* privacyCard() const { return m_privacy; }
    [[nodiscard]] QString linkText() const;
    [[nodiscard]] QString linkStatusText() const;

public slots:
    // Checks the form (false, with the problem beside its field, if it is not right) and saves
    // it on the session's worker; a problem the database finds shows the same way.
    bool saveProfile();
    // Checks, saves and announces the listen address and the public address together.
    bool applyListenAddress();
    void setBookingLink(const QUrl& url, bool online, const QString& problem);

signals:
    void listenAddressChanged(const QString& address, quint16 port);
    void publicUrlChanged(const QUrl& publicUrl);

private:
    void loadProfile();
    void showLink();

    models::AdminSession* m_session;
    ProfileForm* m_profile;
    BackupCard* m_backups = nullptr;
    PrivacyCard* m_privacy = nullptr;
    QPushButton* m_saveProfile;
    QLabel* m_profileStatus;
    QLabel* m_link;
    QLabel* m_linkStatus;
    QLineEdit* m_address;
    QSpinBox* m_port;
    QLabel* m_addressError;
    QLabel* m_addressWarning;
    QLineEdit* m_publicUrl;
    QLabel* m_publicUrlError;
    QComboBox* m_theme;
    QUrl m_url;
    bool m_online = false;
    QString m_problem;
    bool m_haveReport = false;
    bool m_profileDirty = false;
    int m_profileEdits = 0;
};

} // namespace slotdesk::ui
