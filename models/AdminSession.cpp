#include "models/AdminSession.h"

#include "availability/AvailabilityService.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "profile/ProfileService.h"

#include <QTimer>

#include <utility>

namespace slotdesk::models {

AdminSession::AdminSession(storage::Database& database, QObject* parent)
    : AdminSession(database, QString(), parent) {}

AdminSession::AdminSession(storage::Database& database, QString username, QObject* parent)
    : AdminSession(database, std::move(username), core::Clock(), parent) {}

AdminSession::AdminSession(storage::Database& database, QString username, core::Clock clock,
                           QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_username(std::move(username))
    , m_clock(std::move(clock))
    , m_worker(new DatabaseWorker(database, this))
    , m_watcher(new ChangeWatcher(m_worker, this)) {
    refresh();
    connect(m_watcher, &ChangeWatcher::changed, this, &AdminSession::refresh);
    m_watcher->start();
}

QString AdminSession::timeZone() const {
    return m_admin ? m_admin->timeZone : QStringLiteral("UTC");
}

void AdminSession::readBookingSettings(QObject* context,
                                       std::function<void(Result<BookingSettings>)> done) const {
    if (!hasAdmin())
        return;
    m_worker->post(
        context,
        [userId = userId()](storage::Database& database) {
            return AvailabilityService(database).settings(userId);
        },
        std::move(done));
}

void AdminSession::refresh() {
    // One read at a time; a refresh asked for meanwhile reads again after it.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    m_worker->post(
        this,
        [username = m_username](storage::Database& database) {
            return ProfileService(database).admin(username);
        },
        [this](Result<User> admin) { profileRead(std::move(admin)); });
}

void AdminSession::profileRead(Result<User> admin) {
    m_reading = false;
    if (std::exchange(m_readAgain, false)) {
        refresh();
        return;
    }
    bool changed = false;
    if (admin) {
        changed = !m_admin || m_admin->id != admin->id || m_admin->updatedAt != admin->updatedAt ||
                  m_admin->name != admin->name || m_admin->timeZone != admin->timeZone;
        m_admin = *admin;
    } else if (admin.error().code == ErrorCode::NotInitialized) {
        changed = m_admin.has_value();
        m_admin.reset();
    } else if (!m_loaded) {
        // A transient failure before anything is known: not "no admin" — ask again shortly.
        QTimer::singleShot(m_watcher->interval(), this, &AdminSession::refresh);
        return;
    } // else a transient failure: keep what we had
    const bool first = !std::exchange(m_loaded, true);
    if (changed || first)
        emit adminChanged();
    emit databaseChanged();
}

} // namespace slotdesk::models
