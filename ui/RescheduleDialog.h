#pragma once
// RescheduleDialog: asks for a booking's new time — a date, a start and a length from the
// lengths the admin offers — in the admin's zone. It only asks: BookingActions checks what the
// new time collides with and moves the booking once the dialog is accepted.

#include "domain/Entities.h"
#include "ui/EditDialog.h"

class QComboBox;
class QDateEdit;

namespace slotdesk::ui {

class TimeOfDayBox;

class RescheduleDialog : public EditDialog {
    Q_OBJECT
public:
    RescheduleDialog(const Booking& booking, const BookingSettings& settings,
                     const QString& adminZone, QWidget* parent = nullptr);

    // Valid once accepted: the new start (UTC) and length in minutes.
    [[nodiscard]] QDateTime start() const { return m_start; }
    [[nodiscard]] int duration() const;

public slots:
    // Checks the fields and accepts the dialog, or shows the problem beside its field.
    void submit();

private:
    QString m_zone;
    QDateEdit* m_date;
    TimeOfDayBox* m_time;
    QComboBox* m_length;
    QDateTime m_start;
};

} // namespace slotdesk::ui
