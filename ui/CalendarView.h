#pragma once
// CalendarView: the admin's calendar — a day or week time grid, or a month grid — painting the
// items of a model with CalendarItemModel's roles (wall-clock times in LocalStartRole and
// LocalEndRole, KindRole, StatusRole). Confirmed bookings are filled, pending ones hatched and
// outlined, busy events grey. A red line marks now in the admin's zone. It is a real item view:
// selection, keyboard navigation (arrows walk the items, PageUp/PageDown change the period,
// T = today, D/W/M = day/week/month) and tooltips come from QAbstractItemView.
//
// In the day and week grids a future booking can be dragged to another time: it snaps to the
// slot grid, a ghost shows where it would go (red when it would overlap another item), Escape
// gives up, and dropping it asks the page to move it (moveRequested) — the view itself changes
// nothing.

#include "core/Clock.h"

#include <QAbstractItemView>
#include <QBrush>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QTimer>
#include <QVector>

#include <functional>

namespace slotdesk::ui {

class CalendarView : public QAbstractItemView {
    Q_OBJECT
public:
    enum class Mode { Day, Week, Month };
    Q_ENUM(Mode)

    explicit CalendarView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    // Any date inside the period to show.
    void setDate(const QDate& date);
    [[nodiscard]] QDate date() const { return m_anchor; }
    [[nodiscard]] QDate firstVisibleDate() const;
    [[nodiscard]] QDate lastVisibleDate() const;
    // The zone "today" and the now-line are in (the admin's).
    void setTimeZone(const QString& zone);
    [[nodiscard]] QString timeZone() const { return m_zone; }
    // Where "now" comes from (the session's clock; tests and benchmarks pin it).
    void setClock(core::Clock clock);
    [[nodiscard]] QDateTime now() const { return m_clock.now(); }
    // The minutes between slot starts that a dragged booking snaps to, counted from local
    // midnight; 0 = the booking's own length (the slot engine's rule for an interval of 0).
    void setSlotInterval(int minutes);
    // Scrolls a day or week grid so that `minute` after midnight is at the top.
    void scrollToMinute(int minute);
    // Scrolls a day or week grid to the start of the working day — earlier if that is needed to
    // show the now-line.
    void scrollToWorkingHours();

    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;
    // The date under `point` (a day column or a month cell), if any.
    [[nodiscard]] QDate dateAt(const QPoint& point) const;

signals:
    void rangeChanged(const QDate& first, const QDate& last);
    void modeChangeRequested(slotdesk::ui::CalendarView::Mode mode);
    void periodStepRequested(int step);
    void todayRequested();
    // A day was double-clicked (or its "+N more" clicked): show it on its own.
    void dayRequested(const QDate& date);
    // While a booking is dragged: the wall-clock start it would get (in the view's zone) and the
    // titles of the items it would then overlap; an invalid time once the drag is over.
    void movePreviewChanged(const QDateTime& localStart, const QStringList& overlaps);
    // A booking was dropped at a new wall-clock start in the view's zone, its length unchanged.
    void moveRequested(const QModelIndex& index, const QDateTime& localStart);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex& index) const override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    struct Segment {
        int row = -1;
        QRectF rect; // day/week: x in viewport, y in grid content; month: viewport
        bool clippedTop = false;
        bool clippedBottom = false;
    };
    struct MoreLink {
        QDate date;
        int count = 0;
        QRectF rect;
    };

    void invalidateLayout();
    void ensureLayout() const;
    // Calls visit(row, start, end, day) for each visible day (0 = firstVisibleDate()) that the
    // wall-clock span [start, end) of the model's `row` touches; rows without a usable span
    // are skipped.
    void forEachItemDay(const std::function<void(int row, const QDateTime& start,
                                                 const QDateTime& end, int day)>& visit) const;
    void layoutTimeGrid() const;
    void layoutMonth() const;
    [[nodiscard]] int dayCount() const;
    [[nodiscard]] QRectF gridRect() const; // the viewport area of the time grid
    [[nodiscard]] double dayWidth() const;
    [[nodiscard]] double hourHeight() const;
    [[nodiscard]] QRectF monthCell(int index) const;
    [[nodiscard]] QRectF toViewport(const Segment& segment) const;
    [[nodiscard]] QDate today() const;

    void paintTimeGrid(QPainter& painter, const QRect& exposed);
    void paintMonth(QPainter& painter, const QRect& exposed);
    // What painting a block needs, worked out once per paint rather than once per item.
    struct BlockStyle {
        QColor text, accent, onAccent, pending, pendingFill, busyFill, busyText, busyBar;
        QBrush hatch;
        QFont title, detail;
        double titleHeight = 0;
    };
    [[nodiscard]] BlockStyle blockStyle() const;
    void paintBlock(QPainter& painter, const Segment& segment, const BlockStyle& style);
    void paintChip(QPainter& painter, const Segment& segment, const QRectF& rect);

    // A booking being dragged to another time.
    struct Move {
        int row = -1;            // -1: none
        QPointF pressedAt;       // viewport
        double grabMinutes = 0;  // from the booking's start to where it was grabbed
        int length = 0;          // minutes
        QDateTime originalStart; // wall clock
        QDateTime target;        // wall clock; valid once the pointer has moved far enough
        QStringList overlaps;    // titles of the items the target overlaps
    };
    [[nodiscard]] bool isMovable(const QModelIndex& index) const;
    // The wall-clock time under `point` in the day or week grid (x clamped to the days shown).
    [[nodiscard]] QDateTime wallClockAt(const QPointF& point) const;
    // The snapped wall-clock start for the pointer at `point`, or an invalid time off the grid.
    [[nodiscard]] QDateTime moveTargetAt(const QPointF& point) const;
    [[nodiscard]] QStringList overlapsOf(int row, const QDateTime& start, int length) const;
    void endMove();
    void paintMoveGhost(QPainter& painter, const BlockStyle& style);

    Mode m_mode = Mode::Week;
    int m_slotInterval = 0;
    Move m_move;
    QDate m_anchor;
    QString m_zone = QStringLiteral("UTC");
    core::Clock m_clock;
    QTimer m_nowLine;
    int m_hourHeight = 0;

    mutable bool m_layoutDirty = true;
    mutable QVector<Segment> m_segments;
    mutable QVector<int> m_firstSegmentOfRow;
    mutable QVector<MoreLink> m_moreLinks;
};

} // namespace slotdesk::ui
