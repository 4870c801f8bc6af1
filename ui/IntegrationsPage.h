#pragma once
// IntegrationsPage: the page of connections to other services — one card per integration
// (GoogleCalendarCard, CalendarListCard with "Add calendar…", ZoomCard) under the page's header.
// The services are handed in with setServices(); without them the cards' buttons stay disabled.

#include "ui/IntegrationCard.h"

#include <QWidget>

namespace slotdesk {
class CalendarSyncService;
namespace zoom {
class ZoomService;
}
} // namespace slotdesk

namespace slotdesk::models {
class AdminSession;
class IntegrationModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class CalendarListCard;
class GoogleCalendarCard;
class ZoomCard;

class IntegrationsPage : public QWidget {
    Q_OBJECT
public:
    using Answer = IntegrationCard::Answer;
    using Question = IntegrationCard::Question;
    using UrlOpener = IntegrationCard::UrlOpener;

    explicit IntegrationsPage(models::AdminSession* session, QWidget* parent = nullptr);

    // Either may be null (that integration's buttons stay disabled). Not owned.
    void setServices(CalendarSyncService* calendar, zoom::ZoomService* zoom);
    // Replace the confirmation dialog and the browser of every card (tests).
    void setQuestionHandler(const Question& question);
    void setUrlOpener(const UrlOpener& opener);

private:
    models::IntegrationModel* m_model;
    GoogleCalendarCard* m_google;
    CalendarListCard* m_calendars;
    ZoomCard* m_zoom;
};

} // namespace slotdesk::ui
