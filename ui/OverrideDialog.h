#pragma once
// OverrideDialog: an exception to the weekly hours on one date — either the whole day off, or
// other hours that replace the weekly ones that day. Saves through AvailabilityService.

#include "domain/Entities.h"

#include <QDialog>

class QDateEdit;
class QRadioButton;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class FormFeedback;
class TimeOfDayBox;

class OverrideDialog : public QDialog {
    Q_OBJECT
public:
    OverrideDialog(models::AdminSession* session, const QDate& date, QWidget* parent = nullptr);
    ~OverrideDialog() override;

    [[nodiscard]] QDateEdit* dateEdit() const { return m_date; }
    [[nodiscard]] QRadioButton* unavailableButton() const { return m_unavailable; }
    [[nodiscard]] QRadioButton* hoursButton() const { return m_hours; }
    [[nodiscard]] TimeOfDayBox* fromBox() const { return m_from; }
    [[nodiscard]] TimeOfDayBox* toBox() const { return m_to; }

public slots:
    void save();

private:
    models::AdminSession* m_session;
    QDateEdit* m_date;
    QRadioButton* m_unavailable;
    QRadioButton* m_hours;
    TimeOfDayBox* m_from;
    TimeOfDayBox* m_to;
    FormFeedback* m_feedback;
    bool m_saving = false;
};

} // namespace slotdesk::ui
