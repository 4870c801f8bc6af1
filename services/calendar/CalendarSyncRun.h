#pragma once
// CalendarSyncRun: one pass over one Google Calendar integration — take the lease, bring the
// busy events up to date (a full sync, or an incremental one with the sync token, paginated),
// write the result in one transaction, then work off the calendar writes (outbox jobs) that are
// due. CalendarSyncService creates one per pass and deletes it when it has finished.

#include "calendar/GoogleConfig.h"
#include "calendar/GoogleEventMapper.h"
#include "core/Clock.h"
#include "core/LeaseHolder.h"
#include "domain/Entities.h"
#include "integration/ProviderReply.h"
#include "storage/CalendarJobRepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QVector>

#include <deque>
#include <functional>

class QNetworkAccessManager;

namespace slotdesk {
namespace storage {
class Database;
}
namespace google {
class GoogleOAuthClient;
class GoogleSession;
} // namespace google
namespace integration {
class OAuthTokenStore;
}

// What one pass did, for the CLI and the GUI's status line.
struct SyncReport {
    bool ran = false;             // false: skipped (see below) or failed before it began
    bool leaseBusy = false;       // skipped: another live process holds the lease
    bool tokensElsewhere = false; // skipped: another admin's calendar, tokens not in this keychain
    bool ok = false;              // the events sync succeeded (or wasn't asked for)
    bool fullSync = false;        // the sync started or fell back to a full sync
    int pages = 0;
    int items = 0;    // events.list items received
    int removed = 0;  // of them, cancelled or unusable
    int jobsDone = 0; // calendar writes completed
    int jobsFailed = 0;
    int jobsRescheduled = 0;
    qint64 elapsedMs = 0;
    QString message;
};

class CalendarSyncRun : public QObject {
    Q_OBJECT
public:
    enum class Mode { SyncAndWrite, WriteOnly };

    struct Setup {
        storage::Database* database = nullptr;
        CalendarIntegration integration;
        QString userTimeZone;
        LeaseHolder leaseHolder;
        core::Clock clock; // what "now" is: the lease, back-off and due times, the rows' stamps
        google::Endpoints endpoints;
        integration::OAuthTokenStore* store = nullptr;
        google::GoogleOAuthClient* oauth = nullptr;
        QNetworkAccessManager* network = nullptr;
        Mode mode = Mode::SyncAndWrite;
        // Another admin's calendar, whose tokens live in their own machine's keychain: when
        // this keychain has none, the run steps aside instead of marking the calendar broken.
        bool tokensMayBeElsewhere = false;
    };

    explicit CalendarSyncRun(Setup setup, QObject* parent = nullptr);
    // Deleting a run that has not finished abandons it (the process is shutting down): its
    // requests are aborted and the lease goes back at once. Everything it leaves undone is
    // safe to redo — reads are read again, an insert retried carries the same event id.
    ~CalendarSyncRun() override;

    void start();
    [[nodiscard]] const SyncReport& report() const { return m_report; }
    [[nodiscard]] QString integrationId() const { return m_setup.integration.id; }

    static constexpr int kPageSize = 2500;
    static constexpr int kWindowDays = 90;
    static constexpr int kJobsPerRun = 50;
    static constexpr std::chrono::minutes kLease{2};
    // An insert for a booking that asked for Zoom waits for the Zoom link (while Zoom is
    // connected and working): it is looked at again after kZoomLinkRetry (sooner: ZoomService
    // makes it due once the link is stored), and goes without the link after kZoomLinkPatience.
    static constexpr std::chrono::seconds kZoomLinkRetry{20};
    static constexpr std::chrono::minutes kZoomLinkPatience{10};

signals:
    void finished(slotdesk::CalendarSyncRun* run);
    void integrationChanged(const QString& integrationId);
    void jobsChanged();

private:
    enum class Lease { Held, Busy, Failed };
    Lease renewLease();
    void releaseLease();
    [[nodiscard]] QString busyMessage() const;
    [[nodiscard]] QString lostLeaseMessage(Lease lease) const;
    void fetchPage(const QString& pageToken);
    void onPage(const integration::ProviderReply& reply);
    void restartAsFullSync();
    // In one write transaction: `change` the integration as stored now (it may write more on the
    // connection it is given) and store it. False, with nothing written, when the integration
    // was disconnected meanwhile or `change` answers false.
    using IntegrationChange =
        std::function<Result<bool>(const QSqlDatabase& db, CalendarIntegration& stored)>;
    Result<bool> updateStoredIntegration(const IntegrationChange& change);
    Status forgetSyncToken();
    void applyChanges();
    // Marks the integration failed (and when to try again) and logs it; a failure that cannot
    // be stored is logged as well.
    void recordSyncFailure(const integration::ProviderReply& reply);
    // How many passes in a row have failed now; std::nullopt when nothing was stored (the
    // integration is disconnected or its status does not become Error).
    Result<std::optional<int>> storeSyncFailure(const integration::ProviderReply& reply);

    void drainJobs();
    void nextJob();
    void runInsert(const storage::CalendarJob& job);
    void runDelete(const storage::CalendarJob& job);
    // A move's event (CalendarOutbox::enqueueForMove): PATCH its start/end, sendUpdates=all.
    // Deleted at Google (404/410): insertInstead() — the booking forgets it and its insert runs.
    void runUpdate(const storage::CalendarJob& job);
    void insertInstead(const storage::CalendarJob& job, const QString& eventId);
    [[nodiscard]] bool holdsEvent(const QSqlDatabase& db, const storage::CalendarJob& job,
                                  const QString& eventId) const;
    void readEventBack(const storage::CalendarJob& job, const QString& eventId, int reads);
    void onEventStored(const storage::CalendarJob& job, const QJsonObject& event, int reads);
    void jobDone(const storage::CalendarJob& job);
    void jobFailed(const storage::CalendarJob& job, const integration::ProviderReply& reply);

    void finish(bool ok, const QString& message);
    [[nodiscard]] QString eventsPath() const;
    [[nodiscard]] QDateTime now() const { return m_setup.clock.now(); }

    Setup m_setup;
    google::GoogleSession* m_session = nullptr;
    QElapsedTimer m_elapsed;
    SyncReport m_report;
    bool m_leaseHeld = false;
    bool m_finished = false;
    QString m_leaseError; // why the last renewLease() failed

    // The pass being fetched: nothing is written until the last page is in.
    bool m_full = false;
    bool m_fellBack = false;
    QString m_zone;
    QHash<QString, google::EventChange> m_changes;
    QString m_nextSyncToken;

    std::deque<storage::CalendarJob> m_jobs;
};

} // namespace slotdesk
