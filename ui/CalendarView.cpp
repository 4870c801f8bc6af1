#include "ui/CalendarView.h"

#include "models/CalendarItemModel.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"

#include "core/ZonedTime.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace slotdesk::ui {
namespace {

constexpr int kGutter = 64;      // hour labels left of the time grid
constexpr int kHeader = 58;      // day names above the time grid
constexpr int kMonthHeader = 30; // weekday names above the month grid
constexpr double kMinBlock = 20; // the shortest an item is drawn, so it stays readable
constexpr double kChipHeight = 20;
constexpr double kChipGap = 2;
constexpr double kCellTop = 28; // space for the day number in a month cell

using models::CalendarItem;

QDateTime midnight(const QDate& date) {
    return QDateTime(date, QTime(0, 0), Qt::UTC);
}

} // namespace

CalendarView::CalendarView(QWidget* parent)
    : QAbstractItemView(parent) {
    m_anchor = today();
    setObjectName(QStringLiteral("calendarView"));
    setAccessibleName(tr("Calendar"));
    setAccessibleDescription(tr("Arrow keys move between bookings; Page Up and Page Down change "
                                "the period; T goes to today; D, W and M switch to day, week "
                                "and month."));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(false);
    // The now-line moves; a repaint every 30 s keeps it within half a minute of the clock.
    m_nowLine.setInterval(30 * 1000);
    connect(&m_nowLine, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_nowLine.start();
}

void CalendarView::setModel(QAbstractItemModel* model) {
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QAbstractItemView::setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &CalendarView::invalidateLayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &CalendarView::invalidateLayout);
        connect(model, &QAbstractItemModel::rowsMoved, this, &CalendarView::invalidateLayout);
        connect(model, &QAbstractItemModel::modelReset, this, &CalendarView::invalidateLayout);
        connect(model, &QAbstractItemModel::layoutChanged, this, &CalendarView::invalidateLayout);
        connect(model, &QAbstractItemModel::dataChanged, this, &CalendarView::invalidateLayout);
    }
    invalidateLayout();
}

void CalendarView::setMode(Mode mode) {
    if (mode == m_mode)
        return;
    const QDate before = firstVisibleDate();
    const QDate lastBefore = lastVisibleDate();
    m_mode = mode;
    updateGeometries();
    invalidateLayout();
    if (m_mode != Mode::Month)
        scrollToWorkingHours();
    if (before != firstVisibleDate() || lastBefore != lastVisibleDate())
        emit rangeChanged(firstVisibleDate(), lastVisibleDate());
}

void CalendarView::setDate(const QDate& date) {
    if (!date.isValid())
        return;
    const QDate before = firstVisibleDate();
    const QDate lastBefore = lastVisibleDate();
    m_anchor = date;
    if (before != firstVisibleDate() || lastBefore != lastVisibleDate()) {
        invalidateLayout();
        emit rangeChanged(firstVisibleDate(), lastVisibleDate());
    }
}

QDate CalendarView::firstVisibleDate() const {
    const int weekStart = static_cast<int>(QLocale().firstDayOfWeek());
    auto startOfWeek = [&](const QDate& d) {
        return d.addDays(-((d.dayOfWeek() - weekStart + 7) % 7));
    };
    switch (m_mode) {
    case Mode::Day:
        return m_anchor;
    case Mode::Week:
        return startOfWeek(m_anchor);
    case Mode::Month:
        return startOfWeek(QDate(m_anchor.year(), m_anchor.month(), 1));
    }
    return m_anchor;
}

QDate CalendarView::lastVisibleDate() const {
    return firstVisibleDate().addDays(dayCount() - 1);
}

int CalendarView::dayCount() const {
    switch (m_mode) {
    case Mode::Day:
        return 1;
    case Mode::Week:
        return 7;
    case Mode::Month:
        return 42;
    }
    return 7;
}

void CalendarView::setTimeZone(const QString& zone) {
    if (zone.isEmpty() || zone == m_zone)
        return;
    m_zone = zone;
    invalidateLayout();
}

void CalendarView::setClock(core::Clock clock) {
    m_clock = std::move(clock);
    viewport()->update();
}

QDate CalendarView::today() const {
    return zonedtime::toLocal(now(), m_zone).date();
}

double CalendarView::hourHeight() const {
    if (m_hourHeight > 0)
        return m_hourHeight;
    return std::max(48.0, fontMetrics().height() * 3.0);
}

QRectF CalendarView::gridRect() const {
    const QRect area = viewport()->rect();
    return QRectF(kGutter, kHeader, std::max(0, area.width() - kGutter),
                  std::max(0, area.height() - kHeader));
}

double CalendarView::dayWidth() const {
    return gridRect().width() / (m_mode == Mode::Day ? 1 : 7);
}

QRectF CalendarView::monthCell(int index) const {
    const QRect area = viewport()->rect();
    const double w = area.width() / 7.0;
    const double h = (area.height() - kMonthHeader) / 6.0;
    return QRectF((index % 7) * w, kMonthHeader + (index / 7) * h, w, h);
}

void CalendarView::setSlotInterval(int minutes) {
    m_slotInterval = std::max(0, minutes);
}

