#pragma once
// CalDavSyncRun: one pass (CalendarPass) over one CalDAV account — take the lease, read the
// password from the keychain, then for each of the account's calendars that block time
// (integration_calendars):
//   - with a sync token: a sync-collection REPORT from it, a calendar-multiget of the members
//     that changed, and their old instances replaced (a 404 member: deleted); a token the
//     server no longer knows falls back to a full read;
//   - without sync-collection: the ctag; when it changed, every member's ETag against the
//     ETags stored with the events, and a multiget of those that differ;
//   - a full read (the first pass, a `fullRead` pass, a stale token): the calendar's ctag and
//     sync-token first, then a calendar-query REPORT over the window (90 days back, the
//     horizon ahead), and the calendar's events replaced.
// Calendar data is parsed by IcsBusyParser (the same busy rules as ICS feeds). All calendars'
// events and sync state are stored in one transaction at the end; any failure (keychain,
// network, 401, 5xx, not CalDAV) puts the integration in error with back-off and keeps every
// event it had. The password is never logged or put in a message.
//
// Then the calendar writes (outbox jobs) owed to this account's calendars: an approved booking
// becomes a calendar object "<event id>.ics" (IcsCalendar::Resource, UID "<event id>@slotdesk",
// the UID of the attendee's .ics) PUT with If-None-Match: * — a retry that finds it there
// (412) reads it back and takes it if it is ours; a move PUTs the new times over it with
// If-Match on the ETag just read (a 404 creates it again); a cancel DELETEs it (404: gone
// already). Failures are retried or given up as Google's writes are (CalendarPass::failJob).
//
// An event's external id is "OBJECT|ETAG|INSTANCE": the calendar object's name in its
// collection, the object's ETag when read, and IcsBusyParser's id of the instance — so the
// rows of one object can be replaced together and its ETag compared without another column.

#include "caldav/CalDavClient.h"
#include "calendar/CalendarPass.h"
#include "storage/CalendarJobRepository.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QHash>
#include <QPointer>

#include <deque>

class QNetworkAccessManager;

namespace slotdesk {
namespace integration {
class KeychainSecretStore;
}

namespace caldav {

class CalDavSyncRun : public CalendarPass {
    Q_OBJECT
public:
    struct Setup {
        storage::Database* database = nullptr;
        CalendarIntegration integration;
        LeaseHolder leaseHolder;
        core::Clock clock;
        integration::KeychainSecretStore* secrets = nullptr;
        QNetworkAccessManager* network = nullptr;
        QString userTimeZone;     // floating and all-day times, unless the data names a zone
        QStringList ownAddresses; // the admin's, for their own PARTSTAT=DECLINED
        User admin;               // the ORGANIZER of the events SlotDesk writes
        // Read every calendar in full (calendar-query), whatever tokens are stored: the window
        // moves on with time, and incremental answers only say what changed.
        bool fullRead = false;
        // Another admin's account whose password is in their own machine's keychain.
        bool secretMayBeElsewhere = false;
    };

    static constexpr int kJobsPerRun = 50;

    explicit CalDavSyncRun(Setup setup, QObject* parent = nullptr);
    ~CalDavSyncRun() override;

    void start() override;
    [[nodiscard]] bool readsInFull() const { return m_setup.fullRead; }

    // The external id of an instance of a calendar object, and the object's name and ETag back.
    static QString externalId(const QString& href, const QString& etag, const QString& instance);
    static QString objectName(const QString& href);

private:
    // What one calendar's pass found, stored with the others at the end.
    struct CalendarResult {
        storage::IntegrationCalendar calendar;
        bool full = false;
        QVector<CalendarEvent> events; // full: all of them; else the changed objects' instances
        QStringList removedIds;
        QString syncToken;
        QString ctag;
    };

    void nextCalendar();
    void readFull(CalendarResult result);
    void readChanges(CalendarResult result);
    void compareEtags(CalendarResult result);
    // Fetches `hrefs` (multiget), parses them into `result`, and goes on with the next calendar.
    void fetchObjects(CalendarResult result, const QStringList& hrefs);
    void addObjects(CalendarResult& result, const QVector<CalendarObject>& objects);
    // The stored ids of the instances of the objects named `names` in `calendarId`.
    [[nodiscard]] QStringList storedIdsOf(const QString& calendarId,
                                          const QSet<QString>& names) const;
    [[nodiscard]] QUrl calendarUrl(const storage::IntegrationCalendar& calendar) const;
    void store();
    void fail(const integration::ProviderReply& reply);

    // ---- the outbox ----
    void drainJobs();
    void nextJob();
    void runInsert(const storage::CalendarJob& job, const Booking& booking);
    void runUpdate(const storage::CalendarJob& job, const Booking& booking);
    void runDelete(const storage::CalendarJob& job, const Booking& booking);
    // The booking's calendar object: the calendar the job writes to, "<event id>.ics".
    [[nodiscard]] QUrl objectUrl(const storage::CalendarJob& job, const QString& eventId) const;
    // The booking's event as stored: its event id (the object's URL) in the booking.
    void recordEvent(const storage::CalendarJob& job, const QString& eventId);
    void jobDone(const storage::CalendarJob& job);
    void jobFailed(const storage::CalendarJob& job, const integration::ProviderReply& reply);

    Setup m_setup;
    QPointer<CalDavClient> m_client;
    QVector<storage::IntegrationCalendar> m_calendars; // all of the account's
    QVector<storage::IntegrationCalendar> m_pending;   // those still to read
    QVector<CalendarResult> m_results;
    QVector<CalendarEvent> m_stored; // the integration's events when the pass began
    std::deque<storage::CalendarJob> m_jobs;
};

} // namespace caldav
} // namespace slotdesk
