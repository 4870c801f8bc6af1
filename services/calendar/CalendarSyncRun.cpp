#include "calendar/CalendarSyncRun.h"

#include "booking/BookingService.h"
#include "calendar/GoogleCalendarList.h"
#include "calendar/GoogleSession.h"
#include "core/TimeFormat.h"
#include "integration/Backoff.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/Transaction.h"
#include "storage/VideoIntegrationRepository.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace slotdesk {

using integration::Backoff;
using integration::Failure;
using integration::ProviderReply;
using storage::CalendarJob;
using storage::CalendarJobAction;
using storage::IntegrationCalendarRepository;
using storage::Transaction;

namespace {

// Reads a Google event at most this often in one run for its Meet link; then it waits for a
// later pass.
constexpr int kReadsInRun = 4;

// The Google event id SlotDesk gives a booking's event: the booking's UUID in lower-case hex,
// which is valid base32hex. Inserting it twice (a lost response, two processes) is a 409, not a
// second event.
QString eventIdFor(const Booking& booking) {
    return QString(booking.id).remove(u'-').toLower();
}

QJsonObject eventBodyFor(const Booking& booking) {
    QJsonObject event{
        {QStringLiteral("id"), eventIdFor(booking)},
        {QStringLiteral("summary"),
         booking.title.isEmpty() ? QStringLiteral("Meeting with %1").arg(booking.attendeeName)
                                 : booking.title},
        {QStringLiteral("start"),
         QJsonObject{{QStringLiteral("dateTime"), timeformat::toRfc3339Utc(booking.startTime)}}},
        {QStringLiteral("end"),
         QJsonObject{{QStringLiteral("dateTime"), timeformat::toRfc3339Utc(booking.endTime)}}},
        {QStringLiteral("attendees"),
         QJsonArray{QJsonObject{{QStringLiteral("email"), booking.attendeeEmail},
                                {QStringLiteral("displayName"), booking.attendeeName}}}},
        {QStringLiteral("extendedProperties"),
         QJsonObject{{QStringLiteral("private"),
                      QJsonObject{{QStringLiteral("slotdeskBookingId"), booking.id}}}}},
    };
    QString description = booking.notes;
    if (booking.videoProvider == VideoProvider::Zoom && !booking.videoLink.isEmpty()) {
        // A third-party conference the simple way: where to go, and the link in the text.
        event.insert(QStringLiteral("location"), booking.videoLink);
        if (!description.isEmpty())
            description += QStringLiteral("\n\n");
        description += QStringLiteral("Join Zoom meeting: ") + booking.videoLink;
    }
    if (!description.isEmpty())
        event.insert(QStringLiteral("description"), description);
    if (booking.requestedVideoProvider == VideoProvider::GoogleMeet)
        event.insert(QStringLiteral("conferenceData"),
                     QJsonObject{{QStringLiteral("createRequest"),
                                  QJsonObject{{QStringLiteral("requestId"), booking.id},
                                              {QStringLiteral("conferenceSolutionKey"),
                                               QJsonObject{{QStringLiteral("type"),
                                                            QStringLiteral("hangoutsMeet")}}}}}});
    return event;
}

QString conferenceStatus(const QJsonObject& event) {
    return event.value(QLatin1String("conferenceData"))
        .toObject()
        .value(QLatin1String("createRequest"))
        .toObject()
        .value(QLatin1String("status"))
        .toObject()
        .value(QLatin1String("statusCode"))
        .toString();
}

// Whether the event should wait for the Zoom link: the attendee asked for Zoom, there is no link
// yet, the user's Zoom account is connected and working (ZoomService will create the meeting and
// make this job due), and the wait has not gone on too long. Otherwise the event goes without.
// Stricter than isUsable() on purpose: an account in error is still retried, but while it
// fails the event does not wait for a link that may be long in coming.
bool waitsForZoomLink(QSqlDatabase db, const Booking& booking, const CalendarJob& job,
                      const QDateTime& now) {
    if (booking.requestedVideoProvider != VideoProvider::Zoom || !booking.videoLink.isEmpty())
        return false;
    if (job.createdAt.isValid() &&
        job.createdAt.addMSecs(
            std::chrono::milliseconds(CalendarSyncRun::kZoomLinkPatience).count()) <= now)
        return false;
    auto zoom = storage::VideoIntegrationRepository(std::move(db))
                    .find(booking.userId, QStringLiteral("zoom"));
    if (!loggedIfFailed(zoom, "read the Zoom integration; the event goes without waiting"))
        return false;
    return *zoom && (*zoom)->status == VideoIntegrationStatus::Connected;
}

// What an insert job does once Google has its event: done, unless the attendee asked for Meet,
// the booking is still confirmed and the event has no link yet — then it reads the event again
// while Google is still creating the conference (later, after kReadsInRun reads), and fails when
// Google could not create it.
enum class AfterEvent { Done, ReadAgain, Later, Failed };
AfterEvent afterEventStored(const Booking& booking, const QJsonObject& event, int reads) {
    if (booking.requestedVideoProvider != VideoProvider::GoogleMeet ||
        !event.value(QLatin1String("hangoutLink")).toString().isEmpty() ||
        booking.status != BookingStatus::Confirmed)
        return AfterEvent::Done;
    if (conferenceStatus(event) == QLatin1String("pending"))
        return reads < kReadsInRun ? AfterEvent::ReadAgain : AfterEvent::Later;
    return AfterEvent::Failed; // "failure", or no conference at all
}

Status recordJobOutcome(storage::CalendarJobRepository& jobs, const CalendarJob& job,
                        AfterEvent next, const QDateTime& now) {
    switch (next) {
    case AfterEvent::Done:
        return jobs.remove(job.id);
    case AfterEvent::Failed:
        return jobs.markFailed(job.id, job.attempts + 1,
                               QStringLiteral("Google could not create a Meet link"));
    case AfterEvent::Later:
        return jobs.reschedule(job.id, job.attempts + 1,
                               now.addMSecs(Backoff::delay(job.attempts + 1).count()),
                               QStringLiteral("Waiting for Google to create the Meet link"));
    case AfterEvent::ReadAgain:
        break;
    }
    return success();
}

} // namespace

