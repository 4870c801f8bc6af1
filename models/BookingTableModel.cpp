#include "models/BookingTableModel.h"

#include "core/ZonedTime.h"

namespace slotdesk::models {

BookingTableModel::BookingTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void BookingTableModel::setBookings(QVector<Booking> bookings, const QString& displayTimeZone) {
    beginResetModel();
    m_bookings = std::move(bookings);
    m_timeZone = displayTimeZone;
    endResetModel();
}

int BookingTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_bookings.size());
}

int BookingTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BookingTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Booking& b = m_bookings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Start:
            return m_timeZone.isEmpty() ? b.startTime.toString(Qt::ISODate)
                                        : zonedtime::formatInZone(b.startTime, m_timeZone);
        case Duration:
            return tr("%n min", nullptr, static_cast<int>(b.startTime.secsTo(b.endTime) / 60));
        case Attendee:
            return b.attendeeName;
        case Email:
            return b.attendeeEmail;
        case Status:
            return toText(b.status);
        default:
            return {};
        }
    case BookingIdRole:
        return b.id;
    case StatusRole:
        return static_cast<int>(b.status);
    case StartUtcRole:
        return b.startTime;
    default:
        return {};
    }
}

QVariant BookingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Start:
        return tr("Start");
    case Duration:
        return tr("Length");
    case Attendee:
        return tr("Attendee");
    case Email:
        return tr("Email");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace slotdesk::models
