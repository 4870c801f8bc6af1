#pragma once
// BookingDetailsPanel: everything about one booking at a glance — attendee, email, the time in
// the admin's zone and in the attendee's, notes, the video link — with the actions its state
// allows (approve or reject a request, cancel a confirmed booking, move either to another time).
// Also shows busy events.

#include "domain/Entities.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class BookingActions;

class BookingDetailsPanel : public QFrame {
    Q_OBJECT
public:
    explicit BookingDetailsPanel(QWidget* parent = nullptr);

    void showBooking(const Booking& booking, const QString& adminZone);
    // Reads the booking (on the session's worker), then shows it and the panel — or hides the
    // panel if there is no such booking. Until then the panel stays as it is.
    void showBookingById(models::AdminSession* session, const QString& bookingId);
    void showBusyEvent(const QString& title, const QDateTime& start, const QDateTime& end,
                       const QString& adminZone);
    // Hides the panel; a booking still being read is not shown when it arrives.
    void dismiss();
    [[nodiscard]] QString bookingId() const { return m_bookingId; }
    // Routes the panel's buttons to `actions` (reasons are asked for first).
    void setActions(BookingActions* actions);

signals:
    void approveRequested(const QString& bookingId);
    void rejectRequested(const QString& bookingId);
    void cancelRequested(const QString& bookingId);
    void rescheduleRequested(const QString& bookingId);
    void closeRequested();

private:
    QLabel* addRow(const QString& objectName, const QString& accessibleName);
    void setRow(QLabel* label, const QString& text);

    QString m_bookingId;
    quint64 m_request = 0; // the newest showBookingById(): older answers are dropped
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_adminTime;
    QLabel* m_attendeeTime;
    QLabel* m_email;
    QLabel* m_video;
    QLabel* m_notes;
    QLabel* m_reason;
    QLabel* m_mails;
    QLabel* m_moves;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QPushButton* m_cancel;
    QPushButton* m_reschedule;
    QToolButton* m_close;
    QVBoxLayout* m_rows;
};

} // namespace slotdesk::ui
