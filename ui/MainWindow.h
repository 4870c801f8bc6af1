#pragma once
// MainWindow: the admin's window — a navigation sidebar (with the pending-request badge) and one
// page per area: calendar, approvals, bookings, availability, integrations, settings. It owns
// the AdminSession every page works from (whose worker thread does the window's database work),
// the tray icon and its notifications, the first-run onboarding, and remembers its geometry and
// last page.

#include "core/Clock.h"

#include <QMainWindow>
#include <QUrl>

#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace slotdesk {
struct Booking;
class CalendarSyncService;
namespace zoom {
class ZoomService;
}
namespace backup {
class BackupScheduler;
}
} // namespace slotdesk

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {
class AdminSession;
class PendingBookingModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class ApprovalsPage;
class AvailabilityPage;
class BookingActions;
class BookingsPage;
class CalendarPage;
class IntegrationsPage;
class OnboardingDialog;
class RequestNotifier;
class SettingsPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(storage::Database& database, QWidget* parent = nullptr);
    // For the admin named `username` (a database with several admins needs one).
    MainWindow(storage::Database& database, const QString& username, QWidget* parent = nullptr);
    // ... reading "now" from `clock`.
    MainWindow(storage::Database& database, const QString& username, core::Clock clock,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    enum Page { Calendar, Approvals, Bookings, Availability, Integrations, Settings, PageCount };
    [[nodiscard]] Page currentPage() const;
    void showPage(Page page);
    // "calendar", "approvals", ... (any case) → the page.
    static std::optional<Page> pageFromName(const QString& name);

    // Google Calendar and Zoom for the Integrations page; approve/cancel/reject then sync both
    // at once, so a Zoom link and the calendar event follow within seconds. Either may be null;
    // not owned (they must outlive the window or be set to null first).
    void setIntegrationServices(CalendarSyncService* calendar, zoom::ZoomService* zoom);
    // The daily backups, for Settings → Backups ("Back up now"). Not owned.
    void setBackupScheduler(backup::BackupScheduler* scheduler);

    [[nodiscard]] models::AdminSession* session() const { return m_session; }
    [[nodiscard]] BookingActions* bookingActions() const { return m_actions; }
    [[nodiscard]] CalendarPage* calendarPage() const { return m_calendar; }
    [[nodiscard]] ApprovalsPage* approvalsPage() const { return m_approvals; }
    [[nodiscard]] BookingsPage* bookingsPage() const { return m_bookings; }
    [[nodiscard]] AvailabilityPage* availabilityPage() const { return m_availability; }
    [[nodiscard]] IntegrationsPage* integrationsPage() const { return m_integrations; }
    [[nodiscard]] SettingsPage* settingsPage() const { return m_settings; }
    // The count on the Approvals badge (and the tray icon).
    [[nodiscard]] int pendingBadge() const;
    [[nodiscard]] QSystemTrayIcon* trayIcon() const { return m_tray; }
    [[nodiscard]] RequestNotifier* requestNotifier() const { return m_notifier; }

public slots:
    // What the booking server reports: its URL, whether it is serving, and why not.
    void setBookingLink(const QUrl& url, bool online, const QString& problem);
    // The first-run dialog (window-modal); created automatically when shown without an admin.
    OnboardingDialog* startOnboarding();

signals:
    // The admin changed where the booking server should listen (saved in QSettings already).
    void listenAddressChanged(const QString& address, quint16 port);
    // The admin changed the public address attendees use (saved in QSettings already).
    void publicUrlChanged(const QUrl& publicUrl);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeSidebar();
    void createMenus();
    void createTray();
    void createNotifier();
    void updateBadge(int count);
    void updateSignedIn();
    // Once the profile has been read and the window is shown: onboarding if there is no admin.
    void checkOnboarding();
    void notifyNewRequests(const QVector<Booking>& bookings);
    void showNotice(const QString& text, int milliseconds = 5000);
    void restoreState();
    void saveState() const;
    void quit();

    storage::Database& m_database;
    models::AdminSession* m_session;
    models::PendingBookingModel* m_pending;
    BookingActions* m_actions;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    CalendarPage* m_calendar = nullptr;
    ApprovalsPage* m_approvals = nullptr;
    BookingsPage* m_bookings = nullptr;
    AvailabilityPage* m_availability = nullptr;
    IntegrationsPage* m_integrations = nullptr;
    SettingsPage* m_settings = nullptr;
    QLabel* m_adminLabel = nullptr;
    QLabel* m_linkLabel = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    RequestNotifier* m_notifier = nullptr;
    QMetaObject::Connection m_syncAfterDecision;
    QMetaObject::Connection m_calendarAfterZoom;
    QString m_signedIn;
    QUrl m_link;
    bool m_linkOnline = false;
    bool m_quitting = false;
    bool m_onboardingChecked = false;
    bool m_toldAboutTray = false;
};

} // namespace slotdesk::ui
