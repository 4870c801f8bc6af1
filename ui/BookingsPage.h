#pragma once
// BookingsPage: every booking in a sortable table with a status filter, a date range and a text
// search; the selected booking's details beside it, moving a booking or request to another
// time, and cancelling a confirmed booking with a reason. The table reads lazily, so it opens at
// once on a hundred thousand bookings.

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace slotdesk::models {
class AdminSession;
class BookingFilterProxyModel;
class BookingTableModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class BookingActions;
class BookingDetailsPanel;
class EmptyState;
class PageHeader;

class BookingsPage : public QWidget {
    Q_OBJECT
public:
    enum class Range { Upcoming, Past, All, Custom };

    BookingsPage(models::AdminSession* session, BookingActions* actions, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] models::BookingTableModel* sourceModel() const { return m_model; }
    [[nodiscard]] models::BookingFilterProxyModel* proxyModel() const { return m_proxy; }
    [[nodiscard]] QComboBox* statusFilter() const { return m_status; }
    [[nodiscard]] QComboBox* rangeFilter() const { return m_range; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit* toEdit() const { return m_to; }

public slots:
    // Applies the filter fields now (they also apply themselves as they change).
    void applyFilters();
    void cancelSelected();
    // Asks, then erases the selected booking's attendee's data (BookingActions::askAndForget).
    void forgetSelected();

private:
    void updateState();
    void updateDetails();
    [[nodiscard]] QString currentId() const;

    models::AdminSession* m_session;
    BookingActions* m_actions;
    models::BookingTableModel* m_model;
    models::BookingFilterProxyModel* m_proxy;
    PageHeader* m_header;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_range;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QTableView* m_table;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    BookingDetailsPanel* m_details;
    QPushButton* m_cancel;
    QPushButton* m_reschedule;
    QPushButton* m_forget;
    QTimer* m_searchDelay;
};

} // namespace slotdesk::ui
