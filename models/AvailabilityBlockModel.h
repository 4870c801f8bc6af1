#pragma once
// AvailabilityBlockModel: the admin's weekly hours, Monday first, each block in its own zone.
// It follows the database live; changes go through AvailabilityService.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"

namespace slotdesk::models {

class AdminSession;

class AvailabilityBlockModel : public KeyedRowsModel<AvailabilityBlock> {
    Q_OBJECT
public:
    enum Column { Day, From, To, TimeZone, ColumnCount };

    explicit AvailabilityBlockModel(AdminSession* session, QObject* parent = nullptr);

    // "Monday" for 1 (0 = Sunday), in the user's language.
    static QString dayName(int dayOfWeek);
    // "09:00" for 540, "24:00" for 1440.
    static QString minuteText(int minute);
    // The week in display order: Monday .. Sunday as 1, 2, ..., 6, 0.
    static QVector<int> weekOrder();

    [[nodiscard]] QVector<AvailabilityBlock> blocksOn(int dayOfWeek) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void reload() override;

private:
    bool rowChanged(const AvailabilityBlock& before, const AvailabilityBlock& after) const override;
};

} // namespace slotdesk::models
