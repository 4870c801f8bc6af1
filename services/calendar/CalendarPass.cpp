#include "calendar/CalendarPass.h"

#include "calendar/IntegrationStatusMachine.h"
#include "integration/Backoff.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/Transaction.h"

Q_LOGGING_CATEGORY(lcSync, "slotdesk.calendar.sync")

namespace slotdesk {

using integration::Backoff;
using integration::Failure;
using integration::ProviderReply;
using storage::Transaction;

namespace {

QString goneMessage(const QString& name) {
    return QStringLiteral("The calendar \"%1\" that receives bookings is gone from the server; "
                          "choose another calendar for bookings")
        .arg(displayValue(name));
}

} // namespace

void queueDeleteOfStrayEvent(storage::CalendarJobRepository& jobs, const Booking& booking,
                             const QDateTime& now) {
    if (booking.status == BookingStatus::Confirmed)
        return;
    if (hasQueuedJob(jobs, booking.id, [](const storage::CalendarJob& other) {
            return other.action == storage::CalendarJobAction::Delete;
        }))
        return;
    loggedIfFailed(jobs.enqueue(booking.userId, booking.id, storage::CalendarJobAction::Delete, now,
                                booking.eventCalendarId),
                   "queue the deletion of a cancelled booking's event");
}

CalendarPass::CalendarPass(const Setup& setup, QObject* parent)
    : QObject(parent)
    , m_database(setup.database)
    , m_integration(setup.integration)
    , m_leaseHolder(setup.leaseHolder)
    , m_clock(setup.clock)
    , m_network(setup.network)
    , m_admin(setup.admin)
    , m_secretsMayBeElsewhere(setup.secretsMayBeElsewhere) {}

CalendarPass::~CalendarPass() {
    if (m_leaseHeld)
        qCInfo(lcSync) << "sync abandoned (shutting down); releasing its lease";
    releaseLease();
}

bool CalendarPass::beginPass() {
    m_elapsed.start();
    switch (renewLease()) {
    case Lease::Held:
        m_report.ran = true;
        return true;
    case Lease::Busy:
        m_report.ran = false;
        m_report.leaseBusy = true;
        finish(true, busyMessage());
        return false;
    case Lease::Failed:
        m_report.ran = false;
        finish(false, QStringLiteral("Cannot take the calendar sync lease: ") + m_leaseError);
        return false;
    }
    return false;
}

CalendarPass::Lease CalendarPass::renewLease() {
    auto db = m_database->connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx) {
        m_leaseError = tx.error().message;
        return Lease::Failed;
    }
    const QDateTime now = m_clock.now();
    const QDateTime until =
        now.addSecs(std::chrono::duration_cast<std::chrono::seconds>(kLease).count());
    auto acquired = storage::CalendarSyncStateRepository(db, m_clock)
                        .tryAcquire(m_integration.id, m_leaseHolder, now, until);
    if (!acquired) {
        m_leaseError = acquired.error().message;
        return Lease::Failed;
    }
    if (!*acquired)
        return Lease::Busy;
    if (auto committed = tx->commit(); !committed) {
        m_leaseError = committed.error().message;
        return Lease::Failed;
    }
    m_leaseHeld = true;
    return Lease::Held;
}

void CalendarPass::releaseLease() {
    if (!m_leaseHeld)
        return;
    m_leaseHeld = false;
    auto db = m_database->connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx) {
        qCWarning(lcSync) << "cannot release the sync lease:" << tx.error().message;
        return;
    }
    if (auto released = storage::CalendarSyncStateRepository(db, m_clock)
                            .release(m_integration.id, m_leaseHolder.id);
        !released || !tx->commit())
        qCWarning(lcSync) << "cannot release the sync lease";
}

QString CalendarPass::lostLeaseMessage(Lease lease) const {
    return lease == Lease::Busy
               ? QStringLiteral("Lost the sync lease to another SlotDesk process")
               : QStringLiteral("Cannot renew the calendar sync lease: ") + m_leaseError;
}

QString CalendarPass::busyMessage() const {
    auto state =
        storage::CalendarSyncStateRepository(m_database->connection()).get(m_integration.id);
    if (state && state->leaseHolder.pid > 0 && !state->leaseHolder.host.isEmpty())
        return QStringLiteral("Another SlotDesk process (pid %1 on %2) is syncing this calendar "
                              "now")
            .arg(state->leaseHolder.pid)
            .arg(state->leaseHolder.hostName());
    return QStringLiteral("Another SlotDesk process is syncing this calendar now");
}