void CalendarView::scrollToMinute(int minute) {
    updateGeometries();
    verticalScrollBar()->setValue(static_cast<int>(minute / 60.0 * hourHeight()));
}

void CalendarView::scrollToWorkingHours() {
    constexpr int kWorkdayTop = 7 * 60 + 30;
    const QDate now = today();
    int minute = kWorkdayTop;
    if (now >= firstVisibleDate() && now <= lastVisibleDate()) {
        const QTime local = zonedtime::toLocal(this->now(), m_zone).time();
        minute = std::clamp(local.hour() * 60 + local.minute() - 90, 0, kWorkdayTop);
    }
    scrollToMinute(minute);
}

void CalendarView::invalidateLayout() {
    m_layoutDirty = true;
    viewport()->update();
}

void CalendarView::ensureLayout() const {
    if (!m_layoutDirty)
        return;
    m_layoutDirty = false;
    m_segments.clear();
    m_moreLinks.clear();
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    m_firstSegmentOfRow.fill(-1, rows);
    if (rows == 0)
        return;
    if (m_mode == Mode::Month)
        layoutMonth();
    else
        layoutTimeGrid();
    for (int i = 0; i < m_segments.size(); ++i) {
        int& first = m_firstSegmentOfRow[m_segments.at(i).row];
        if (first < 0)
            first = i;
    }
}

void CalendarView::forEachItemDay(
    const std::function<void(int row, const QDateTime& start, const QDateTime& end, int day)>&
        visit) const {
    const QDate first = firstVisibleDate();
    const int days = dayCount();
    const int rows = model()->rowCount(rootIndex());
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        const QDateTime start = index.data(models::LocalStartRole).toDateTime();
        const QDateTime end = index.data(models::LocalEndRole).toDateTime();
        if (!start.isValid() || !end.isValid() || start >= end)
            continue;
        const qint64 fromDay = std::max<qint64>(0, first.daysTo(start.date()));
        const qint64 toDay = std::min<qint64>(days - 1, first.daysTo(end.addSecs(-1).date()));
        for (qint64 d = fromDay; d <= toDay; ++d)
            visit(row, start, end, static_cast<int>(d));
    }
}

void CalendarView::layoutTimeGrid() const {
    const QDate first = firstVisibleDate();
    const int days = dayCount();
    const double dw = dayWidth();
    const double hh = hourHeight();
    const double dayHeight = 24 * hh;
    QVector<QVector<int>> perDay(days);
    forEachItemDay([&](int row, const QDateTime& start, const QDateTime& end, int d) {
        const QDateTime dayStart = midnight(first.addDays(d));
        const QDateTime segStart = std::max(start, dayStart);
        const QDateTime segEnd = std::min(end, dayStart.addDays(1));
        if (segEnd <= segStart)
            return;
        double top = dayStart.secsTo(segStart) / 3600.0 * hh;
        double bottom = std::max(dayStart.secsTo(segEnd) / 3600.0 * hh, top + kMinBlock);
        if (bottom > dayHeight) {
            top = std::max(0.0, top - (bottom - dayHeight));
            bottom = dayHeight;
        }
        Segment segment;
        segment.row = row;
        segment.rect = QRectF(kGutter + d * dw, top, dw, bottom - top);
        segment.clippedTop = segStart > start;
        segment.clippedBottom = segEnd < end;
        perDay[d].append(static_cast<int>(m_segments.size()));
        m_segments.append(segment);
    });

    // Items that overlap share their day's width in columns.
    for (int d = 0; d < days; ++d) {
        QVector<int>& list = perDay[d];
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            const QRectF& ra = m_segments.at(a).rect;
            const QRectF& rb = m_segments.at(b).rect;
            return ra.top() != rb.top() ? ra.top() < rb.top() : ra.height() > rb.height();
        });
        const double x0 = kGutter + d * dw;
        const double usable = std::max(8.0, dw - 8);
        int clusterBegin = 0;
        double clusterBottom = -1;
        QVector<double> columnBottoms;
        QVector<int> columnOf(list.size(), 0);
        auto finish = [&](int begin, int end) {
            const int columns = std::max<int>(1, static_cast<int>(columnBottoms.size()));
            const double w = usable / columns;
            for (int k = begin; k < end; ++k) {
                QRectF& r = m_segments[list.at(k)].rect;
                r.setLeft(x0 + 1 + columnOf.at(k) * w);
                r.setWidth(std::max(4.0, w - 1));
            }
        };
        for (int k = 0; k < list.size(); ++k) {
            const QRectF& r = m_segments.at(list.at(k)).rect;
            if (k > 0 && r.top() >= clusterBottom) {
                finish(clusterBegin, k);
                clusterBegin = k;
                columnBottoms.clear();
            }
            int column = 0;
            while (column < columnBottoms.size() && columnBottoms.at(column) > r.top())
                ++column;
            if (column == columnBottoms.size())
                columnBottoms.append(r.bottom());
            else
                columnBottoms[column] = r.bottom();
            columnOf[k] = column;
            clusterBottom = k == clusterBegin ? r.bottom() : std::max(clusterBottom, r.bottom());
        }
        finish(clusterBegin, static_cast<int>(list.size()));
    }
}

