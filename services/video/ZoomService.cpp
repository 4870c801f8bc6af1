#include "video/ZoomService.h"

#include "integration/Backoff.h"
#include "integration/OAuthTokenStore.h"
#include "profile/ProfileService.h"
#include "storage/Database.h"
#include "storage/SqlSupport.h"
#include "video/ZoomAuthorizationFlow.h"
#include "video/ZoomClient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcZoomService, "slotdesk.video.service")

namespace slotdesk::zoom {

using integration::Failure;
using integration::ProviderReply;
using storage::VideoIntegration;
using storage::VideoIntegrationRepository;

namespace {

const QString kZoom = QStringLiteral("zoom");

} // namespace

ZoomService::ZoomService(storage::Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_network(new QNetworkAccessManager(this))
    , m_store(new integration::OAuthTokenStore(this))
    , m_sync(new ZoomMeetingSync(database, m_network, m_store, this)) {
    m_pollTimer.setInterval(kDefaultPollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &ZoomService::poll);
}

ZoomService::~ZoomService() = default;

void ZoomService::setPollInterval(std::chrono::milliseconds interval) {
    m_pollTimer.setInterval(interval);
}

void ZoomService::setClock(core::Clock clock) {
    m_clock = clock;
    m_sync->setClock(std::move(clock));
}

void ZoomService::start() {
    // A client secret an older SlotDesk left in the settings file goes to the keychain now.
    ClientCredentials::migrateSecret(m_store, this, [](const Status& moved) {
        if (!moved)
            qCWarning(lcZoomService).noquote() << moved.error().message;
    });
    m_pollTimer.start();
    poll();
}

void ZoomService::stop() {
    m_pollTimer.stop();
}

bool ZoomService::isSyncing(const QString& userId) const {
    return userId.isEmpty() ? !m_running.isEmpty() : m_running.contains(userId);
}

Result<std::optional<VideoIntegration>> ZoomService::integration() {
    auto admin = ProfileService(m_database).admin(m_username);
    if (!admin)
        return admin.error();
    return VideoIntegrationRepository(m_database.connection()).find(admin->id, kZoom);
}

std::optional<ZoomSyncReport> ZoomService::lastReport(const QString& userId) const {
    if (!m_reports.contains(userId))
        return std::nullopt;
    return m_reports.value(userId);
}

QDateTime ZoomService::retryAt(const QString& userId) const {
    return m_backoff.value(userId).retryAt;
}

// ---- passes ---------------------------------------------------------------------------------

void ZoomService::poll() {
    auto all = VideoIntegrationRepository(m_database.connection()).listAll(kZoom);
    if (!all) {
        qCWarning(lcZoomService) << "cannot list Zoom integrations:" << all.error().message;
        return;
    }
    const QDateTime now = m_clock.now();
    for (const auto& integration : *all) {
        if (!isUsable(integration.status) || m_running.contains(integration.userId))
            continue;
        const QDateTime retry = m_backoff.value(integration.userId).retryAt;
        if (retry.isValid() && retry > now)
            continue; // backing off
        auto work =
            VideoIntegrationRepository(m_database.connection()).hasMeetingWork(integration.userId);
        if (work && *work)
            startPass(integration.userId);
    }
}

void ZoomService::syncNow() {
    auto all = VideoIntegrationRepository(m_database.connection()).listAll(kZoom);
    if (!all) {
        emit syncFinished(false, {}, all.error().message);
        return;
    }
    for (const auto& integration : *all) {
        if (!isUsable(integration.status))
            continue;
        if (m_running.contains(integration.userId))
            m_again.insert(integration.userId);
        else
            startPass(integration.userId);
    }
}

void ZoomService::startPass(const QString& userId) {
    m_running.insert(userId);
    // This process's own admin (--user, or the only one) keeps their tokens here. Another
    // admin's may be on their own desktop: unless this keychain answers with their tokens, leave
    // their Zoom alone rather than mark it broken.
    const auto own = ProfileService(m_database).admin(m_username);
    if (own && own->id == userId) {
        runPass(userId);
        return;
    }
    auto found = VideoIntegrationRepository(m_database.connection()).find(userId, kZoom);
    if (!found || !*found) {
        m_running.remove(userId);
        return;
    }
    m_store->read(keychainKeyFor((*found)->id), this,
                  [this, userId](Result<integration::OAuthTokens> tokens) {
                      if (!tokens) {
                          m_running.remove(userId);
                          m_again.remove(userId);
                          return;
                      }
                      runPass(userId);
                  });
}

void ZoomService::runPass(const QString& userId) {
    // No row reads as no status, which differs from every status a row can have.
    const std::optional<VideoIntegrationStatus> statusBefore =
        [&]() -> std::optional<VideoIntegrationStatus> {
        auto found = VideoIntegrationRepository(m_database.connection()).find(userId, kZoom);
        if (found && *found)
            return (*found)->status;
        return std::nullopt;
    }();
    emit syncStarted(userId);
    const int failures = m_backoff.value(userId).failures;
    m_sync->run(userId, failures, [this, userId, statusBefore](ZoomSyncReport report) {
        m_running.remove(userId);
        m_reports.insert(userId, report);
        if (report.ok) {
            m_backoff.remove(userId);
        } else {
            RetryState& backoff = m_backoff[userId];
            ++backoff.failures;
            // A lasting failure (not reauth, which the poll skips anyway) backs off as well.
            const auto delay = report.retryIn.count() > 0
                                   ? report.retryIn
                                   : integration::Backoff::delay(backoff.failures);
            backoff.retryAt = m_clock.now().addMSecs(delay.count());
            qCWarning(lcZoomService) << "Zoom pass failed, retrying in" << delay.count() / 1000
                                     << "s:" << report.message;
        }
        auto after = VideoIntegrationRepository(m_database.connection()).find(userId, kZoom);
        const std::optional<VideoIntegrationStatus> statusAfter =
            after && *after ? std::optional((*after)->status) : std::nullopt;
        if (statusAfter != statusBefore || !report.ok)
            emit integrationChanged();
        if (report.created > 0)
            emit meetingsCreated(report.created);
        emit syncFinished(report.ok, userId, report.message);
        if (m_again.remove(userId))
            startPass(userId);
    });
}

// ---- connect --------------------------------------------------------------------------------

void ZoomService::connectZoom() {
    if (m_connecting)
        return;
    m_connecting = true;
    auto admin = ProfileService(m_database).admin(m_username);
    if (!admin)
        return finishConnect(false, admin.error().message);
    ClientCredentials::load(m_store, this,
                            [this, userId = admin->id](Result<ClientCredentials> client) {
                                if (!m_connecting)
                                    return; // cancelled meanwhile
                                if (!client)
                                    return finishConnect(false, client.error().message);
                                connectWith(*client, userId);
                            });
}

void ZoomService::connectWith(const ClientCredentials& client, const QString& userId) {
    // Ask the keychain first: no consent screen if the tokens would have nowhere to go.
    m_store->probe(this, [this, client, userId](Status ok) {
        if (!ok)
            return finishConnect(false, ok.error().message);
        if (!m_connecting)
            return; // cancelled while the keychain answered
        const QString integrationId = storage::newId();
        const auto endpoints = Endpoints::fromEnvironment();
        m_connectClient =
            new ZoomClient(endpoints, m_network, m_store, keychainKeyFor(integrationId), this);
        m_connectClient->setClock(m_clock);
        m_flow = new ZoomAuthorizationFlow(endpoints, client, m_connectClient, m_connectClient);
        connect(m_flow, &ZoomAuthorizationFlow::authorizationUrlReady, this,
                &ZoomService::authorizationUrlReady);
        connect(m_flow, &ZoomAuthorizationFlow::granted, this,
                [this, client = m_connectClient.data(), integrationId, userId] {
                    onGranted(client, integrationId, userId);
                });
        connect(m_flow, &ZoomAuthorizationFlow::failed, this,
                [this](const QString& message) { finishConnect(false, message); });
        m_flow->start();
    });
}

void ZoomService::cancelConnect() {
    if (m_flow)
        m_flow->cancel(); // → failed → finishConnect
    else if (m_connecting)
        finishConnect(false, QStringLiteral("Connecting Zoom was cancelled"));
}

void ZoomService::onGranted(ZoomClient* client, const QString& integrationId,
                            const QString& userId) {
    // Which account did we get? The e-mail is only shown, so a failure here is not fatal.
    client->currentUserEmail(this, [this, integrationId, userId](ProviderReply reply,
                                                                 const QString& email) {
        if (!reply.ok())
            qCWarning(lcZoomService) << "could not read the Zoom account:" << reply.message;
        VideoIntegrationRepository repo(m_database.connection());
        auto previous = repo.find(userId, kZoom);
        VideoIntegration integration;
        integration.id = integrationId;
        integration.userId = userId;
        integration.accountEmail = email;
        auto saved = repo.save(integration);
        if (!saved) {
            m_store->remove(keychainKeyFor(integrationId), this, [](const Status&) {});
            return finishConnect(false, saved.error().message);
        }
        // A reconnect replaces the earlier connection: its keychain entry goes too.
        if (previous && *previous && (*previous)->id != integrationId)
            m_store->remove(keychainKeyFor((*previous)->id), this, [](const Status&) {});
        m_backoff.remove(userId);
        m_reports.remove(userId);
        emit integrationChanged();
        finishConnect(true, email.isEmpty() ? QStringLiteral("Zoom connected")
                                            : QStringLiteral("Zoom connected as %1").arg(email));
        if (m_passAfterConnect)
            syncNow();
    });
}

void ZoomService::finishConnect(bool ok, const QString& message) {
    if (!m_connecting)
        return;
    m_connecting = false;
    if (m_connectClient)
        m_connectClient->deleteLater(); // and the flow with it
    m_connectClient = nullptr;
    m_flow = nullptr;
    emit connectFinished(ok, message);
}

// ---- disconnect -----------------------------------------------------------------------------

void ZoomService::disconnectZoom() {
    auto found = integration();
    if (!found) {
        emit disconnectFinished(false, found.error().message);
        return;
    }
    if (!*found) {
        emit disconnectFinished(false, QStringLiteral("Zoom is not connected"));
        return;
    }
    const VideoIntegration current = **found;
    const QString key = keychainKeyFor(current.id);
    auto* client = new ZoomClient(Endpoints::fromEnvironment(), m_network, m_store, key, this);
    client->setClock(m_clock);
    client->revoke(this, [this, client, current, key](ProviderReply reply) {
        client->deleteLater();
        if (reply.failure == Failure::Keychain) {
            // Nothing can be revoked or deleted: keep the connection so it can be retried.
            emit disconnectFinished(false, reply.message +
                                               QStringLiteral(" Zoom stays connected; unlock the "
                                                              "keychain and disconnect again."));
            return;
        }
        QStringList warnings;
        // 400/401 from the revoke endpoint: the grant is already gone.
        if (!reply.ok() && reply.httpStatus != 400 && reply.httpStatus != 401)
            warnings.append(QStringLiteral("Zoom could not be told to revoke access (%1); you "
                                           "can remove SlotDesk at "
                                           "https://marketplace.zoom.us/user/installed")
                                .arg(reply.message));
        m_store->remove(key, this, [this, current, warnings](const Status& removed) mutable {
            if (!removed) {
                emit disconnectFinished(false, removed.error().message +
                                                   QStringLiteral(" Zoom stays connected; "
                                                                  "unlock the keychain and "
                                                                  "disconnect again."));
                return;
            }
            if (auto s = VideoIntegrationRepository(m_database.connection())
                             .remove(current.userId, kZoom);
                !s) {
                emit disconnectFinished(false, s.error().message);
                return;
            }
            m_backoff.remove(current.userId);
            m_reports.remove(current.userId);
            m_again.remove(current.userId);
            qCInfo(lcZoomService) << "disconnected Zoom" << current.id;
            QString message = QStringLiteral("Zoom disconnected");
            if (!current.accountEmail.isEmpty())
                message += QStringLiteral(" (%1)").arg(current.accountEmail);
            if (!warnings.isEmpty())
                message += QStringLiteral(". ") + warnings.join(QLatin1Char(' '));
            emit integrationChanged();
            emit disconnectFinished(true, message);
        });
    });
}

} // namespace slotdesk::zoom
