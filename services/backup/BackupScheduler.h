#pragma once
// BackupScheduler: the daily backup while SlotDesk runs (the window or `slotdesk-cli serve`):
// a minute after start and then every hour it asks BackupService::runIfDue — which backs up
// only when the newest daily backup is a day old — on a thread of its own with its own
// connection, so neither the window nor the booking endpoint waits for the copy. backUpNow()
// makes a manual backup the same way. Only for SQLite: a PostgreSQL server keeps its own.

#include "storage/PeriodicJob.h"

namespace slotdesk::backup {

class BackupScheduler : public storage::PeriodicJob {
    Q_OBJECT
public:
    using PeriodicJob::PeriodicJob;

    // Whether there is anything to schedule (false on PostgreSQL).
    [[nodiscard]] bool isAvailable() const override;
    [[nodiscard]] QString databaseFile() const;

public slots:
    // A daily backup if one is due (what the timer runs).
    void checkNow() override;
    // A manual backup now, whatever the last one was.
    void backUpNow();

signals:
    void started();
    // After every backup attempted (`error` empty on success); not when none was due.
    void finished(const QString& error);

private:
    enum class Job { IfDue, Manual };
    void run(Job job);
};

} // namespace slotdesk::backup
