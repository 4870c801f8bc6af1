#include "caldav/CalDavSyncRun.h"

#include "booking/BookingService.h"
#include "booking/IcsCalendar.h"
#include "caldav/CalDavConnector.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSet>

#include <algorithm>

namespace slotdesk::caldav {

using integration::Failure;
using integration::ProviderReply;
using storage::CalendarJob;
using storage::CalendarJobAction;

namespace {

const QChar kSeparator = QLatin1Char('|');

} // namespace

CalDavSyncRun::CalDavSyncRun(const Setup& setup, integration::KeychainSecretStore* secrets,
                             bool fullRead, QObject* parent)
    : IcsCalendarPass(setup, secrets,
                      QStringLiteral("This CalDAV account's password is in another machine's "
                                     "keychain"),
                      parent)
    , m_fullRead(fullRead) {}

CalDavSyncRun::~CalDavSyncRun() = default;

QString CalDavSyncRun::objectName(const QString& href) {
    return href.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

QString CalDavSyncRun::externalId(const QString& href, const QString& etag,
                                  const QString& instance) {
    return objectName(href) + kSeparator + etag + kSeparator + instance;
}

void CalDavSyncRun::begin(const QByteArray& password) {
    auto db = m_database->connection();
    auto calendars = storage::IntegrationCalendarRepository(db).list(m_integration.id);
    auto stored = storage::CalendarEventRepository(db).list(m_integration.id);
    if (!calendars || !stored)
        return fail(ProviderReply::localFailure(
            Failure::Rejected, (!calendars ? calendars.error() : stored.error()).message));
    m_calendars = *calendars;
    m_stored = std::move(*stored);
    m_client = new CalDavClient(
        network(), CalDavAccount{QUrl(m_integration.sourceUrl), m_integration.username, password},
        this);
    for (const auto& calendar : std::as_const(m_calendars))
        m_client->trust(calendarUrl(calendar));
    // The home the authenticated discovery found may be on another host too (iCloud).
    if (const QUrl home = CalDavConnector::homeUrl(m_integration); !home.isEmpty())
        m_client->trust(home);
    listCalendars();
}

void CalDavSyncRun::listCalendars() {
    const QUrl home = CalDavConnector::homeUrl(m_integration);
    if (home.isEmpty())
        return m_client->discover([this](const ProviderReply& reply, const Discovery& found) {
            if (!reply.ok())
                return fail(reply);
            onListed(found.homeUrl, found.calendars);
        });
    m_client->listCalendars(
        home, [this, home](const ProviderReply& reply, const QVector<CalDavCalendar>& listed) {
            if (!reply.ok())
                return fail(reply);
            onListed(home, listed);
        });
}

void CalDavSyncRun::onListed(const QUrl& home, const QVector<CalDavCalendar>& listed) {
    m_home = home;
    m_listed = listed;
    for (const auto& calendar : std::as_const(m_calendars)) {
        if (calendar.blocksTime)
            m_pending.append(calendar); // if it is gone, reading it says so
        else if (!isListed(calendar))
            m_probes.append(calendar);
    }
    nextCalendar();
}

bool CalDavSyncRun::isListed(const storage::IntegrationCalendar& calendar) const {
    return std::any_of(m_listed.cbegin(), m_listed.cend(), [&](const CalDavCalendar& listed) {
        return listed.url.toString(QUrl::FullyEncoded) == calendar.remoteId;
    });
}

QUrl CalDavSyncRun::calendarUrl(const storage::IntegrationCalendar& calendar) const {
    return CalDavClient::resolve(QUrl(m_integration.sourceUrl), calendar.remoteId);
}

void CalDavSyncRun::nextCalendar() {
    if (m_probes.isEmpty() && m_pending.isEmpty())
        return store();
    if (const Lease lease = renewLease(); lease != Lease::Held)
        return finish(false, lostLeaseMessage(lease));
    if (!m_probes.isEmpty())
        return probe(m_probes.takeFirst());
    CalendarResult result;
    result.calendar = m_pending.takeFirst();
    if (m_fullRead || (result.calendar.syncToken.isEmpty() && result.calendar.ctag.isEmpty()))
        readFull(std::move(result));
    else if (!result.calendar.syncToken.isEmpty())
        readChanges(std::move(result));
    else
        compareEtags(std::move(result));
}

void CalDavSyncRun::probe(const storage::IntegrationCalendar& calendar) {
    m_client->calendarState(
        calendarUrl(calendar), [this, calendar](const ProviderReply& reply, const CalDavCalendar&) {
            if (reply.failure == Failure::NotFound || reply.failure == Failure::Gone)
                return readFailed(calendar, reply);
            if (!reply.ok())
                qCInfo(lcSync).nospace() << "an unlisted CalDAV calendar could not be checked "
                                            "(HTTP "
                                         << reply.httpStatus << "); kept";
            nextCalendar(); // still there, though not listed
        });
}

void CalDavSyncRun::readFailed(const storage::IntegrationCalendar& calendar,
                               const ProviderReply& reply) {
    if (reply.failure != Failure::NotFound && reply.failure != Failure::Gone)
        return fail(reply);
    if (isListed(calendar)) {
        qCWarning(lcSync).nospace() << "a CalDAV calendar the home lists answered HTTP "
                                    << reply.httpStatus << "; kept, read again next pass";
        return nextCalendar();
    }
    qCInfo(lcSync) << "a CalDAV calendar is gone from the server";
    m_gone.append(calendar);
    nextCalendar();
}

void CalDavSyncRun::readFull(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    // The state first: whatever changes during the query is seen again from this token.
    m_client->calendarState(
        url, [this, url, result](const ProviderReply& reply, const CalDavCalendar& state) mutable {
            if (!reply.ok())
                return readFailed(result.calendar, reply);
            result.full = true;
            result.syncToken = state.supportsSyncCollection ? state.syncToken : QString();
            result.ctag = state.ctag;
            m_report.fullSync = true;
            m_client->queryEvents(url, now().addDays(-kWindowDays), now().addDays(kHorizonDays),
                                  [this, result](const ProviderReply& queried,
                                                 const QVector<CalendarObject>& objects) mutable {
                                      ++m_report.pages;
                                      if (!queried.ok())
                                          return readFailed(result.calendar, queried);
                                      addObjects(result, objects);
                                      m_results.append(result);
                                      nextCalendar();
                                  });
        });
}

void CalDavSyncRun::readChanges(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    m_client->syncCollection(
        url, result.calendar.syncToken,
        [this, result](const ProviderReply& reply, const SyncChanges& changes) mutable {
            ++m_report.pages;
            if (reply.failure == Failure::FullSyncRequired) {
                qCInfo(lcSync) << "CalDAV sync token no longer valid; reading the calendar again";
                return readFull(std::move(result));
            }
            if (!reply.ok())
                return readFailed(result.calendar, reply);
            result.syncToken = changes.syncToken;
            result.ctag = result.calendar.ctag;
            QSet<QString> touched;
            QStringList hrefs;
            for (const QString& href : changes.removedHrefs)
                touched.insert(objectName(href));
            for (const CalendarObject& object : changes.changed) {
                touched.insert(objectName(object.href));
                hrefs.append(object.href);
            }
            result.removedIds = storedIdsOf(result.calendar.id, touched);
            fetchObjects(std::move(result), hrefs);
        });
}

void CalDavSyncRun::compareEtags(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    m_client->calendarState(url, [this, url, result](const ProviderReply& reply,
                                                     const CalDavCalendar& state) mutable {
        if (!reply.ok())
            return readFailed(result.calendar, reply);
        result.ctag = state.ctag;
        if (state.ctag == result.calendar.ctag) {
            m_results.append(result); // nothing changed
            return nextCalendar();
        }
        m_client->listEtags(url, [this, result](const ProviderReply& listed,
                                                const QVector<CalendarObject>& members) mutable {
            ++m_report.pages;
            if (!listed.ok())
                return readFailed(result.calendar, listed);
            // The ETag each object had when its events were stored.
            QHash<QString, QString> storedEtags;
            for (const CalendarEvent& event : std::as_const(m_stored)) {
                if (event.integrationCalendarId != result.calendar.id)
                    continue;
                const QStringList parts = event.externalEventId.split(kSeparator);
                if (parts.size() >= 3)
                    storedEtags.insert(parts.at(0), parts.at(1));
            }
            QSet<QString> touched(storedEtags.keyBegin(), storedEtags.keyEnd());
            QStringList hrefs;
            for (const CalendarObject& member : members) {
                const QString name = objectName(member.href);
                if (storedEtags.value(name) == member.etag && !member.etag.isEmpty())
                    touched.remove(name); // unchanged
                else
                    hrefs.append(member.href);
            }
            for (const QString& href : std::as_const(hrefs))
                touched.insert(objectName(href));
            result.removedIds = storedIdsOf(result.calendar.id, touched);
            fetchObjects(std::move(result), hrefs);
        });
    });
}

void CalDavSyncRun::fetchObjects(CalendarResult result, const QStringList& hrefs) {
    if (hrefs.isEmpty()) {
        m_results.append(result);
        return nextCalendar();
    }
    m_client->multiget(
        calendarUrl(result.calendar), hrefs,
        [this, result](const ProviderReply& reply, const QVector<CalendarObject>& objects) mutable {
            ++m_report.pages;
            if (!reply.ok())
                return readFailed(result.calendar, reply);
            addObjects(result, objects);
            m_results.append(result);
            nextCalendar();
        });
}

void CalDavSyncRun::addObjects(CalendarResult& result, const QVector<CalendarObject>& objects) {
    const IcsBusyParser parser = this->parser();
    const QDateTime syncedAt = now();
    for (const CalendarObject& object : objects) {
        auto parsed = parser.parse(object.data);
        if (!parsed) {
            ++m_report.removed;
            continue;
        }
        m_report.removed += parsed->skipped;
        for (CalendarEvent event : std::as_const(parsed->events)) {
            event.externalEventId = externalId(object.href, object.etag, event.externalEventId);
            event.calendarIntegrationId = m_integration.id;
            event.integrationCalendarId = result.calendar.id;
            event.syncedAt = syncedAt;
            result.events.append(event);
        }
        m_report.items += static_cast<int>(parsed->events.size());
    }
}

QStringList CalDavSyncRun::storedIdsOf(const QString& calendarId,
                                       const QSet<QString>& names) const {
    QStringList ids;
    for (const CalendarEvent& event : m_stored)
        if (event.integrationCalendarId == calendarId &&
            names.contains(event.externalEventId.section(kSeparator, 0, 0)))
            ids.append(event.externalEventId);
    return ids;
}

void CalDavSyncRun::store() {
    const QDateTime syncedAt = now();
    std::optional<CalendarListChange> listChange;
    const auto stored = storeSync(
        [&](const QSqlDatabase& db, CalendarIntegration& integration) -> Status {
            auto saved = CalDavConnector::saveCalendars(db, m_clock, integration.id, m_listed);
            if (!saved)
                return saved.error();
            listChange = *saved;
            for (const auto& calendar : std::as_const(m_gone))
                if (auto s = dropGoneCalendar(db, integration, calendar); !s)
                    return s;
            storage::CalendarEventRepository events(db, m_clock);
            storage::IntegrationCalendarRepository calendars(db, m_clock);
            for (const CalendarResult& result : std::as_const(m_results)) {
                auto written =
                    result.full
                        ? events.replaceAll(integration.id, result.events, result.calendar.id)
                        : events.applyChanges(integration.id, result.events, result.removedIds,
                                              result.calendar.id);
                if (!written)
                    return written;
                if (auto s = calendars.recordSync(integration.id, result.calendar.id,
                                                  result.syncToken, result.ctag, syncedAt);
                    !s)
                    return s;
            }
            return success();
        },
        [this](CalendarIntegration& updated) {
            updated.calendarId = m_home.toString(QUrl::FullyEncoded);
        });
    if (!wasStored(stored))
        return;
    qCInfo(lcSync).nospace() << "CalDAV sync: " << m_results.size() << " calendar(s) read, "
                             << listChange->added << " new, " << listChange->updated
                             << " renamed or recoloured, " << m_gone.size() << " gone, "
                             << m_report.items << " instance(s), " << m_report.pages
                             << " report(s), in " << m_elapsed.elapsed() << " ms";
    emit integrationChanged(m_integration.id);
    m_report.ok = true;
    drainJobs();
}

// ---- the outbox -----------------------------------------------------------------------------

void CalDavSyncRun::drainJobs() {
    auto due =
        storage::CalendarJobRepository(m_database->connection())
            .listDueForIntegration(m_integration.userId, m_integration.id, now(), kJobsPerRun);
    if (!due)
        return finish(m_report.ok, due.error().message);
    m_jobs.assign(due->cbegin(), due->cend());
    nextJob();
}

void CalDavSyncRun::nextJob() {
    if (m_jobs.empty())
        return finish(m_report.ok, m_report.message);
    if (const Lease lease = renewLease(); lease != Lease::Held)
        return finish(false, lostLeaseMessage(lease));
    const CalendarJob job = m_jobs.front();
    m_jobs.pop_front();
    auto db = m_database->connection();
    // It may have been dropped (a cancel before it ran) since the list was read.
    auto fresh = storage::CalendarJobRepository(db).findById(job.id);
    if (!loggedIfFailed(fresh, "read a calendar job again; a later pass does it") ||
        !fresh->has_value() || (*fresh)->state != storage::CalendarJobState::Pending ||
        settledAsGone(**fresh))
        return nextJob();
    auto booking = storage::BookingRepository(db).findById(m_integration.userId, job.bookingId);
    if (!loggedIfFailed(booking, "read a booking for its calendar write; the job is dropped") ||
        !booking->has_value())
        return jobDone(**fresh);
    switch (job.action) {
    case CalendarJobAction::Insert:
        return runInsert(**fresh, **booking);
    case CalendarJobAction::Update:
        return runUpdate(**fresh, **booking);
    case CalendarJobAction::Delete:
        return runDelete(**fresh, **booking);
    }
}

QUrl CalDavSyncRun::objectUrl(const CalendarJob& job, const QString& eventId) const {
    for (const auto& calendar : m_calendars)
        if (calendar.id == job.calendarId) {
            QUrl collection = calendarUrl(calendar);
            if (!collection.path().endsWith(u'/'))
                collection.setPath(collection.path() + u'/');
            return collection.resolved(QUrl(
                QString::fromLatin1(QUrl::toPercentEncoding(eventId + QStringLiteral(".ics")))));
        }
    return {};
}

void CalDavSyncRun::runInsert(const CalendarJob& job, const Booking& booking) {
    // Already created (a move's event handed over), or cancelled before it ever was.
    if (!booking.calendarEventId.isEmpty() || booking.status != BookingStatus::Confirmed)
        return jobDone(job);
    auto eventId = booking.rescheduledFromId.isEmpty()
                       ? Result<QString>(booking.id)
                       : storage::BookingRepository(m_database->connection())
                             .firstOfChain(booking.userId, booking.id);
    if (!eventId)
        return jobFailed(job,
                         ProviderReply::localFailure(Failure::Rejected, eventId.error().message));
    const QUrl url = objectUrl(job, *eventId);
    const QByteArray uid = IcsCalendar::uid(*eventId);
    const QByteArray ics = IcsCalendar::forBooking(booking, admin(), now(),
                                                   IcsCalendar::Method::Resource, 0, {}, *eventId);
    m_client->put(url, ics, {}, [this, job, url, uid](const ProviderReply& reply, const QString&) {
        if (reply.ok())
            return recordEvent(job, url.toString(QUrl::FullyEncoded));
        if (reply.httpStatus != 412)
            return jobFailed(job, reply);
        // There already: created by an attempt whose answer was lost — if it is ours.
        m_client->get(
            url, [this, job, url, uid](const ProviderReply& got, const CalendarObject& object) {
                if (!got.ok())
                    return jobFailed(job, got);
                if (!object.data.contains("UID:" + uid))
                    return jobFailed(job, ProviderReply::localFailure(
                                              Failure::Rejected,
                                              QStringLiteral("Another event in the CalDAV calendar "
                                                             "has the name SlotDesk gives this "
                                                             "booking's event")));
                recordEvent(job, url.toString(QUrl::FullyEncoded));
            });
    });
}

void CalDavSyncRun::runUpdate(const CalendarJob& job, const Booking& booking) {
    // Cancelled since (its delete is queued) or moved on (the next booking's update moves it).
    if (booking.status != BookingStatus::Confirmed || booking.calendarEventId.isEmpty())
        return jobDone(job);
    auto eventId = storage::BookingRepository(m_database->connection())
                       .firstOfChain(booking.userId, booking.id);
    if (!eventId)
        return jobFailed(job,
                         ProviderReply::localFailure(Failure::Rejected, eventId.error().message));
    const QUrl url(booking.calendarEventId);
    const QByteArray ics = IcsCalendar::forBooking(booking, admin(), now(),
                                                   IcsCalendar::Method::Resource, 0, {}, *eventId);
    // The ETag of the version there now, so that a change made meanwhile is not overwritten
    // unseen (412: read again on the next attempt).
    m_client->get(url, [this, job, url, ics](const ProviderReply& got,
                                             const CalendarObject& current) {
        if (!got.ok() && got.failure != Failure::NotFound && got.failure != Failure::Gone)
            return jobFailed(job, got);
        const bool gone = !got.ok(); // deleted in the calendar: put it back
        m_client->put(url, ics, gone ? QString() : current.etag,
                      [this, job, url](const ProviderReply& reply, const QString&) {
                          if (reply.httpStatus == 412)
                              return jobFailed(job, ProviderReply::localFailure(
                                                        Failure::ServerError,
                                                        QStringLiteral("The event changed in the "
                                                                       "CalDAV calendar meanwhile; "
                                                                       "trying again")));
                          if (!reply.ok())
                              return jobFailed(job, reply);
                          recordEvent(job, url.toString(QUrl::FullyEncoded));
                      });
    });
}

void CalDavSyncRun::runDelete(const CalendarJob& job, const Booking& booking) {
    if (booking.calendarEventId.isEmpty())
        return jobDone(job); // never created (its insert was dropped with the cancel)
    m_client->remove(
        QUrl(booking.calendarEventId), {}, [this, job](const ProviderReply& reply, bool) {
            // Already gone counts as done.
            if (reply.ok() || reply.failure == Failure::NotFound || reply.failure == Failure::Gone)
                return jobDone(job);
            jobFailed(job, reply);
        });
}

void CalDavSyncRun::recordEvent(const CalendarJob& job, const QString& eventId) {
    auto db = m_database->connection();
    const auto recorded = [&]() -> Status {
        auto tx = storage::Transaction::begin(db, storage::Transaction::Mode::Write);
        if (!tx)
            return tx.error();
        // The booking learns its event in the transaction that records the job's outcome.
        auto stored = BookingService::recordCalendarEvent(
            db, m_clock, m_integration.userId, job.bookingId, eventId, job.calendarId, {});
        if (!stored)
            return stored.error();
        storage::CalendarJobRepository jobs(db, m_clock);
        if (stored->has_value())
            queueDeleteOfStrayEvent(jobs, **stored, now());
        if (auto s = jobs.remove(job.id); !s)
            return s;
        return tx->commit();
    }();
    if (!recorded) {
        qCWarning(lcSync) << "cannot record a calendar write:" << recorded.error().message;
        return jobFailed(
            job, ProviderReply::localFailure(Failure::Rejected,
                                             QStringLiteral("Cannot record the calendar write")));
    }
    ++m_report.jobsDone;
    emit jobsChanged();
    nextJob();
}

void CalDavSyncRun::jobDone(const CalendarJob& job) {
    completeJob(job);
    nextJob();
}

void CalDavSyncRun::jobFailed(const CalendarJob& job, const ProviderReply& reply) {
    if (failJob(job, reply))
        return finish(m_report.ok, reply.message);
    nextJob();
}

} // namespace slotdesk::caldav
