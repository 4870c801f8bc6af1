#pragma once
// BackupScheduler: the daily backup while SlotDesk runs (the window or `slotdesk-cli serve`):
// a minute after start and then every hour it asks BackupService::runIfDue — which backs up
// only when the newest daily backup is a day old — on a thread of its own with its own
// connection, so neither the window nor the booking endpoint waits for the copy. backUpNow()
// makes a manual backup the same way. Only for SQLite: a PostgreSQL server keeps its own.

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class QThread;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::backup {

class BackupScheduler : public QObject {
    Q_OBJECT
public:
    BackupScheduler(const storage::Database& database, core::Clock clock,
                    QObject* parent = nullptr);
    ~BackupScheduler() override; // waits for a backup under way

    // Whether there is anything to schedule (false on PostgreSQL).
    [[nodiscard]] bool isAvailable() const;
    [[nodiscard]] QString databaseFile() const;
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    void start(std::chrono::milliseconds firstCheck = std::chrono::minutes(1),
               std::chrono::milliseconds interval = std::chrono::hours(1));

public slots:
    // A daily backup if one is due (what the timer runs).
    void checkNow();
    // A manual backup now, whatever the last one was.
    void backUpNow();

signals:
    void started();
    // After every backup attempted (`error` empty on success); not when none was due.
    void finished(const QString& error);

private:
    enum class Job { IfDue, Manual };
    void run(Job job);

    const storage::Database& m_database;
    core::Clock m_clock;
    QTimer m_timer;
    QThread* m_thread = nullptr;
};

} // namespace slotdesk::backup
