#include "models/AsyncTableModel.h"

#include "models/AdminSession.h"

#include <utility>

namespace slotdesk::models {

void AsyncTableModel::followSession(AdminSession* session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &AdminSession::databaseChanged, this, &AsyncTableModel::reload);
}

bool AsyncTableModel::canRead() {
    if (!m_session->isLoaded()) {
        setLoading(true);
        return false;
    }
    if (!m_session->hasAdmin()) {
        forgetRequests();
        return false;
    }
    return true;
}

void AsyncTableModel::forgetRequests() {
    ++m_request;
    m_waiting = nullptr;
    setLoading(false);
}

void AsyncTableModel::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(m_loading);
}

void AsyncTableModel::startWaiting() {
    if (Request next = std::exchange(m_waiting, nullptr))
        next();
}

} // namespace slotdesk::models
