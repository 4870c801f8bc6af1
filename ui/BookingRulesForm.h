#pragma once
// BookingRulesForm: the admin's booking rules (BookingSettings) — meeting lengths offered and
// the default, slot interval, buffers, minimum notice, how far ahead, caps per day, week and
// month, which requests need approval, and until when attendees may cancel or reschedule — saved
// through AvailabilityService with any problem shown beside its field. It follows changes made
// elsewhere unless the admin is in the middle of editing.

#include "domain/Entities.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class FormFeedback;

class BookingRulesForm : public QWidget {
    Q_OBJECT
public:
    explicit BookingRulesForm(models::AdminSession* session, QWidget* parent = nullptr);
    ~BookingRulesForm() override;

    [[nodiscard]] BookingSettings settingsFromFields() const;
    void setDurationOffered(int minutes, bool offered);
    [[nodiscard]] QComboBox* defaultLength() const { return m_default; }
    [[nodiscard]] QSpinBox* intervalBox() const { return m_interval; }
    [[nodiscard]] QSpinBox* bufferBeforeBox() const { return m_bufferBefore; }
    [[nodiscard]] QSpinBox* bufferAfterBox() const { return m_bufferAfter; }
    [[nodiscard]] QSpinBox* noticeBox() const { return m_notice; }
    [[nodiscard]] QSpinBox* horizonBox() const { return m_horizon; }
    [[nodiscard]] QSpinBox* dailyCapBox() const { return m_cap; }
    [[nodiscard]] QSpinBox* weeklyCapBox() const { return m_weeklyCap; }
    [[nodiscard]] QSpinBox* monthlyCapBox() const { return m_monthlyCap; }
    [[nodiscard]] QComboBox* approvalBox() const { return m_approval; }
    [[nodiscard]] QSpinBox* approvalWithinBox() const { return m_approvalWithin; }
    [[nodiscard]] QSpinBox* changeNoticeBox() const { return m_changeNotice; }
    [[nodiscard]] QCheckBox* rescheduleBox() const { return m_reschedule; }
    [[nodiscard]] QPushButton* saveButton() const { return m_save; }
    [[nodiscard]] FormFeedback& feedback() const { return *m_feedback; }

public slots:
    void load();
    void save();

private:
    void showSettings(const BookingSettings& settings);
    void markDirty();
    void rebuildDefaultChoices(int preferred);
    // The short-notice hours mean something only with that approval policy.
    void updateApprovalWithin();

    models::AdminSession* m_session;
    BookingSettings m_loaded;
    QList<QPushButton*> m_durationButtons;
    QWidget* m_durationBox;
    QComboBox* m_default;
    QSpinBox* m_interval;
    QSpinBox* m_bufferBefore;
    QSpinBox* m_bufferAfter;
    QSpinBox* m_notice;
    QSpinBox* m_horizon;
    QSpinBox* m_cap;
    QSpinBox* m_weeklyCap;
    QSpinBox* m_monthlyCap;
    QComboBox* m_approval;
    QSpinBox* m_approvalWithin;
    QSpinBox* m_changeNotice;
    QCheckBox* m_reschedule;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_status;
    FormFeedback* m_feedback;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace slotdesk::ui
