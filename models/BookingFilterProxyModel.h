#pragma once
// BookingFilterProxyModel: the bookings table's status filter, date range and text search. It
// filters the rows it is given at once, and hands the same filters to a live
// BookingTableModel, which then reads only matching rows from the database. Sorting is passed
// to the source as well (in SQL when live), so the order covers every booking, not only the
// rows loaded so far.

#include "domain/Entities.h"

#include <QDateTime>
#include <QSortFilterProxyModel>

#include <optional>

namespace slotdesk::models {

class BookingFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit BookingFilterProxyModel(QObject* parent = nullptr);

    void setStatusFilter(std::optional<BookingStatus> status);
    [[nodiscard]] std::optional<BookingStatus> statusFilter() const { return m_status; }
    // Starts in [from, before); an invalid end leaves that side open.
    void setDateRange(const QDateTime& from, const QDateTime& before);
    [[nodiscard]] QDateTime rangeStart() const { return m_from; }
    [[nodiscard]] QDateTime rangeEnd() const { return m_before; }
    // Case-insensitive; matches the attendee's name, email or notes.
    void setSearchText(const QString& text);
    [[nodiscard]] QString searchText() const { return m_text; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void apply();

    std::optional<BookingStatus> m_status;
    QDateTime m_from;
    QDateTime m_before;
    QString m_text;
};

} // namespace slotdesk::models