CalendarSyncRun::CalendarSyncRun(const Setup& setup, Google google, QObject* parent)
    : CalendarPass(setup, parent)
    , m_google(std::move(google)) {}

namespace {
QString eventsPathOf(const QString& remoteId) {
    return QStringLiteral("/calendars/%1/events").arg(google::GoogleSession::segment(remoteId));
}
} // namespace

QString CalendarSyncRun::eventsPath() const {
    return eventsPathOf(m_calendar.remoteId);
}

QString CalendarSyncRun::eventsPath(const CalendarJob& job) const {
    return eventsPathOf(
        m_remoteIds.value(job.calendarId, QString::fromLatin1(google::kPrimaryCalendar)));
}

void CalendarSyncRun::start() {
    if (!beginPass())
        return;
    m_session = new google::GoogleSession(m_integration.keychainKey, m_google.endpoints,
                                          m_google.store, m_google.oauth, network(), this);
    m_session->prepare([this](ProviderReply ready) {
        if (!ready.ok() && secretsMayBeElsewhere() && ready.failure == Failure::Keychain) {
            m_report.ran = false;
            m_report.tokensElsewhere = true;
            finish(true,
                   QStringLiteral("This calendar's tokens are in another machine's keychain"));
            return;
        }
        if (!ready.ok()) {
            fail(ready);
            return;
        }
        if (m_google.mode == Mode::WriteOnly) {
            m_report.ok = true;
            drainJobs();
            return;
        }
        auto known = IntegrationCalendarRepository(m_database->connection()).list(m_integration.id);
        if (!known) {
            fail(ProviderReply::localFailure(Failure::Rejected, known.error().message));
            return;
        }
        if (m_google.refreshCalendarList || known->isEmpty())
            fetchCalendarList({});
        else
            syncCalendars();
    });
}

// ---- calendarList ---------------------------------------------------------------------------

