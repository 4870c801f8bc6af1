#pragma once
// IntegrationsPage: the Google Calendar connection — status, account, last sync and the last
// error — read live from IntegrationModel. Connecting and syncing arrive with Google Calendar
// support; until then the buttons say so.

#include <QWidget>

class QLabel;
class QPushButton;

namespace slotdesk::models {
class AdminSession;
class IntegrationModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class IntegrationsPage : public QWidget {
    Q_OBJECT
public:
    explicit IntegrationsPage(models::AdminSession* session, QWidget* parent = nullptr);

    [[nodiscard]] models::IntegrationModel* model() const { return m_model; }
    [[nodiscard]] QString statusText() const;

private:
    void update();

    models::AdminSession* m_session;
    models::IntegrationModel* m_model;
    QLabel* m_status;
    QLabel* m_account;
    QLabel* m_lastSync;
    QLabel* m_error;
    QPushButton* m_connect;
    QPushButton* m_disconnect;
    QPushButton* m_syncNow;
};

} // namespace slotdesk::ui
