#pragma once
// KeyedRowsModel<Row>: a table model over rows that have a string `id`. replaceRows() turns a
// fresh read into the smallest set of row signals (remove, insert, move, dataChanged), so a
// reload after a database change keeps the view's selection, current row and scroll position.
// The rows are read asynchronously (AsyncTableModel).

#include "models/AsyncTableModel.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace slotdesk::models {

template <typename Row> class KeyedRowsModel : public AsyncTableModel {
public:
    using AsyncTableModel::AsyncTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    [[nodiscard]] const QVector<Row>& rows() const { return m_rows; }
    [[nodiscard]] const Row& rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString& id) const {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).id == id)
                return i;
        }
        return -1;
    }

protected:
    // Whether two versions of the same row (same id) would display differently.
    virtual bool rowChanged(const Row& before, const Row& after) const = 0;

    void resetRows(QVector<Row> next) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
    }

    void appendRows(QVector<Row> more) {
        if (more.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
        m_rows.append(std::move(more));
        endInsertRows();
    }

    void replaceRows(QVector<Row> next) {
        QSet<QString> nextIds;
        nextIds.reserve(next.size());
        for (const auto& row : next)
            nextIds.insert(row.id);

        // 1. Rows that went away, bottom up, one signal per contiguous run.
        for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
            if (nextIds.contains(m_rows.at(i).id))
                continue;
            const int last = i;
            while (i > 0 && !nextIds.contains(m_rows.at(i - 1).id))
                --i;
            beginRemoveRows({}, i, last);
            m_rows.remove(i, last - i + 1);
            endRemoveRows();
        }

        // 2. Do the survivors keep their relative order? Then insert the newcomers in place.
        QHash<QString, int> nextPosition;
        nextPosition.reserve(next.size());
        for (int i = 0; i < next.size(); ++i)
            nextPosition.insert(next.at(i).id, i);
        bool sameOrder = true;
        for (int i = 1; i < m_rows.size() && sameOrder; ++i)
            sameOrder =
                nextPosition.value(m_rows.at(i - 1).id) < nextPosition.value(m_rows.at(i).id);

        if (sameOrder) {
            int row = 0;
            for (int k = 0; k < next.size();) {
                if (row < m_rows.size() && m_rows.at(row).id == next.at(k).id) {
                    if (rowChanged(m_rows.at(row), next.at(k))) {
                        m_rows[row] = next.at(k);
                        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
                    }
                    ++row;
                    ++k;
                    continue;
                }
                const int start = k;
                while (k < next.size() &&
                       !(row < m_rows.size() && m_rows.at(row).id == next.at(k).id))
                    ++k;
                const int count = k - start;
                beginInsertRows({}, row, row + count - 1);
                m_rows.insert(row, count, Row{});
                for (int j = 0; j < count; ++j)
                    m_rows[row + j] = next.at(start + j);
                endInsertRows();
                row += count;
            }
            return;
        }

        // 3. Reordered: append the newcomers, then move everything into place in one layout
        //    change that carries the persistent indexes (selection, current row) along.
        QSet<QString> have;
        for (const auto& row : m_rows)
            have.insert(row.id);
        QVector<Row> newcomers;
        for (const auto& row : next) {
            if (!have.contains(row.id))
                newcomers.append(row);
        }
        appendRows(std::move(newcomers));
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const auto& index : before) {
            const int to = nextPosition.value(m_rows.at(index.row()).id, -1);
            after.append(to < 0 ? QModelIndex() : this->index(to, index.column()));
        }
        m_rows = std::move(next);
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0),
                             index(static_cast<int>(m_rows.size()) - 1, columnCount() - 1));
    }

private:
    QVector<Row> m_rows;
};

} // namespace slotdesk::models
