#include "ui/CalendarListCard.h"

#include "models/AdminSession.h"
#include "models/IntegrationModel.h"
#include "models/ServiceThread.h"
#include "ui/AddCalendarDialog.h"
#include "ui/Appearance.h"
#include "ui/CalendarChoicesDialog.h"

#include "calendar/CalendarSyncService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace slotdesk::ui {

CalendarListCard::CalendarListCard(models::AdminSession* session, models::IntegrationModel* model,
                                   QWidget* parent)
    : IntegrationCard(Icons::Glyph::Calendar, tr("Other calendars"),
                      tr("CalDAV accounts (Nextcloud, Fastmail, iCloud, Radicale…) and "
                         "read-only ICS feeds. Their events keep your time free, like Google "
                         "Calendar's."),
                      parent)
    , m_session(session)
    , m_model(model)
    , m_list(new QWidget(this))
    , m_rows(new QVBoxLayout(m_list))
    , m_add(new QPushButton(tr("Add calendar…"), this)) {
    m_list->setObjectName(QStringLiteral("calendarList"));
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(12);
    m_add->setObjectName(QStringLiteral("addCalendar"));
    addWidget(m_list);
    addButtons({m_add});
    connect(m_add, &QPushButton::clicked, this, &CalendarListCard::openAddDialog);
    connect(m_model, &models::IntegrationModel::refreshed, this, &CalendarListCard::showCalendars);
    setService(nullptr);
}

void CalendarListCard::setService(CalendarSyncService* calendar) {
    if (m_calendar)
        disconnect(m_calendar, nullptr, this, nullptr);
    m_calendar = calendar;
    if (calendar) {
        connect(calendar, &CalendarSyncService::calendarAdded, this,
                [this](bool ok, const QString&, const QString&) {
                    if (ok)
                        m_model->reload();
                });
        connect(calendar, &CalendarSyncService::disconnectFinished, this,
                [this](bool ok, const QString& id, const QString& message) {
                    // Google's disconnects are the Google card's to report.
                    if (m_model->rowOf(id) >= 0 &&
                        m_model->rowAt(m_model->rowOf(id)).type == CalendarType::GoogleCalendar)
                        return;
                    showMessage(ok, message);
                    m_model->reload();
                });
    }
    m_add->setEnabled(calendar != nullptr);
    m_add->setToolTip(calendar ? QString() : withoutServiceText());
    showCalendars();
}

AddCalendarDialog* CalendarListCard::openAddDialog() {
    auto* dialog = new AddCalendarDialog(m_calendar.data(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &AddCalendarDialog::googleRequested, this, &CalendarListCard::googleRequested);
    connect(dialog, &AddCalendarDialog::calendarAdded, this,
            [this](const QString&, const QString& message) {
                showMessage(true, message);
                m_model->reload();
            });
    hideMessage();
    dialog->open();
    return dialog;
}

void CalendarListCard::showCalendars() {
    while (QLayoutItem* item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int shown = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const CalendarIntegration& calendar = m_model->rowAt(i);
        if (calendar.type == CalendarType::GoogleCalendar)
            continue;
        m_rows->addWidget(makeRow(calendar));
        ++shown;
    }
    if (shown == 0) {
        auto* empty = new QLabel(tr("No CalDAV account or ICS feed yet."), m_list);
        empty->setObjectName(QStringLiteral("hint"));
        m_rows->addWidget(empty);
    }
}

QWidget* CalendarListCard::makeRow(const CalendarIntegration& calendar) {
    auto* row = new QWidget(m_list);
    row->setObjectName(QStringLiteral("calendarRow"));
    row->setProperty("integrationId", calendar.id);
    const bool feed = calendar.type == CalendarType::IcsFeed;
    const QString name = calendar.displayName.isEmpty() ? calendar.sourceUrl : calendar.displayName;

    auto* title = new QLabel(name, row);
    title->setObjectName(QStringLiteral("calendarName"));
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    // Where it is: a feed's address without its secret parts, an account's user and server.
    const QString host = QUrl(calendar.sourceUrl).host();
    const QString where =
        feed ? calendar.sourceUrl
             : (calendar.username.isEmpty() ? host : tr("%1 on %2").arg(calendar.username, host));
    auto* kind =
        new QLabel(tr("%1 · %2").arg(feed ? tr("ICS feed") : tr("CalDAV account"), where), row);
    kind->setObjectName(QStringLiteral("calendarKind"));
    kind->setTextFormat(Qt::PlainText);
    auto* status = new QLabel(row);
    status->setObjectName(QStringLiteral("calendarStatus"));
    status->setTextFormat(Qt::RichText);
    QString statusText = tr("%1 · last sync: %2")
                             .arg(syncStatusText(calendar.syncStatus),
                                  lastSyncText(calendar.lastSyncAt, *m_session).toHtmlEscaped());
    // The error quotes the server: escaped. On the status label's second line (one label: a row
    // whose lines change while the page is shown keeps its height right).
    if (!calendar.syncError.isEmpty())
        statusText +=
            QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                .arg(Appearance::danger(palette()).name(), calendar.syncError.toHtmlEscaped());
    status->setText(statusText);
    auto* remove = new QPushButton(tr("Remove…"), row);
    remove->setObjectName(QStringLiteral("calendarRemove"));
    remove->setEnabled(m_calendar != nullptr);
    remove->setToolTip(m_calendar ? QString() : withoutServiceText());
    connect(remove, &QPushButton::clicked, this,
            [this, id = calendar.id, name] { this->remove(id, name); });

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title);
    text->addWidget(kind);
    text->addWidget(status);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(text, 1);
    if (!feed) {
        // Stored through the window's database worker: no service needed.
        auto* choices = new QPushButton(tr("Calendars…"), row);
        choices->setObjectName(QStringLiteral("calendarChoices"));
        choices->setToolTip(tr("Which calendars of this account block your time and which one "
                               "receives approved bookings"));
        connect(choices, &QPushButton::clicked, this, [this, calendar] {
            CalendarChoicesDialog::openOver(this, m_session, m_calendar.data(), calendar);
        });
        layout->addWidget(choices, 0, Qt::AlignTop);
    }
    layout->addWidget(remove, 0, Qt::AlignTop);
    return row;
}

void CalendarListCard::remove(const QString& integrationId, const QString& name) {
    if (!m_calendar)
        return;
    ask(
        tr("Remove “%1”?").arg(name),
        tr("SlotDesk will forget this calendar, its synced busy times and its password or "
           "address in the keychain. The calendar itself keeps its events."),
        [this, integrationId](bool yes) {
            if (yes)
                models::invokeOnThread(m_calendar.data(),
                                       [integrationId](CalendarSyncService& calendar) {
                                           calendar.removeCalendar(integrationId);
                                       });
        },
        tr("Remove"));
}

} // namespace slotdesk::ui