void CalendarView::layoutMonth() const {
    const QDate first = firstVisibleDate();
    QVector<QVector<int>> perCell(42);
    forEachItemDay(
        [&](int row, const QDateTime&, const QDateTime&, int d) { perCell[d].append(row); });
    for (int cell = 0; cell < 42; ++cell) {
        const QVector<int>& items = perCell.at(cell);
        if (items.isEmpty())
            continue;
        const QRectF rect = monthCell(cell);
        const int capacity = std::max(
            0, static_cast<int>((rect.height() - kCellTop - 2) / (kChipHeight + kChipGap)));
        int shown = static_cast<int>(items.size());
        if (shown > capacity)
            shown = std::max(0, capacity - 1);
        for (int k = 0; k < shown; ++k) {
            Segment segment;
            segment.row = items.at(k);
            segment.rect =
                QRectF(rect.left() + 4, rect.top() + kCellTop + k * (kChipHeight + kChipGap),
                       rect.width() - 8, kChipHeight);
            m_segments.append(segment);
        }
        if (shown < items.size()) {
            MoreLink more;
            more.date = first.addDays(cell);
            more.count = static_cast<int>(items.size()) - shown;
            more.rect =
                QRectF(rect.left() + 4, rect.top() + kCellTop + shown * (kChipHeight + kChipGap),
                       rect.width() - 8, kChipHeight);
            m_moreLinks.append(more);
        }
    }
}

QRectF CalendarView::toViewport(const Segment& segment) const {
    if (m_mode == Mode::Month)
        return segment.rect;
    return segment.rect.translated(0, kHeader - verticalOffset());
}

QRect CalendarView::visualRect(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != model())
        return {};
    ensureLayout();
    const int row = index.row();
    if (row < 0 || row >= m_firstSegmentOfRow.size() || m_firstSegmentOfRow.at(row) < 0)
        return {};
    return toViewport(m_segments.at(m_firstSegmentOfRow.at(row))).toAlignedRect();
}

void CalendarView::scrollTo(const QModelIndex& index, ScrollHint hint) {
    if (m_mode == Mode::Month || !index.isValid())
        return;
    ensureLayout();
    const int row = index.row();
    if (row < 0 || row >= m_firstSegmentOfRow.size() || m_firstSegmentOfRow.at(row) < 0)
        return;
    const QRectF r = m_segments.at(m_firstSegmentOfRow.at(row)).rect;
    const double visible = gridRect().height();
    const int scroll = verticalOffset();
    if (hint == PositionAtTop || hint == PositionAtCenter) {
        const double target = hint == PositionAtTop ? r.top() - 8 : r.center().y() - visible / 2;
        verticalScrollBar()->setValue(static_cast<int>(target));
    } else if (r.top() < scroll) {
        verticalScrollBar()->setValue(static_cast<int>(r.top() - 8));
    } else if (r.bottom() > scroll + visible) {
        verticalScrollBar()->setValue(static_cast<int>(r.bottom() - visible + 8));
    }
}

QModelIndex CalendarView::indexAt(const QPoint& point) const {
    if (!model())
        return {};
    ensureLayout();
    if (m_mode != Mode::Month && !gridRect().contains(point))
        return {};
    // Later segments are painted on top: search from the end.
    for (int i = static_cast<int>(m_segments.size()) - 1; i >= 0; --i) {
        if (toViewport(m_segments.at(i)).contains(point))
            return model()->index(m_segments.at(i).row, 0, rootIndex());
    }
    return {};
}

QDate CalendarView::dateAt(const QPoint& point) const {
    if (m_mode == Mode::Month) {
        for (int cell = 0; cell < 42; ++cell) {
            if (monthCell(cell).contains(point))
                return firstVisibleDate().addDays(cell);
        }
        return {};
    }
    if (point.x() < kGutter)
        return {};
    const int day = static_cast<int>((point.x() - kGutter) / dayWidth());
    if (day < 0 || day >= dayCount())
        return {};
    return firstVisibleDate().addDays(day);
}

QModelIndex CalendarView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers) {
    if (!model())
        return {};
    ensureLayout();
    const int rows = model()->rowCount(rootIndex());
    auto shown = [&](int row) {
        return row >= 0 && row < m_firstSegmentOfRow.size() && m_firstSegmentOfRow.at(row) >= 0;
    };
    const int current = currentIndex().isValid() ? currentIndex().row() : -1;
    int row = -1;
    switch (cursorAction) {
    case MoveNext:
    case MoveDown:
    case MoveRight:
        row = current + 1;
        while (row < rows && !shown(row))
            ++row;
        break;
    case MovePrevious:
    case MoveUp:
    case MoveLeft:
        row = current < 0 ? rows - 1 : current - 1;
        while (row >= 0 && !shown(row))
            --row;
        break;
    case MoveHome:
        row = 0;
        while (row < rows && !shown(row))
            ++row;
        break;
    case MoveEnd:
        row = rows - 1;
        while (row >= 0 && !shown(row))
            --row;
        break;
    case MovePageUp:
    case MovePageDown:
        return currentIndex();
    }
    if (row < 0 || row >= rows)
        return currentIndex();
    return model()->index(row, 0, rootIndex());
}

