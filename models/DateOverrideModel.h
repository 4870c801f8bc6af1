#pragma once
// DateOverrideModel: the admin's exceptions to the weekly hours from today on — days off and
// days with other hours — by date. It follows the database live.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"

namespace slotdesk::models {

class AdminSession;

class DateOverrideModel : public KeyedRowsModel<AvailabilityOverride> {
    Q_OBJECT
public:
    enum Column { Date, Hours, TimeZone, ColumnCount };

    explicit DateOverrideModel(AdminSession* session, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void reload() override;

private:
    bool rowChanged(const AvailabilityOverride& before,
                    const AvailabilityOverride& after) const override;
};

} // namespace slotdesk::models
