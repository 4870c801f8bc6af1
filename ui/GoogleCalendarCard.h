#pragma once
// GoogleCalendarCard: the Google Calendar connection on the Integrations page — status,
// account, last sync, the last error and the calendar writes still owed — with Connect (the
// browser sign-in, with a Cancel while it waits), Sync now, Calendars… (which of the account's
// calendars block time and which receives bookings: CalendarChoicesDialog) and Disconnect (after
// a question).
// Without a CalendarSyncService its buttons stay disabled. When no OAuth client is configured,
// Connect asks for one first.

#include "ui/IntegrationCard.h"

#include <QPointer>

class QPushButton;

namespace slotdesk::ui {

class GoogleCalendarCard : public IntegrationCard {
    Q_OBJECT
public:
    // The connection and the writes owed come from `model` (the page's).
    GoogleCalendarCard(models::AdminSession* session, models::IntegrationModel* model,
                       QWidget* parent = nullptr);

    // May be null (the buttons stay disabled). Not owned. It may live on another thread (the
    // desktop's ServiceThread): the card calls it there and follows its signals.
    void setService(CalendarSyncService* calendar);
    // Connect (what its Connect button does; also the Add calendar dialog's Google choice).
    void connectGoogle();

private:
    void showIntegration();
    void updateJobs();
    void updateButtons();
    void disconnectGoogle();

    models::AdminSession* m_session;
    models::IntegrationModel* m_model;
    QPointer<CalendarSyncService> m_calendar;
    bool m_syncing = false;
    bool m_connecting = false; // from asking the service to connect until it says how it went

    QLabel* m_status;
    QLabel* m_account;
    QLabel* m_lastSync;
    QLabel* m_jobs;
    QPushButton* m_connect;
    QPushButton* m_syncNow;
    QPushButton* m_chooseCalendars;
    QPushButton* m_disconnect;
    QPushButton* m_cancelConnect;
};

} // namespace slotdesk::ui
