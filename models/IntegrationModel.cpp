#include "models/IntegrationModel.h"

#include "calendar/IntegrationStatusService.h"
#include "models/AdminSession.h"
#include "models/ItemRoles.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "storage/Database.h"

namespace slotdesk::models {

IntegrationModel::IntegrationModel(AdminSession* session, QObject* parent)
    : KeyedRowsModel(ColumnCount, parent) {
    followSession(session);
    reload();
}

void IntegrationModel::reload() {
    loadForAdmin(
        [](storage::Database& database, const QString& userId) -> Result<Snapshot> {
            auto calendars = IntegrationStatusService(database).list(userId);
            if (!calendars)
                return calendars.error();
            auto jobs = storage::CalendarJobRepository(database.connection()).list(userId);
            if (!jobs)
                return jobs.error();
            auto zoom = storage::VideoIntegrationRepository(database.connection())
                            .find(userId, QStringLiteral("zoom"));
            if (!zoom)
                return zoom.error();
            return Snapshot{std::move(*calendars), std::move(*jobs), std::move(*zoom)};
        },
        [this](Snapshot snapshot) { show(std::move(snapshot)); });
}

void IntegrationModel::show(Snapshot snapshot) {
    m_jobs = std::move(snapshot.jobs);
    m_zoom = std::move(snapshot.zoom);
    replaceRows(std::move(snapshot.calendars));
    emit refreshed();
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
            return c.lastSyncAt.isValid() ? TimeText::ago(c.lastSyncAt, session()->clock().now())
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
