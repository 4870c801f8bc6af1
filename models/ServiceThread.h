#pragma once
// ServiceThread: a thread with an event loop and a connection to the database of its own, for the
// services the desktop runs beside its window: the booking endpoint (ui::BookingLink), the
// Google Calendar sync and Zoom. They are made on it (make()) and live there: its event loop
// serves their sockets, timers and replies, and they query its connection. So a database far
// away, or a long sync, holds them up, never the window (the window's own reads and writes go
// through its session's DatabaseWorker, another thread).
//
// Talk to what lives on it with signals (connections to objects on the GUI thread are queued)
// and invokeOnThread() — never call its methods from another thread.
//
// The destructor quits the event loop, deletes what was made on it (there, newest first) and
// what was left for deleteLater(), closes the connection there and joins the thread.

#include "core/Result.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

class QThread;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {

class ServiceThread {
public:
    // Starts the thread and opens its connection there (database.openAgain()), waiting for both:
    // an error when the connection cannot be opened.
    static Result<std::unique_ptr<ServiceThread>> start(const storage::Database& database);
    ~ServiceThread();
    ServiceThread(const ServiceThread&) = delete;
    ServiceThread& operator=(const ServiceThread&) = delete;

    // Runs `make(database)` — which returns a new QObject without a parent, made for the thread's
    // connection — on the thread and waits for it. The thread owns what it returns (deleted with
    // the thread, or earlier with deleteLater()). Call it from another thread only.
    template <typename Make> auto make(Make make) {
        using Made = std::remove_pointer_t<std::invoke_result_t<Make&, storage::Database&>>;
        static_assert(std::is_base_of_v<QObject, Made>);
        Made* made = nullptr;
        runAndWait([&](storage::Database& database) {
            made = make(database);
            adopt(made);
        });
        return made;
    }

    [[nodiscard]] QThread* thread() const { return m_thread; }

private:
    explicit ServiceThread(const storage::Database& database);
    void runAndWait(const std::function<void(storage::Database&)>& work);
    void adopt(QObject* object);
    void run(); // the thread

    const storage::Database& m_database;
    QThread* m_thread = nullptr;
    // Made on the thread: the anchor that queued work is sent to, the connection, what it owns.
    QObject* m_anchor = nullptr;
    std::unique_ptr<storage::Database> m_connection;
    std::vector<QPointer<QObject>> m_owned;
    // Handed from the thread to start(): whether the connection opened.
    QMutex m_mutex;
    QWaitCondition m_started;
    std::optional<Status> m_opened;
};

// Runs `call(*object)` on `object`'s thread: at once when that is the caller's, else queued (and
// dropped if `object` is gone by then). For the services that live on a ServiceThread.
template <typename T, typename Call> void invokeOnThread(T* object, Call call) {
    if (!object)
        return;
    QMetaObject::invokeMethod(object,
                              [object, call = std::move(call)]() mutable { call(*object); });
}

} // namespace slotdesk::models