void CalendarSyncRun::fetchCalendarList(const QString& pageToken) {
    if (const Lease lease = renewLease(); lease != Lease::Held) {
        finish(false, lostLeaseMessage(lease));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("maxResults"), QString::number(kCalendarListPageSize));
    if (!pageToken.isEmpty())
        query.addQueryItem(QStringLiteral("pageToken"),
                           QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    m_session->call(QByteArrayLiteral("GET"), QStringLiteral("/users/me/calendarList"), query, {},
                    [this](ProviderReply reply) { onCalendarListPage(reply); });
}

void CalendarSyncRun::onCalendarListPage(const ProviderReply& reply) {
    if (!reply.ok()) {
        recordSyncFailure(reply);
        if (stopsTheQueue(reply))
            finish(false, reply.message);
        else
            syncCalendars(); // the calendars known so far are still read
        return;
    }
    const QJsonArray items = reply.body.value(QLatin1String("items")).toArray();
    for (const auto& item : items)
        m_calendarListItems.append(item);
    const QString next = reply.body.value(QLatin1String("nextPageToken")).toString();
    if (!next.isEmpty()) {
        fetchCalendarList(next);
        return;
    }
    std::optional<CalendarListChange> merged;
    const bool stored = wasStored(
        updateStoredIntegration([&](const QSqlDatabase& db, CalendarIntegration& current) {
            auto change = google::mergeCalendarList(db, m_clock, current, m_calendarListItems);
            if (!change)
                return Result<bool>(change.error());
            for (const auto& calendar : std::as_const(change->unlisted))
                if (auto s = dropGoneCalendar(db, current, calendar); !s)
                    return Result<bool>(s.error());
            merged = *change;
            return Result<bool>(true);
        }));
    m_calendarListItems = {};
    if (!stored)
        return;
    if (merged && (merged->added || merged->updated || !merged->unlisted.isEmpty())) {
        qCInfo(lcSync).nospace() << "calendar list: " << merged->added << " added, "
                                 << merged->updated << " changed, " << merged->unlisted.size()
                                 << " gone";
        emit integrationChanged(m_integration.id);
    }
    syncCalendars();
}

// ---- events.list, one calendar after the other ----------------------------------------------

void CalendarSyncRun::syncCalendars() {
    auto known = IntegrationCalendarRepository(m_database->connection()).list(m_integration.id);
    if (!known) {
        fail(ProviderReply::localFailure(Failure::Rejected, known.error().message));
        return;
    }
    m_calendars.clear();
    for (const auto& calendar : *known) {
        if (calendar.blocksTime)
            m_calendars.push_back(calendar);
    }
    syncNextCalendar();
}

void CalendarSyncRun::syncNextCalendar() {
    if (m_calendars.empty()) {
        m_report.ok = true;
        emit integrationChanged(m_integration.id);
        drainJobs();
        return;
    }
    m_calendar = m_calendars.front();
    m_calendars.pop_front();
    m_full = m_calendar.syncToken.isEmpty();
    m_report.fullSync = m_report.fullSync || m_full;
    m_changes.clear();
    m_zone.clear();
    m_nextSyncToken.clear();
    fetchPage({});
}

// ---- events.list ----------------------------------------------------------------------------

void CalendarSyncRun::fetchPage(const QString& pageToken) {
    if (const Lease lease = renewLease(); lease != Lease::Held) {
        finish(false, lostLeaseMessage(lease));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("singleEvents"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("maxResults"), QString::number(kPageSize));
    if (m_full)
        query.addQueryItem(QStringLiteral("timeMin"),
                           timeformat::toRfc3339Utc(now().addDays(-kWindowDays)));
    else
        query.addQueryItem(QStringLiteral("syncToken"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_calendar.syncToken)));
    if (!pageToken.isEmpty())
        query.addQueryItem(QStringLiteral("pageToken"),
                           QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    m_session->call(QByteArrayLiteral("GET"), eventsPath(), query, {},
                    [this](ProviderReply reply) { onPage(reply); });
}

void CalendarSyncRun::onPage(const ProviderReply& reply) {
    if (reply.failure == Failure::FullSyncRequired && !m_full) {
        restartAsFullSync();
        return;
    }
    if (reply.failure == Failure::NotFound || reply.failure == Failure::Gone) {
        // The calendar was deleted (or unshared) at Google: it goes, with its events.
        if (!wasStored(updateStoredIntegration(
                [this](const QSqlDatabase& db, CalendarIntegration& current) {
                    auto dropped = dropGoneCalendar(db, current, m_calendar);
                    return dropped ? Result<bool>(true) : Result<bool>(dropped.error());
                })))
            return;
        emit integrationChanged(m_integration.id);
        syncNextCalendar();
        return;
    }
    if (!reply.ok()) {
        recordSyncFailure(reply);
        if (stopsTheQueue(reply))
            finish(false, reply.message);
        else
            drainJobs(); // reading failed for a reason of its own; writing may still work
        return;
    }
    ++m_report.pages;
    const QString pageZone = reply.body.value(QLatin1String("timeZone")).toString();
    if (m_zone.isEmpty() || !pageZone.isEmpty())
        m_zone = google::effectiveZone(pageZone, admin().timeZone);
    const QJsonArray items = reply.body.value(QLatin1String("items")).toArray();
    for (const auto& value : items) {
        auto change = google::mapEvent(value.toObject(), m_zone);
        if (change.externalId.isEmpty())
            continue;
        ++m_report.items;
        m_changes.insert(change.externalId, std::move(change)); // a later page wins
    }
    const QString next = reply.body.value(QLatin1String("nextPageToken")).toString();
    if (!next.isEmpty()) {
        fetchPage(next);
        return;
    }
    m_nextSyncToken = reply.body.value(QLatin1String("nextSyncToken")).toString();
    if (m_nextSyncToken.isEmpty()) {
        const auto failure = ProviderReply::localFailure(
            Failure::Rejected,
            QStringLiteral("Google's last events page carried no nextSyncToken"));
        fail(failure);
        return;
    }
    applyChanges();
}

void CalendarSyncRun::restartAsFullSync() {
    // 410 fullSyncRequired: forget this calendar's token and read it all again. Its stored events
    // stay untouched until the complete new set replaces them in one transaction; the other
    // calendars keep their tokens and events.
    qCInfo(lcSync) << "sync token expired (410); starting a full sync of the calendar";
    // Forgetting the stored token only spares a later pass the 410; this pass reads everything
    // whether or not it could be forgotten.
    loggedIfFailed(forgetSyncToken(), "forget the expired sync token");
    m_calendar.syncToken.clear();
    m_full = true;
    m_fellBack = true;
    m_report.fullSync = true;
    m_changes.clear();
    m_zone.clear();
    fetchPage({});
}

Status CalendarSyncRun::forgetSyncToken() {
    return IntegrationCalendarRepository(m_database->connection(), m_clock)
        .recordSync(m_integration.id, m_calendar.id, {}, m_calendar.ctag, m_calendar.lastSyncAt);
}

void CalendarSyncRun::applyChanges() {
    QVector<CalendarEvent> upserts;
    QStringList removed;
    upserts.reserve(m_changes.size());
    const QDateTime now = m_clock.now();
    for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
        if (it->removed) {
            removed.append(it->externalId);
            continue;
        }
        CalendarEvent event = it->event;
        event.calendarIntegrationId = m_integration.id;
        event.integrationCalendarId = m_calendar.id;
        event.syncedAt = now;
        upserts.append(event);
    }
    m_report.removed = static_cast<int>(removed.size());

    const QDateTime tokenExpiresAt = m_session->tokenExpiresAt();
    auto stored = storeEvents(
        m_full, upserts, removed,
        [&](CalendarIntegration& updated) {
            if (tokenExpiresAt.isValid())
                updated.tokenExpiresAt = tokenExpiresAt;
        },
        CalendarState{m_calendar.id, m_nextSyncToken, m_calendar.ctag});
    if (!wasStored(stored))
        return; // nothing was written
    qCInfo(lcSync).nospace() << (m_full ? "full" : "incremental")
                             << " sync of a calendar: " << m_report.pages << " page(s), "
                             << m_report.items << " item(s), " << removed.size() << " removed, in "
                             << m_elapsed.elapsed() << " ms";
    m_changes.clear();
    syncNextCalendar();
}

// ---- the outbox -----------------------------------------------------------------------------

void CalendarSyncRun::drainJobs() {
    auto calendars = IntegrationCalendarRepository(m_database->connection()).list(m_integration.id);
    if (!calendars) {
        finish(m_report.ok, calendars.error().message);
        return;
    }
    m_remoteIds.clear();
    for (const auto& calendar : *calendars)
        m_remoteIds.insert(calendar.id, calendar.remoteId);
    auto due =
        storage::CalendarJobRepository(m_database->connection())
            .listDueForIntegration(m_integration.userId, m_integration.id, now(), kJobsPerRun);
    if (!due) {
        finish(m_report.ok, due.error().message);
        return;
    }
    m_jobs.assign(due->cbegin(), due->cend());
    nextJob();
}

void CalendarSyncRun::nextJob() {
    if (m_jobs.empty()) {
        finish(m_report.ok, m_report.message);
        return;
    }
    if (const Lease lease = renewLease(); lease != Lease::Held) {
        finish(false, lostLeaseMessage(lease));
        return;
    }
    const CalendarJob job = m_jobs.front();
    m_jobs.pop_front();
    // It may have been dropped (a cancel before it ran) since the list was read.
    auto fresh = storage::CalendarJobRepository(m_database->connection()).findById(job.id);
    if (!loggedIfFailed(fresh, "read a calendar job again; a later pass does it") ||
        !fresh->has_value() || (*fresh)->state != storage::CalendarJobState::Pending ||
        settledAsGone(**fresh)) {
        nextJob();
        return;
    }
    if (job.action == CalendarJobAction::Insert)
        runInsert(**fresh);
    else if (job.action == CalendarJobAction::Update)
        runUpdate(**fresh);
    else
        runDelete(**fresh);
}

void CalendarSyncRun::runInsert(const CalendarJob& job) {
    auto found = storage::BookingRepository(m_database->connection())
                     .findById(m_integration.userId, job.bookingId);
    if (!loggedIfFailed(found, "read a booking for its calendar insert; the job is dropped") ||
        !found->has_value()) {
        jobDone(job);
        return;
    }
    const Booking booking = **found;
    if (!booking.calendarEventId.isEmpty()) {
        // Already created; only the Meet link may still be owed.
        if (booking.requestedVideoProvider == VideoProvider::GoogleMeet &&
            booking.videoLink.isEmpty())
            readEventBack(job, booking.calendarEventId, 0);
        else
            jobDone(job);
        return;
    }
    if (booking.status != BookingStatus::Confirmed) {
        jobDone(job); // cancelled before the event was ever created
        return;
    }
    if (waitsForZoomLink(m_database->connection(), booking, job, now())) {
        // Not a failure: attempts stay as they are.
        loggedIfFailed(
            storage::CalendarJobRepository(m_database->connection(), m_clock)
                .reschedule(job.id, job.attempts,
                            now().addMSecs(std::chrono::milliseconds(kZoomLinkRetry).count()),
                            QStringLiteral("Waiting for the Zoom meeting link")),
            "reschedule a calendar insert that waits for the Zoom link");
        ++m_report.jobsRescheduled;
        emit jobsChanged();
        nextJob();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sendUpdates"), QStringLiteral("all"));
    if (booking.requestedVideoProvider == VideoProvider::GoogleMeet)
        query.addQueryItem(QStringLiteral("conferenceDataVersion"), QStringLiteral("1"));
    m_session->call(QByteArrayLiteral("POST"), eventsPath(job), query, eventBodyFor(booking),
                    [this, job, eventId = eventIdFor(booking)](ProviderReply reply) {
                        if (reply.failure == Failure::Duplicate) {
                            // Created by an earlier attempt whose answer was lost.
                            readEventBack(job, eventId, 0);
                            return;
                        }
                        if (!reply.ok()) {
                            jobFailed(job, reply);
                            return;
                        }
                        onEventStored(job, reply.body, 0);
                    });
}

void CalendarSyncRun::readEventBack(const CalendarJob& job, const QString& eventId, int reads) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("conferenceDataVersion"), QStringLiteral("1"));
    m_session->call(QByteArrayLiteral("GET"),
                    eventsPath(job) + u'/' + google::GoogleSession::segment(eventId), query, {},
                    [this, job, reads](ProviderReply reply) {
                        if (!reply.ok()) {
                            jobFailed(job, reply);
                            return;
                        }
                        onEventStored(job, reply.body, reads + 1);
                    });
}

