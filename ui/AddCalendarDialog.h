#pragma once
// AddCalendarDialog: the Integrations page's "Add calendar…" — one of three kinds:
//   Google Calendar: hands over to the Google card's Connect (googleRequested(), then closes);
//   CalDAV: server address, username, app password and an optional name; "Test connection"
//           lists the account's calendars (with their colours) as "blocks my time" checkboxes;
//           Add stores the account with the unticked calendars not blocking;
//   ICS feed: the feed's address (a secret, shown masked) and an optional name.
// The service lives on the desktop's service thread: the dialog calls it there
// (models::invokeOnThread) and follows its signals. While a request runs the inputs and the
// action buttons are disabled and a line says what is going on; Cancel and Esc stay safe (an add
// already sent completes on the service and the new calendar shows on the page). Problems show
// beside the field they name (url, username, password), others under the form.

#include "ui/FormFeedback.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace slotdesk {
class CalendarSyncService;
namespace caldav {
struct Discovery;
}
} // namespace slotdesk

namespace slotdesk::ui {

class AddCalendarDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Google, CalDav, IcsFeed };

    // `calendar` may be null: nothing can be added then. Not owned.
    explicit AddCalendarDialog(CalendarSyncService* calendar, QWidget* parent = nullptr);

    void setKind(Kind kind);
    [[nodiscard]] Kind kind() const;
    [[nodiscard]] bool isBusy() const { return m_busy != Busy::Idle; }
    // The problem shown beside `field` ("url", "username", "password"), or under the form when
    // `field` is empty; "" when none.
    [[nodiscard]] QString problem(const QString& field = {}) const;

signals:
    // The admin chose Google Calendar: the Google card's Connect takes over.
    void googleRequested();
    // A calendar integration was added (the dialog closes).
    void calendarAdded(const QString& integrationId, const QString& message);

private:
    enum class Busy { Idle, Testing, Adding };

    QWidget* makeGooglePage();
    QWidget* makeCalDavPage();
    QWidget* makeIcsPage();
    void testConnection();
    void add();
    void showDiscovery(bool ok, const QString& field, const QString& message,
                       const caldav::Discovery& discovery);
    void showAdded(bool ok, const QString& integrationId, const QString& field,
                   const QString& message);
    void setBusy(Busy busy);
    void updateButtons();
    void clearCalendars();
    [[nodiscard]] FormFeedback& feedback();
    // The message for `field`, naming it.
    [[nodiscard]] QString withFieldName(const QString& field, const QString& message) const;

    QPointer<CalendarSyncService> m_calendar;
    Busy m_busy = Busy::Idle;
    // Whether the calendars listed are what the fields now say (else Add tests again).
    bool m_discovered = false;

    QButtonGroup* m_kinds;
    QStackedWidget* m_pages;
    QLineEdit* m_calDavUrl = nullptr;
    QLineEdit* m_calDavUser = nullptr;
    QLineEdit* m_calDavPassword = nullptr;
    QLineEdit* m_calDavName = nullptr;
    QPushButton* m_test = nullptr;
    QWidget* m_calendarBox = nullptr;
    QVBoxLayout* m_calendarList = nullptr;
    QList<QCheckBox*> m_calendarChecks;
    QLineEdit* m_icsUrl = nullptr;
    QLineEdit* m_icsName = nullptr;
    QPushButton* m_connectGoogle = nullptr;
    QLabel* m_busyLabel;
    QPushButton* m_add;
    QPushButton* m_cancel;
    FormFeedback m_calDavFeedback;
    FormFeedback m_icsFeedback;
};

} // namespace slotdesk::ui
