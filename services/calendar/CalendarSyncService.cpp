#include "calendar/CalendarSyncService.h"

#include "caldav/CalDavConnector.h"
#include "caldav/CalDavSyncRun.h"
#include "calendar/GoogleConnector.h"
#include "calendar/GoogleOAuthClient.h"
#include "icsfeed/IcsFeedAddress.h"
#include "icsfeed/IcsFeedSyncRun.h"
#include "integration/KeychainSecretStore.h"
#include "integration/OAuthTokenStore.h"
#include "profile/ProfileService.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/SqlSupport.h"

#include <QNetworkAccessManager>

namespace slotdesk {

CalendarSyncService::CalendarSyncService(storage::Database& database, core::Clock clock,
                                         QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock))
    , m_endpoints(google::Endpoints::fromEnvironment())
    , m_network(new QNetworkAccessManager(this))
    , m_store(new integration::OAuthTokenStore(this))
    , m_secrets(new integration::KeychainSecretStore(this))
    , m_oauth(new google::GoogleOAuthClient(m_endpoints, m_network, this))
    , m_connector(new GoogleConnector(database, m_endpoints, m_store, m_oauth, m_network, this))
    , m_calDav(new caldav::CalDavConnector(database, m_clock, m_secrets, m_network, this))
    , m_leaseHolder(LeaseHolder::forThisProcess()) {
    connect(m_connector, &GoogleConnector::authorizationUrlReady, this,
            &CalendarSyncService::authorizationUrlReady);
    connect(m_connector, &GoogleConnector::connectFinished, this,
            [this](bool ok, const QString& integrationId, const QString& message) {
                if (!integrationId.isEmpty())
                    emit integrationChanged(integrationId);
                emit connectFinished(ok, integrationId, message);
                if (ok)
                    syncNow(integrationId);
            });
    connect(m_connector, &GoogleConnector::disconnectFinished, this,
            [this](bool ok, const QString& integrationId, const QString& message) {
                emit integrationChanged(integrationId);
                emit calendarJobsChanged();
                emit disconnectFinished(ok, integrationId, message);
            });
    connect(m_calDav, &caldav::CalDavConnector::added, this,
            [this](bool ok, const QString& integrationId, const QString&, const QString& message) {
                if (ok)
                    emit integrationChanged(integrationId);
                emit calendarAdded(ok, integrationId, message);
                if (ok)
                    syncNow(integrationId);
            });
    m_pollTimer.setInterval(kDefaultPollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { poll(false); });
}

CalendarSyncService::~CalendarSyncService() {
    // Shutting down (serve got SIGTERM, the window quit): passes under way are abandoned, and
    // each gives its lease back, so the next process need not wait for it to expire.
    const auto runs = m_runs;
    m_runs.clear();
    qDeleteAll(runs);
}

void CalendarSyncService::setSyncInterval(std::chrono::milliseconds interval) {
    m_syncInterval = interval;
}

void CalendarSyncService::setPollInterval(std::chrono::milliseconds interval) {
    m_pollTimer.setInterval(interval);
}

void CalendarSyncService::start() {
    m_pollTimer.start();
    poll(true);
}

void CalendarSyncService::stop() {
    m_pollTimer.stop();
}

void CalendarSyncService::connectGoogle() {
    m_connector->connectAccount();
}

void CalendarSyncService::cancelConnect() {
    m_connector->cancel();
}

void CalendarSyncService::disconnectIntegration(const QString& integrationId) {
    m_again.remove(integrationId);
    m_connector->disconnectIntegration(integrationId);
}

bool CalendarSyncService::isSyncing(const QString& integrationId) const {
    return m_runs.contains(integrationId);
}

Result<QVector<CalendarIntegration>> CalendarSyncService::connectedIntegrations(const User& admin) {
    auto all = storage::CalendarIntegrationRepository(m_database.connection()).list(admin.id);
    if (!all)
        return all.error();
    QVector<CalendarIntegration> connected;
    for (const auto& integration : *all) {
        if (integration.syncStatus != SyncStatus::Disconnected)
            connected.append(integration);
    }
    return connected;
}

void CalendarSyncService::setAdminUsername(const QString& username) {
    m_username = username;
    m_connector->setAdminUsername(username);
}

Result<User> CalendarSyncService::scopedAdmin() {
    return ProfileService(m_database).admin(m_username);
}

Result<QVector<CalendarIntegration>> CalendarSyncService::integrations() {
    auto admin = scopedAdmin();
    if (!admin)
        return admin.error();
    return storage::CalendarIntegrationRepository(m_database.connection()).list(admin->id);
}

Result<QVector<storage::CalendarJob>> CalendarSyncService::calendarJobs() {
    auto admin = scopedAdmin();
    if (!admin)
        return admin.error();
    return storage::CalendarJobRepository(m_database.connection()).list(admin->id);
}