void CalendarSyncRun::onEventStored(const CalendarJob& job, const QJsonObject& event, int reads) {
    const QString eventId = event.value(QLatin1String("id")).toString();
    auto db = m_database->connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx) {
        jobFailed(job, ProviderReply::localFailure(Failure::Rejected, tx.error().message));
        return;
    }
    // A move's event that was handed on again while it was being moved: its new booking's own
    // update moves it (this booking must not take it back).
    if (job.action == CalendarJobAction::Update && !holdsEvent(db, job, eventId)) {
        tx->rollback();
        jobDone(job);
        return;
    }
    // The booking learns its event (and Meet link) in the same transaction that records what
    // became of the job.
    auto stored = BookingService::recordCalendarEvent(
        db, m_clock, m_integration.userId, job.bookingId, eventId, job.calendarId,
        event.value(QLatin1String("hangoutLink")).toString());
    if (!stored) {
        tx->rollback();
        qCWarning(lcSync) << "cannot store a booking's event id:" << stored.error().message;
        jobFailed(job, ProviderReply::localFailure(Failure::Rejected,
                                                   QStringLiteral("Cannot store the event id")));
        return;
    }
    if (!stored->has_value()) {
        tx->rollback();
        jobDone(job);
        return;
    }
    storage::CalendarJobRepository jobs(db, m_clock);
    queueDeleteOfStrayEvent(jobs, **stored, now());
    const AfterEvent next = afterEventStored(**stored, event, reads);
    Status recorded = recordJobOutcome(jobs, job, next, now());
    if (recorded)
        recorded = tx->commit();
    if (!recorded) {
        qCWarning(lcSync) << "cannot record a calendar write:" << recorded.error().message;
        jobFailed(job, ProviderReply::localFailure(
                           Failure::Rejected, QStringLiteral("Cannot record the calendar write")));
        return;
    }
    emit jobsChanged();
    switch (next) {
    case AfterEvent::Done:
        ++m_report.jobsDone;
        break;
    case AfterEvent::Failed:
        ++m_report.jobsFailed;
        break;
    case AfterEvent::Later:
        ++m_report.jobsRescheduled;
        break;
    case AfterEvent::ReadAgain:
        // Google creates the conference asynchronously: read the event again shortly.
        QTimer::singleShot(250 * (1 << reads), this,
                           [this, job, eventId, reads] { readEventBack(job, eventId, reads); });
        return;
    }
    nextJob();
}

