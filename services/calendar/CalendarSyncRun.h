#pragma once
// CalendarSyncRun: one pass (CalendarPass) over one Google Calendar integration — take the lease,
// read the account's calendarList when asked to (or when no calendar is known yet), bring the busy
// events of every calendar that blocks time up to date, one calendar after the other (a full sync,
// or an incremental one with that calendar's own sync token, paginated; each calendar's result in
// one transaction), then work off the calendar writes (outbox jobs) owed to this account's
// calendars. CalendarSyncService creates one per pass and deletes it when it has finished.

#include "calendar/CalendarPass.h"
#include "calendar/GoogleConfig.h"
#include "calendar/GoogleEventMapper.h"

#include <QJsonArray>
#include <QJsonObject>

#include <deque>

namespace slotdesk {
namespace google {
class GoogleOAuthClient;
class GoogleSession;
} // namespace google
namespace integration {
class OAuthTokenStore;
}

class CalendarSyncRun : public CalendarPass {
    Q_OBJECT
public:
    enum class Mode { SyncAndWrite, WriteOnly };

    // What a Google pass is given besides what every pass is.
    struct Google {
        google::Endpoints endpoints;
        integration::OAuthTokenStore* store = nullptr;
        google::GoogleOAuthClient* oauth = nullptr;
        Mode mode = Mode::SyncAndWrite;
        // Read calendarList first (new calendars appear, removed ones go). It is read anyway
        // while the integration has no calendar.
        bool refreshCalendarList = false;
    };

    // Deleting a run that has not finished abandons it (the process is shutting down): its
    // requests are aborted and the lease goes back at once. Everything it leaves undone is
    // safe to redo — reads are read again, an insert retried carries the same event id.
    CalendarSyncRun(const Setup& setup, Google google, QObject* parent = nullptr);

    void start() override;

    static constexpr int kPageSize = 2500;
    static constexpr int kCalendarListPageSize = 250;
    static constexpr int kJobsPerRun = 50;
    // An insert for a booking that asked for Zoom waits for the Zoom link (while Zoom is
    // connected and working): it is looked at again after kZoomLinkRetry (sooner: ZoomService
    // makes it due once the link is stored), and goes without the link after kZoomLinkPatience.
    static constexpr std::chrono::seconds kZoomLinkRetry{20};
    static constexpr std::chrono::minutes kZoomLinkPatience{10};

private:
    void fetchCalendarList(const QString& pageToken);
    void onCalendarListPage(const integration::ProviderReply& reply);
    // Queues the calendars that block time and syncs the first.
    void syncCalendars();
    void syncNextCalendar();
    void fetchPage(const QString& pageToken);
    void onPage(const integration::ProviderReply& reply);
    void restartAsFullSync();
    Status forgetSyncToken();
    void applyChanges();

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

    [[nodiscard]] QString eventsPath() const; // of the calendar being synced
    // Of the calendar `job` writes to ("primary" for a job older than several calendars).
    [[nodiscard]] QString eventsPath(const storage::CalendarJob& job) const;

    Google m_google;
    google::GoogleSession* m_session = nullptr;

    QJsonArray m_calendarListItems;
    std::deque<storage::IntegrationCalendar> m_calendars; // still to sync in this pass
    storage::IntegrationCalendar m_calendar;              // being synced
    QHash<QString, QString> m_remoteIds;                  // integration_calendars id → Google's

    // The calendar being fetched: nothing is written until the last page is in.
    bool m_full = false;
    bool m_fellBack = false;
    QString m_zone;
    QHash<QString, google::EventChange> m_changes;
    QString m_nextSyncToken;

    std::deque<storage::CalendarJob> m_jobs;
};

} // namespace slotdesk
