#pragma once
// OverrideDialog: an exception to the weekly hours on one date — either the whole day off, or
// other hours that replace the weekly ones that day. Saves through AvailabilityService.

#include "domain/Entities.h"
#include "ui/EditDialog.h"

class QDateEdit;
class QRadioButton;

namespace slotdesk::ui {

class TimeOfDayBox;

class OverrideDialog : public EditDialog {
    Q_OBJECT
public:
    OverrideDialog(models::AdminSession* session, const QDate& date, QWidget* parent = nullptr);

    [[nodiscard]] QDateEdit* dateEdit() const { return m_date; }
    [[nodiscard]] QRadioButton* unavailableButton() const { return m_unavailable; }
    [[nodiscard]] QRadioButton* hoursButton() const { return m_hours; }
    [[nodiscard]] TimeOfDayBox* fromBox() const { return m_from; }
    [[nodiscard]] TimeOfDayBox* toBox() const { return m_to; }

public slots:
    void save();

private:
    QDateEdit* m_date;
    QRadioButton* m_unavailable;
    QRadioButton* m_hours;
    TimeOfDayBox* m_from;
    TimeOfDayBox* m_to;
};

} // namespace slotdesk::ui
