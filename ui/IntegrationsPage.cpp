#include "ui/IntegrationsPage.h"

#include "models/AdminSession.h"
#include "models/IntegrationModel.h"
#include "models/Plural.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"
#include "ui/Icons.h"
#include "ui/OAuthClientDialog.h"
#include "ui/PageHeader.h"

#include "calendar/CalendarSyncService.h"
#include "calendar/GoogleConfig.h"
#include "core/ZonedTime.h"
#include "video/ZoomConfig.h"
#include "video/ZoomService.h"

#include <QDesktopServices>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

QString dot(const QColor& color, const QString& text) {
    return QStringLiteral("<span style=\"color:%1\">●</span> %2")
        .arg(color.name(), text.toHtmlEscaped());
}

struct Card {
    QFrame* frame;
    QGridLayout* facts;
    QVBoxLayout* layout;
};

Card makeCard(QWidget* parent, Icons::Glyph glyph, const QString& titleText,
              const QString& aboutText) {
    auto* card = new QFrame(parent);
    card->setObjectName(QStringLiteral("card"));
    card->setMaximumWidth(760);
    auto* icon = new QLabel(card);
    icon->setPixmap(Icons::icon(glyph).pixmap(QSize(36, 36)));
    auto* title = new QLabel(titleText, card);
    title->setObjectName(QStringLiteral("sectionTitle"));
    auto* about = new QLabel(aboutText, card);
    about->setWordWrap(true);
    about->setObjectName(QStringLiteral("hint"));
    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(18);
    facts->setVerticalSpacing(6);
    facts->setColumnStretch(1, 1);
    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    auto* titleColumn = new QVBoxLayout;
    titleColumn->addWidget(title);
    titleColumn->addWidget(about);
    titleRow->addLayout(titleColumn, 1);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(14);
    layout->addLayout(titleRow);
    layout->addLayout(facts);
    return {card, facts, layout};
}

QLabel* caption(QWidget* parent, const QString& text) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("hint"));
    return label;
}

// Errors and messages quote Google and Zoom (their error descriptions): plain text.
QLabel* messageLabel(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLabel* waitingLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->hide();
    return label;
}

} // namespace

IntegrationsPage::IntegrationsPage(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new models::IntegrationModel(session, this)) {
    setObjectName(QStringLiteral("integrationsPage"));
    m_openUrl = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    auto* header = new PageHeader(
        tr("Integrations"),
        tr("Calendars SlotDesk reads your busy time from, and video meetings for bookings."), this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(18);
    layout->addWidget(header);
    layout->addWidget(makeGoogleCard());
    layout->addWidget(makeZoomCard());
    layout->addStretch(1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &IntegrationsPage::update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IntegrationsPage::update);
    // Owed calendar writes and the Zoom row change with bookings (approve, cancel) too.
    connect(m_session, &models::AdminSession::databaseChanged, this, [this] {
        updateJobs();
        updateZoom();
    });
    update();
    updateZoom();
}

QWidget* IntegrationsPage::makeGoogleCard() {
    Card card = makeCard(this, Icons::Glyph::Calendar, tr("Google Calendar"),
                         tr("SlotDesk keeps the times of your Google Calendar events free, so "
                            "nobody can book over them, shows them on your calendar, and adds "
                            "approved bookings to it."));
    QWidget* w = card.frame;
    m_status = new QLabel(w);
    m_status->setObjectName(QStringLiteral("integrationStatus"));
    m_status->setTextFormat(Qt::RichText);
    // The account is what Google says it is, and a job's last error quotes Google: plain text.
    m_account = new QLabel(w);
    m_account->setObjectName(QStringLiteral("integrationAccount"));
    m_account->setTextFormat(Qt::PlainText);
    m_lastSync = new QLabel(w);
    m_lastSync->setObjectName(QStringLiteral("integrationLastSync"));
    m_lastSync->setTextFormat(Qt::PlainText);
    m_jobs = new QLabel(w);
    m_jobs->setObjectName(QStringLiteral("integrationJobs"));
    m_jobs->setTextFormat(Qt::PlainText);
    m_jobs->setWordWrap(true);
    m_error = messageLabel(w, QStringLiteral("fieldError"));
    m_googleMessage = messageLabel(w, QStringLiteral("hint"));
    m_googleWaiting = waitingLabel(w);
    m_connect = new QPushButton(tr("Connect Google Calendar…"), w);
    m_connect->setObjectName(QStringLiteral("primary"));
    m_syncNow = new QPushButton(tr("Sync now"), w);
    m_disconnect = new QPushButton(tr("Disconnect"), w);
    m_cancelConnect = new QPushButton(tr("Cancel"), w);
    m_cancelConnect->hide();

    card.facts->addWidget(caption(w, tr("Status")), 0, 0);
    card.facts->addWidget(m_status, 0, 1);
    card.facts->addWidget(caption(w, tr("Account")), 1, 0);
    card.facts->addWidget(m_account, 1, 1);
    card.facts->addWidget(caption(w, tr("Last sync")), 2, 0);
    card.facts->addWidget(m_lastSync, 2, 1);
    card.facts->addWidget(caption(w, tr("Calendar writes")), 3, 0);
    card.facts->addWidget(m_jobs, 3, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_disconnect);
    buttons->addWidget(m_cancelConnect);
    buttons->addStretch(1);
    card.layout->addWidget(m_error);
    card.layout->addWidget(m_googleMessage);
    card.layout->addWidget(m_googleWaiting);
    card.layout->addLayout(buttons);

    connect(m_connect, &QPushButton::clicked, this, &IntegrationsPage::connectGoogle);
    connect(m_disconnect, &QPushButton::clicked, this, &IntegrationsPage::disconnectGoogle);
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_calendar)
            m_calendar->syncNow();
    });
    connect(m_cancelConnect, &QPushButton::clicked, this, [this] {
        if (m_calendar)
            m_calendar->cancelConnect();
    });
    return w;
}