void CalendarSyncRun::runUpdate(const CalendarJob& job) {
    auto found = storage::BookingRepository(m_database->connection())
                     .findById(m_integration.userId, job.bookingId);
    if (!loggedIfFailed(found, "read a booking for its calendar update; the job is dropped") ||
        !found->has_value() || (*found)->status != BookingStatus::Confirmed ||
        (*found)->calendarEventId.isEmpty()) {
        // Gone, cancelled since (its delete is queued) or moved on (the next booking's update
        // moves the event).
        jobDone(job);
        return;
    }
    const Booking booking = **found;
    const QJsonObject event = eventBodyFor(booking);
    const QJsonObject times{{QStringLiteral("start"), event.value(QLatin1String("start"))},
                            {QStringLiteral("end"), event.value(QLatin1String("end"))}};
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sendUpdates"), QStringLiteral("all"));
    m_session->call(
        QByteArrayLiteral("PATCH"),
        eventsPath(job) + u'/' + google::GoogleSession::segment(booking.calendarEventId), query,
        times, [this, job, eventId = booking.calendarEventId](ProviderReply reply) {
            if (reply.failure == Failure::NotFound || reply.failure == Failure::Gone)
                insertInstead(job, eventId);
            else if (!reply.ok())
                jobFailed(job, reply);
            else
                onEventStored(job, reply.body, 0);
        });
}

