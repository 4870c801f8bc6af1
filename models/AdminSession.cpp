#include "models/AdminSession.h"

#include "models/ChangeWatcher.h"
#include "profile/ProfileService.h"

namespace slotdesk::models {

AdminSession::AdminSession(storage::Database& database, QObject* parent)
    : AdminSession(database, QString(), parent) {}

AdminSession::AdminSession(storage::Database& database, QString username, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_username(std::move(username))
    , m_watcher(new ChangeWatcher(database, this)) {
    reloadAdmin();
    connect(m_watcher, &ChangeWatcher::changed, this, &AdminSession::refresh);
    m_watcher->start();
}

QString AdminSession::timeZone() const {
    return m_admin ? m_admin->timeZone : QStringLiteral("UTC");
}

void AdminSession::refresh() {
    if (reloadAdmin())
        emit adminChanged();
    emit databaseChanged();
}

bool AdminSession::reloadAdmin() {
    auto admin = ProfileService(m_database).admin(m_username);
    if (!admin) {
        if (admin.error().code != ErrorCode::NotInitialized)
            return false; // a transient failure: keep what we had
        const bool had = m_admin.has_value();
        m_admin.reset();
        return had;
    }
    const bool same = m_admin && m_admin->id == admin->id &&
                      m_admin->updatedAt == admin->updatedAt && m_admin->name == admin->name &&
                      m_admin->timeZone == admin->timeZone;
    m_admin = *admin;
    return !same;
}

} // namespace slotdesk::models
