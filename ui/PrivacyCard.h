#pragma once
// PrivacyCard: Settings → Privacy. The retention rule (privacy::AttendeePrivacy): attendees'
// names, e-mail addresses and notes are anonymised a set number of days after their meeting
// ended — off by default — applied by the window's RetentionScheduler every hour. It points to
// Bookings → Forget attendee… for erasing one person now. Reads and saves on the session's
// database worker.

#include "ui/SectionCard.h"

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class FormFeedback;

class PrivacyCard : public SectionCard {
    Q_OBJECT
public:
    explicit PrivacyCard(models::AdminSession* session, QWidget* parent = nullptr);
    ~PrivacyCard() override;

    // Days after a meeting; 0 shows "Off".
    [[nodiscard]] QSpinBox* retentionBox() const { return m_days; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] QString statusText() const;
    // The message beside the days ("" when none).
    [[nodiscard]] QString fieldError() const;

signals:
    // After a save was answered: true when the rule was stored.
    void saved(bool ok);

public slots:
    // Reads the stored rule again.
    void load();

private:
    void save();

    models::AdminSession* m_session;
    QString m_loadedFor; // the admin whose rule is shown
    QSpinBox* m_days;
    QPushButton* m_save;
    QLabel* m_status;
    std::unique_ptr<FormFeedback> m_feedback;
};

} // namespace slotdesk::ui