bool CalendarSyncRun::holdsEvent(const QSqlDatabase& db, const CalendarJob& job,
                                 const QString& eventId) const {
    auto found = storage::BookingRepository(db).findById(m_integration.userId, job.bookingId);
    return loggedIfFailed(found, "read a booking for its moved event") && found->has_value() &&
           (*found)->calendarEventId == eventId;
}

void CalendarSyncRun::insertInstead(const CalendarJob& job, const QString& eventId) {
    // The event was deleted at Google: the booking forgets it and is owed a new one, at once.
    auto db = m_database->connection();
    auto replaced = [&]() -> Result<std::optional<CalendarJob>> {
        auto tx = Transaction::begin(db, Transaction::Mode::Write);
        if (!tx)
            return tx.error();
        storage::BookingRepository bookings(db, m_clock);
        auto found = bookings.findById(m_integration.userId, job.bookingId);
        if (!found)
            return found.error();
        if (!found->has_value() || (*found)->calendarEventId != eventId)
            return std::optional<CalendarJob>(); // handed on meanwhile: nothing to replace
        Booking booking = **found;
        booking.calendarEventId.clear();
        booking.eventCalendarId.clear();
        if (auto updated = bookings.update(booking); !updated)
            return updated.error();
        storage::CalendarJobRepository jobs(db, m_clock);
        if (auto s = jobs.remove(job.id); !s)
            return s.error();
        // Into the calendar the event was in (this account's: this run writes it).
        auto insert = jobs.enqueue(booking.userId, booking.id, CalendarJobAction::Insert, now(),
                                   job.calendarId);
        if (!insert)
            return insert.error();
        if (auto s = tx->commit(); !s)
            return s.error();
        return std::optional<CalendarJob>(*insert);
    }();
    if (!replaced) {
        jobFailed(job, ProviderReply::localFailure(Failure::Rejected, replaced.error().message));
        return;
    }
    if (!*replaced) {
        jobDone(job);
        return;
    }
    qCInfo(lcSync) << "a moved booking's event is gone at Google; inserting a new one";
    emit jobsChanged();
    runInsert(**replaced);
}

