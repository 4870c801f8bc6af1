#include "storage/PeriodicJob.h"

#include "storage/Database.h"

#include <QThread>

namespace slotdesk::storage {

PeriodicJob::PeriodicJob(const Database& database, core::Clock clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock)) {
    connect(&m_timer, &QTimer::timeout, this, &PeriodicJob::checkNow);
}

PeriodicJob::~PeriodicJob() {
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void PeriodicJob::start(std::chrono::milliseconds firstCheck, std::chrono::milliseconds interval) {
    if (!isAvailable())
        return;
    QTimer::singleShot(firstCheck, this, &PeriodicJob::checkNow);
    m_timer.start(interval);
}

bool PeriodicJob::runOnThread(std::function<void(Connection)> work, std::function<void()> done) {
    if (m_thread || !isAvailable())
        return false;
    m_thread = QThread::create(
        [database = &m_database, work = std::move(work)] { work(database->openAgain()); });
    connect(m_thread, &QThread::finished, this, [this, done = std::move(done)] {
        m_thread->deleteLater();
        m_thread = nullptr;
        done();
    });
    m_thread->start();
    return true;
}

} // namespace slotdesk::storage
