#include "models/PendingBookingModel.h"

#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/BookingRoleData.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"
#include "storage/BookingRepository.h"

#include <algorithm>

namespace slotdesk::models {

PendingBookingModel::PendingBookingModel(AdminSession* session, QObject* parent)
    : KeyedRowsModel(ColumnCount, parent) {
    followSession(session);
    reload();
}

void PendingBookingModel::reload() {
    loadForAdmin(
        [](storage::Database& database, const QString& userId) {
            storage::BookingFilter filter;
            filter.status = BookingStatus::Pending;
            return BookingService(database).list(userId, filter);
        },
        [this](QVector<Booking> pending) { show(std::move(pending)); });
}

void PendingBookingModel::show(QVector<Booking> pending) {
    std::stable_sort(pending.begin(), pending.end(), [](const Booking& a, const Booking& b) {
        return std::tie(a.createdAt, a.id) < std::tie(b.createdAt, b.id);
    });

    QVector<Booking> arrived;
    for (const auto& booking : pending) {
        if (!m_seen.contains(booking.id)) {
            m_seen.insert(booking.id);
            if (m_loaded)
                arrived.append(booking);
        }
    }
    m_loaded = true;
    replaceRows(std::move(pending));
    if (rowCount() != m_lastCount) {
        m_lastCount = rowCount();
        emit countChanged(m_lastCount);
    }
    if (!arrived.isEmpty())
        emit newRequests(arrived);
}

bool PendingBookingModel::rowChanged(const Booking& before, const Booking& after) const {
    return before.updatedAt != after.updatedAt || before.notes != after.notes;
}

QVariant PendingBookingModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Booking& b = rowAt(index.row());
    const QString zone = session()->timeZone();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Requested:
            return TimeText::ago(b.createdAt, session()->clock().now());
        case Attendee:
            return b.attendeeName;
        case Email:
            return b.attendeeEmail;
        case AdminTime:
            return TimeText::range(b.startTime, b.endTime, zone);
        case AttendeeTime:
            return TimeText::rangeWithZone(b.startTime, b.endTime, b.timeZone);
        case Notes:
            return b.notes;
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3")
            .arg(b.attendeeName, TimeText::range(b.startTime, b.endTime, zone), b.notes);
    case CreatedUtcRole:
        return b.createdAt;
    default:
        return bookingRoleData(b, role, zone);
    }
}

QVariant PendingBookingModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Requested:
        return tr("Requested");
    case Attendee:
        return tr("Attendee");
    case Email:
        return tr("Email");
    case AdminTime:
        return tr("Time");
    case AttendeeTime:
        return tr("Attendee's time");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace slotdesk::models
