#pragma once
// ZoomCard: the Zoom connection on the Integrations page — status, account and the last error —
// with Connect (the browser sign-in, with a Cancel while it waits; Reconnect once Zoom has
// revoked the grant) and Disconnect (after a question). Without a ZoomService its buttons stay
// disabled. When no Zoom OAuth app is configured, Connect asks for one first.

#include "ui/IntegrationCard.h"

#include <QPointer>

class QPushButton;

namespace slotdesk::integration {
class KeychainSecretStore;
}
namespace slotdesk::zoom {
class ZoomService;
}

namespace slotdesk::ui {

class ZoomCard : public IntegrationCard {
    Q_OBJECT
public:
    // The Zoom connection comes from `model` (the page's).
    ZoomCard(models::AdminSession* session, models::IntegrationModel* model,
             QWidget* parent = nullptr);

    // May be null (the buttons stay disabled). Not owned. It may live on another thread (the
    // desktop's ServiceThread): the card calls it there and follows its signals.
    void setService(zoom::ZoomService* zoom);

private:
    void showIntegration();
    void connectZoom();
    void disconnectZoom();

    models::AdminSession* m_session;
    models::IntegrationModel* m_model;
    QPointer<zoom::ZoomService> m_zoom;
    bool m_connected = false;
    bool m_clientCheck = false; // asking the keychain whether a Zoom app is configured
    bool m_connecting = false;  // from asking the service to connect until it says how it went

    QLabel* m_status;
    QLabel* m_account;
    QPushButton* m_connect;
    QPushButton* m_disconnect;
    QPushButton* m_cancelConnect;
    // The Zoom app's secret, read and saved from here (the keychain answers asynchronously).
    integration::KeychainSecretStore* m_keychain;
};

} // namespace slotdesk::ui