QWidget* IntegrationsPage::makeZoomCard() {
    Card card = makeCard(this, Icons::Glyph::Integrations, tr("Zoom"),
                         tr("When an attendee asks for Zoom, SlotDesk creates the meeting as you "
                            "approve the booking, puts its link into the booking and your "
                            "calendar event, and deletes it when the booking is cancelled."));
    QWidget* w = card.frame;
    w->setObjectName(QStringLiteral("card"));
    m_zoomStatus = new QLabel(w);
    m_zoomStatus->setObjectName(QStringLiteral("zoomStatus"));
    m_zoomStatus->setTextFormat(Qt::RichText);
    m_zoomAccount = new QLabel(w);
    m_zoomAccount->setObjectName(QStringLiteral("zoomAccount"));
    m_zoomAccount->setTextFormat(Qt::PlainText); // what Zoom says the account is
    m_zoomError = messageLabel(w, QStringLiteral("fieldError"));
    m_zoomMessage = messageLabel(w, QStringLiteral("hint"));
    m_zoomWaiting = waitingLabel(w);
    m_zoomConnect = new QPushButton(tr("Connect Zoom…"), w);
    m_zoomDisconnect = new QPushButton(tr("Disconnect"), w);
    m_zoomCancel = new QPushButton(tr("Cancel"), w);
    m_zoomCancel->hide();

    card.facts->addWidget(caption(w, tr("Status")), 0, 0);
    card.facts->addWidget(m_zoomStatus, 0, 1);
    card.facts->addWidget(caption(w, tr("Account")), 1, 0);
    card.facts->addWidget(m_zoomAccount, 1, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_zoomConnect);
    buttons->addWidget(m_zoomDisconnect);
    buttons->addWidget(m_zoomCancel);
    buttons->addStretch(1);
    card.layout->addWidget(m_zoomError);
    card.layout->addWidget(m_zoomMessage);
    card.layout->addWidget(m_zoomWaiting);
    card.layout->addLayout(buttons);

    connect(m_zoomConnect, &QPushButton::clicked, this, &IntegrationsPage::connectZoom);
    connect(m_zoomDisconnect, &QPushButton::clicked, this, &IntegrationsPage::disconnectZoom);
    connect(m_zoomCancel, &QPushButton::clicked, this, [this] {
        if (m_zoom)
            m_zoom->cancelConnect();
    });
    return w;
}

