#pragma once
// DatabaseWorker: the window's database work, off the GUI thread. It owns a thread with its own
// connection to the same database (a QSqlDatabase connection belongs to the thread that opened
// it), runs the jobs posted to it one at a time in the order they were posted, and hands each
// result back on the GUI thread. So a PostgreSQL server across a network costs the window
// latency, never responsiveness: nothing on the GUI thread waits for a round trip.
//
// Order is a promise: a read posted after a write sees it. A result is delivered only while the
// object it was requested for (`context`) exists; callers that replace a request with a newer
// one drop the older answer themselves (AsyncTableModel keeps a generation for that).

#include "core/Error.h"
#include "core/Result.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <type_traits>

class QThread;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {

class DatabaseWorker : public QObject {
    Q_OBJECT
public:
    // Its connection: database.openAgain(), made on the worker thread when the first job runs
    // (and tried again for a later job while it fails). `database` must outlive the worker.
    explicit DatabaseWorker(const storage::Database& database, QObject* parent = nullptr);
    // Lets the job under way finish; the jobs not started yet are dropped.
    ~DatabaseWorker() override;

    // Runs `work(database)` — which returns a Result<T> — on the worker thread, then
    // `done(result)` on this object's thread if `context` still exists. Without a connection,
    // `done` gets the reason instead.
    template <typename Work, typename Done> void post(QObject* context, Work work, Done done) {
        using Answer = std::invoke_result_t<Work&, storage::Database&>;
        enqueue(context, [work = std::move(work), done = std::move(done)](
                             storage::Database* database, const Error& unavailable) mutable {
            return Delivery([done = std::move(done),
                             answer = database ? work(*database) : Answer(unavailable)]() mutable {
                done(std::move(answer));
            });
        });
    }

    // Jobs posted whose results have not been delivered yet.
    [[nodiscard]] int pendingJobs() const { return static_cast<int>(m_contexts.size()); }

signals:
    // The last outstanding result has been delivered.
    void idle();

private:
    using Delivery = std::function<void()>;
    using Job = std::function<Delivery(storage::Database*, const Error&)>;

    void enqueue(QObject* context, Job job);
    void runJobs(); // the worker thread
    void deliver(quint64 id, const Delivery& delivery);

    const storage::Database& m_database;
    QThread* m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<std::pair<quint64, Job>> m_queue; // guarded by m_mutex
    bool m_stopping = false;                     // guarded by m_mutex
    // The GUI thread's side: who asked for what.
    QHash<quint64, QPointer<QObject>> m_contexts;
    quint64 m_nextId = 0;
};

} // namespace slotdesk::models
