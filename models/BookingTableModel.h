#pragma once
// BookingTableModel: a list of bookings as table rows (start, attendee, email, status) for the
// admin's views. It shows what it is given; loading and live updates belong to the caller.

#include "domain/Entities.h"

#include <QAbstractTableModel>
#include <QVector>

namespace slotdesk::models {

class BookingTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Start, Duration, Attendee, Email, Status, ColumnCount };
    enum Role { BookingIdRole = Qt::UserRole + 1, StatusRole, StartUtcRole };

    explicit BookingTableModel(QObject* parent = nullptr);

    void setBookings(QVector<Booking> bookings, const QString& displayTimeZone);
    [[nodiscard]] const Booking& bookingAt(int row) const { return m_bookings.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<Booking> m_bookings;
    QString m_timeZone;
};

} // namespace slotdesk::models