int CalendarView::horizontalOffset() const {
    return 0;
}

int CalendarView::verticalOffset() const {
    return m_mode == Mode::Month ? 0 : verticalScrollBar()->value();
}

bool CalendarView::isIndexHidden(const QModelIndex& index) const {
    ensureLayout();
    const int row = index.row();
    return row < 0 || row >= m_firstSegmentOfRow.size() || m_firstSegmentOfRow.at(row) < 0;
}

void CalendarView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) {
    if (!model() || !selectionModel())
        return;
    ensureLayout();
    QItemSelection selection;
    const QRectF area = QRectF(rect).normalized();
    for (int i = static_cast<int>(m_segments.size()) - 1; i >= 0; --i) {
        if (toViewport(m_segments.at(i)).intersects(area)) {
            const QModelIndex index = model()->index(m_segments.at(i).row, 0, rootIndex());
            selection.select(index, index);
            if (selectionMode() == SingleSelection)
                break;
        }
    }
    selectionModel()->select(selection, command);
}

QRegion CalendarView::visualRegionForSelection(const QItemSelection& selection) const {
    QRegion region;
    ensureLayout();
    for (const auto& range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            for (const auto& segment : std::as_const(m_segments)) {
                if (segment.row == row)
                    region += toViewport(segment).toAlignedRect().adjusted(-3, -3, 3, 3);
            }
        }
    }
    return region;
}

void CalendarView::updateGeometries() {
    if (m_mode == Mode::Month) {
        verticalScrollBar()->setRange(0, 0);
    } else {
        const int content = static_cast<int>(24 * hourHeight());
        const int visible = static_cast<int>(gridRect().height());
        verticalScrollBar()->setRange(0, std::max(0, content - visible));
        verticalScrollBar()->setPageStep(std::max(1, visible));
        verticalScrollBar()->setSingleStep(static_cast<int>(hourHeight() / 2));
    }
    horizontalScrollBar()->setRange(0, 0);
    QAbstractItemView::updateGeometries();
}

void CalendarView::scrollContentsBy(int, int) {
    // The header and the hour labels stay put: repaint rather than blit.
    viewport()->update();
}

void CalendarView::resizeEvent(QResizeEvent* event) {
    QAbstractItemView::resizeEvent(event);
    invalidateLayout();
    updateGeometries();
}