std::optional<SyncReport> CalendarSyncService::lastReport(const QString& integrationId) const {
    if (!m_reports.contains(integrationId))
        return std::nullopt;
    return m_reports.value(integrationId);
}

void CalendarSyncService::syncNow(const QString& integrationId) {
    auto admin = scopedAdmin();
    if (!admin) {
        emit syncFinished(false, integrationId, admin.error().message);
        return;
    }
    auto connected = connectedIntegrations(*admin);
    if (!connected) {
        emit syncFinished(false, integrationId, connected.error().message);
        return;
    }
    bool found = false;
    for (const auto& integration : *connected) {
        if (!integrationId.isEmpty() && integration.id != integrationId)
            continue;
        found = true;
        if (m_runs.contains(integration.id))
            m_again.insert(integration.id);
        else
            startRun(integration, *admin, CalendarSyncRun::Mode::SyncAndWrite);
    }
    if (!found && !integrationId.isEmpty())
        emit syncFinished(false, integrationId, QStringLiteral("That calendar is not connected"));
}

void CalendarSyncService::poll(bool startUp) {
    // Every admin's calendars: a team's server serves them all.
    auto admins = ProfileService(m_database).admins();
    if (!admins)
        return;
    for (const User& admin : *admins)
        poll(admin, startUp);
}

void CalendarSyncService::poll(const User& adminUser, bool startUp) {
    const User* admin = &adminUser;
    auto connected = connectedIntegrations(*admin);
    if (!connected)
        return;
    const QDateTime now = m_clock.now();
    auto db = m_database.connection();
    for (const auto& integration : *connected) {
        if (m_runs.contains(integration.id))
            continue;
        if (const QDateTime until = m_elsewhereUntil.value(integration.id);
            until.isValid() && until > now)
            continue; // another admin's calendar, synced from their own machine
        auto state = storage::CalendarSyncStateRepository(db).get(integration.id);
        if (!state || (state->retryAt.isValid() && state->retryAt > now))
            continue; // backing off
        // lastSyncAt is shared by every process, so only one of them syncs per interval.
        if (startUp || !integration.lastSyncAt.isValid() ||
            integration.lastSyncAt.addMSecs(m_syncInterval.count()) <= now) {
            startRun(integration, *admin, CalendarSyncRun::Mode::SyncAndWrite);
            continue;
        }
        if (integration.type == CalendarType::IcsFeed)
            continue; // read-only
        auto due = storage::CalendarJobRepository(db).nextDue(admin->id);
        if (due && due->has_value() && **due <= now)
            startRun(integration, *admin, CalendarSyncRun::Mode::WriteOnly);
    }
}

void CalendarSyncService::startRun(const CalendarIntegration& integration, const User& admin,
                                   CalendarSyncRun::Mode mode) {
    CalendarPass* run = newRun(integration, admin, mode);
    m_runs.insert(integration.id, run);
    connect(run, &CalendarPass::finished, this, &CalendarSyncService::onRunFinished);
    connect(run, &CalendarPass::integrationChanged, this, &CalendarSyncService::integrationChanged);
    connect(run, &CalendarPass::jobsChanged, this, &CalendarSyncService::calendarJobsChanged);
    emit syncStarted(integration.id);
    run->start();
}

CalendarPass* CalendarSyncService::newRun(const CalendarIntegration& integration, const User& admin,
                                          CalendarSyncRun::Mode mode) {
    // This process's own admin (--user, or the only one) keeps their secrets here; anyone
    // else's may be on their desktop, and a server without them must not mark their calendar
    // broken.
    const auto own = scopedAdmin();
    const CalendarPass::Setup pass{.database = &m_database,
                                   .integration = integration,
                                   .leaseHolder = m_leaseHolder,
                                   .clock = m_clock,
                                   .network = m_network,
                                   .admin = admin,
                                   .secretsMayBeElsewhere = !own || own->id != admin.id};
    switch (integration.type) {
    case CalendarType::IcsFeed:
        return new icsfeed::IcsFeedSyncRun(pass, m_secrets, this);
    case CalendarType::CalDav: {
        const QDateTime fullReadAt = m_fullReadAt.value(integration.id);
        const bool fullRead = !fullReadAt.isValid() ||
                              fullReadAt.addSecs(kCalDavFullReadHours * 3600) <= m_clock.now();
        return new caldav::CalDavSyncRun(pass, m_secrets, fullRead, this);
    }
    case CalendarType::GoogleCalendar:
        break;
    }
    CalendarSyncRun::Google options{
        .endpoints = m_endpoints, .store = m_store, .oauth = m_oauth, .mode = mode};
    if (mode == CalendarSyncRun::Mode::SyncAndWrite) {
        constexpr qint64 kCalendarListEverySecs = 3600;
        const QDateTime now = m_clock.now();
        const QDateTime readAt = m_calendarListReadAt.value(integration.id);
        if (!readAt.isValid() || readAt.secsTo(now) >= kCalendarListEverySecs) {
            options.refreshCalendarList = true;
            m_calendarListReadAt.insert(integration.id, now);
        }
    }
    return new CalendarSyncRun(pass, options, this);
}

