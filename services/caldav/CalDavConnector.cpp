#include "caldav/CalDavConnector.h"

#include "integration/KeychainSecretStore.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

namespace slotdesk::caldav {

using integration::Failure;
using integration::ProviderReply;

CalDavConnector::CalDavConnector(storage::Database& database, core::Clock clock,
                                 integration::KeychainSecretStore* secrets,
                                 QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock))
    , m_secrets(secrets)
    , m_network(network) {}

void CalDavConnector::find(const QString& url, const QString& username, const QString& password,
                           Found done) {
    auto account = makeAccount(url, username, password);
    if (!account) {
        // Answered later, like every other outcome.
        QMetaObject::invokeMethod(
            this, [done, error = account.error()] { done(error.field, error.message, {}, {}); },
            Qt::QueuedConnection);
        return;
    }
    auto* client = new CalDavClient(m_network, *account, this);
    client->discover(
        [client, account = *account, done](const ProviderReply& reply, const Discovery& discovery) {
            client->deleteLater();
            if (!reply.ok())
                return done(reply.failure == Failure::Unauthorized ? QStringLiteral("password")
                                                                   : QStringLiteral("server"),
                            reply.message, account, {});
            if (discovery.calendars.isEmpty())
                return done(QStringLiteral("server"),
                            QStringLiteral("The CalDAV account has no calendar for events"),
                            account, discovery);
            done({}, {}, account, discovery);
        });
}

void CalDavConnector::discover(const QString& url, const QString& username,
                               const QString& password) {
    find(url, username, password,
         [this](const QString& field, const QString& message, const CalDavAccount&,
                const Discovery& discovery) {
             emit discovered(
                 message.isEmpty(), field,
                 message.isEmpty()
                     ? QStringLiteral("Found %1 calendar(s)").arg(discovery.calendars.size())
                     : message,
                 discovery);
         });
}

void CalDavConnector::add(const User& admin, const QString& url, const QString& username,
                          const QString& password, const QString& name,
                          const QStringList& notBlocking) {
    find(url, username, password,
         [this, admin, name, notBlocking](const QString& field, const QString& message,
                                          const CalDavAccount& account,
                                          const Discovery& discovery) {
             if (!message.isEmpty())
                 return emit added(false, {}, field, message);
             const QString id = storage::newId();
             // The keychain first: an account without its password could never be read.
             m_secrets->writeSecret(
                 keychainKeyFor(id), account.password, this,
                 [this, id, admin, account, discovery, name, notBlocking](Status written) {
                     if (!written)
                         return emit added(false, {}, QStringLiteral("password"),
                                           written.error().message);
                     auto integration = save(id, admin, account, discovery, name, notBlocking);
                     if (!integration) {
                         m_secrets->remove(keychainKeyFor(id), this, [](Status) {});
                         return emit added(false, {}, {}, integration.error().message);
                     }
                     emit added(true, integration->id, {},
                                QStringLiteral("Added the CalDAV account %1 with %2 calendar(s)")
                                    .arg(integration->displayName)
                                    .arg(discovery.calendars.size()));
                 });
         });
}

Result<CalendarIntegration> CalDavConnector::save(const QString& id, const User& admin,
                                                  const CalDavAccount& account,
                                                  const Discovery& discovery, const QString& name,
                                                  const QStringList& notBlocking) {
    auto db = m_database.connection();
    auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    CalendarIntegration integration;
    integration.id = id;
    integration.keychainKey = keychainKeyFor(id);
    integration.userId = admin.id;
    integration.type = CalendarType::CalDav;
    integration.calendarId = discovery.homeUrl.toString(QUrl::FullyEncoded);
    integration.sourceUrl = account.serverUrl.toString(QUrl::FullyEncoded);
    integration.username = account.username;
    integration.displayName =
        name.trimmed().isEmpty()
            ? QStringLiteral("%1 on %2").arg(account.username, account.serverUrl.host())
            : name.trimmed();
    integration.syncStatus = SyncStatus::Active;
    auto created = storage::CalendarIntegrationRepository(db, m_clock).create(integration);
    if (!created)
        return created.error();
    QStringList blocking;
    for (const CalDavCalendar& found : discovery.calendars) {
        const QString url = found.url.toString(QUrl::FullyEncoded);
        if (!notBlocking.contains(found.url.toString()) && !notBlocking.contains(url))
            blocking.append(url);
    }
    if (auto saved = saveCalendars(db, m_clock, created->id, discovery.calendars, blocking); !saved)
        return saved.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return *created;
}

Result<CalendarListChange> CalDavConnector::saveCalendars(const QSqlDatabase& db,
                                                          const core::Clock& clock,
                                                          const QString& integrationId,
                                                          const QVector<CalDavCalendar>& found,
                                                          const QStringList& blocking) {
    QVector<ListedCalendar> listed;
    for (const CalDavCalendar& calendar : found)
        listed.append({calendar.url.toString(QUrl::FullyEncoded), calendar.displayName,
                       calendar.color.toLower()});
    return mergeCalendarList(
        db, clock, integrationId, listed,
        [&](storage::IntegrationCalendarRepository& calendars, const ListedCalendar& calendar) {
            storage::IntegrationCalendar row = calendarRow(integrationId, calendar);
            row.blocksTime = blocking.contains(calendar.remoteId);
            return calendars.create(row);
        });
}

QUrl CalDavConnector::homeUrl(const CalendarIntegration& integration) {
    const QUrl home(integration.calendarId, QUrl::StrictMode);
    return home.isValid() && !home.scheme().isEmpty() && !home.host().isEmpty() ? home : QUrl();
}

} // namespace slotdesk::caldav