void CalendarView::keyPressEvent(QKeyEvent* event) {
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    switch (event->key()) {
    case Qt::Key_PageUp:
        emit periodStepRequested(-1);
        event->accept();
        return;
    case Qt::Key_PageDown:
        emit periodStepRequested(1);
        event->accept();
        return;
    case Qt::Key_T:
        if (plain) {
            emit todayRequested();
            event->accept();
            return;
        }
        break;
    case Qt::Key_D:
    case Qt::Key_W:
    case Qt::Key_M:
        if (plain) {
            emit modeChangeRequested(event->key() == Qt::Key_D   ? Mode::Day
                                     : event->key() == Qt::Key_W ? Mode::Week
                                                                 : Mode::Month);
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_move.row >= 0) {
            endMove();
            event->accept();
            return;
        }
        if (currentIndex().isValid() || (selectionModel() && selectionModel()->hasSelection())) {
            clearSelection();
            setCurrentIndex({});
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractItemView::keyPressEvent(event);
}

void CalendarView::mousePressEvent(QMouseEvent* event) {
    ensureLayout();
    for (const auto& more : std::as_const(m_moreLinks)) {
        if (more.rect.contains(event->position())) {
            emit dayRequested(more.date);
            event->accept();
            return;
        }
    }
    // Decide before the base class acts: selecting may open a details panel beside the view,
    // which resizes it and moves the items under the pointer.
    const QModelIndex index = indexAt(event->position().toPoint());
    endMove();
    if (event->button() == Qt::LeftButton && isMovable(index)) {
        const QDateTime start = index.data(models::LocalStartRole).toDateTime();
        const QDateTime end = index.data(models::LocalEndRole).toDateTime();
        m_move.row = index.row();
        m_move.pressedAt = event->position();
        m_move.length = static_cast<int>(start.secsTo(end) / 60);
        m_move.originalStart = start;
        // Where it was grabbed, in minutes after its start: the ghost keeps that point under
        // the pointer.
        const QDateTime grabbed = wallClockAt(event->position());
        m_move.grabMinutes = grabbed.isValid() ? start.secsTo(grabbed) / 60.0 : 0.0;
    }
    QAbstractItemView::mousePressEvent(event);
    if (!index.isValid())
        setCurrentIndex({});
}

void CalendarView::mouseMoveEvent(QMouseEvent* event) {
    if (m_move.row < 0 || !(event->buttons() & Qt::LeftButton)) {
        QAbstractItemView::mouseMoveEvent(event);
        return;
    }
    if (!m_move.target.isValid() && (event->position() - m_move.pressedAt).manhattanLength() <
                                        QApplication::startDragDistance()) {
        return;
    }
    const QDateTime target = moveTargetAt(event->position());
    if (!target.isValid() || target == m_move.target) {
        event->accept();
        return;
    }
    m_move.target = target;
    m_move.overlaps = overlapsOf(m_move.row, target, m_move.length);
    viewport()->update();
    emit movePreviewChanged(target, m_move.overlaps);
    event->accept();
}

void CalendarView::mouseReleaseEvent(QMouseEvent* event) {
    const Move move = m_move;
    const bool moved = move.row >= 0 && move.target.isValid();
    if (moved)
        endMove();
    else
        m_move = {};
    QAbstractItemView::mouseReleaseEvent(event);
    if (moved && move.target != move.originalStart && model() &&
        move.row < model()->rowCount(rootIndex()))
        emit moveRequested(model()->index(move.row, 0, rootIndex()), move.target);
}

bool CalendarView::isMovable(const QModelIndex& index) const {
    if (!index.isValid() || m_mode == Mode::Month)
        return false;
    if (static_cast<CalendarItem::Kind>(index.data(models::KindRole).toInt()) !=
        CalendarItem::Kind::Booking)
        return false;
    const auto status = static_cast<BookingStatus>(index.data(models::StatusRole).toInt());
    if (status != BookingStatus::Pending && status != BookingStatus::Confirmed)
        return false;
    // A meeting that has begun stays where it happened.
    return index.data(models::StartUtcRole).toDateTime() > now();
}

QDateTime CalendarView::wallClockAt(const QPointF& point) const {
    const QRectF grid = gridRect();
    const double x = std::clamp(point.x(), grid.left(), grid.right() - 1);
    const QDate date = dateAt(QPoint(static_cast<int>(x), static_cast<int>(grid.top())));
    if (!date.isValid())
        return {};
    const double minutes = (point.y() - kHeader + verticalOffset()) / hourHeight() * 60.0;
    return midnight(date).addSecs(static_cast<qint64>(minutes * 60));
}

QDateTime CalendarView::moveTargetAt(const QPointF& point) const {
    const QDateTime pointer = wallClockAt(point);
    if (!pointer.isValid() || m_move.length <= 0)
        return {};
    const QDateTime day = midnight(pointer.date());
    const double minutes = day.secsTo(pointer) / 60.0 - m_move.grabMinutes;
    const int step = m_slotInterval > 0 ? m_slotInterval : m_move.length;
    const int lastStart = (24 * 60 - 1) / step * step;
    const int snapped =
        std::clamp(static_cast<int>(std::lround(minutes / step)) * step, 0, lastStart);
    return day.addSecs(snapped * 60LL);
}

QStringList CalendarView::overlapsOf(int row, const QDateTime& start, int length) const {
    QStringList titles;
    const QDateTime end = start.addSecs(length * 60LL);
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    for (int other = 0; other < rows; ++other) {
        if (other == row)
            continue;
        const QModelIndex index = model()->index(other, 0, rootIndex());
        if (index.data(models::LocalStartRole).toDateTime() < end &&
            start < index.data(models::LocalEndRole).toDateTime())
            titles.append(index.data(Qt::DisplayRole).toString());
    }
    return titles;
}

void CalendarView::endMove() {
    const bool shown = m_move.target.isValid();
    m_move = {};
    if (shown) {
        viewport()->update();
        emit movePreviewChanged({}, {});
    }
}

void CalendarView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (indexAt(event->position().toPoint()).isValid()) {
        QAbstractItemView::mouseDoubleClickEvent(event);
        return;
    }
    const QPoint point = event->position().toPoint();
    const bool onHeader = m_mode != Mode::Month && point.y() < kHeader;
    if ((m_mode == Mode::Month || onHeader || m_mode == Mode::Week) && dateAt(point).isValid() &&
        m_mode != Mode::Day)
        emit dayRequested(dateAt(point));
}

void CalendarView::paintEvent(QPaintEvent* event) {
    ensureLayout();
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    if (m_mode == Mode::Month)
        paintMonth(painter, event->rect());
    else
        paintTimeGrid(painter, event->rect());
}

void CalendarView::paintTimeGrid(QPainter& painter, const QRect& exposed) {
    const QPalette& pal = palette();
    const QRectF grid = gridRect();
    const double hh = hourHeight();
    const double dw = dayWidth();
    const int days = dayCount();
    const int scroll = verticalOffset();
    const QDate first = firstVisibleDate();
    const QDate now = today();
    const int todayColumn = static_cast<int>(first.daysTo(now));
    const bool showsToday = todayColumn >= 0 && todayColumn < days;
    const QColor line = Appearance::gridLine(pal);
    const QColor subtle = Appearance::subtleText(pal);

    // The grid, scrolled.
    painter.save();
    painter.setClipRect(grid.intersected(QRectF(exposed)));
    painter.translate(0, grid.top() - scroll);
    const double visibleTop = scroll + (exposed.top() - grid.top());
    const double visibleBottom = scroll + (exposed.bottom() - grid.top()) + 1;
    if (showsToday)
        painter.fillRect(QRectF(kGutter + todayColumn * dw, 0, dw, 24 * hh),
                         Appearance::todayFill(pal));
    QColor halfLine = line;
    halfLine.setAlphaF(0.45f);
    for (int h = 0; h <= 24; ++h) {
        const double y = std::floor(h * hh) + 0.5;
        if (y >= visibleTop - hh && y <= visibleBottom + hh) {
            painter.setPen(QPen(line, 1));
            painter.drawLine(QPointF(kGutter - 6, y), QPointF(grid.right(), y));
            if (h < 24) {
                painter.setPen(QPen(halfLine, 1, Qt::DotLine));
                painter.drawLine(QPointF(kGutter, y + hh / 2), QPointF(grid.right(), y + hh / 2));
            }
        }
    }
    painter.setPen(QPen(line, 1));
    for (int d = 0; d <= days; ++d) {
        const double x = std::floor(kGutter + d * dw) + 0.5;
        painter.drawLine(QPointF(x, visibleTop), QPointF(x, visibleBottom));
    }
    const BlockStyle style = blockStyle();
    for (const auto& segment : std::as_const(m_segments)) {
        if (segment.rect.bottom() < visibleTop || segment.rect.top() > visibleBottom)
            continue;
        paintBlock(painter, segment, style);
    }
    paintMoveGhost(painter, style);
    if (showsToday) {
        const QTime local = zonedtime::toLocal(this->now(), m_zone).time();
        const double y = (local.hour() * 60 + local.minute()) / 60.0 * hh;
        const QColor red = Appearance::danger(pal);
        QColor faint = red;
        faint.setAlphaF(0.35f);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(faint, 1));
        painter.drawLine(QPointF(kGutter, y), QPointF(grid.right(), y));
        painter.setPen(QPen(red, 2));
        const double x0 = kGutter + todayColumn * dw;
        painter.drawLine(QPointF(x0, y), QPointF(x0 + dw, y));
        painter.setPen(Qt::NoPen);
        painter.setBrush(red);
        painter.drawEllipse(QPointF(x0, y), 5, 5);
    }
    painter.restore();

    // Hour labels, scrolled with the grid but never over it.
    painter.save();
    painter.setClipRect(QRectF(0, grid.top(), kGutter, grid.height()));
    painter.translate(0, grid.top() - scroll);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    painter.setPen(subtle);
    const int labelHeight = QFontMetrics(small).height();
    for (int h = 1; h < 24; ++h) {
        const double y = h * hh;
        painter.drawText(QRectF(0, y - labelHeight / 2.0, kGutter - 10, labelHeight),
                         Qt::AlignRight | Qt::AlignVCenter, models::TimeText::time(QTime(h, 0)));
    }
    painter.restore();

    // Day header.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(0, 0, viewport()->width(), kHeader), pal.color(QPalette::Base));
    QFont dayName = small;
    dayName.setCapitalization(QFont::AllUppercase);
    dayName.setLetterSpacing(QFont::PercentageSpacing, 106);
    QFont number = font();
    number.setPointSizeF(font().pointSizeF() * 1.45);
    const QLocale locale;
    for (int d = 0; d < days; ++d) {
        const QDate date = first.addDays(d);
        const QRectF cell(kGutter + d * dw, 0, dw, kHeader);
        const bool isToday = date == now;
        painter.setFont(dayName);
        painter.setPen(isToday ? Appearance::accent(pal) : subtle);
        painter.drawText(QRectF(cell.left(), 6, cell.width(), 16), Qt::AlignHCenter | Qt::AlignTop,
                         locale.dayName(date.dayOfWeek(), QLocale::ShortFormat));
        painter.setFont(number);
        const QRectF numberRect(cell.center().x() - 16, 22, 32, 32);
        if (isToday) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(Appearance::accent(pal));
            painter.drawEllipse(numberRect);
            painter.setPen(Appearance::onAccent(pal));
        } else {
            painter.setPen(pal.color(QPalette::Text));
        }
        painter.drawText(numberRect, Qt::AlignCenter, QString::number(date.day()));
    }
    painter.setFont(small);
    painter.setPen(subtle);
    painter.drawText(
        QRectF(0, kHeader - 22, kGutter - 8, 18), Qt::AlignRight | Qt::AlignVCenter,
        models::TimeText::utcOffset(this->now(), m_zone).replace(QStringLiteral(":00"), QString()));
    painter.setPen(QPen(line, 1));
    painter.drawLine(QPointF(0, kHeader - 0.5), QPointF(viewport()->width(), kHeader - 0.5));
    painter.restore();
}