Result<bool> CalendarPass::updateStoredIntegration(const IntegrationChange& change) {
    auto db = m_database->connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::CalendarIntegrationRepository integrations(db, m_clock);
    auto current = integrations.findById(m_integration.userId, m_integration.id);
    if (!current)
        return current.error();
    if (!current->has_value() || (*current)->syncStatus == SyncStatus::Disconnected)
        return false; // disconnected meanwhile
    CalendarIntegration updated = **current;
    auto changed = change(db, updated);
    if (!changed || !*changed)
        return changed;
    if (auto s = integrations.update(updated); !s)
        return s.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    m_integration = updated;
    return true;
}

Result<bool> CalendarPass::storeEvents(bool full, const QVector<CalendarEvent>& changed,
                                       const QStringList& removedIds,
                                       const std::function<void(CalendarIntegration&)>& update,
                                       const std::optional<CalendarState>& calendar) {
    const QDateTime now = m_clock.now();
    return storeSync(
        [&](const QSqlDatabase& db, const CalendarIntegration& stored) -> Status {
            storage::CalendarEventRepository events(db, m_clock);
            bool stillBlocks = true;
            if (calendar) {
                storage::IntegrationCalendarRepository calendars(db, m_clock);
                auto current = calendars.findById(stored.userId, calendar->calendarId);
                if (!current)
                    return current.error();
                stillBlocks = current->has_value() && (*current)->integrationId == stored.id &&
                              (*current)->blocksTime;
                if (stillBlocks) {
                    if (auto s = calendars.recordSync(stored.id, calendar->calendarId,
                                                      calendar->syncToken, calendar->ctag, now);
                        !s)
                        return s;
                }
            }
            const QString calendarId = calendar ? calendar->calendarId : QString();
            if (!stillBlocks)
                return success();
            return full ? events.replaceAll(stored.id, changed, calendarId)
                        : events.applyChanges(stored.id, changed, removedIds, calendarId);
        },
        update);
}

Result<bool> CalendarPass::storeSync(const EventsWrite& write,
                                     const std::function<void(CalendarIntegration&)>& update) {
    const QDateTime now = m_clock.now();
    return updateStoredIntegration([&](const QSqlDatabase& db,
                                       CalendarIntegration& stored) -> Result<bool> {
        storage::CalendarEventRepository events(db, m_clock);
        if (auto written = write(db, stored); !written)
            return written.error();
        if (auto cleaned = events.removeEndedBefore(now.addDays(-kWindowDays)); !cleaned)
            return cleaned.error();
        if (auto s = IntegrationStatusMachine::check(stored.syncStatus, SyncStatus::Active); !s)
            return s.error();
        stored.lastSyncAt = now;
        stored.syncStatus = SyncStatus::Active;
        stored.syncError.clear();
        keepGoneWriteCalendarInStatus(stored);
        update(stored);
        if (auto s = storage::CalendarSyncStateRepository(db, m_clock).recordSuccess(stored.id); !s)
            return s.error();
        return true;
    });
}

void CalendarPass::recordSyncFailure(const ProviderReply& reply) {
    m_report.ok = false;
    m_report.message = reply.message;
    auto failures = storeSyncFailure(reply);
    if (!failures) {
        qCWarning(lcSync) << "sync failed:" << reply.message
                          << "; and the failure could not be recorded:" << failures.error().message;
        return;
    }
    if (!failures->has_value())
        return; // disconnected, or in a state the failure does not change
    const auto delay = Backoff::delay(**failures, reply.retryAfter);
    qCWarning(lcSync) << "sync failed (" << **failures << "in a row ); next try in"
                      << delay.count() / 1000 << "s:" << reply.message;
    emit integrationChanged(m_integration.id);
}

void CalendarPass::fail(const ProviderReply& reply) {
    recordSyncFailure(reply);
    finish(false, reply.message);
}

bool CalendarPass::wasStored(const Result<bool>& stored) {
    if (!stored)
        fail(ProviderReply::localFailure(Failure::Rejected, stored.error().message));
    else if (!*stored)
        finish(false, QStringLiteral("The calendar was removed or disconnected during the sync"));
    return stored && *stored;
}

