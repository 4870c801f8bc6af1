#pragma once
// CalendarPass: what every pass over one calendar integration shares, whatever the provider —
// the lease that keeps other processes off it while it runs, the bookkeeping of a failure (error
// state, back-off) and of a success (the events stored, the integration active again), a
// calendar the provider no longer has, and the report. CalendarSyncRun (Google) and the
// IcsCalendarPass subclasses (ICS feeds, CalDAV accounts) are passes; the sync service creates
// one per pass, start()s it and deletes it after finished().

#include "core/Clock.h"
#include "core/LeaseHolder.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "integration/ProviderReply.h"
#include "storage/CalendarJobRepository.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

class QNetworkAccessManager;

namespace slotdesk {
namespace storage {
class Database;
} // namespace storage

// A storage failure a pass cannot act on (it carries on as it would have): logged, so that it is
// never dropped unseen. True when `result` succeeded.
template <typename T> bool loggedIfFailed(const Result<T>& result, const char* what) {
    if (!result)
        qCWarning(lcSync).nospace() << "cannot " << what << ": " << result.error().message;
    return result.ok();
}

// Whether `jobs` holds a job for `bookingId` that `matches`. A list that cannot be read holds
// none (logged).
template <typename Match>
bool hasQueuedJob(storage::CalendarJobRepository& jobs, const QString& bookingId, Match matches) {
    auto queued = jobs.listForBooking(bookingId);
    if (!loggedIfFailed(queued, "list a booking's calendar jobs"))
        return false;
    return std::any_of(queued->cbegin(), queued->cend(), matches);
}

// A booking cancelled while its event was being created: the event (in the booking's
// eventCalendarId) has to go again.
void queueDeleteOfStrayEvent(storage::CalendarJobRepository& jobs, const Booking& booking,
                             const QDateTime& now);

// What one pass did, for the CLI and the GUI's status line.
struct SyncReport {
    bool ran = false;             // false: skipped (see below) or failed before it began
    bool leaseBusy = false;       // skipped: another live process holds the lease
    bool tokensElsewhere = false; // skipped: another admin's calendar, tokens not in this keychain
    bool ok = false;              // the events sync succeeded (or wasn't asked for)
    bool fullSync = false;        // the sync started or fell back to a full sync
    bool notModified = false;     // the server said nothing changed (HTTP 304)
    int pages = 0;
    int items = 0;    // events (or instances) received
    int removed = 0;  // of them, cancelled or unusable
    int jobsDone = 0; // calendar writes completed
    int jobsFailed = 0;
    int jobsRescheduled = 0;
    qint64 elapsedMs = 0;
    QString message;
};

class CalendarPass : public QObject {
    Q_OBJECT
public:
    // What every pass is given.
    struct Setup {
        storage::Database* database = nullptr;
        CalendarIntegration integration;
        LeaseHolder leaseHolder;
        core::Clock clock; // what "now" is: the lease, back-off and due times, the rows' stamps
        QNetworkAccessManager* network = nullptr;
        User admin; // the integration's: their zone, their address
        // Another admin's integration, whose secrets (tokens, a password, a feed's address) live
        // in their own machine's keychain: when this keychain has none, the pass steps aside
        // instead of marking the integration broken.
        bool secretsMayBeElsewhere = false;
    };

    static constexpr int kWindowDays = 90;
    // Recurring instances are expanded this far ahead (ICS feeds, CalDAV): beyond the longest
    // booking horizon (365 days), so that a calendar unchanged for weeks still covers every
    // bookable day.
    static constexpr int kHorizonDays = 400;
    static constexpr std::chrono::minutes kLease{2};

    // Deleting a pass that has not finished abandons it (the process is shutting down): the
    // lease goes back at once.
    ~CalendarPass() override;

    virtual void start() = 0;
    [[nodiscard]] const SyncReport& report() const { return m_report; }
    [[nodiscard]] QString integrationId() const { return m_integration.id; }

signals:
    void finished(slotdesk::CalendarPass* pass);
    void integrationChanged(const QString& integrationId);
    void jobsChanged();

protected:
    CalendarPass(const Setup& setup, QObject* parent);

    [[nodiscard]] QNetworkAccessManager* network() const { return m_network; }
    [[nodiscard]] const User& admin() const { return m_admin; }
    [[nodiscard]] bool secretsMayBeElsewhere() const { return m_secretsMayBeElsewhere; }

    enum class Lease { Held, Busy, Failed };
    Lease renewLease();
    void releaseLease();
    // Starts the clock and takes the lease; false (the pass finished) when it cannot.
    bool beginPass();
    [[nodiscard]] QString lostLeaseMessage(Lease lease) const;

