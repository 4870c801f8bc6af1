#pragma once
// ProfileForm: the admin's profile fields — name, username, email, time zone — with each
// validation problem shown beside its field. The Settings page and the onboarding dialog both
// use it; they decide whether it creates the profile or updates it.

#include "core/Error.h"
#include "domain/Entities.h"

#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace slotdesk::ui {

class FormFeedback;
class TimeZoneBox;

class ProfileForm : public QWidget {
    Q_OBJECT
public:
    explicit ProfileForm(QWidget* parent = nullptr);
    ~ProfileForm() override;

    void setUser(const User& user);
    // The fields over `base` (which keeps id and timestamps).
    [[nodiscard]] User user(const User& base = {}) const;
    // Validates the fields locally (the service validates again); shows the first problem.
    bool check();
    void showError(const Error& error);
    void clearErrors();
    // Suggest a username from the name until the username is typed by hand.
    void setSuggestUsername(bool suggest);

    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit* usernameEdit() const { return m_username; }
    [[nodiscard]] QLineEdit* emailEdit() const { return m_email; }
    [[nodiscard]] TimeZoneBox* zoneBox() const { return m_zone; }
    [[nodiscard]] FormFeedback& feedback() const { return *m_feedback; }

signals:
    void edited();

private:
    QLineEdit* m_name;
    QLineEdit* m_username;
    QLineEdit* m_email;
    TimeZoneBox* m_zone;
    FormFeedback* m_feedback;
    bool m_suggest = false;
    bool m_usernameTouched = false;
    bool m_loading = false;
};

} // namespace slotdesk::ui