CalendarView::BlockStyle CalendarView::blockStyle() const {
    const QPalette& pal = palette();
    BlockStyle style;
    style.text = pal.color(QPalette::Text);
    style.accent = Appearance::accent(pal);
    style.onAccent = Appearance::onAccent(pal);
    style.pending = Appearance::pending(pal);
    style.pendingFill = Appearance::pendingFill(pal);
    QColor hatch = style.pending;
    hatch.setAlphaF(0.22f);
    style.hatch = QBrush(hatch, Qt::BDiagPattern);
    style.busyFill = Appearance::busyFill(pal);
    style.busyText = Appearance::busyText(pal);
    style.busyBar = style.busyText;
    style.busyBar.setAlphaF(0.6f);
    style.title = font();
    style.title.setPointSizeF(font().pointSizeF() * 0.9);
    style.title.setWeight(QFont::DemiBold);
    style.detail = style.title;
    style.detail.setWeight(QFont::Normal);
    style.titleHeight = QFontMetricsF(style.title).height();
    return style;
}

namespace {

// A busy event's calendar, where it has a colour: a stripe of it down the left edge.
void paintCalendarColor(QPainter& painter, const QRectF& box, const QModelIndex& index) {
    const QColor color(index.data(models::CalendarColorRole).toString());
    if (!color.isValid())
        return;
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRect(
        QRectF(box.left(), box.top() + 1, std::min(4.0, box.width() / 3), box.height() - 2));
    painter.restore();
}

} // namespace

