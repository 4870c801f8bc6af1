#pragma once
// BookingTableModel: the admin's bookings as table rows (start, length, attendee, email,
// status). Live, it reads them from the database a page at a time (canFetchMore/fetchMore, on
// the session's worker: a page arrives after fetchMore() returns) with the search's filters and
// order applied in SQL, and reloads the rows it holds whenever the database changes. Without a
// session (or an admin) it has no rows.

#include "models/KeyedRowsModel.h"
#include "storage/BookingSearchRepository.h"

namespace slotdesk::models {

class AdminSession;

class BookingTableModel : public KeyedRowsModel<storage::BookingSummary> {
    Q_OBJECT
public:
    enum Column { Start, Duration, Attendee, Email, Status, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit BookingTableModel(QObject* parent = nullptr);

    // Live rows from the session's database, in the admin's zone.
    void setSession(AdminSession* session);
    // New filters or order: starts again from the first page.
    void setSearch(const storage::BookingSearch& search);
    [[nodiscard]] const storage::BookingSearch& search() const { return m_search; }
    // Bookings matching the search in the database.
    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] QString displayTimeZone() const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Re-reads as many rows as are loaded now and applies the difference.
    void reload() override;

signals:
    void totalCountChanged(int count);

private:
    struct Rows {
        QVector<storage::BookingSummary> rows;
        int total = 0;
        bool exhausted = false;
    };
    bool rowChanged(const storage::BookingSummary& before,
                    const storage::BookingSummary& after) const override;
    void restart();
    void setTotal(int total);
    bool isLive() const;

    storage::BookingSearch m_search;
    int m_total = 0;
    bool m_exhausted = true;
};

} // namespace slotdesk::models
