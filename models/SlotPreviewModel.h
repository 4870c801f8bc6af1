#pragma once
// SlotPreviewModel: the slots an attendee would be offered over the next days, in the admin's
// zone — one column per day, one row per slot — computed by SlotService (on the session's
// worker) from what is saved now. It recomputes whenever the database changes, so editing hours
// or rules updates it at once.

#include "booking/SlotService.h"
#include "models/AsyncTableModel.h"

#include <QDate>
#include <QVector>

namespace slotdesk::models {

class AdminSession;

class SlotPreviewModel : public AsyncTableModel {
    Q_OBJECT
public:
    static constexpr int kDays = 7;

    explicit SlotPreviewModel(AdminSession* session, QObject* parent = nullptr);

    [[nodiscard]] QDate firstDate() const { return m_first; }
    [[nodiscard]] int slotCountOn(int column) const;
    [[nodiscard]] int totalSlots() const;
    [[nodiscard]] int meetingLength() const { return m_length; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void reload() override;

private:
    void show(const QDate& first, const SlotListing& listing);

    QDate m_first;
    int m_length = 0;
    QVector<QVector<SlotTime>> m_days;
};

} // namespace slotdesk::models