void CalendarView::paintBlock(QPainter& painter, const Segment& segment, const BlockStyle& style) {
    const QModelIndex index = model()->index(segment.row, 0, rootIndex());
    const auto kind = static_cast<CalendarItem::Kind>(index.data(models::KindRole).toInt());
    const auto status = static_cast<BookingStatus>(index.data(models::StatusRole).toInt());
    const bool busy = kind == CalendarItem::Kind::BusyEvent;
    const bool pending = !busy && status == BookingStatus::Pending;
    const bool selected = selectionModel() && selectionModel()->isSelected(index);
    const QRectF box = segment.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor fill = busy ? style.busyFill : pending ? style.pendingFill : style.accent;

    // Slivers (many overlapping items) are plain rectangles: nothing finer would show, and a
    // crowded week must still paint within a frame.
    if (box.width() < 10 || box.height() < 10) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.fillRect(box, fill);
        if (pending) {
            painter.setPen(style.pending);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        }
        if (selected) {
            painter.setPen(QPen(style.text, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(box);
        }
        return;
    }

    const double radius = std::min(5.0, box.height() / 3);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, radius, radius);
    QColor text = style.onAccent;
    if (busy) {
        // The bar down the left edge in the colour of the event's calendar, where it has one.
        const QColor own(index.data(models::CalendarColorRole).toString());
        painter.setBrush(own.isValid() ? own : style.busyBar);
        painter.drawRoundedRect(QRectF(box.left(), box.top(), 3, box.height()), 1.5, 1.5);
        text = style.busyText;
    } else if (pending) {
        // Hatched and outlined: a request, not yet a meeting.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.fillRect(box.adjusted(2, 2, -2, -2), style.hatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(style.pending, 1.2, box.width() < 24 ? Qt::SolidLine : Qt::DashLine));
        painter.drawRoundedRect(box.adjusted(0.6, 0.6, -0.6, -0.6), radius, radius);
        text = style.text;
    }
    if (selected) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(style.text, 2));
        painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), radius + 1, radius + 1);
    }
    if (box.width() < 26 || box.height() < 14)
        return;

    const QRectF textRect = box.adjusted(busy ? 7 : 6, 2, -4, -1);
    const QString name = index.data(Qt::DisplayRole).toString();
    const QDateTime start = index.data(models::LocalStartRole).toDateTime();
    painter.setPen(text);
    painter.setFont(style.title);
    const QFontMetricsF titleMetrics(style.title);
    if (textRect.height() >= style.titleHeight * 2) {
        const QDateTime end = index.data(models::LocalEndRole).toDateTime();
        QString when = tr("%1–%2").arg(models::TimeText::time(start.time()),
                                       models::TimeText::time(end.time()));
        if (pending)
            when = tr("%1 · pending").arg(when);
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                         titleMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
        painter.setFont(style.detail);
        painter.drawText(
            textRect.adjusted(0, style.titleHeight, 0, 0),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
            QFontMetricsF(style.detail).elidedText(when, Qt::ElideRight, textRect.width()));
    } else {
        const QString line = tr("%1, %2").arg(name, models::TimeText::time(start.time()));
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                         titleMetrics.elidedText(line, Qt::ElideRight, textRect.width()));
    }
}

void CalendarView::paintMoveGhost(QPainter& painter, const BlockStyle& style) {
    if (!m_move.target.isValid())
        return;
    const QDate first = firstVisibleDate();
    const double hh = hourHeight();
    const QDateTime end = m_move.target.addSecs(m_move.length * 60LL);
    const QColor edge = m_move.overlaps.isEmpty() ? style.accent : Appearance::danger(palette());
    QColor fill = edge;
    fill.setAlphaF(0.22f);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (int d = 0; d < dayCount(); ++d) {
        const QDateTime dayStart = midnight(first.addDays(d));
        const QDateTime from = std::max(m_move.target, dayStart);
        const QDateTime to = std::min(end, dayStart.addDays(1));
        if (to <= from)
            continue;
        const QRectF box(kGutter + d * dayWidth() + 2, dayStart.secsTo(from) / 3600.0 * hh,
                         dayWidth() - 5, std::max(kMinBlock, from.secsTo(to) / 3600.0 * hh));
        // Opaque: what it would cover must not show through its text.
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRoundedRect(box, 5, 5);
        painter.setBrush(fill);
        painter.setPen(QPen(edge, 2, Qt::DashLine));
        painter.drawRoundedRect(box, 5, 5);
        painter.setPen(style.text);
        painter.setFont(style.title);
        painter.drawText(box.adjusted(6, 2, -4, -1), Qt::AlignLeft | Qt::AlignTop,
                         tr("%1–%2").arg(models::TimeText::time(m_move.target.time()),
                                         models::TimeText::time(end.time())));
    }
    painter.restore();
}