    // In one write transaction: `change` the integration as stored now (it may write more on the
    // connection it is given) and store it. False, with nothing written, when the integration
    // was disconnected meanwhile or `change` answers false.
    using IntegrationChange =
        std::function<Result<bool>(const QSqlDatabase& db, CalendarIntegration& stored)>;
    Result<bool> updateStoredIntegration(const IntegrationChange& change);

    // In one write transaction: the events (all of them when `full`, else `changed` and
    // `removedIds`), the 90-day clean-up, the integration active again with `update` applied,
    // the back-off reset. False when the integration was disconnected meanwhile.
    // With a `calendar` (an integration_calendars id) the events are that calendar's, and its
    // own sync state (`calendarSyncToken`, `calendarCtag`) is stored with them; a calendar that
    // was removed or stopped blocking time meanwhile gets no events (its sync state neither).
    struct CalendarState {
        QString calendarId;
        QString syncToken;
        QString ctag;
    };
    Result<bool> storeEvents(bool full, const QVector<CalendarEvent>& changed,
                             const QStringList& removedIds,
                             const std::function<void(CalendarIntegration&)>& update,
                             const std::optional<CalendarState>& calendar = std::nullopt);
    // The same for a pass that writes its events itself (an account with several calendars):
    // `write` runs first, on the transaction's connection.
    using EventsWrite = std::function<Status(const QSqlDatabase& db, CalendarIntegration& stored)>;
    Result<bool> storeSync(const EventsWrite& write,
                           const std::function<void(CalendarIntegration&)>& update);

    // Marks the integration failed (and when to try again) and logs it; a failure that cannot
    // be stored is logged as well.
    void recordSyncFailure(const integration::ProviderReply& reply);
    // recordSyncFailure(), and the pass ends with the reply's message.
    void fail(const integration::ProviderReply& reply);
    // What storeEvents(), storeSync() or updateStoredIntegration() answered: true when it was
    // written; otherwise the pass has ended — failed (recorded like fail()) when the store
    // failed, or because the integration was removed or disconnected meanwhile.
    bool wasStored(const Result<bool>& stored);

    // A calendar the provider no longer has (404/410 on it, or no longer listed): its events go,
    // and the calendar too — except the one receiving bookings, which stays (its sync state
    // forgotten, its choices as they were, so that the next pass finds it gone again) for the
    // writes owed to it to fail where the admin sees them (settledAsGone) and the integration
    // to say so (in error, without back-off: the other calendars keep syncing) until another
    // calendar receives bookings. Call inside a write transaction (`stored`: the integration as
    // stored now, whose status it sets).
    Status dropGoneCalendar(const QSqlDatabase& db, CalendarIntegration& stored,
                            const storage::IntegrationCalendar& calendar);
    // An outbox job that writes to a calendar this pass found gone: a delete is done (the event
    // went with the calendar), anything else fails with the reason. False for any other job.
    bool settledAsGone(const storage::CalendarJob& job);

    // A failure that stops the pass's work (transient, or the account's: keychain, refused or
    // revoked credentials): what follows would fail the same way.
    static bool stopsTheQueue(const integration::ProviderReply& reply);
    // An outbox job (a calendar write) is done: removed.
    void completeJob(const storage::CalendarJob& job);
    // It failed: retried later with back-off when the failure is transient or the account's
    // (keychain, refused or revoked credentials), else marked failed for the admin to see. True
    // when the rest of the queue must wait too (the failure is transient or the account's, which
    // is then recorded as the integration's failure): the caller finishes the pass.
    bool failJob(const storage::CalendarJob& job, const integration::ProviderReply& reply);

    void finish(bool ok, const QString& message);
    [[nodiscard]] QDateTime now() const { return m_clock.now(); }

    storage::Database* m_database;
    CalendarIntegration m_integration;
    LeaseHolder m_leaseHolder;
    core::Clock m_clock; // what "now" is: the lease, back-off and due times, the rows' stamps
    SyncReport m_report;
    QElapsedTimer m_elapsed;

private:
    [[nodiscard]] QString busyMessage() const;
    // The integration in error while the calendar receiving bookings is gone.
    void keepGoneWriteCalendarInStatus(CalendarIntegration& stored) const;
    // How many passes in a row have failed now; std::nullopt when nothing was stored (the
    // integration is disconnected or its status does not become Error).
    Result<std::optional<int>> storeSyncFailure(const integration::ProviderReply& reply);

    QNetworkAccessManager* m_network;
    User m_admin;
    bool m_secretsMayBeElsewhere;
    bool m_leaseHeld = false;
    bool m_finished = false;
    QString m_leaseError;                    // why the last renewLease() failed
    QHash<QString, QString> m_goneCalendars; // integration_calendars id → name, found gone
    QString m_goneWriteCalendar;             // the name of the one receiving bookings, if gone
};

} // namespace slotdesk
