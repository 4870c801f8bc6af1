#pragma once
// MailDelivery: who delivers the mail outbox. It runs MailOutbox::deliverDue() on its own worker
// thread with its own database connection (QSqlDatabase connections are per thread; the SMTP
// conversation blocks), with the SMTP password from the OS keychain (KeychainPasswordSource).
// A run starts every interval (default 30 s), soon after deliverSoon(), and soon after anyone —
// this process or another one on the database — commits a change (the worker polls
// Database::changeStamp(), a cheap read, every poll interval). Never two runs at once in one
// process; across processes the outbox's leases give each mail to one runner. Each run's
// DeliveryReport is logged on the slotdesk.mail category (never a password). stop() (or the
// destructor) ends the thread after the mail being sent, if any.

#include "core/Clock.h"
#include "mail/MailOutbox.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::mail {

class MailDelivery : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{30'000};
    static constexpr std::chrono::milliseconds kDefaultPollInterval{2'000};

    // `database` must outlive the delivery; the worker opens its own connection to it.
    explicit MailDelivery(storage::Database& database, core::Clock clock = {},
                          QObject* parent = nullptr);
    ~MailDelivery() override;

    // Before start(): how often a run starts without a reason, how often the worker looks for
    // changes committed to the database.
    void setInterval(std::chrono::milliseconds interval);
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    // How attendee mails link to their booking (MailOutbox::setManageLink; see manageLinkFor()).
    // May change while running (the desktop's booking link moves): the next run uses it.
    void setManageLink(MailOutbox::ManageLink link);

    // Starts the worker thread (a first run follows at once).
    void start();
    // Asks the worker to finish and joins it. Idempotent.
    void stop();
    [[nodiscard]] bool isRunning() const;

public slots:
    // A booking changed: run soon (a run under way is followed by another).
    void deliverSoon();

signals:
    // After each run that handled a mail (emitted on the worker thread; connect queued).
    void delivered(int sent, int retrying, int failed, int dropped);

private:
    void work();

    storage::Database& m_database;
    core::Clock m_clock;
    std::chrono::milliseconds m_pollInterval = kDefaultPollInterval;
    QTimer m_timer;
    // A std::thread, not a QThread: join() returns only once the thread has ended, its
    // thread-local state (OpenSSL's, libcurl's) freed; QThread::wait() returns before that.
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    MailOutbox::ManageLink m_manageLink; // guarded by m_mutex
    bool m_soon = true;
    bool m_stopping = false;
};

} // namespace slotdesk::mail
