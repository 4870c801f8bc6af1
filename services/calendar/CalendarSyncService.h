#pragma once
// CalendarSyncService: Google Calendar for the whole app — the QObject the GUI's Integrations
// page and `slotdesk-cli` (calendar …, serve) drive. It keeps busy events in sync on a timer
// (every 5 minutes by default, once at start(), and on syncNow()), works off the outbox of
// calendar writes the booking service leaves behind on approve/cancel, and connects and
// disconnects the account. Never two passes over one integration at once: in this process by
// bookkeeping, across processes by a lease in the database. Failed passes back off
// exponentially (with jitter, up to 30 minutes). Everything is asynchronous; watch the signals.
// Destroying the service (the process shutting down) abandons passes under way and releases
// their leases.

#include "calendar/CalendarSyncRun.h"

#include <QSet>
#include <QTimer>
#include <QUrl>

namespace slotdesk {
namespace caldav {
class CalDavConnector;
}
namespace integration {
class KeychainSecretStore;
}
class GoogleConnector;

class CalendarSyncService : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultSyncInterval{5 * 60'000};
    static constexpr std::chrono::milliseconds kDefaultPollInterval{15'000};

    // `clock` says what "now" is: when a sync is due, a back-off over, a calendar write due.
    explicit CalendarSyncService(storage::Database& database, core::Clock clock = {},
                                 QObject* parent = nullptr);
    ~CalendarSyncService() override;

    // How often each connected integration is synced (default 5 minutes).
    void setSyncInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds syncInterval() const { return m_syncInterval; }
    // How often the service looks for due work: a sync that is due, a back-off that ended, a
    // calendar write another process enqueued (default 15 s).
    void setPollInterval(std::chrono::milliseconds interval);

    // The admin whose account connect, disconnect, syncNow() and the reads act for: `username`,
    // or the only admin when empty (the window and the CLI pass --user). The timer serves
    // every admin in the database either way.
    void setAdminUsername(const QString& username);

    // Syncs every connected integration now (unless it is backing off after failures), then
    // keeps them in sync. stop() ends the timer (passes under way finish).
    void start();
    void stop();

    // --- for the Integrations page ---
    // Opens the loopback OAuth flow: authorizationUrlReady (show/open it), then connectFinished.
    // A successful connect is followed by a first sync.
    void connectGoogle();
    void cancelConnect();
    // Revokes the grant, deletes the keychain entry and the synced events; disconnectFinished.
    void disconnectIntegration(const QString& integrationId);
    // Adds a read-only ICS feed: its address goes to the keychain, the integration (named
    // `name`, or after the feed's host) to the database, then a first sync; calendarAdded.
    void addIcsFeed(const QString& url, const QString& name = {});
    // CalDAV accounts: calDav().discover() tests a connection and lists the calendars (its
    // `discovered` signal); addCalDav() discovers, stores the password in the keychain and the
    // account with its calendars (all block time but those in `notBlocking`, none receives
    // bookings), then a first sync; calendarAdded, and calDav()'s `added` with the failed
    // field.
    void addCalDav(const QString& url, const QString& username, const QString& password,
                   const QString& name = {}, const QStringList& notBlocking = {});
    [[nodiscard]] caldav::CalDavConnector& calDav() { return *m_calDav; }
    // How often a CalDAV account's calendars are read in full rather than incrementally (the
    // window moves on; an incremental answer only names what changed).
    static constexpr int kCalDavFullReadHours = 24;
    // Removes any calendar: Google is disconnected (disconnectIntegration); any other kind loses
    // its row, its events and its keychain entry. disconnectFinished either way.
    void removeCalendar(const QString& integrationId);
    // A pass now, ignoring the timer and any back-off; every connected integration when empty.
    // Coalesced with one already under way (it runs again right after).
    void syncNow(const QString& integrationId = {});
    [[nodiscard]] bool isSyncing(const QString& integrationId) const;

    // --- reads ---
    Result<QVector<CalendarIntegration>> integrations();
    // Calendar writes still owed (pending, with attempts and last error) or given up (failed).
    Result<QVector<storage::CalendarJob>> calendarJobs();
    // The outcome of the last pass over `integrationId` in this process.
    [[nodiscard]] std::optional<SyncReport> lastReport(const QString& integrationId) const;

signals:
    void authorizationUrlReady(const QUrl& url);
    void connectFinished(bool ok, const QString& integrationId, const QString& message);
    void disconnectFinished(bool ok, const QString& integrationId, const QString& message);
    void calendarAdded(bool ok, const QString& integrationId, const QString& message);
    void syncStarted(const QString& integrationId);
    void syncFinished(bool ok, const QString& integrationId, const QString& message);
    // Status, last sync or error of an integration changed (reload it).
    void integrationChanged(const QString& integrationId);
    // An outbox job was done, rescheduled or failed (reload calendarJobs()).
    void calendarJobsChanged();

private:
    // Starts the passes that are due: a sync after the interval (at start-up: now), calendar
    // writes whose time has come; nothing for an integration that is backing off.
    void poll(bool startUp);
    void poll(const User& admin, bool startUp);
    void startRun(const CalendarIntegration& integration, const User& admin,
                  CalendarSyncRun::Mode mode);
    [[nodiscard]] CalendarPass* newRun(const CalendarIntegration& integration, const User& admin,
                                       CalendarSyncRun::Mode mode);
    void onRunFinished(CalendarPass* run);
    Result<QVector<CalendarIntegration>> connectedIntegrations(const User& admin);

    Result<User> scopedAdmin();

    storage::Database& m_database;
    core::Clock m_clock;
    QString m_username;
    google::Endpoints m_endpoints;
    QNetworkAccessManager* m_network;
    integration::OAuthTokenStore* m_store;
    integration::KeychainSecretStore* m_secrets;
    google::GoogleOAuthClient* m_oauth;
    GoogleConnector* m_connector;
    caldav::CalDavConnector* m_calDav;
    LeaseHolder m_leaseHolder;
    std::chrono::milliseconds m_syncInterval = kDefaultSyncInterval;
    QTimer m_pollTimer;
    QHash<QString, CalendarPass*> m_runs;
    QSet<QString> m_again;
    QHash<QString, SyncReport> m_reports;
    QHash<QString, QDateTime> m_elsewhereUntil;
    QHash<QString, QDateTime> m_fullReadAt; // CalDAV accounts read in full in this process
    // When this process last read each Google integration's calendarList: once at its first
    // pass here, then at most every kCalendarListEvery (calendars come and go rarely).
    QHash<QString, QDateTime> m_calendarListReadAt;
};

} // namespace slotdesk
