#pragma once
// CalendarPage: the calendar with its toolbar (today, previous/next, the period's title, day /
// week / month, a legend, "Loading…" while a period is read) and a details panel for the
// selected booking or busy event. A booking dragged in the day or week grid is moved through
// BookingActions (which asks first); while it is dragged a line under the calendar says where it
// would go and what it would overlap.

#include "ui/CalendarView.h"

#include <QWidget>

class QButtonGroup;
class QLabel;

namespace slotdesk::models {
class AdminSession;
class CalendarItemModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class BookingActions;
class BookingDetailsPanel;

class CalendarPage : public QWidget {
    Q_OBJECT
public:
    CalendarPage(models::AdminSession* session, BookingActions* actions, QWidget* parent = nullptr);

    [[nodiscard]] CalendarView* view() const { return m_view; }
    [[nodiscard]] models::CalendarItemModel* model() const { return m_model; }
    [[nodiscard]] BookingDetailsPanel* details() const { return m_details; }
    [[nodiscard]] QString periodTitle() const;

public slots:
    void setMode(slotdesk::ui::CalendarView::Mode mode);
    void goToday();
    void step(int periods);
    void showDay(const QDate& date);

private:
    [[nodiscard]] QDate today() const;
    void updateRange();
    void updateTitle();
    void updateDetails();
    // The slot grid a dragged booking snaps to: the admin's slot interval.
    void loadSlotInterval();
    void showMovePreview(const QDateTime& localStart, const QStringList& overlaps);
    void requestMove(const QModelIndex& index, const QDateTime& localStart);

    models::AdminSession* m_session;
    BookingActions* m_actions;
    models::CalendarItemModel* m_model;
    CalendarView* m_view;
    BookingDetailsPanel* m_details;
    QLabel* m_title;
    QLabel* m_zone;
    QLabel* m_loading;
    QLabel* m_moveHint;
    QButtonGroup* m_modes;
};

} // namespace slotdesk::ui
