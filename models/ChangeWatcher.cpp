#include "models/ChangeWatcher.h"

#include "models/DatabaseWorker.h"
#include "storage/Database.h"

#include <utility>

namespace slotdesk::models {

ChangeWatcher::ChangeWatcher(DatabaseWorker* worker, QObject* parent)
    : QObject(parent)
    , m_worker(worker) {
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::check);
    check();
}

void ChangeWatcher::check() {
    // One read at a time: on a slow database the ticks must not pile up on the worker.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    m_worker->post(
        this, [](storage::Database& database) { return database.changeStamp(); },
        [this](Result<qint64> stamp) {
            m_reading = false;
            const bool baseline = std::exchange(m_baseline, false);
            // A busy or failing database: try again at the next tick.
            if (stamp && (!m_haveStamp || *stamp != m_stamp)) {
                m_stamp = *stamp;
                m_haveStamp = true;
                if (!baseline)
                    emit changed();
            }
            if (std::exchange(m_readAgain, false))
                check();
        });
}

} // namespace slotdesk::models
