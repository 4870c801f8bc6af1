#include "calendar/GoogleConnector.h"

#include "calendar/GoogleAuthorizationFlow.h"
#include "calendar/GoogleCalendarList.h"
#include "calendar/GoogleOAuthClient.h"
#include "calendar/IntegrationStatusMachine.h"
#include "integration/OAuthTokenStore.h"
#include "integration/ProviderHttp.h"
#include "profile/ProfileService.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcConnect, "slotdesk.calendar.connect")

namespace slotdesk {

namespace {

// Forgets the integration's calendars (their events and owed writes go with them).
Status removeCalendars(const QSqlDatabase& db, const QString& integrationId) {
    storage::IntegrationCalendarRepository calendars(db);
    auto all = calendars.list(integrationId);
    if (!all)
        return all.error();
    for (const auto& calendar : *all) {
        if (auto s = calendars.remove(integrationId, calendar.id); !s)
            return s;
    }
    return success();
}

} // namespace

using integration::OAuthTokens;
using integration::ProviderReply;
using storage::Transaction;

GoogleConnector::GoogleConnector(storage::Database& database, google::Endpoints endpoints,
                                 integration::OAuthTokenStore* store,
                                 google::GoogleOAuthClient* oauth, QNetworkAccessManager* network,
                                 QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_endpoints(std::move(endpoints))
    , m_store(store)
    , m_oauth(oauth)
    , m_network(network) {}

GoogleConnector::~GoogleConnector() = default;

// ---- connect --------------------------------------------------------------------------------

void GoogleConnector::connectAccount() {
    if (m_connecting)
        return;
    m_connecting = true;
    auto credentials = google::ClientCredentials::load();
    if (!credentials)
        return finishConnect(false, {}, credentials.error().message);
    auto admin = ProfileService(m_database).admin(m_username);
    if (!admin)
        return finishConnect(false, {}, admin.error().message);
    m_userId = admin->id;
    // Ask the keychain first: no point sending the admin through Google's consent screen if the
    // tokens would have nowhere to go.
    m_store->probe(this, [this, client = *credentials](Status usable) {
        if (!usable)
            return finishConnect(false, {}, usable.error().message);
        m_flow = new google::GoogleAuthorizationFlow(m_endpoints, client, m_clock, this);
        connect(m_flow, &google::GoogleAuthorizationFlow::authorizationUrlReady, this,
                &GoogleConnector::authorizationUrlReady);
        connect(m_flow, &google::GoogleAuthorizationFlow::granted, this,
                &GoogleConnector::onGranted);
        connect(m_flow, &google::GoogleAuthorizationFlow::failed, this,
                [this](const QString& message) { finishConnect(false, {}, message); });
        m_flow->start();
    });
}

void GoogleConnector::cancel() {
    if (m_flow)
        m_flow->cancel();
}

void GoogleConnector::onGranted(const OAuthTokens& tokens) {
    // Which calendar did we get? calendars/primary names the account.
    QUrl url = m_endpoints.api;
    url.setPath(url.path(QUrl::FullyEncoded) + QStringLiteral("/calendars/primary"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + tokens.accessToken.toUtf8());
    integration::sendRequest(
        m_network, google::provider().name, request, QByteArrayLiteral("GET"), {}, this,
        [this, tokens](ProviderReply reply) {
            if (!reply.ok()) {
                const QString message =
                    QStringLiteral("Could not read your Google calendar: %1").arg(reply.message);
                revokeQuietly(tokens, [this, message] { finishConnect(false, {}, message); });
                return;
            }
            storeConnection(tokens, reply.body.value(QLatin1String("id")).toString(),
                            reply.body.value(QLatin1String("summary")).toString());
        });
}

void GoogleConnector::storeConnection(const OAuthTokens& tokens, const QString& accountId,
                                      const QString& summary) {
    auto db = m_database.connection();
    CalendarIntegration integration;
    {
        auto tx = Transaction::begin(db, Transaction::Mode::Write);
        if (!tx)
            return finishConnect(false, {}, tx.error().message);
        storage::CalendarIntegrationRepository integrations(db);
        auto existing = integrations.list(m_userId);
        if (!existing)
            return finishConnect(false, {}, existing.error().message);
        bool found = false;
        for (const auto& candidate : *existing) {
            if (candidate.type == CalendarType::GoogleCalendar) {
                integration = candidate;
                found = true;
                break;
            }
        }
        if (!found) {
            // Disconnected until its tokens are safely in the keychain.
            integration.id = storage::newId();
            integration.userId = m_userId;
            integration.keychainKey = google::keychainKeyFor(integration.id);
            integration.syncStatus = SyncStatus::Disconnected;
            auto created = integrations.create(integration);
            if (!created)
                return finishConnect(false, {}, created.error().message);
            integration = *created;
        }
        if (auto s = tx->commit(); !s)
            return finishConnect(false, {}, s.error().message);
    }
    m_store->write(
        integration.keychainKey, tokens, this,
        [this, tokens, integration, accountId, summary](Status stored) {
            auto connection = m_database.connection();
            auto tx = Transaction::begin(connection, Transaction::Mode::Write);
            if (!tx)
                return finishConnect(false, integration.id, tx.error().message);
            storage::CalendarIntegrationRepository integrations(connection);
            auto current = integrations.findById(m_userId, integration.id);
            if (!current || !current->has_value())
                return finishConnect(false, integration.id,
                                     QStringLiteral("The calendar integration disappeared"));
            CalendarIntegration updated = **current;
            if (!stored) {
                // Nothing was written anywhere else; the grant we can't keep is given back.
                updated.syncError = stored.error().message;
                (void)integrations.update(updated);
                (void)tx->commit();
                revokeQuietly(tokens,
                              [this, id = integration.id, message = stored.error().message] {
                                  finishConnect(false, id, message);
                              });
                return;
            }
            if (auto s = IntegrationStatusMachine::check(updated.syncStatus, SyncStatus::Active);
                !s)
                return finishConnect(false, integration.id, s.error().message);
            storage::CalendarEventRepository events(connection);
            if (!updated.accountEmail.isEmpty() && updated.accountEmail != accountId) {
                if (auto s = events.removeAll(updated.id); !s) // another account's busy time
                    return finishConnect(false, integration.id, s.error().message);
                if (auto s = removeCalendars(connection, updated.id); !s) // and calendars
                    return finishConnect(false, integration.id, s.error().message);
            }
            updated.accountEmail = accountId;
            updated.calendarId = QStringLiteral("primary");
            updated.tokenExpiresAt = tokens.expiresAt;
            updated.syncToken.clear(); // the first sync is a full one
            updated.syncStatus = SyncStatus::Active;
            updated.syncError.clear();
            if (auto s = integrations.update(updated); !s)
                return finishConnect(false, integration.id, s.error().message);
            // Bookings can go to the primary calendar at once; the first sync lists the others.
            if (auto s = google::ensurePrimaryCalendar(connection, m_clock, updated); !s)
                return finishConnect(false, integration.id, s.error().message);
            if (auto s = storage::CalendarSyncStateRepository(connection).recordSuccess(updated.id);
                !s)
                return finishConnect(false, integration.id, s.error().message);
            if (auto s = tx->commit(); !s)
                return finishConnect(false, integration.id, s.error().message);
            qCInfo(lcConnect) << "connected Google Calendar" << updated.id;
            finishConnect(true, updated.id,
                          QStringLiteral("Connected Google Calendar \"%1\" (%2)")
                              .arg(summary.isEmpty() ? accountId : summary, accountId));
        });
}

void GoogleConnector::finishConnect(bool ok, const QString& integrationId, const QString& message) {
    m_connecting = false;
    if (m_flow) {
        m_flow->deleteLater();
        m_flow = nullptr;
    }
    emit connectFinished(ok, integrationId, message);
}

void GoogleConnector::revokeQuietly(const OAuthTokens& tokens, std::function<void()> then) {
    const QString token = tokens.refreshToken.isEmpty() ? tokens.accessToken : tokens.refreshToken;
    if (token.isEmpty()) {
        then();
        return;
    }
    m_oauth->revoke(token, this, [then = std::move(then)](ProviderReply reply) {
        if (!reply.ok())
            qCWarning(lcConnect) << "could not revoke an unused grant:" << reply.message;
        then();
    });
}

// ---- disconnect -----------------------------------------------------------------------------

void GoogleConnector::disconnectIntegration(const QString& integrationId) {
    auto admin = ProfileService(m_database).admin(m_username);
    if (!admin) {
        emit disconnectFinished(false, integrationId, admin.error().message);
        return;
    }
    m_userId = admin->id;
    auto found = storage::CalendarIntegrationRepository(m_database.connection())
                     .findById(m_userId, integrationId);
    if (!found || !found->has_value()) {
        emit disconnectFinished(false, integrationId,
                                found ? QStringLiteral("No calendar integration with id '%1'")
                                            .arg(displayValue(integrationId))
                                      : found.error().message);
        return;
    }
    const QString key = (*found)->keychainKey;
    m_store->read(key, this, [this, integrationId, key](Result<OAuthTokens> tokens) {
        if (!tokens && tokens.error().code != ErrorCode::NotFound) {
            // The keychain can't be used: nothing to revoke with and nothing we can delete.
            finishDisconnect(integrationId,
                             {tokens.error().message +
                              QStringLiteral(" The Google tokens may still be in the keychain; "
                                             "you can also revoke SlotDesk's access at "
                                             "https://myaccount.google.com/permissions")},
                             true);
            return;
        }
        auto removeEntry = [this, integrationId, key](QStringList warnings) {
            m_store->remove(key, this, [this, integrationId, warnings](Status removed) mutable {
                if (!removed)
                    warnings.append(removed.error().message);
                finishDisconnect(integrationId, warnings, !removed);
            });
        };
        if (!tokens) {
            removeEntry({});
            return;
        }
        const QString token =
            tokens->refreshToken.isEmpty() ? tokens->accessToken : tokens->refreshToken;
        m_oauth->revoke(token, this, [removeEntry](ProviderReply reply) {
            QStringList warnings;
            // 400 invalid_token: already revoked or expired — the goal is reached.
            if (!reply.ok() && reply.httpStatus != 400)
                warnings.append(QStringLiteral("Google could not be told to revoke access "
                                               "(%1); you can revoke it at "
                                               "https://myaccount.google.com/permissions")
                                    .arg(reply.message));
            removeEntry(warnings);
        });
    });
}

void GoogleConnector::finishDisconnect(const QString& integrationId, const QStringList& warnings,
                                       bool tokensRemain) {
    auto db = m_database.connection();
    auto fail = [this, &integrationId](const Error& error) {
        emit disconnectFinished(false, integrationId, error.message);
    };
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return fail(tx.error());
    storage::CalendarIntegrationRepository integrations(db);
    auto current = integrations.findById(m_userId, integrationId);
    if (!current)
        return fail(current.error());
    if (!current->has_value())
        return fail(Error::notFound(QStringLiteral("The calendar integration disappeared")));
    CalendarIntegration updated = **current;
    if (auto s = storage::CalendarEventRepository(db).removeAll(updated.id); !s)
        return fail(s.error());
    if (auto s = removeCalendars(db, updated.id); !s)
        return fail(s.error());
    if (auto s = storage::CalendarJobRepository(db).removeForUser(m_userId); !s)
        return fail(s.error());
    if (auto s = storage::CalendarSyncStateRepository(db).remove(updated.id); !s)
        return fail(s.error());
    if (updated.syncStatus != SyncStatus::Disconnected) {
        if (auto s = IntegrationStatusMachine::check(updated.syncStatus, SyncStatus::Disconnected);
            !s)
            return fail(s.error());
    }
    updated.syncStatus = SyncStatus::Disconnected;
    updated.syncToken.clear();
    updated.syncError.clear();
    updated.tokenExpiresAt = {};
    if (auto s = integrations.update(updated); !s)
        return fail(s.error());
    if (auto s = tx->commit(); !s)
        return fail(s.error());
    qCInfo(lcConnect) << "disconnected Google Calendar" << updated.id;
    QString message = QStringLiteral("Disconnected Google Calendar");
    if (!updated.accountEmail.isEmpty())
        message += QStringLiteral(" (%1)").arg(updated.accountEmail);
    if (!warnings.isEmpty())
        message += QStringLiteral(". ") + warnings.join(QStringLiteral(" "));
    emit disconnectFinished(!tokensRemain, integrationId, message);
}

} // namespace slotdesk
