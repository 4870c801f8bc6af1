#pragma once
// IntegrationModel: the admin's calendar connections and how their sync is doing, read live
// through IntegrationStatusService for the Integrations page.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"

namespace slotdesk::models {

class AdminSession;

class IntegrationModel : public KeyedRowsModel<CalendarIntegration> {
    Q_OBJECT
public:
    enum Column { Account, Status, LastSync, Problem, ColumnCount };
    enum Role { SyncStatusRole = Qt::UserRole + 100, LastSyncRole, AccountRole, ErrorRole };

    explicit IntegrationModel(AdminSession* session, QObject* parent = nullptr);

    // The Google Calendar connection, if there is one (row index), else -1.
    [[nodiscard]] int googleCalendarRow() const;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public slots:
    void reload();

signals:
    void loadFailed(const QString& message);

private:
    bool rowChanged(const CalendarIntegration& before,
                    const CalendarIntegration& after) const override;

    AdminSession* m_session = nullptr;
};

} // namespace slotdesk::models