void IntegrationsPage::setServices(CalendarSyncService* calendar, video::ZoomService* zoom) {
    if (m_calendar)
        disconnect(m_calendar, nullptr, this, nullptr);
    if (m_zoom)
        disconnect(m_zoom, nullptr, this, nullptr);
    m_calendar = calendar;
    m_zoom = zoom;
    if (calendar) {
        connect(calendar, &CalendarSyncService::authorizationUrlReady, this,
                [this](const QUrl& url) { showWaiting(m_googleWaiting, url); });
        connect(calendar, &CalendarSyncService::connectFinished, this,
                [this](bool ok, const QString&, const QString& message) {
                    m_googleWaiting->hide();
                    showMessage(m_googleMessage, ok,
                                ok ? message : tr("Could not connect: %1").arg(message));
                    m_model->reload();
                    updateButtons();
                });
        connect(calendar, &CalendarSyncService::disconnectFinished, this,
                [this](bool ok, const QString&, const QString& message) {
                    showMessage(m_googleMessage, ok, message);
                    m_model->reload();
                    updateJobs();
                });
        connect(calendar, &CalendarSyncService::integrationChanged, m_model,
                &models::IntegrationModel::reload);
        connect(calendar, &CalendarSyncService::calendarJobsChanged, this,
                &IntegrationsPage::updateJobs);
        // Only this admin's calendar: on a shared database the service syncs other admins' too.
        connect(calendar, &CalendarSyncService::syncStarted, this,
                [this](const QString& integrationId) {
                    if (m_model->rowOf(integrationId) < 0)
                        return;
                    m_googleSyncing = true;
                    update();
                });
        connect(calendar, &CalendarSyncService::syncFinished, this, [this] {
            m_googleSyncing = false;
            m_model->reload();
            update();
            updateJobs();
        });
    }
    if (zoom) {
        connect(zoom, &video::ZoomService::authorizationUrlReady, this,
                [this](const QUrl& url) { showWaiting(m_zoomWaiting, url); });
        connect(zoom, &video::ZoomService::connectFinished, this,
                [this](bool ok, const QString& message) {
                    m_zoomWaiting->hide();
                    showMessage(m_zoomMessage, ok,
                                ok ? message : tr("Could not connect Zoom: %1").arg(message));
                    updateZoom();
                });
        connect(zoom, &video::ZoomService::disconnectFinished, this,
                [this](bool ok, const QString& message) {
                    showMessage(m_zoomMessage, ok, message);
                    updateZoom();
                });
        connect(zoom, &video::ZoomService::integrationChanged, this, &IntegrationsPage::updateZoom);
        connect(zoom, &video::ZoomService::syncFinished, this, &IntegrationsPage::updateZoom);
    }
    m_model->reload();
    update();
    updateZoom();
}

QString IntegrationsPage::statusText() const {
    return m_status->text();
}
QString IntegrationsPage::lastSyncText() const {
    return m_lastSync->text();
}
QString IntegrationsPage::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}
QString IntegrationsPage::jobsText() const {
    return m_jobs->text();
}
QString IntegrationsPage::googleMessageText() const {
    return m_googleMessage->isHidden() ? QString() : m_googleMessage->text();
}
QString IntegrationsPage::zoomStatusText() const {
    return m_zoomStatus->text();
}
QString IntegrationsPage::zoomAccountText() const {
    return m_zoomAccount->text();
}
QString IntegrationsPage::zoomMessageText() const {
    QStringList parts;
    for (QLabel* label : {m_zoomError, m_zoomMessage})
        if (!label->isHidden())
            parts.append(label->text());
    return parts.join(QLatin1Char('\n'));
}

// ---- Google ---------------------------------------------------------------------------------

void IntegrationsPage::update() {
    const int row = m_model->googleCalendarRow();
    const QPalette& pal = palette();
    const bool connected = row >= 0 && m_model->rowAt(row).syncStatus != SyncStatus::Disconnected;
    if (row < 0) {
        m_status->setText(
            dot(Appearance::subtleText(pal), models::StatusText::sync(SyncStatus::Disconnected)));
        m_account->setText(tr("—"));
        m_lastSync->setText(m_googleSyncing ? tr("Syncing…") : tr("Never"));
        m_error->hide();
    } else {
        const CalendarIntegration& c = m_model->rowAt(row);
        const QColor color = c.syncStatus == SyncStatus::Active  ? Appearance::success(pal)
                             : c.syncStatus == SyncStatus::Error ? Appearance::danger(pal)
                                                                 : Appearance::subtleText(pal);
        m_status->setText(dot(color, models::StatusText::sync(c.syncStatus)));
        m_account->setText(c.accountEmail.isEmpty() ? tr("—") : c.accountEmail);
        if (m_googleSyncing && connected)
            m_lastSync->setText(tr("Syncing…"));
        else
            m_lastSync->setText(
                c.lastSyncAt.isValid()
                    ? tr("%1 (%2)").arg(
                          models::TimeText::ago(c.lastSyncAt, QDateTime::currentDateTimeUtc()),
                          zonedtime::formatInZone(c.lastSyncAt, m_session->timeZone()))
                    : tr("Never"));
        m_error->setText(c.syncError);
        m_error->setVisible(!c.syncError.isEmpty());
    }
    updateButtons();
    updateJobs();
}

