#pragma once
// CalDavSyncRun: one pass (an IcsCalendarPass) over one CalDAV account — take the lease, read the
// password from the keychain, list the calendars in the account's home (one PROPFIND Depth 1:
// a calendar new on the server is added, neither blocking time nor receiving bookings; names
// and colours follow the server), then for each of the account's calendars that block time
// (integration_calendars):
//   - with a sync token: a sync-collection REPORT from it, a calendar-multiget of the members
//     that changed, and their old instances replaced (a 404 member: deleted); a token the
//     server no longer knows falls back to a full read;
//   - without sync-collection: the ctag; when it changed, every member's ETag against the
//     ETags stored with the events, and a multiget of those that differ;
//   - a full read (the first pass, a `fullRead` pass, a stale token): the calendar's ctag and
//     sync-token first, then a calendar-query REPORT over the window (90 days back, the
//     horizon ahead), and the calendar's events replaced.
// A calendar the server answers 404 or 410 for (read, or asked about because the home no
// longer lists it) is gone: CalendarPass::dropGoneCalendar, while the other calendars are read
// on. Calendar data is parsed by IcsBusyParser (the same busy rules as ICS feeds). The calendar
// list, all calendars' events and sync state are stored in one transaction at the end; any other
// failure (keychain, network, 401, 5xx, not CalDAV) puts the integration in error with back-off
// and keeps every event it had. The password is never logged or put in a message.
//
// Then the calendar writes (outbox jobs) owed to this account's calendars: an approved booking
// becomes a calendar object "<event id>.ics" (IcsCalendar::Resource, UID "<event id>@slotdesk",
// the UID of the attendee's .ics) PUT with If-None-Match: * — a retry that finds it there
// (412) reads it back and takes it if it is ours; a move PUTs the new times over it with
// If-Match on the ETag just read (a 404 creates it again); a cancel DELETEs it (404: gone
// already). Failures are retried or given up as Google's writes are (CalendarPass::failJob); a
// write to a calendar found gone fails with that reason (CalendarPass::settledAsGone).
//
// An event's external id is "OBJECT|ETAG|INSTANCE": the calendar object's name in its
// collection, the object's ETag when read, and IcsBusyParser's id of the instance — so the
// rows of one object can be replaced together and its ETag compared without another column.

#include "caldav/CalDavClient.h"
#include "calendar/IcsCalendarPass.h"

#include <QPointer>

#include <deque>

namespace slotdesk::caldav {

class CalDavSyncRun : public IcsCalendarPass {
    Q_OBJECT
public:
    static constexpr int kJobsPerRun = 50;

    // `fullRead`: read every calendar in full (calendar-query), whatever tokens are stored: the
    // window moves on with time, and incremental answers only say what changed.
    CalDavSyncRun(const Setup& setup, integration::KeychainSecretStore* secrets, bool fullRead,
                  QObject* parent = nullptr);
    ~CalDavSyncRun() override;

    [[nodiscard]] bool readsInFull() const { return m_fullRead; }

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

    void begin(const QByteArray& password) override;
    // The calendars in the account's home (an account added before its home was kept: found by
    // discovery first).
    void listCalendars();
    void onListed(const QUrl& home, const QVector<CalDavCalendar>& listed);
    void nextCalendar();
    // Whether a calendar the home no longer lists is still there (PROPFIND Depth 0): 404/410 →
    // gone; any other refusal (403 once it is unshared) keeps it as it is, the pass goes on.
    void probe(const storage::IntegrationCalendar& calendar);
    // A read of `calendar` failed: 404 or 410 — it is gone (dropped when the pass is stored) and
    // the pass goes on with the next calendar, unless the home still lists it (a server between
    // two states: kept with its events and choices, read again next pass); anything else ends
    // the pass.
    [[nodiscard]] bool isListed(const storage::IntegrationCalendar& calendar) const;
    void readFailed(const storage::IntegrationCalendar& calendar,
                    const integration::ProviderReply& reply);
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

    bool m_fullRead = false;
    QPointer<CalDavClient> m_client;
    QUrl m_home;                                       // the account's calendar home
    QVector<CalDavCalendar> m_listed;                  // the calendars in it now
    QVector<storage::IntegrationCalendar> m_calendars; // all of the account's, as stored
    QVector<storage::IntegrationCalendar> m_probes;    // not listed any more: still there?
    QVector<storage::IntegrationCalendar> m_pending;   // those still to read
    QVector<storage::IntegrationCalendar> m_gone;      // the server has them no more
    QVector<CalendarResult> m_results;
    QVector<CalendarEvent> m_stored; // the integration's events when the pass began
    std::deque<storage::CalendarJob> m_jobs;
};

} // namespace slotdesk::caldav
