#include "ui/GoogleCalendarCard.h"

#include "models/AdminSession.h"
#include "models/IntegrationModel.h"
#include "models/Plural.h"
#include "models/ServiceThread.h"
#include "ui/CalendarChoicesDialog.h"

#include "calendar/CalendarSyncService.h"
#include "calendar/GoogleConfig.h"

#include <QLabel>
#include <QPushButton>

namespace slotdesk::ui {

GoogleCalendarCard::GoogleCalendarCard(models::AdminSession* session,
                                       models::IntegrationModel* model, QWidget* parent)
    : IntegrationCard(Icons::Glyph::Calendar, tr("Google Calendar"),
                      tr("SlotDesk keeps the times of your Google Calendar events free, so "
                         "nobody can book over them, shows them on your calendar, and adds "
                         "approved bookings to it."),
                      parent)
    , m_session(session)
    , m_model(model)
    , m_status(new QLabel(this))
    , m_account(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_jobs(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect Google Calendar…"), this))
    , m_syncNow(new QPushButton(tr("Sync now"), this))
    , m_chooseCalendars(new QPushButton(tr("Calendars…"), this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
    , m_cancelConnect(new QPushButton(tr("Cancel"), this)) {
    m_status->setObjectName(QStringLiteral("integrationStatus"));
    m_status->setTextFormat(Qt::RichText);
    // The account is what Google says it is, and a job's last error quotes Google: plain text.
    m_account->setObjectName(QStringLiteral("integrationAccount"));
    m_account->setTextFormat(Qt::PlainText);
    m_lastSync->setObjectName(QStringLiteral("integrationLastSync"));
    m_lastSync->setTextFormat(Qt::PlainText);
    m_jobs->setObjectName(QStringLiteral("integrationJobs"));
    m_jobs->setTextFormat(Qt::PlainText);
    m_jobs->setWordWrap(true);
    m_connect->setObjectName(QStringLiteral("primary")); // the style sheet's main button
    m_syncNow->setObjectName(QStringLiteral("googleSyncNow"));
    m_chooseCalendars->setObjectName(QStringLiteral("googleCalendars"));
    m_chooseCalendars->setToolTip(tr("Which calendars block your time and which one receives "
                                     "approved bookings"));
    m_disconnect->setObjectName(QStringLiteral("googleDisconnect"));
    m_cancelConnect->setObjectName(QStringLiteral("googleCancelConnect"));
    m_cancelConnect->hide();

    addFact(tr("Status"), m_status);
    addFact(tr("Account"), m_account);
    addFact(tr("Last sync"), m_lastSync);
    addFact(tr("Calendar writes"), m_jobs);

    addButtons({m_connect, m_syncNow, m_chooseCalendars, m_disconnect, m_cancelConnect});

    connect(m_connect, &QPushButton::clicked, this, &GoogleCalendarCard::connectGoogle);
    connect(m_disconnect, &QPushButton::clicked, this, &GoogleCalendarCard::disconnectGoogle);
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        models::invokeOnThread(m_calendar.data(),
                               [](CalendarSyncService& calendar) { calendar.syncNow(); });
    });
    connect(m_chooseCalendars, &QPushButton::clicked, this, [this] {
        if (const int row = m_model->googleCalendarRow(); row >= 0)
            CalendarChoicesDialog::openOver(this, m_session, m_calendar.data(),
                                            m_model->rowAt(row));
    });
    connect(m_cancelConnect, &QPushButton::clicked, this, [this] {
        models::invokeOnThread(m_calendar.data(),
                               [](CalendarSyncService& calendar) { calendar.cancelConnect(); });
    });
    // The model reads the connection and the calendar writes owed (which change with bookings
    // too) whenever the database changes.
    connect(m_model, &models::IntegrationModel::refreshed, this,
            &GoogleCalendarCard::showIntegration);
    showIntegration();
}

void GoogleCalendarCard::setService(CalendarSyncService* calendar) {
    if (m_calendar)
        disconnect(m_calendar, nullptr, this, nullptr);
    m_calendar = calendar;
    m_connecting = false;
    if (calendar) {
        connect(calendar, &CalendarSyncService::authorizationUrlReady, this,
                [this](const QUrl& url) {
                    m_connecting = true;
                    showWaiting(url);
                    updateButtons();
                });
        connect(calendar, &CalendarSyncService::connectFinished, this,
                [this](bool ok, const QString&, const QString& message) {
                    m_connecting = false;
                    hideWaiting();
                    showMessage(ok, ok ? message : tr("Could not connect: %1").arg(message));
                    m_model->reload();
                    updateButtons();
                });
        connect(calendar, &CalendarSyncService::disconnectFinished, this,
                [this](bool ok, const QString&, const QString& message) {
                    showMessage(ok, message);
                    m_model->reload();
                });
        connect(calendar, &CalendarSyncService::integrationChanged, m_model,
                &models::IntegrationModel::reload);
        connect(calendar, &CalendarSyncService::calendarJobsChanged, m_model,
                &models::IntegrationModel::reload);
        // Only this admin's calendar: on a shared database the service syncs other admins' too.
        connect(calendar, &CalendarSyncService::syncStarted, this,
                [this](const QString& integrationId) {
                    if (m_model->rowOf(integrationId) < 0)
                        return;
                    m_syncing = true;
                    showIntegration();
                });
        connect(calendar, &CalendarSyncService::syncFinished, this, [this] {
            m_syncing = false;
            m_model->reload();
            showIntegration();
        });
    }
    m_model->reload();
    showIntegration();
}

void GoogleCalendarCard::showIntegration() {
    const int row = m_model->googleCalendarRow();
    const bool connected = row >= 0 && m_model->rowAt(row).syncStatus != SyncStatus::Disconnected;
    if (row < 0) {
        m_status->setText(syncStatusText(SyncStatus::Disconnected));
        m_account->setText(tr("—"));
        m_lastSync->setText(m_syncing ? tr("Syncing…") : tr("Never"));
        showError({});
    } else {
        const CalendarIntegration& c = m_model->rowAt(row);
        m_status->setText(syncStatusText(c.syncStatus));
        m_account->setText(c.accountEmail.isEmpty() ? tr("—") : c.accountEmail);
        m_lastSync->setText(m_syncing && connected ? tr("Syncing…")
                                                   : lastSyncText(c.lastSyncAt, *m_session));
        showError(c.syncError);
    }
    updateButtons();
    updateJobs();
}

void GoogleCalendarCard::updateJobs() {
    if (!m_calendar) {
        m_jobs->setText(tr("—"));
        return;
    }
    const auto& jobs = m_model->calendarJobs();
    int pending = 0;
    int failed = 0;
    QString lastError;
    QDateTime lastErrorAt;
    for (const auto& job : jobs) {
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

void GoogleCalendarCard::updateButtons() {
    const int row = m_model->googleCalendarRow();
    const bool connected = row >= 0 && m_model->rowAt(row).syncStatus != SyncStatus::Disconnected;
    const bool connecting = m_calendar && m_connecting;
    for (QPushButton* button : {m_connect, m_disconnect, m_syncNow}) {
        button->setEnabled(m_calendar != nullptr && !connecting);
        button->setToolTip(m_calendar ? QString() : withoutServiceText());
    }
    m_connect->setVisible(!connected || connecting);
    m_connect->setText(connected ? tr("Reconnect Google Calendar…")
                                 : tr("Connect Google Calendar…"));
    m_disconnect->setVisible(connected && !connecting);
    m_syncNow->setVisible(connected && !connecting);
    // The choices are stored through the window's database worker: no service needed.
    m_chooseCalendars->setVisible(connected && !connecting);
    m_cancelConnect->setVisible(connecting);
    if (!connecting)
        hideWaiting();
}

void GoogleCalendarCard::connectGoogle() {
    if (!m_calendar)
        return;
    if (!google::ClientCredentials::load()) {
        askForClient(OAuthClientDialog::Provider::Google, [this](const OAuthClientDialog& dialog) {
            google::ClientCredentials::saveToSettings({dialog.clientId(), dialog.clientSecret()});
            connectGoogle();
        });
        return;
    }
    hideMessage();
    m_connecting = true;
    models::invokeOnThread(m_calendar.data(),
                           [](CalendarSyncService& calendar) { calendar.connectGoogle(); });
    updateButtons();
}

void GoogleCalendarCard::disconnectGoogle() {
    const int row = m_model->googleCalendarRow();
    if (!m_calendar || row < 0)
        return;
    const QString id = m_model->rowAt(row).id;
    ask(tr("Disconnect Google Calendar?"),
        tr("SlotDesk will revoke its access at Google, forget the tokens and the synced busy "
           "times, and drop calendar writes still owed. Your Google Calendar keeps its events."),
        [this, id](bool yes) {
            if (yes)
                models::invokeOnThread(m_calendar.data(), [id](CalendarSyncService& calendar) {
                    calendar.disconnectIntegration(id);
                });
        });
}

} // namespace slotdesk::ui
