#include "ui/IntegrationsPage.h"

#include "models/AdminSession.h"
#include "models/IntegrationModel.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"
#include "ui/Icons.h"
#include "ui/PageHeader.h"

#include "core/ZonedTime.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

IntegrationsPage::IntegrationsPage(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new models::IntegrationModel(session, this))
    , m_status(new QLabel(this))
    , m_account(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_error(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect Google Calendar…"), this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
    , m_syncNow(new QPushButton(tr("Sync now"), this)) {
    setObjectName(QStringLiteral("integrationsPage"));
    auto* header = new PageHeader(tr("Integrations"),
                                  tr("Calendars SlotDesk reads your busy time from."), this);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setMaximumWidth(760);
    auto* icon = new QLabel(card);
    icon->setPixmap(Icons::icon(Icons::Glyph::Calendar).pixmap(QSize(36, 36)));
    auto* title = new QLabel(tr("Google Calendar"), card);
    title->setObjectName(QStringLiteral("sectionTitle"));
    auto* about = new QLabel(tr("SlotDesk keeps the times of your Google Calendar events free, so "
                                "nobody can book over them, and shows them on your calendar."),
                             card);
    about->setWordWrap(true);
    about->setObjectName(QStringLiteral("hint"));
    m_status->setObjectName(QStringLiteral("integrationStatus"));
    m_status->setTextFormat(Qt::RichText);
    m_account->setObjectName(QStringLiteral("integrationAccount"));
    m_lastSync->setObjectName(QStringLiteral("integrationLastSync"));
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QString coming = tr("Coming with Google Calendar support");
    for (QPushButton* button : {m_connect, m_disconnect, m_syncNow}) {
        button->setEnabled(false);
        button->setToolTip(coming);
        button->setAccessibleDescription(coming);
    }
    m_connect->setObjectName(QStringLiteral("primary"));

    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(18);
    facts->setVerticalSpacing(6);
    auto caption = [card](const QString& text) {
        auto* label = new QLabel(text, card);
        label->setObjectName(QStringLiteral("hint"));
        return label;
    };
    facts->addWidget(caption(tr("Status")), 0, 0);
    facts->addWidget(m_status, 0, 1);
    facts->addWidget(caption(tr("Account")), 1, 0);
    facts->addWidget(m_account, 1, 1);
    facts->addWidget(caption(tr("Last sync")), 2, 0);
    facts->addWidget(m_lastSync, 2, 1);
    facts->setColumnStretch(1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    auto* titleText = new QVBoxLayout;
    titleText->addWidget(title);
    titleText->addWidget(about);
    titleRow->addLayout(titleText, 1);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 18, 20, 18);
    cardLayout->setSpacing(14);
    cardLayout->addLayout(titleRow);
    cardLayout->addLayout(facts);
    cardLayout->addWidget(m_error);
    cardLayout->addLayout(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(18);
    layout->addWidget(header);
    layout->addWidget(card);
    layout->addStretch(1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IntegrationsPage::update);
    update();
}

QString IntegrationsPage::statusText() const {
    return m_status->text();
}

void IntegrationsPage::update() {
    const int row = m_model->googleCalendarRow();
    const QPalette& pal = palette();
    auto dot = [](const QColor& color, const QString& text) {
        return QStringLiteral("<span style=\"color:%1\">●</span> %2")
            .arg(color.name(), text.toHtmlEscaped());
    };
    if (row < 0) {
        m_status->setText(
            dot(Appearance::subtleText(pal), models::StatusText::sync(SyncStatus::Disconnected)));
        m_account->setText(tr("—"));
        m_lastSync->setText(tr("Never"));
        m_error->hide();
        m_disconnect->setVisible(false);
        m_syncNow->setVisible(false);
        m_connect->setVisible(true);
        return;
    }
    const CalendarIntegration& c = m_model->rowAt(row);
    const QColor color = c.syncStatus == SyncStatus::Active  ? Appearance::success(pal)
                         : c.syncStatus == SyncStatus::Error ? Appearance::danger(pal)
                                                             : Appearance::subtleText(pal);
    m_status->setText(dot(color, models::StatusText::sync(c.syncStatus)));
    m_account->setText(c.accountEmail.isEmpty() ? tr("—") : c.accountEmail);
    m_lastSync->setText(
        c.lastSyncAt.isValid()
            ? tr("%1 (%2)").arg(
                  models::TimeText::ago(c.lastSyncAt, QDateTime::currentDateTimeUtc()),
                  zonedtime::formatInZone(c.lastSyncAt, m_session->timeZone()))
            : tr("Never"));
    m_error->setText(c.syncError);
    m_error->setVisible(!c.syncError.isEmpty());
    const bool connected = c.syncStatus != SyncStatus::Disconnected;
    m_connect->setVisible(!connected);
    m_disconnect->setVisible(connected);
    m_syncNow->setVisible(connected);
}

} // namespace slotdesk::ui
