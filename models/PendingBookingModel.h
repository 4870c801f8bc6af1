#pragma once
// PendingBookingModel: the requests waiting for the admin's decision, oldest request first —
// the Approvals queue. It follows the database live (reading it on the session's worker) and
// announces requests it has not seen before (for notifications), but not the ones already
// waiting when it first loads.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"

namespace slotdesk::models {

class AdminSession;

class PendingBookingModel : public KeyedRowsModel<Booking> {
    Q_OBJECT
public:
    enum Column { Requested, Attendee, Email, AdminTime, AttendeeTime, Notes, ColumnCount };

    explicit PendingBookingModel(AdminSession* session, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void reload() override;

signals:
    void countChanged(int count);
    void newRequests(const QVector<slotdesk::Booking>& bookings);

private:
    void show(QVector<Booking> pending);
    bool rowChanged(const Booking& before, const Booking& after) const override;

    QSet<QString> m_seen;
    bool m_loaded = false;
    int m_lastCount = 0;
};

} // namespace slotdesk::models