void CalendarView::paintMonth(QPainter& painter, const QRect& exposed) {
    Q_UNUSED(exposed)
    const QPalette& pal = palette();
    const QColor line = Appearance::gridLine(pal);
    const QColor subtle = Appearance::subtleText(pal);
    const QDate first = firstVisibleDate();
    const QDate now = today();
    const QLocale locale;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    QFont weekday = small;
    weekday.setCapitalization(QFont::AllUppercase);
    weekday.setLetterSpacing(QFont::PercentageSpacing, 106);

    painter.setFont(weekday);
    painter.setPen(subtle);
    for (int c = 0; c < 7; ++c) {
        const QRectF cell = monthCell(c);
        painter.drawText(QRectF(cell.left(), 0, cell.width(), kMonthHeader), Qt::AlignCenter,
                         locale.dayName(first.addDays(c).dayOfWeek(), QLocale::ShortFormat));
    }
    QColor outside = pal.color(QPalette::AlternateBase);
    outside.setAlphaF(0.55f);
    for (int i = 0; i < 42; ++i) {
        const QRectF cell = monthCell(i);
        const QDate date = first.addDays(i);
        if (date.month() != m_anchor.month())
            painter.fillRect(cell, outside);
        if (date == now)
            painter.fillRect(cell, Appearance::todayFill(pal));
    }
    painter.setPen(QPen(line, 1));
    for (int r = 0; r <= 6; ++r) {
        const double y = std::floor(monthCell(r * 7).top()) + 0.5;
        painter.drawLine(QPointF(0, y), QPointF(viewport()->width(), y));
    }
    for (int c = 1; c < 7; ++c) {
        const double x = std::floor(monthCell(c).left()) + 0.5;
        painter.drawLine(QPointF(x, kMonthHeader), QPointF(x, viewport()->height()));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(small);
    for (int i = 0; i < 42; ++i) {
        const QRectF cell = monthCell(i);
        const QDate date = first.addDays(i);
        const QString label =
            date.day() == 1 ? models::TimeText::dayMonth(date) : QString::number(date.day());
        const QRectF numberRect(cell.left() + 6, cell.top() + 4, 24, 20);
        if (date == now) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(Appearance::accent(pal));
            painter.drawEllipse(QRectF(numberRect.left(), numberRect.top(), 22, 20));
            painter.setPen(Appearance::onAccent(pal));
            painter.drawText(QRectF(numberRect.left(), numberRect.top(), 22, 20), Qt::AlignCenter,
                             label);
        } else {
            painter.setPen(date.month() == m_anchor.month() ? pal.color(QPalette::Text) : subtle);
            painter.drawText(QRectF(cell.left() + 8, cell.top() + 4, cell.width() - 12, 20),
                             Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    for (const auto& segment : std::as_const(m_segments))
        paintChip(painter, segment, segment.rect);
    painter.setFont(small);
    painter.setPen(subtle);
    for (const auto& more : std::as_const(m_moreLinks))
        painter.drawText(more.rect.adjusted(6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("+%n more", nullptr, more.count));
}

void CalendarView::paintChip(QPainter& painter, const Segment& segment, const QRectF& rect) {
    const QModelIndex index = model()->index(segment.row, 0, rootIndex());
    const QPalette& pal = palette();
    const auto kind = static_cast<CalendarItem::Kind>(index.data(models::KindRole).toInt());
    const auto status = static_cast<BookingStatus>(index.data(models::StatusRole).toInt());
    const bool selected = selectionModel() && selectionModel()->isSelected(index);
    const QRectF box = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    QColor text = pal.color(QPalette::Text);
    painter.setRenderHint(QPainter::Antialiasing);
    if (kind == CalendarItem::Kind::BusyEvent) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Appearance::busyFill(pal));
        painter.drawRoundedRect(box, 4, 4);
        paintCalendarColor(painter, box, index);
        text = Appearance::busyText(pal);
    } else if (status == BookingStatus::Pending) {
        painter.setBrush(Appearance::pendingFill(pal));
        painter.setPen(QPen(Appearance::pending(pal), 1.1, Qt::DashLine));
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Appearance::accent(pal));
        painter.drawRoundedRect(box, 4, 4);
        text = Appearance::onAccent(pal);
    }
    if (selected) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(pal.color(QPalette::Text), 2));
        painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), 5, 5);
    }
    const QDateTime start = index.data(models::LocalStartRole).toDateTime();
    const QString label = tr("%1  %2").arg(models::TimeText::time(start.time()),
                                           index.data(Qt::DisplayRole).toString());
    QFont chipFont = font();
    chipFont.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(chipFont);
    painter.setPen(text);
    const QRectF textRect = box.adjusted(6, 0, -4, 0);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     QFontMetricsF(chipFont).elidedText(label, Qt::ElideRight, textRect.width()));
}

} // namespace slotdesk::ui
