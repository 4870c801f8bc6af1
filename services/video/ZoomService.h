#pragma once
// ZoomService: Zoom for the whole app — the QObject the Integrations page, `slotdesk-cli zoom`
// and `slotdesk-cli serve` drive (the Zoom counterpart of CalendarSyncService). A poll timer
// (15 s) runs a ZoomMeetingSync pass for every user whose Zoom account isUsable() (connected or
// error, not reauth_required) and who has Zoom work: a confirmed booking that asked for Zoom
// without a meeting, or a cancelled/rejected booking whose meeting still exists. syncNow() runs
// one at once (the GUI calls it right after approve/cancel). Failed passes back off in memory
// (the report's retryIn, which is at least Zoom's Retry-After); the poll waits that out, an
// explicit syncNow() does not. Never two passes for one user at once: a syncNow() during a pass
// runs again right after it. Connecting is the loopback OAuth flow (ZoomAuthorizationFlow) plus
// GET /users/me for the account's e-mail; disconnecting revokes the grant at Zoom, deletes the
// keychain entry and the video_integrations row. Tokens live only in the OS keychain.

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/VideoIntegrationRepository.h"
#include "video/ZoomConfig.h"
#include "video/ZoomMeetingSync.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace slotdesk::storage {
class Database;
}
namespace slotdesk::integration {
class OAuthTokenStore;
}

namespace slotdesk::zoom {

class ZoomAuthorizationFlow;
class ZoomClient;

class ZoomService : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultPollInterval{15'000};

    explicit ZoomService(storage::Database& database, QObject* parent = nullptr);
    ~ZoomService() override;

    void setPollInterval(std::chrono::milliseconds interval);
    // Where "now" comes from for the back-off and the meetings' bookkeeping (default: the
    // system clock).
    void setClock(core::Clock clock);
    // Looks for work now and then on the timer; stop() ends the timer (passes under way finish).
    // start() also moves a client secret an older SlotDesk left in the settings file to the
    // keychain (ClientCredentials::migrateSecret; a failure is logged, the file kept).
    void start();
    void stop();

    // The admin whose account connect, disconnect and integration() act for: `username`, or
    // the only admin when empty (the window and the CLI pass --user). The timer serves every
    // admin either way.
    void setAdminUsername(const QString& username) { m_username = username; }

    // --- for the Integrations page and the CLI (the admin's account) ---
    // authorizationUrlReady (open it in a browser), then connectFinished. A successful connect
    // is followed by a pass.
    void connectZoom();
    // Whether a successful connect starts a pass at once (default). A short-lived process (the
    // CLI) turns it off: a pass it can't wait for would leave claimed bookings behind.
    void setPassAfterConnect(bool on) { m_passAfterConnect = on; }
    void cancelConnect();
    [[nodiscard]] bool isConnecting() const { return m_connecting; }
    // Revokes the grant at Zoom, deletes the keychain entry and the row; disconnectFinished.
    void disconnectZoom();
    // A pass now for every user with a usable Zoom account, ignoring any back-off.
    void syncNow();
    [[nodiscard]] bool isSyncing(const QString& userId = {}) const;

    // --- reads ---
    // The admin's Zoom integration, if any.
    Result<std::optional<storage::VideoIntegration>> integration();
    [[nodiscard]] std::optional<ZoomSyncReport> lastReport(const QString& userId) const;
    // When the poll will try `userId` again after failures (invalid: not backing off).
    [[nodiscard]] QDateTime retryAt(const QString& userId) const;

signals:
    void authorizationUrlReady(const QUrl& url);
    void connectFinished(bool ok, const QString& message);
    void disconnectFinished(bool ok, const QString& message);
    void syncStarted(const QString& userId);
    void syncFinished(bool ok, const QString& userId, const QString& message);
    // A pass created meetings: their bookings now carry join links (calendar inserts are due).
    void meetingsCreated(int count);
    // The admin's Zoom integration appeared, changed status or went away (reload it).
    void integrationChanged();

private:
    struct RetryState {
        int failures = 0;
        QDateTime retryAt;
    };

    void poll();
    void startPass(const QString& userId);
    void runPass(const QString& userId);
    void connectWith(const ClientCredentials& client, const QString& userId);
    void onGranted(ZoomClient* client, const QString& integrationId, const QString& userId);
    void finishConnect(bool ok, const QString& message);

    storage::Database& m_database;
    QString m_username;
    QNetworkAccessManager* m_network;
    integration::OAuthTokenStore* m_store;
    core::Clock m_clock;
    ZoomMeetingSync* m_sync;
    QTimer m_pollTimer;
    QHash<QString, RetryState> m_backoff;
    QHash<QString, ZoomSyncReport> m_reports;
    QSet<QString> m_running;
    QSet<QString> m_again;
    bool m_connecting = false;
    bool m_passAfterConnect = true;
    QPointer<ZoomAuthorizationFlow> m_flow;
    QPointer<ZoomClient> m_connectClient;
};

} // namespace slotdesk::zoom
