#pragma once
// CalendarChoicesDialog: "Calendars…" of a Google or CalDAV account on the Integrations page —
// the account's calendars with their colours, which of them block time (checkboxes) and the one
// that receives approved bookings (a choice among them and "None"; at most one calendar of the
// admin's receives them, whichever account it is in: choosing one here takes it from the other).
// Each click applies at once, as `slotdesk-cli calendar use` does, through CalendarChoices on the
// session's DatabaseWorker — one change at a time, the choices disabled meanwhile: blocking off
// drops the calendar's events now; blocking on asks the sync service for a pass over the account,
// which reads that calendar in full. A change that fails shows one line naming the calendar, and
// the choices show what is stored again. While open, the list follows the database (a sync that
// finds a new calendar, a change from slotdesk-cli).

#include "ui/FormFeedback.h"

#include "domain/Entities.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QGridLayout;
class QLabel;
class QRadioButton;
class QScrollArea;

namespace slotdesk {
class CalendarSyncService;
}
namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class CalendarChoicesDialog : public QDialog {
    Q_OBJECT
public:
    // The calendars of `integration`. `calendar` may be null: the choices are stored all the same
    // and the next sync follows them. Not owned; it may live on another thread.
    CalendarChoicesDialog(models::AdminSession* session, CalendarSyncService* calendar,
                          const CalendarIntegration& integration, QWidget* parent = nullptr);

    // A new dialog for `integration`, window-modal over `parent` and deleted when closed, opened.
    static CalendarChoicesDialog* openOver(QWidget* parent, models::AdminSession* session,
                                           CalendarSyncService* calendar,
                                           const CalendarIntegration& integration);

    // Reading the calendars or storing a change.
    [[nodiscard]] bool isBusy() const { return m_reads + m_writes > 0; }
    // The line saying why the last change failed; "" when it did not.
    [[nodiscard]] QString problem() const { return m_feedback.message({}); }

private:
    struct Listed {
        bool accountFound = false; // the integration is still the admin's
        QVector<storage::IntegrationCalendar> calendars;
        // The admin's calendar receiving bookings, wherever it is.
        std::optional<storage::IntegrationCalendar> receiving;
    };
    struct Row {
        storage::IntegrationCalendar stored;
        QLabel* swatch = nullptr;
        QLabel* name = nullptr;
        QCheckBox* blocks = nullptr;
        QRadioButton* receives = nullptr;
    };

    void reload();
    void showListed(Result<Listed> listed);
    void rebuildRows(const QVector<storage::IntegrationCalendar>& calendars);
    void showStored();
    void choose(const QString& calendarId, std::optional<bool> blocksTime,
                std::optional<bool> receivesBookings);
    void chooseNone();
    void updateBusy();
    [[nodiscard]] QString nameOf(const storage::IntegrationCalendar& calendar) const;

    models::AdminSession* m_session;
    QPointer<CalendarSyncService> m_calendar;
    QString m_integrationId;
    int m_reads = 0;
    int m_writes = 0;
    bool m_loaded = false;    // the first read answered
    bool m_readAgain = false; // the database changed while a read or a change was under way
    QVector<Row> m_rows;
    std::optional<storage::IntegrationCalendar> m_receiving;

    QScrollArea* m_scroll;
    QWidget* m_list;
    QGridLayout* m_grid;
    QButtonGroup* m_receivesGroup;
    QLabel* m_noneLabel;
    QRadioButton* m_none;
    QLabel* m_receivingElsewhere;
    QLabel* m_empty;
    QLabel* m_busy;
    FormFeedback m_feedback;
};

} // namespace slotdesk::ui