Status CalendarPass::dropGoneCalendar(const QSqlDatabase& db, CalendarIntegration& stored,
                                      const storage::IntegrationCalendar& calendar) {
    storage::IntegrationCalendarRepository calendars(db, m_clock);
    auto current = calendars.findById(stored.userId, calendar.id);
    if (!current)
        return current.error();
    if (!current->has_value())
        return success(); // removed meanwhile
    const storage::IntegrationCalendar row = **current;
    m_goneCalendars.insert(row.id, row.displayName);
    if (!row.receivesBookings) {
        qCInfo(lcSync) << "a calendar is gone at the provider; removing it and its events";
        return calendars.remove(stored.id, row.id); // its events and owed writes go with it
    }
    qCWarning(lcSync) << "the calendar receiving bookings is gone at the provider";
    m_goneWriteCalendar = row.displayName;
    m_report.message = goneMessage(row.displayName);
    keepGoneWriteCalendarInStatus(stored);
    if (auto s = calendars.recordSync(stored.id, row.id, {}, {}, row.lastSyncAt); !s)
        return s;
    return storage::CalendarEventRepository(db, m_clock).removeCalendar(row.id);
}

void CalendarPass::keepGoneWriteCalendarInStatus(CalendarIntegration& stored) const {
    if (m_goneWriteCalendar.isEmpty())
        return;
    stored.syncStatus = SyncStatus::Error;
    stored.syncError = goneMessage(m_goneWriteCalendar);
}

bool CalendarPass::settledAsGone(const storage::CalendarJob& job) {
    if (job.calendarId.isEmpty() || !m_goneCalendars.contains(job.calendarId))
        return false;
    if (job.action == storage::CalendarJobAction::Delete)
        completeJob(job);
    else
        failJob(job, ProviderReply::localFailure(
                         Failure::Rejected,
                         QStringLiteral("The calendar \"%1\" is gone from the server; choose "
                                        "another calendar for bookings")
                             .arg(displayValue(m_goneCalendars.value(job.calendarId)))));
    return true;
}

Result<std::optional<int>> CalendarPass::storeSyncFailure(const ProviderReply& reply) {
    int failures = 0;
    auto stored = updateStoredIntegration(
        [&](const QSqlDatabase& db, CalendarIntegration& integration) -> Result<bool> {
            if (!IntegrationStatusMachine::isAllowed(integration.syncStatus, SyncStatus::Error))
                return false;
            storage::CalendarSyncStateRepository states(db, m_clock);
            auto state = states.get(integration.id);
            if (!state)
                return state.error();
            failures = state->failureCount + 1;
            const QDateTime retryAt =
                now().addMSecs(Backoff::delay(failures, reply.retryAfter).count());
            if (auto s = states.recordFailure(integration.id, failures, retryAt); !s)
                return s.error();
            integration.syncStatus = SyncStatus::Error;
            integration.syncError = reply.message;
            return true;
        });
    if (!stored)
        return stored.error();
    return *stored ? std::optional<int>(failures) : std::optional<int>();
}

void CalendarPass::completeJob(const storage::CalendarJob& job) {
    loggedIfFailed(storage::CalendarJobRepository(m_database->connection()).remove(job.id),
                   "remove a finished calendar job");
    ++m_report.jobsDone;
    emit jobsChanged();
}

bool CalendarPass::stopsTheQueue(const ProviderReply& reply) {
    return reply.isTransient() || reply.failure == integration::Failure::Keychain ||
           reply.failure == integration::Failure::AuthRevoked ||
           reply.failure == integration::Failure::Unauthorized;
}

bool CalendarPass::failJob(const storage::CalendarJob& job, const ProviderReply& reply) {
    storage::CalendarJobRepository jobs(m_database->connection(), m_clock);
    const int attempts = job.attempts + 1;
    const bool retry = stopsTheQueue(reply);
    if (retry) {
        const auto delay = Backoff::delay(attempts, reply.retryAfter);
        loggedIfFailed(
            jobs.reschedule(job.id, attempts, now().addMSecs(delay.count()), reply.message),
            "reschedule a failed calendar write");
        ++m_report.jobsRescheduled;
    } else {
        loggedIfFailed(jobs.markFailed(job.id, attempts, reply.message),
                       "mark a calendar write failed");
        ++m_report.jobsFailed;
    }
    qCWarning(lcSync) << "calendar" << storage::jobActionText(job.action) << "for a booking"
                      << (retry ? "will be retried:" : "failed:") << reply.message;
    emit jobsChanged();
    if (retry && !reply.isTransient())
        recordSyncFailure(reply); // the integration itself needs the admin's attention
    return retry;
}

void CalendarPass::finish(bool ok, const QString& message) {
    if (m_finished)
        return;
    m_finished = true;
    releaseLease();
    m_report.ok = ok;
    if (!message.isEmpty())
        m_report.message = message;
    m_report.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    // Let the callback that got here unwind before the owner deletes this pass.
    QMetaObject::invokeMethod(
        this, [this] { emit finished(this); }, Qt::QueuedConnection);
}

} // namespace slotdesk
