#pragma once
// ApprovalsPage: the queue of booking requests, oldest first, as cards. Approve or reject one or
// several at once (Ctrl+Enter / Ctrl+Backspace); approving warns first when a request now
// collides with something.

#include <QWidget>

class QListView;
class QPushButton;
class QStackedWidget;

namespace slotdesk::models {
class AdminSession;
class PendingBookingModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class BookingActions;
class EmptyState;
class PageHeader;

class ApprovalsPage : public QWidget {
    Q_OBJECT
public:
    ApprovalsPage(models::AdminSession* session, models::PendingBookingModel* model,
                  BookingActions* actions, QWidget* parent = nullptr);

    [[nodiscard]] QListView* list() const { return m_list; }
    [[nodiscard]] QStringList selectedIds() const;

public slots:
    void approveSelected();
    void rejectSelected(const QString& reason);
    // Asks for an optional reason, then rejects.
    void askRejectSelected();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateState();
    // Like a mail client: with nothing selected, the oldest request is ready for the keyboard.
    void selectFirstRequest();

    models::PendingBookingModel* m_model;
    BookingActions* m_actions;
    PageHeader* m_header;
    QListView* m_list;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    QPushButton* m_approve;
    QPushButton* m_reject;
};

} // namespace slotdesk::ui