void IntegrationsPage::updateJobs() {
    if (!m_calendar) {
        m_jobs->setText(tr("—"));
        return;
    }
    auto jobs = m_calendar->calendarJobs();
    if (!jobs) {
        m_jobs->setText(jobs.error().message);
        return;
    }
    int pending = 0;
    int failed = 0;
    QString lastError;
    QDateTime lastErrorAt;
    for (const auto& job : *jobs) {
        (job.state == storage::CalendarJobState::Failed ? failed : pending)++;
        if (!job.lastError.isEmpty() && (!lastErrorAt.isValid() || job.updatedAt >= lastErrorAt)) {
            lastError = job.lastError;
            lastErrorAt = job.updatedAt;
        }
    }
    if (pending == 0 && failed == 0) {
        m_jobs->setText(tr("All sent"));
        return;
    }
    QStringList parts;
    if (pending > 0)
        parts.append(models::plural(tr("%n pending", nullptr, pending), pending));
    if (failed > 0)
        parts.append(models::plural(tr("%n failed", nullptr, failed), failed));
    QString text = parts.join(QStringLiteral(", "));
    if (!lastError.isEmpty())
        text = tr("%1 — last error: %2").arg(text, lastError);
    m_jobs->setText(text);
}

void IntegrationsPage::updateButtons() {
    const int row = m_model->googleCalendarRow();
    const bool connected = row >= 0 && m_model->rowAt(row).syncStatus != SyncStatus::Disconnected;
    const bool connecting = m_calendar && m_calendar->isConnecting();
    const QString missing = tr("Not available: this window was started without integrations");
    for (QPushButton* button : {m_connect, m_disconnect, m_syncNow}) {
        button->setEnabled(m_calendar != nullptr && !connecting);
        button->setToolTip(m_calendar ? QString() : missing);
    }
    m_connect->setVisible(!connected || connecting);
    m_connect->setText(connected ? tr("Reconnect Google Calendar…")
                                 : tr("Connect Google Calendar…"));
    m_disconnect->setVisible(connected && !connecting);
    m_syncNow->setVisible(connected && !connecting);
    m_cancelConnect->setVisible(connecting);
    if (!connecting)
        m_googleWaiting->hide();
}

void IntegrationsPage::connectGoogle() {
    if (!m_calendar)
        return;
    if (!google::ClientCredentials::load()) {
        askForClient(int(OAuthClientDialog::Provider::Google), [this] { connectGoogle(); });
        return;
    }
    m_googleMessage->hide();
    m_calendar->connectGoogle();
    updateButtons();
}

void IntegrationsPage::disconnectGoogle() {
    const int row = m_model->googleCalendarRow();
    if (!m_calendar || row < 0)
        return;
    const QString id = m_model->rowAt(row).id;
    ask(tr("Disconnect Google Calendar?"),
        tr("SlotDesk will revoke its access at Google, forget the tokens and the synced busy "
           "times, and drop calendar writes still owed. Your Google Calendar keeps its events."),
        [this, id](bool yes) {
            if (yes && m_calendar)
                m_calendar->disconnectIntegration(id);
        });
}

// ---- Zoom -----------------------------------------------------------------------------------

void IntegrationsPage::updateZoom() {
    const QPalette& pal = palette();
    std::optional<video::VideoIntegration> zoom;
    if (m_zoom && m_session->hasAdmin()) {
        auto found = m_zoom->integration();
        if (found)
            zoom = *found;
    }
    m_zoomConnected = zoom.has_value();
    const bool connecting = m_zoom && m_zoom->isConnecting();
    if (!zoom) {
        m_zoomStatus->setText(dot(Appearance::subtleText(pal), tr("Not connected")));
        m_zoomAccount->setText(tr("—"));
        m_zoomError->hide();
    } else {
        const bool ok = zoom->status == video::VideoIntegrationStatus::Connected;
        const QString status = ok ? tr("Connected")
                               : zoom->status == video::VideoIntegrationStatus::ReauthRequired
                                   ? tr("Reconnect needed")
                                   : tr("Error");
        m_zoomStatus->setText(dot(ok ? Appearance::success(pal) : Appearance::danger(pal), status));
        m_zoomAccount->setText(zoom->accountEmail.isEmpty() ? tr("—") : zoom->accountEmail);
        m_zoomError->setText(zoom->lastError);
        m_zoomError->setVisible(!zoom->lastError.isEmpty());
    }
    const bool reauth = zoom && !video::isUsable(zoom->status);
    const QString missing = tr("Not available: this window was started without integrations");
    for (QPushButton* button : {m_zoomConnect, m_zoomDisconnect}) {
        button->setEnabled(m_zoom != nullptr && !connecting);
        button->setToolTip(m_zoom ? QString() : missing);
    }
    m_zoomConnect->setText(reauth ? tr("Reconnect Zoom…") : tr("Connect Zoom…"));
    m_zoomConnect->setVisible(!m_zoomConnected || reauth || connecting);
    m_zoomDisconnect->setVisible(m_zoomConnected && !connecting);
    m_zoomCancel->setVisible(connecting);
    if (!connecting)
        m_zoomWaiting->hide();
}