void CalendarSyncService::addIcsFeed(const QString& url, const QString& name) {
    auto admin = scopedAdmin();
    if (!admin) {
        emit calendarAdded(false, {}, admin.error().message);
        return;
    }
    auto feedUrl = icsfeed::parseFeedUrl(url);
    if (!feedUrl) {
        emit calendarAdded(false, {}, feedUrl.error().message);
        return;
    }
    CalendarIntegration feed;
    feed.id = storage::newId();
    feed.userId = admin->id;
    feed.type = CalendarType::IcsFeed;
    feed.keychainKey = icsfeed::keychainKeyFor(feed.id);
    feed.calendarId = QStringLiteral("feed");
    feed.displayName = name.trimmed().isEmpty() ? feedUrl->host() : name.trimmed();
    feed.sourceUrl = icsfeed::redacted(*feedUrl);
    feed.syncStatus = SyncStatus::Active;
    // The keychain first: a row without its address would be a feed that can never be read.
    m_secrets->writeSecret(
        feed.keychainKey, feedUrl->toString(QUrl::FullyEncoded).toUtf8(), this,
        [this, feed](Status written) {
            if (!written) {
                emit calendarAdded(false, {}, written.error().message);
                return;
            }
            auto created = storage::CalendarIntegrationRepository(m_database.connection(), m_clock)
                               .create(feed);
            if (!created) {
                m_secrets->remove(feed.keychainKey, this, [](Status) {});
                emit calendarAdded(false, {}, created.error().message);
                return;
            }
            emit integrationChanged(feed.id);
            emit calendarAdded(true, feed.id,
                               QStringLiteral("Added the calendar feed %1").arg(feed.displayName));
            syncNow(feed.id);
        });
}

void CalendarSyncService::addCalDav(const QString& url, const QString& username,
                                    const QString& password, const QString& name,
                                    const QStringList& notBlocking) {
    auto admin = scopedAdmin();
    if (!admin) {
        emit calendarAdded(false, {}, admin.error().message);
        return;
    }
    m_calDav->add(*admin, url, username, password, name, notBlocking);
}

void CalendarSyncService::removeCalendar(const QString& integrationId) {
    auto admin = scopedAdmin();
    auto found = admin ? storage::CalendarIntegrationRepository(m_database.connection())
                             .findById(admin->id, integrationId)
                       : Result<std::optional<CalendarIntegration>>(admin.error());
    if (!found || !found->has_value()) {
        emit disconnectFinished(
            false, integrationId,
            found ? QStringLiteral("No calendar with id '%1'").arg(displayValue(integrationId))
                  : found.error().message);
        return;
    }
    if ((*found)->type == CalendarType::GoogleCalendar) {
        disconnectIntegration(integrationId);
        return;
    }
    m_again.remove(integrationId);
    delete m_runs.take(integrationId); // abandoned: its lease goes back
    if (auto removed = storage::CalendarIntegrationRepository(m_database.connection())
                           .remove(admin->id, integrationId);
        !removed) {
        emit disconnectFinished(false, integrationId, removed.error().message);
        return;
    }
    const QString name = (*found)->displayName;
    m_secrets->remove((*found)->keychainKey, this, [this, integrationId, name](Status removed) {
        emit integrationChanged(integrationId);
        emit disconnectFinished(
            true, integrationId,
            removed ? QStringLiteral("Removed the calendar %1 and its events").arg(name)
                    : QStringLiteral("Removed the calendar %1 and its events; its keychain "
                                     "entry could not be deleted: %2")
                          .arg(name, removed.error().message));
    });
}

void CalendarSyncService::onRunFinished(CalendarPass* run) {
    const QString id = run->integrationId();
    m_runs.remove(id);
    m_reports.insert(id, run->report());
    if (const auto* calDav = qobject_cast<caldav::CalDavSyncRun*>(run);
        calDav && calDav->readsInFull() && run->report().ok && run->report().ran)
        m_fullReadAt.insert(id, m_clock.now());
    // Another admin's calendar whose tokens this keychain doesn't have: their own desktop syncs
    // it; look again in a while (they may connect here too) rather than every poll.
    if (run->report().tokensElsewhere)
        m_elsewhereUntil.insert(id, m_clock.now().addSecs(10 * 60));
    else
        m_elsewhereUntil.remove(id);
    run->deleteLater();
    emit syncFinished(run->report().ok, id, run->report().message);
    if (m_again.remove(id))
        syncNow(id);
}

} // namespace slotdesk
