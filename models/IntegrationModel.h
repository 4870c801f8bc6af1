#pragma once
// IntegrationModel: the admin's integrations as the Integrations page shows them — the calendar
// connections and how their sync is doing (the rows), the calendar writes still owed, and the
// Zoom connection — read live, together, on the session's worker.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"
#include "storage/CalendarJobRepository.h"
#include "storage/VideoIntegrationRepository.h"

#include <optional>

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
    // The calendar writes still owed (pending or failed jobs).
    [[nodiscard]] const QVector<storage::CalendarJob>& calendarJobs() const { return m_jobs; }
    // The Zoom connection, if there is one.
    [[nodiscard]] const std::optional<storage::VideoIntegration>& zoom() const { return m_zoom; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void reload() override;

signals:
    // After each read: the rows, calendarJobs() and zoom() are current.
    void refreshed();

private:
    struct Snapshot {
        QVector<CalendarIntegration> calendars;
        QVector<storage::CalendarJob> jobs;
        std::optional<storage::VideoIntegration> zoom;
    };
    void show(Snapshot snapshot);
    bool rowChanged(const CalendarIntegration& before,
                    const CalendarIntegration& after) const override;

    QVector<storage::CalendarJob> m_jobs;
    std::optional<storage::VideoIntegration> m_zoom;
};

} // namespace slotdesk::models
