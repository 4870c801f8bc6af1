#pragma once
// CalendarSyncStateRepository: `calendar_sync_state`, one row per integration — the lease that
// lets exactly one process (the GUI or `slotdesk-cli serve`) sync it at a time, and the retry
// back-off after failures. Take the lease inside a write transaction.

#include "core/LeaseHolder.h"
#include "core/Result.h"
#include "storage/Repository.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace slotdesk::storage {

struct CalendarSyncState {
    QString integrationId;
    LeaseHolder leaseHolder; // id empty: nobody holds the lease
    QDateTime leaseUntil;
    int failureCount = 0;
    QDateTime retryAt; // invalid: no back-off
};

class CalendarSyncStateRepository : public Repository {
public:
    // `clock` stamps updated_at (the lease is judged at the `now` a caller passes).
    using Repository::Repository;

    // The row, or a default (no lease, no failures) if there is none yet.
    Result<CalendarSyncState> get(const QString& integrationId);
    // Takes the lease for `holder` until `until` if it is free, expired at `now`, already
    // `holder`'s, or held by a process on this machine that no longer exists
    // (LeaseHolder::isGoneFromThisHost). Returns whether `holder` holds it now.
    Result<bool> tryAcquire(const QString& integrationId, const LeaseHolder& holder,
                            const QDateTime& now, const QDateTime& until);
    Status release(const QString& integrationId, const QString& holderId);
    Status recordFailure(const QString& integrationId, int failureCount, const QDateTime& retryAt);
    Status recordSuccess(const QString& integrationId);
    Status remove(const QString& integrationId);
};

} // namespace slotdesk::storage
