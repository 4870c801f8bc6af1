#pragma once
// RequestNotifier: tells the admin about new booking requests on the desktop. Where the desktop
// runs a freedesktop notification server that supports actions (org.freedesktop.Notifications
// on the session bus, Desktop Notifications Specification 1.2), each request's notification
// carries "Approve" and "Reject" buttons and a click opens Approvals; elsewhere it falls back to
// the tray icon's balloon, whose click opens Approvals. Calls to the server are asynchronous:
// a slow or hung notification daemon never stalls the window.

#include "domain/Entities.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVector>

class QSystemTrayIcon;

namespace slotdesk::ui {

class RequestNotifier : public QObject {
    Q_OBJECT
public:
    // More new requests at once than this get one summary notification.
    static constexpr int kOneByOne = 3;

    RequestNotifier(QSystemTrayIcon* tray, QObject* parent);

    // New pending requests, their times shown in `zone`.
    void notify(const QVector<Booking>& bookings, const QString& zone);

    // Whether the session's notification server offers action buttons (known shortly after
    // construction; false until the server has answered).
    [[nodiscard]] bool hasActions() const { return m_serverHasActions; }

signals:
    void approveRequested(const QString& bookingId);
    void rejectRequested(const QString& bookingId);
    void openApprovalsRequested();
    // The server has answered GetCapabilities.
    void capabilitiesKnown(bool actions);

private slots:
    void onActionInvoked(uint notificationId, const QString& actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void connectToServer();
    void send(const QString& summary, const QString& body, const QString& bookingId);

    QPointer<QSystemTrayIcon> m_tray;
    bool m_serverHasActions = false;
    // Notification id → the booking it is about (empty for a summary).
    QHash<uint, QString> m_bookingByNotification;
};

} // namespace slotdesk::ui
