#include "models/BookingFilterProxyModel.h"

#include "models/BookingTableModel.h"
#include "models/ItemRoles.h"

namespace slotdesk::models {

BookingFilterProxyModel::BookingFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void BookingFilterProxyModel::setStatusFilter(std::optional<BookingStatus> status) {
    if (status == m_status)
        return;
    m_status = status;
    apply();
}

void BookingFilterProxyModel::setDateRange(const QDateTime& from, const QDateTime& before) {
    if (from == m_from && before == m_before)
        return;
    m_from = from;
    m_before = before;
    apply();
}

void BookingFilterProxyModel::setSearchText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    apply();
}

void BookingFilterProxyModel::apply() {
    invalidateFilter();
    if (auto* table = qobject_cast<BookingTableModel*>(sourceModel())) {
        storage::BookingSearch search = table->search();
        search.status = m_status;
        search.startsFrom = m_from;
        search.startsBefore = m_before;
        search.text = m_text;
        table->setSearch(search);
    }
}

void BookingFilterProxyModel::sort(int column, Qt::SortOrder order) {
    // The source orders every booking (in SQL when live); sorting here would order only the
    // rows fetched so far.
    if (sourceModel())
        sourceModel()->sort(column, order);
}

bool BookingFilterProxyModel::filterAcceptsRow(int sourceRow,
                                               const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status && index.data(StatusRole).toInt() != static_cast<int>(*m_status))
        return false;
    const QDateTime start = index.data(StartUtcRole).toDateTime();
    if (m_from.isValid() && start < m_from)
        return false;
    if (m_before.isValid() && start >= m_before)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int role : {AttendeeNameRole, AttendeeEmailRole, NotesRole}) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace slotdesk::models
