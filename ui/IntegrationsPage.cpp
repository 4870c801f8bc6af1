#include "ui/IntegrationsPage.h"

#include "models/IntegrationModel.h"
#include "ui/CalendarListCard.h"
#include "ui/GoogleCalendarCard.h"
#include "ui/PageHeader.h"
#include "ui/ScrollingPage.h"
#include "ui/ZoomCard.h"

#include <QVBoxLayout>

namespace slotdesk::ui {

IntegrationsPage::IntegrationsPage(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_model(new models::IntegrationModel(session, this)) {
    setObjectName(QStringLiteral("integrationsPage"));
    // Taller than the window once calendars are added: the cards scroll.
    auto* content = new QWidget(this);
    auto* header = new PageHeader(
        tr("Integrations"),
        tr("Calendars SlotDesk reads your busy time from, and video meetings for bookings."),
        content);
    // One read of the admin's integrations serves every card.
    m_google = new GoogleCalendarCard(session, m_model, content);
    m_calendars = new CalendarListCard(session, m_model, content);
    // "Add calendar… → Google Calendar" is the Google card's Connect.
    connect(m_calendars, &CalendarListCard::googleRequested, m_google,
            &GoogleCalendarCard::connectGoogle);
    m_zoom = new ZoomCard(session, m_model, content);

    QVBoxLayout* layout = layOutScrollingPage(this, content);
    layout->addWidget(header);
    layout->addWidget(m_google);
    layout->addWidget(m_calendars);
    layout->addWidget(m_zoom);
    layout->addStretch(1);
}

void IntegrationsPage::setServices(CalendarSyncService* calendar, zoom::ZoomService* zoom) {
    m_google->setService(calendar);
    m_calendars->setService(calendar);
    m_zoom->setService(zoom);
}

void IntegrationsPage::setQuestionHandler(const Question& question) {
    m_google->setQuestionHandler(question);
    m_calendars->setQuestionHandler(question);
    m_zoom->setQuestionHandler(question);
}

void IntegrationsPage::setUrlOpener(const UrlOpener& opener) {
    m_google->setUrlOpener(opener);
    m_calendars->setUrlOpener(opener);
    m_zoom->setUrlOpener(opener);
}

} // namespace slotdesk::ui
