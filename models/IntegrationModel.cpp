#include "models/IntegrationModel.h"

#include "calendar/IntegrationStatusService.h"
#include "models/AdminSession.h"
#include "models/ItemRoles.h"
#include "models/StatusText.h"
#include "models/TimeText.h"

namespace slotdesk::models {

IntegrationModel::IntegrationModel(AdminSession* session, QObject* parent)
    : KeyedRowsModel(parent)
    , m_session(session) {
    connect(m_session, &AdminSession::databaseChanged, this, &IntegrationModel::reload);
    reload();
}

void IntegrationModel::reload() {
    QVector<CalendarIntegration> integrations;
    if (m_session->hasAdmin()) {
        auto listed = IntegrationStatusService(m_session->database()).list(m_session->userId());
        if (!listed) {
            emit loadFailed(listed.error().message);
            return;
        }
        integrations = std::move(*listed);
    }
    replaceRows(std::move(integrations));
}

int IntegrationModel::googleCalendarRow() const {
    for (int i = 0; i < rowCount(); ++i) {
        if (rowAt(i).type == CalendarType::GoogleCalendar)
            return i;
    }
    return -1;
}

bool IntegrationModel::rowChanged(const CalendarIntegration& before,
                                  const CalendarIntegration& after) const {
    return before.updatedAt != after.updatedAt || before.syncStatus != after.syncStatus ||
           before.lastSyncAt != after.lastSyncAt || before.syncError != after.syncError;
}

int IntegrationModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntegrationModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CalendarIntegration& c = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Account:
            return c.accountEmail.isEmpty() ? tr("Google Calendar") : c.accountEmail;
        case Status:
            return StatusText::sync(c.syncStatus);
        case LastSync:
            return c.lastSyncAt.isValid()
                       ? TimeText::ago(c.lastSyncAt, QDateTime::currentDateTimeUtc())
                       : tr("Never");
        case Problem:
            return c.syncError;
        default:
            return {};
        }
    case IdRole:
        return c.id;
    case SyncStatusRole:
        return static_cast<int>(c.syncStatus);
    case LastSyncRole:
        return c.lastSyncAt;
    case AccountRole:
        return c.accountEmail;
    case ErrorRole:
        return c.syncError;
    default:
        return {};
    }
}

QVariant IntegrationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Account:
        return tr("Account");
    case Status:
        return tr("Status");
    case LastSync:
        return tr("Last sync");
    case Problem:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace slotdesk::models
