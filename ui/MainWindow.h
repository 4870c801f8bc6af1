#pragma once
// MainWindow: the admin's window — a navigation sidebar and one page per area (calendar,
// approvals, bookings, availability, integrations, settings).

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(storage::Database& database, QWidget* parent = nullptr);

    enum Page { Calendar, Approvals, Bookings, Availability, Integrations, Settings, PageCount };
    [[nodiscard]] Page currentPage() const;
    void showPage(Page page);

private:
    QWidget* makePlaceholder(const QString& title, const QString& text);

    storage::Database& m_database;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
};

} // namespace slotdesk::ui
