#pragma once
// RetentionScheduler: applies the admins' retention rule (AttendeePrivacy::applyRetention) while
// SlotDesk runs — the window or `slotdesk-cli serve` — a minute after start and then every hour
// (a booking is anonymised within the hour its day comes), on a thread of its own with its own
// connection, so neither the window nor the booking endpoint waits. BackupScheduler's sibling;
// on both engines.

#include "storage/PeriodicJob.h"

namespace slotdesk::privacy {

class RetentionScheduler : public storage::PeriodicJob {
    Q_OBJECT
public:
    using PeriodicJob::PeriodicJob;

public slots:
    // One run now (unless one is under way).
    void checkNow() override;

signals:
    // After every run: how many bookings it anonymised, or what went wrong (`error` non-empty).
    void finished(int anonymised, const QString& error);
};

} // namespace slotdesk::privacy