void CalendarSyncRun::runDelete(const CalendarJob& job) {
    auto db = m_database->connection();
    auto found = storage::BookingRepository(db).findById(m_integration.userId, job.bookingId);
    if (!loggedIfFailed(found, "read a booking for its calendar delete; the job is dropped") ||
        !found->has_value()) {
        jobDone(job);
        return;
    }
    const QString eventId = (*found)->calendarEventId;
    if (eventId.isEmpty()) {
        // An insert still owed or in flight elsewhere may yet create it: wait for that.
        storage::CalendarJobRepository jobs(db, m_clock);
        if (hasQueuedJob(jobs, job.bookingId, [](const CalendarJob& other) {
                return other.action == CalendarJobAction::Insert &&
                       other.state == storage::CalendarJobState::Pending;
            })) {
            loggedIfFailed(
                jobs.reschedule(job.id, job.attempts, now().addMSecs(Backoff::kBase.count()),
                                QStringLiteral("Waiting for the event to be created first")),
                "reschedule a calendar delete that waits for its insert");
            ++m_report.jobsRescheduled;
            nextJob();
            return;
        }
        jobDone(job);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sendUpdates"), QStringLiteral("all"));
    m_session->call(QByteArrayLiteral("DELETE"),
                    eventsPath(job) + u'/' + google::GoogleSession::segment(eventId), query, {},
                    [this, job](ProviderReply reply) {
                        // Already gone counts as done.
                        if (reply.ok() || reply.failure == Failure::NotFound ||
                            reply.failure == Failure::Gone)
                            jobDone(job);
                        else
                            jobFailed(job, reply);
                    });
}

void CalendarSyncRun::jobDone(const CalendarJob& job) {
    completeJob(job);
    nextJob();
}

void CalendarSyncRun::jobFailed(const CalendarJob& job, const ProviderReply& reply) {
    if (failJob(job, reply)) {
        finish(m_report.ok, reply.message);
        return;
    }
    nextJob();
}

} // namespace slotdesk
