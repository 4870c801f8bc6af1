#include "caldav/CalDavSyncRun.h"

#include "booking/BookingService.h"
#include "booking/IcsCalendar.h"
#include "calendar/IcsBusyParser.h"
#include "integration/KeychainSecretStore.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSet>

namespace slotdesk::caldav {

using integration::Failure;
using integration::ProviderReply;
using storage::CalendarJob;
using storage::CalendarJobAction;

namespace {

const QChar kSeparator = QLatin1Char('|');

} // namespace

CalDavSyncRun::CalDavSyncRun(Setup setup, QObject* parent)
    : CalendarPass(setup.database, setup.integration, setup.leaseHolder, setup.clock, parent)
    , m_setup(std::move(setup)) {}

CalDavSyncRun::~CalDavSyncRun() = default;

QString CalDavSyncRun::objectName(const QString& href) {
    return href.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

QString CalDavSyncRun::externalId(const QString& href, const QString& etag,
                                  const QString& instance) {
    return objectName(href) + kSeparator + etag + kSeparator + instance;
}

void CalDavSyncRun::start() {
    if (!beginPass())
        return;
    m_setup.secrets->readSecret(m_integration.keychainKey, this, [this](Result<QByteArray> secret) {
        if (!secret && m_setup.secretMayBeElsewhere) {
            m_report.ran = false;
            m_report.tokensElsewhere = true;
            finish(true, QStringLiteral("This CalDAV account's password is in another "
                                        "machine's keychain"));
            return;
        }
        if (!secret)
            return fail(ProviderReply::localFailure(Failure::Keychain, secret.error().message));
        auto db = m_database->connection();
        auto calendars = storage::IntegrationCalendarRepository(db).list(m_integration.id);
        auto stored = storage::CalendarEventRepository(db).list(m_integration.id);
        if (!calendars || !stored)
            return fail(ProviderReply::localFailure(
                Failure::Rejected, (!calendars ? calendars.error() : stored.error()).message));
        m_calendars = *calendars;
        for (const auto& calendar : *calendars)
            if (calendar.blocksTime)
                m_pending.append(calendar);
        m_stored = std::move(*stored);
        m_client = new CalDavClient(
            m_setup.network,
            CalDavAccount{QUrl(m_integration.sourceUrl), m_integration.username, *secret}, this);
        for (const auto& calendar : std::as_const(m_pending))
            m_client->trust(calendarUrl(calendar));
        nextCalendar();
    });
}

QUrl CalDavSyncRun::calendarUrl(const storage::IntegrationCalendar& calendar) const {
    return CalDavClient::resolve(QUrl(m_integration.sourceUrl), calendar.remoteId);
}

void CalDavSyncRun::nextCalendar() {
    if (m_pending.isEmpty())
        return store();
    if (const Lease lease = renewLease(); lease != Lease::Held)
        return finish(false, lostLeaseMessage(lease));
    CalendarResult result;
    result.calendar = m_pending.takeFirst();
    if (m_setup.fullRead || (result.calendar.syncToken.isEmpty() && result.calendar.ctag.isEmpty()))
        readFull(std::move(result));
    else if (!result.calendar.syncToken.isEmpty())
        readChanges(std::move(result));
    else
        compareEtags(std::move(result));
}

void CalDavSyncRun::readFull(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    // The state first: whatever changes during the query is seen again from this token.
    m_client->calendarState(
        url, [this, url, result](const ProviderReply& reply, const CalDavCalendar& state) mutable {
            if (!reply.ok())
                return fail(reply);
            result.full = true;
            result.syncToken = state.supportsSyncCollection ? state.syncToken : QString();
            result.ctag = state.ctag;
            m_report.fullSync = true;
            m_client->queryEvents(url, now().addDays(-kWindowDays), now().addDays(kHorizonDays),
                                  [this, result](const ProviderReply& queried,
                                                 const QVector<CalendarObject>& objects) mutable {
                                      ++m_report.pages;
                                      if (!queried.ok())
                                          return fail(queried);
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
                return fail(reply);
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
            return fail(reply);
        result.ctag = state.ctag;
        if (state.ctag == result.calendar.ctag) {
            m_results.append(result); // nothing changed
            return nextCalendar();
        }
        m_client->listEtags(url, [this, result](const ProviderReply& listed,
                                                const QVector<CalendarObject>& members) mutable {
            ++m_report.pages;
            if (!listed.ok())
                return fail(listed);
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
                return fail(reply);
            addObjects(result, objects);
            m_results.append(result);
            nextCalendar();
        });
}

void CalDavSyncRun::addObjects(CalendarResult& result, const QVector<CalendarObject>& objects) {
    IcsBusyParser::Options options;
    options.from = now().addDays(-kWindowDays);
    options.to = now().addDays(kHorizonDays);
    options.fallbackZone = m_setup.userTimeZone;
    options.ownAddresses = m_setup.ownAddresses;
    const IcsBusyParser parser(options);
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
    auto stored = storeSync(
        [&](const QSqlDatabase& db, const CalendarIntegration& integration) -> Status {
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
        [](CalendarIntegration&) {});
    if (!stored)
        return fail(ProviderReply::localFailure(Failure::Rejected, stored.error().message));
    if (!*stored)
        return finish(false, QStringLiteral("The CalDAV account was removed during the sync"));
    qCInfo(lcSync).nospace() << "CalDAV sync: " << m_results.size() << " calendar(s), "
                             << m_report.items << " instance(s), " << m_report.pages
                             << " report(s), in " << m_elapsed.elapsed() << " ms";
    emit integrationChanged(m_integration.id);
    m_report.ok = true;
    drainJobs();
}

void CalDavSyncRun::fail(const ProviderReply& reply) {
    recordSyncFailure(reply);
    finish(false, reply.message);
}

// ---- the outbox -----------------------------------------------------------------------------

void CalDavSyncRun::drainJobs() {
    auto due = storage::CalendarJobRepository(m_database->connection())
                   .listDue(m_integration.userId, now(), kJobsPerRun);
    if (!due)
        return finish(m_report.ok, due.error().message);
    QSet<QString> mine;
    for (const auto& calendar : std::as_const(m_calendars))
        mine.insert(calendar.id);
    for (const CalendarJob& job : std::as_const(*due))
        if (mine.contains(job.calendarId))
            m_jobs.push_back(job);
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
        !fresh->has_value() || (*fresh)->state != storage::CalendarJobState::Pending)
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
    const QByteArray ics = IcsCalendar::forBooking(booking, m_setup.admin, now(),
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
    const QByteArray ics = IcsCalendar::forBooking(booking, m_setup.admin, now(),
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
        auto stored = BookingService::recordCalendarEvent(db, m_clock, m_integration.userId,
                                                          job.bookingId, eventId, {});
        if (!stored)
            return stored.error();
        storage::CalendarJobRepository jobs(db, m_clock);
        if (stored->has_value()) {
            Booking booking = **stored;
            if (booking.eventCalendarId != job.calendarId) {
                booking.eventCalendarId = job.calendarId;
                if (auto updated = storage::BookingRepository(db, m_clock).update(booking);
                    !updated)
                    return updated.error();
            }
            queueDeleteOfStrayEvent(jobs, booking, now(), job.calendarId);
        }
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
