#include "ui/RequestNotifier.h"

#include "models/Plural.h"
#include "models/TimeText.h"
#include "ui/Icons.h"

#include <QSystemTrayIcon>

#ifdef SLOTDESK_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace slotdesk::ui {
namespace {

#ifdef SLOTDESK_HAVE_DBUS
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
#endif

const QString kApprove = QStringLiteral("approve");
const QString kReject = QStringLiteral("reject");
const QString kDefault = QStringLiteral("default"); // the spec's key for a click on the body

} // namespace

RequestNotifier::RequestNotifier(QSystemTrayIcon* tray, QObject* parent)
    : QObject(parent)
    , m_tray(tray) {
    if (m_tray)
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                &RequestNotifier::openApprovalsRequested);
    connectToServer();
}

void RequestNotifier::connectToServer() {
#ifdef SLOTDESK_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                             QStringLiteral("GetCapabilities"));
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher* finished) {
                finished->deleteLater();
                const QDBusPendingReply<QStringList> reply = *finished;
                // No server (or one that fails) leaves the tray balloon in charge.
                m_serverHasActions =
                    !reply.isError() && reply.value().contains(QStringLiteral("actions"));
                emit capabilitiesKnown(m_serverHasActions);
            });
#endif
}

void RequestNotifier::notify(const QVector<Booking>& bookings, const QString& zone) {
    if (bookings.isEmpty())
        return;
    if (bookings.size() > kOneByOne) {
        const int count = static_cast<int>(bookings.size());
        send(models::plural(tr("%n new booking request(s)", nullptr, count), count),
             tr("Open Approvals to review them."), QString());
        return;
    }
    for (const Booking& b : bookings)
        send(tr("New booking request from %1").arg(b.attendeeName),
             models::TimeText::range(b.startTime, b.endTime, zone), b.id);
}

void RequestNotifier::send(const QString& summary, const QString& body, const QString& bookingId) {
#ifdef SLOTDESK_HAVE_DBUS
    if (m_serverHasActions) {
        QStringList actions{kDefault, tr("Open Approvals")};
        if (!bookingId.isEmpty())
            actions << kApprove << tr("Approve") << kReject << tr("Reject");
        const QVariantMap hints{
            {QStringLiteral("desktop-entry"), QStringLiteral("slotdesk")},
            {QStringLiteral("category"), QStringLiteral("x-slotdesk.request")},
            {QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)},
        };
        QDBusMessage call =
            QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
        // The attendee's name goes in the summary, which the spec keeps free of markup.
        call << QStringLiteral("SlotDesk") << 0u << QStringLiteral("slotdesk") << summary << body
             << actions << hints << -1;
        auto* watcher =
            new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, bookingId](QDBusPendingCallWatcher* finished) {
                    finished->deleteLater();
                    const QDBusPendingReply<uint> reply = *finished;
                    if (!reply.isError())
                        m_bookingByNotification.insert(reply.value(), bookingId);
                });
        return;
    }
#endif
    Q_UNUSED(bookingId)
    if (m_tray)
        m_tray->showMessage(summary, body, Icons::appIcon());
}

void RequestNotifier::onActionInvoked(uint notificationId, const QString& actionKey) {
    const auto found = m_bookingByNotification.constFind(notificationId);
    if (found == m_bookingByNotification.constEnd())
        return; // another application's notification
    const QString bookingId = *found;
    if (actionKey == kApprove && !bookingId.isEmpty())
        emit approveRequested(bookingId);
    else if (actionKey == kReject && !bookingId.isEmpty())
        emit rejectRequested(bookingId);
    else if (actionKey == kDefault)
        emit openApprovalsRequested();
}

void RequestNotifier::onNotificationClosed(uint notificationId, uint reason) {
    Q_UNUSED(reason)
    m_bookingByNotification.remove(notificationId);
}

} // namespace slotdesk::ui
