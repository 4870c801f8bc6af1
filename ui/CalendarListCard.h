#pragma once
// CalendarListCard: the calendars beyond Google on the Integrations page — each CalDAV account
// and ICS feed with its name, kind, where it is, status, last sync and error, a Calendars… for a
// CalDAV account (which of its calendars block time and which receives bookings:
// CalendarChoicesDialog; a feed is one calendar) and a Remove… (after a question) — with "Add
// calendar…", which opens AddCalendarDialog. Without a CalendarSyncService Add and Remove stay
// disabled.

#include "ui/IntegrationCard.h"

#include <QPointer>

class QPushButton;
class QVBoxLayout;

namespace slotdesk::ui {

class AddCalendarDialog;

class CalendarListCard : public IntegrationCard {
    Q_OBJECT
public:
    // The calendars come from `model` (the page's).
    CalendarListCard(models::AdminSession* session, models::IntegrationModel* model,
                     QWidget* parent = nullptr);

    // May be null (the buttons stay disabled). Not owned; it may live on another thread.
    void setService(CalendarSyncService* calendar);
    // Opens the Add calendar dialog (what "Add calendar…" does); the dialog, for tests.
    AddCalendarDialog* openAddDialog();

signals:
    // The admin chose Google Calendar in the Add calendar dialog.
    void googleRequested();

private:
    void showCalendars();
    void remove(const QString& integrationId, const QString& name);
    [[nodiscard]] QWidget* makeRow(const CalendarIntegration& calendar);

    models::AdminSession* m_session;
    models::IntegrationModel* m_model;
    QPointer<CalendarSyncService> m_calendar;
    QWidget* m_list;
    QVBoxLayout* m_rows;
    QPushButton* m_add;
};

} // namespace slotdesk::ui
