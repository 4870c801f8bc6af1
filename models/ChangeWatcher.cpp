#include "models/ChangeWatcher.h"

#include "storage/Database.h"

namespace slotdesk::models {

ChangeWatcher::ChangeWatcher(storage::Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database) {
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::check);
    if (auto stamp = m_database.changeStamp()) {
        m_stamp = *stamp;
        m_haveStamp = true;
    }
}

void ChangeWatcher::check() {
    auto stamp = m_database.changeStamp();
    if (!stamp)
        return; // a busy or failing database: try again at the next tick
    if (m_haveStamp && *stamp == m_stamp)
        return;
    m_stamp = *stamp;
    m_haveStamp = true;
    emit changed();
}

} // namespace slotdesk::models
