#include "models/DateOverrideModel.h"

#include "availability/AvailabilityService.h"
#include "models/AdminSession.h"
#include "models/AvailabilityBlockModel.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"

#include "core/ZonedTime.h"

namespace slotdesk::models {

DateOverrideModel::DateOverrideModel(AdminSession* session, QObject* parent)
    : KeyedRowsModel(ColumnCount, parent) {
    followSession(session);
    reload();
}

void DateOverrideModel::reload() {
    loadForAdmin(
        [](storage::Database& database, const QString& userId) {
            return AvailabilityService(database).overrides(userId);
        },
        [this](QVector<AvailabilityOverride> listed) {
            const QDate today =
                zonedtime::toLocal(session()->clock().now(), session()->timeZone()).date();
            listed.removeIf([&](const AvailabilityOverride& entry) { return entry.date < today; });
            replaceRows(std::move(listed));
        });
}

bool DateOverrideModel::rowChanged(const AvailabilityOverride& before,
                                   const AvailabilityOverride& after) const {
    return before.updatedAt != after.updatedAt || before.startMinute != after.startMinute ||
           before.endMinute != after.endMinute || before.date != after.date;
}

QVariant DateOverrideModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AvailabilityOverride& o = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Date:
            return TimeText::dayWithYear(o.date);
        case Hours:
            if (o.isUnavailable())
                return tr("Unavailable all day");
            return tr("%1–%2").arg(AvailabilityBlockModel::minuteText(*o.startMinute),
                                   AvailabilityBlockModel::minuteText(*o.endMinute));
        case TimeZone:
            return o.timeZone;
        default:
            return {};
        }
    case IdRole:
        return o.id;
    case DateRole:
        return o.date;
    case StartMinuteRole:
        return o.startMinute ? QVariant(*o.startMinute) : QVariant();
    case EndMinuteRole:
        return o.endMinute ? QVariant(*o.endMinute) : QVariant();
    case TimeZoneRole:
        return o.timeZone;
    default:
        return {};
    }
}

QVariant DateOverrideModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("Date");
    case Hours:
        return tr("Hours");
    case TimeZone:
        return tr("Time zone");
    default:
        return {};
    }
}

} // namespace slotdesk::models
