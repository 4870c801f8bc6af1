#pragma once
// PeriodicJob: a job SlotDesk runs while it runs (the window or `slotdesk-cli serve`) — a
// minute after start() and then every hour — each run on a thread of its own with a database
// connection of its own, so neither the window nor the booking endpoint waits for it. One run
// at a time; the destructor waits for a run under way. BackupScheduler and RetentionScheduler
// are the two.

#include "core/Clock.h"
#include "core/Result.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace slotdesk::storage {

class Database;

class PeriodicJob : public QObject {
    Q_OBJECT
public:
    PeriodicJob(const Database& database, core::Clock clock, QObject* parent = nullptr);
    ~PeriodicJob() override; // waits for a run under way

    // Whether there is anything to run (a backup: not on PostgreSQL): start() and runOnThread()
    // do nothing otherwise.
    [[nodiscard]] virtual bool isAvailable() const { return true; }
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    void start(std::chrono::milliseconds firstCheck = std::chrono::minutes(1),
               std::chrono::milliseconds interval = std::chrono::hours(1));

public slots:
    // What the timer runs.
    virtual void checkNow() = 0;

protected:
    // A connection of the run's thread's own (a QSqlDatabase belongs to the thread that opens
    // it), or why it could not be opened.
    using Connection = Result<std::unique_ptr<Database>>;

    [[nodiscard]] const Database& database() const { return m_database; }
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }
    // Runs `work` on a new thread with its connection, then `done` on this object's thread.
    // False, running nothing, while a run is under way or when !isAvailable().
    bool runOnThread(std::function<void(Connection)> work, std::function<void()> done);

private:
    const Database& m_database;
    core::Clock m_clock;
    QTimer m_timer;
    QThread* m_thread = nullptr;
};

} // namespace slotdesk::storage
