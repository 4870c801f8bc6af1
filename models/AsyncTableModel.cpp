#include "models/AsyncTableModel.h"

#include "models/AdminSession.h"

#include <utility>

namespace slotdesk::models {

bool AsyncTableModel::canRead(const AdminSession* session) {
    if (!session->isLoaded()) {
        setLoading(true);
        return false;
    }
    if (!session->hasAdmin()) {
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
