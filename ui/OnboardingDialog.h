#pragma once
// OnboardingDialog: the first run. It creates the admin's profile (time zone preset from the
// system), gives them Monday–Friday 09:00–17:00 to start from, and shows their booking link.

#include <QDialog>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::ui {

class ProfileForm;

class OnboardingDialog : public QDialog {
    Q_OBJECT
public:
    explicit OnboardingDialog(storage::Database& database, QWidget* parent = nullptr);

    // The system's zone if the tz database knows it, else "UTC".
    static QString systemTimeZone();

    [[nodiscard]] ProfileForm* form() const { return m_form; }
    [[nodiscard]] bool isOnLinkStep() const;
    [[nodiscard]] QString bookingLinkText() const;

public slots:
    // Creates the profile and the default hours; on success moves on to the booking link.
    bool createProfile();

private:
    storage::Database& m_database;
    QStackedWidget* m_steps;
    ProfileForm* m_form;
    QPushButton* m_create;
    QLabel* m_link;
};

} // namespace slotdesk::ui
