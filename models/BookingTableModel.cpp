#include "models/BookingTableModel.h"

#include "booking/BookingSearchService.h"
#include "models/AdminSession.h"
#include "models/BookingRoleData.h"
#include "models/ItemRoles.h"
#include "models/PlainToolTip.h"
#include "models/StatusText.h"
#include "models/TimeText.h"

#include "core/ZonedTime.h"

#include <QLocale>

#include <algorithm>

namespace slotdesk::models {
namespace {

storage::BookingSearch::Order orderOf(int column) {
    switch (column) {
    case BookingTableModel::Duration:
        return storage::BookingSearch::Order::Length;
    case BookingTableModel::Attendee:
        return storage::BookingSearch::Order::Attendee;
    case BookingTableModel::Email:
        return storage::BookingSearch::Order::Email;
    case BookingTableModel::Status:
        return storage::BookingSearch::Order::Status;
    default:
        return storage::BookingSearch::Order::Start;
    }
}

} // namespace

BookingTableModel::BookingTableModel(QObject* parent)
    : KeyedRowsModel(ColumnCount, parent) {}

void BookingTableModel::setSession(AdminSession* session) {
    followSession(session);
    restart();
}

void BookingTableModel::setSearch(const storage::BookingSearch& search) {
    m_search = search;
    // Not live, there are no rows to order.
    if (isLive())
        restart();
}

QString BookingTableModel::displayTimeZone() const {
    return session() ? session()->timeZone() : QString();
}

bool BookingTableModel::isLive() const {
    return session() && session()->hasAdmin();
}

void BookingTableModel::restart() {
    resetRows({});
    m_exhausted = true;
    if (!session())
        forgetRequests();
    if (!session() || !canRead()) {
        setTotal(0);
        return;
    }
    // The first page and the count, in one visit to the worker.
    load(
        session()->worker(),
        [userId = session()->userId(),
         search = m_search](storage::Database& database) -> Result<Rows> {
            BookingSearchService service(database);
            auto total = service.count(userId, search);
            if (!total)
                return total.error();
            auto page = service.page(userId, search, 0, kPageSize);
            if (!page)
                return page.error();
            return Rows{std::move(*page), *total};
        },
        [this](Rows first) {
            m_exhausted = first.rows.size() < kPageSize;
            appendRows(std::move(first.rows));
            setTotal(first.total);
        });
}

void BookingTableModel::setTotal(int total) {
    if (total == m_total)
        return;
    m_total = total;
    emit totalCountChanged(m_total);
}

bool BookingTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_exhausted && isLive() && !isLoading();
}

void BookingTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    load(
        session()->worker(),
        [userId = session()->userId(), search = m_search,
         offset = rowCount()](storage::Database& database) {
            return BookingSearchService(database).page(userId, search, offset, kPageSize);
        },
        [this](QVector<storage::BookingSummary> page) {
            m_exhausted = page.size() < kPageSize;
            // A booking inserted meanwhile shifts the pages by one; never show a row twice.
            QSet<QString> have;
            have.reserve(rowCount());
            for (const auto& row : rows())
                have.insert(row.id);
            page.removeIf(
                [&](const storage::BookingSummary& row) { return have.contains(row.id); });
            appendRows(std::move(page));
        });
}

void BookingTableModel::reload() {
    if (!session())
        return; // nothing to read from
    if (!isLive()) {
        restart();
        return;
    }
    // As many rows as are loaded now (at least a page), and the count.
    load(
        session()->worker(),
        [userId = session()->userId(), search = m_search,
         wanted = std::max(rowCount(), kPageSize)](storage::Database& database) -> Result<Rows> {
            BookingSearchService service(database);
            Rows fresh;
            fresh.rows.reserve(wanted);
            while (fresh.rows.size() < wanted) {
                const int limit = std::min(static_cast<int>(wanted - fresh.rows.size()),
                                           BookingSearchService::kMaxPage);
                auto page =
                    service.page(userId, search, static_cast<int>(fresh.rows.size()), limit);
                if (!page)
                    return page.error();
                const bool last = page->size() < limit;
                fresh.rows.append(std::move(*page));
                if (last) {
                    fresh.exhausted = true;
                    break;
                }
            }
            auto total = service.count(userId, search);
            if (!total)
                return total.error();
            fresh.total = *total;
            return fresh;
        },
        [this](Rows fresh) {
            m_exhausted = fresh.exhausted;
            replaceRows(std::move(fresh.rows));
            setTotal(fresh.total);
        });
}

void BookingTableModel::sort(int column, Qt::SortOrder order) {
    storage::BookingSearch search = m_search;
    search.order = orderOf(column);
    search.descending = order == Qt::DescendingOrder;
    // Live, the same order again would only re-read what is already there.
    if (isLive() && search.order == m_search.order && search.descending == m_search.descending &&
        rowCount() > 0)
        return;
    setSearch(search);
}

bool BookingTableModel::rowChanged(const storage::BookingSummary& before,
                                   const storage::BookingSummary& after) const {
    return before.updatedAt != after.updatedAt || before.status != after.status ||
           before.notes != after.notes;
}

QVariant BookingTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::BookingSummary& b = rowAt(index.row());
    const QString zone = displayTimeZone();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Start: {
            if (zone.isEmpty())
                return b.startTime.toString(Qt::ISODate);
            const QDateTime local = zonedtime::toLocal(b.startTime, zone);
            return tr("%1 · %2").arg(TimeText::dayWithYear(local.date()),
                                     TimeText::time(local.time()));
        }
        case Duration:
            return tr("%n min", nullptr, static_cast<int>(b.startTime.secsTo(b.endTime) / 60));
        case Attendee:
            return b.attendeeName;
        case Email:
            return b.attendeeEmail;
        case Status:
            return StatusText::booking(b.status);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // The attendee's name and notes are theirs: shown as written, never as markup.
        if (index.column() == Start && !b.timeZone.isEmpty())
            return plainToolTip(tr("For %1: %2")
                                    .arg(b.attendeeName, TimeText::rangeWithZone(
                                                             b.startTime, b.endTime, b.timeZone)));
        if (index.column() == Attendee && !b.notes.isEmpty())
            return plainToolTip(b.notes);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return bookingRoleData(b, role, zone);
    }
}

QVariant BookingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Start:
        return tr("Start");
    case Duration:
        return tr("Length");
    case Attendee:
        return tr("Attendee");
    case Email:
        return tr("Email");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace slotdesk::models
