#include "models/SlotPreviewModel.h"
#include "models/Plural.h"

#include "models/AdminSession.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"

#include "core/ZonedTime.h"

#include <QLocale>

#include <algorithm>

namespace slotdesk::models {

SlotPreviewModel::SlotPreviewModel(AdminSession* session, QObject* parent)
    : AsyncTableModel(kDays, parent) {
    followSession(session);
    reload();
}

void SlotPreviewModel::reload() {
    const QString zone = session()->timeZone();
    const QDate today = zonedtime::toLocal(session()->clock().now(), zone).date();
    if (!canRead()) {
        show(today, {});
        return;
    }
    SlotRequest request;
    request.from = today;
    request.to = today.addDays(kDays - 1);
    request.timeZone = zone;
    load(
        session()->worker(),
        [admin = session()->admin(), request,
         clock = session()->clock()](storage::Database& database) {
            return SlotService(database, clock).listSlots(admin, request);
        },
        [this, today](const SlotListing& listing) { show(today, listing); });
}

void SlotPreviewModel::show(const QDate& first, const SlotListing& listing) {
    QVector<QVector<SlotTime>> days(kDays);
    for (const auto& day : listing.days) {
        const auto column = first.daysTo(day.date);
        if (column >= 0 && column < kDays)
            days[static_cast<int>(column)] = day.times;
    }
    beginResetModel();
    m_first = first;
    m_days = std::move(days);
    m_length = listing.duration;
    endResetModel();
}

int SlotPreviewModel::slotCountOn(int column) const {
    return column >= 0 && column < m_days.size() ? static_cast<int>(m_days.at(column).size()) : 0;
}

int SlotPreviewModel::totalSlots() const {
    int total = 0;
    for (const auto& day : m_days)
        total += static_cast<int>(day.size());
    return total;
}

int SlotPreviewModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    int most = 0;
    for (const auto& day : m_days)
        most = std::max(most, static_cast<int>(day.size()));
    return most;
}

QVariant SlotPreviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& day = m_days.at(index.column());
    if (index.row() >= day.size())
        return {};
    const SlotTime& slot = day.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return TimeText::time(slot.start.addSecs(slot.utcOffsetSeconds).time());
    case StartUtcRole:
        return slot.start;
    case EndUtcRole:
        return slot.end;
    default:
        return {};
    }
}

QVariant SlotPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= kDays)
        return {};
    const QDate date = m_first.addDays(section);
    switch (role) {
    case Qt::DisplayRole:
        return TimeText::day(date);
    case DateRole:
        return date;
    case Qt::ToolTipRole:
        return plural(tr("%n slot(s)", nullptr, slotCountOn(section)), slotCountOn(section));
    default:
        return {};
    }
}

} // namespace slotdesk::models