void IntegrationsPage::connectZoom() {
    if (!m_zoom || m_zoomClientCheck)
        return;
    m_zoomMessage->hide();
    // Whether a Zoom OAuth app is configured is a question for the keychain (its secret is
    // there), which answers later.
    m_zoomClientCheck = true;
    m_zoom->loadClient(this, [this](Result<zoom::ClientCredentials> client) {
        m_zoomClientCheck = false;
        if (!m_zoom)
            return;
        if (!client && client.error().code == ErrorCode::Validation) {
            askForClient(int(OAuthClientDialog::Provider::Zoom), [this] { connectZoom(); });
            return;
        }
        if (!client) {
            showMessage(m_zoomMessage, false, client.error().message);
            return;
        }
        m_zoom->connectZoom();
        updateZoom();
    });
}

void IntegrationsPage::disconnectZoom() {
    if (!m_zoom || !m_zoomConnected)
        return;
    ask(tr("Disconnect Zoom?"),
        tr("SlotDesk will revoke its access at Zoom and forget the tokens. Meetings already "
           "created stay in Zoom; new approvals get no Zoom link."),
        [this](bool yes) {
            if (yes && m_zoom)
                m_zoom->disconnectZoom();
        });
}

// ---- shared ---------------------------------------------------------------------------------

void IntegrationsPage::askForClient(int provider, std::function<void()> connectNow) {
    auto* dialog = new OAuthClientDialog(static_cast<OAuthClientDialog::Provider>(provider), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog, connectNow = std::move(connectNow)] {
        if (dialog->provider() == OAuthClientDialog::Provider::Google) {
            google::ClientCredentials::saveToSettings({dialog->clientId(), dialog->clientSecret()});
            connectNow();
            return;
        }
        if (!m_zoom)
            return;
        // Zoom's secret goes to the keychain only: without a usable one nothing is saved, and
        // the card says why.
        m_zoom->saveClient({dialog->clientId(), dialog->clientSecret()}, this,
                           [this, connectNow](const Status& saved) {
                               if (!saved)
                                   showMessage(m_zoomMessage, false, saved.error().message);
                               else
                                   connectNow();
                           });
    });
    dialog->open();
}

void IntegrationsPage::showWaiting(QLabel* label, const QUrl& url) {
    const bool opened = m_openUrl && m_openUrl(url);
    const QString link = url.toString(QUrl::FullyEncoded).toHtmlEscaped();
    label->setText((opened
                        ? tr("Waiting for the browser… Sign in there and allow SlotDesk access.")
                        : tr("SlotDesk could not open a browser. Open this address to sign in:")) +
                   QStringLiteral(" <a href=\"%1\">%2</a>").arg(link, tr("Open the sign-in page")));
    label->show();
    updateButtons();
    updateZoom();
}

void IntegrationsPage::showMessage(QLabel* label, bool ok, const QString& text) {
    label->setObjectName(ok ? QStringLiteral("hint") : QStringLiteral("fieldError"));
    label->style()->unpolish(label);
    label->style()->polish(label);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void IntegrationsPage::ask(const QString& title, const QString& text, Answer answer) {
    if (m_question) {
        m_question(title, text, std::move(answer));
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, title, text,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText); // decided, not guessed
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->button(QMessageBox::Yes)->setText(tr("Disconnect"));
    connect(box, &QMessageBox::finished, this, [box, answer = std::move(answer)](int) {
        answer(box->clickedButton() == box->button(QMessageBox::Yes));
    });
    box->open();
}

} // namespace slotdesk::ui
