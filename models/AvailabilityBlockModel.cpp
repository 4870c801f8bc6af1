#include "models/AvailabilityBlockModel.h"

#include "availability/AvailabilityService.h"
#include "models/AdminSession.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"

#include <QLocale>

#include <algorithm>

namespace slotdesk::models {
namespace {

int weekPosition(int dayOfWeek) {
    return (dayOfWeek + 6) % 7; // Monday = 0 ... Sunday = 6
}

} // namespace

AvailabilityBlockModel::AvailabilityBlockModel(AdminSession* session, QObject* parent)
    : KeyedRowsModel(ColumnCount, parent) {
    followSession(session);
    reload();
}

QString AvailabilityBlockModel::dayName(int dayOfWeek) {
    // QLocale counts 1 = Monday ... 7 = Sunday.
    return QLocale().dayName(dayOfWeek == 0 ? 7 : dayOfWeek, QLocale::LongFormat);
}

QString AvailabilityBlockModel::minuteText(int minute) {
    if (minute >= 1440)
        return QStringLiteral("24:00");
    return TimeText::time(QTime(minute / 60, minute % 60));
}

QVector<int> AvailabilityBlockModel::weekOrder() {
    return {1, 2, 3, 4, 5, 6, 0};
}

QVector<AvailabilityBlock> AvailabilityBlockModel::blocksOn(int dayOfWeek) const {
    QVector<AvailabilityBlock> out;
    for (const auto& block : rows()) {
        if (block.dayOfWeek == dayOfWeek)
            out.append(block);
    }
    return out;
}

void AvailabilityBlockModel::reload() {
    loadForAdmin(
        [](storage::Database& database, const QString& userId) {
            return AvailabilityService(database).list(userId);
        },
        [this](QVector<AvailabilityBlock> blocks) {
            std::stable_sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
                return std::tuple(weekPosition(a.dayOfWeek), a.startMinute, a.endMinute, a.id) <
                       std::tuple(weekPosition(b.dayOfWeek), b.startMinute, b.endMinute, b.id);
            });
            replaceRows(std::move(blocks));
        });
}

bool AvailabilityBlockModel::rowChanged(const AvailabilityBlock& before,
                                        const AvailabilityBlock& after) const {
    return before.updatedAt != after.updatedAt || before.startMinute != after.startMinute ||
           before.endMinute != after.endMinute || before.timeZone != after.timeZone ||
           before.dayOfWeek != after.dayOfWeek || before.isActive != after.isActive;
}

QVariant AvailabilityBlockModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AvailabilityBlock& b = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Day:
            return dayName(b.dayOfWeek);
        case From:
            return minuteText(b.startMinute);
        case To:
            return minuteText(b.endMinute);
        case TimeZone:
            return b.timeZone;
        default:
            return {};
        }
    case IdRole:
        return b.id;
    case DayOfWeekRole:
        return b.dayOfWeek;
    case StartMinuteRole:
        return b.startMinute;
    case EndMinuteRole:
        return b.endMinute;
    case TimeZoneRole:
        return b.timeZone;
    default:
        return {};
    }
}

QVariant AvailabilityBlockModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Day:
        return tr("Day");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case TimeZone:
        return tr("Time zone");
    default:
        return {};
    }
}

} // namespace slotdesk::models
