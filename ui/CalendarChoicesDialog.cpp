#include "ui/CalendarChoicesDialog.h"

#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "models/ServiceThread.h"
#include "ui/Icons.h"

#include "calendar/CalendarChoices.h"
#include "calendar/CalendarSyncService.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHash>
#include <QLabel>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk::ui {
namespace {

QLabel* hintLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // calendar names are the provider's
    return label;
}

} // namespace

CalendarChoicesDialog::CalendarChoicesDialog(models::AdminSession* session,
                                             CalendarSyncService* calendar,
                                             const CalendarIntegration& integration,
                                             QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_calendar(calendar)
    , m_integrationId(integration.id)
    , m_scroll(new QScrollArea(this))
    , m_list(new QWidget(this))
    , m_grid(new QGridLayout)
    , m_receivesGroup(new QButtonGroup(this))
    , m_noneLabel(new QLabel(tr("No calendar"), m_list))
    , m_none(new QRadioButton(m_list))
    , m_receivingElsewhere(hintLabel(QStringLiteral("calendarChoicesReceiving"), this))
    , m_empty(hintLabel(QStringLiteral("calendarChoicesEmpty"), this))
    , m_busy(hintLabel(QStringLiteral("calendarChoicesBusy"), this))
    , m_feedback(this) {
    setObjectName(QStringLiteral("calendarChoicesDialog"));
    const QString account = !integration.displayName.isEmpty()    ? integration.displayName
                            : !integration.accountEmail.isEmpty() ? integration.accountEmail
                                                                  : integration.username;
    setWindowTitle(account.isEmpty() ? tr("Calendars") : tr("Calendars of %1").arg(account));

    auto* about = hintLabel(QStringLiteral("hint"), this);
    about->setText(tr("Events in the calendars that block time keep those times free: nobody can "
                      "book over them. Approved bookings are added to the calendar that receives "
                      "them. Changes apply at once."));

    // The rows at the top, however tall the dialog.
    auto* column = new QVBoxLayout(m_list);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(m_grid);
    column->addStretch(1);
    m_grid->setHorizontalSpacing(16);
    m_grid->setColumnStretch(1, 1);
    const QString headers[] = {tr("Calendar"), tr("Blocks time"), tr("Receives bookings")};
    const int columns[] = {0, 2, 3};
    for (int i = 0; i < 3; ++i) {
        auto* header = new QLabel(headers[i], m_list);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_grid->addWidget(header, 0, columns[i], 1, i == 0 ? 2 : 1);
    }
    m_noneLabel->setObjectName(QStringLiteral("hint"));
    m_none->setObjectName(QStringLiteral("calendarReceivesNone"));
    m_none->setAccessibleName(tr("No calendar receives bookings"));
    m_none->setToolTip(tr("Approved bookings are not added to any calendar"));
    m_receivesGroup->addButton(m_none);
    connect(m_none, &QRadioButton::clicked, this, &CalendarChoicesDialog::chooseNone);
    // A long calendar list scrolls, up and down only.
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_list);
    m_scroll->setMinimumHeight(160);
    m_scroll->hide(); // until the calendars are read

    m_empty->hide();
    m_busy->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Top to bottom; the list takes the height there is.
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    for (QWidget* part :
         std::initializer_list<QWidget*>{about, m_scroll, m_empty, m_receivingElsewhere, m_busy,
                                         m_feedback.generalLabel(), buttons})
        layout->addWidget(part);
    layout->setStretchFactor(m_scroll, 1);
    setMinimumWidth(520);

    // Another change (a sync listing a new calendar, slotdesk-cli) shows while the dialog is open.
    connect(m_session, &models::AdminSession::databaseChanged, this, [this] {
        if (isBusy())
            m_readAgain = true;
        else
            reload();
    });
    reload();
}

CalendarChoicesDialog* CalendarChoicesDialog::openOver(QWidget* parent,
                                                       models::AdminSession* session,
                                                       CalendarSyncService* calendar,
                                                       const CalendarIntegration& integration) {
    auto* dialog = new CalendarChoicesDialog(session, calendar, integration, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

QString CalendarChoicesDialog::nameOf(const storage::IntegrationCalendar& calendar) const {
    return calendar.displayName.isEmpty() ? calendar.remoteId : calendar.displayName;
}

void CalendarChoicesDialog::reload() {
    m_readAgain = false;
    ++m_reads;
    updateBusy();
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), integrationId = m_integrationId,
         clock = m_session->clock()](storage::Database& database) -> Result<Listed> {
            auto account = storage::CalendarIntegrationRepository(database.connection())
                               .findById(userId, integrationId);
            if (!account)
                return account.error();
            auto calendars = CalendarChoices(database, clock).calendars(userId, integrationId);
            if (!calendars)
                return calendars.error();
            auto receiving = storage::IntegrationCalendarRepository(database.connection(), clock)
                                 .receivingBookings(userId);
            if (!receiving)
                return receiving.error();
            return Listed{account->has_value(), std::move(*calendars), std::move(*receiving)};
        },
        [this](Result<Listed> listed) {
            --m_reads;
            m_loaded = true;
            showListed(std::move(listed));
            updateBusy();
            if (m_readAgain && !isBusy())
                reload();
        });
}

void CalendarChoicesDialog::showListed(Result<Listed> listed) {
    // A change under way is followed by a read of its own: this one may be older than it.
    if (m_writes > 0)
        return;
    if (!listed) {
        m_feedback.show(Error{listed.error().code,
                              tr("The calendars could not be read: %1").arg(listed.error().message),
                              {}});
        return;
    }
    // The same calendars keep their rows and places (the one receiving bookings is listed first:
    // a row must not move away from under the pointer that just chose it).
    QHash<QString, storage::IntegrationCalendar> byId;
    for (const storage::IntegrationCalendar& calendar : std::as_const(listed->calendars))
        byId.insert(calendar.id, calendar);
    bool sameCalendars = byId.size() == m_rows.size();
    for (int i = 0; sameCalendars && i < m_rows.size(); ++i)
        sameCalendars = byId.contains(m_rows[i].stored.id);
    if (!sameCalendars)
        rebuildRows(listed->calendars);
    for (Row& row : m_rows)
        row.stored = byId.value(row.stored.id);
    m_receiving = std::move(listed->receiving);
    m_empty->setText(listed->accountFound
                         ? tr("SlotDesk has not read this account's calendars yet.")
                         : tr("This account is no longer connected to SlotDesk."));
    m_empty->setVisible(m_rows.isEmpty());
    m_scroll->setVisible(!m_rows.isEmpty());
    showStored();
}

void CalendarChoicesDialog::rebuildRows(const QVector<storage::IntegrationCalendar>& calendars) {
    for (const Row& row : std::as_const(m_rows)) {
        for (QWidget* widget :
             std::initializer_list<QWidget*>{row.swatch, row.name, row.blocks, row.receives})
            delete widget;
    }
    m_rows.clear();
    for (const storage::IntegrationCalendar& calendar : calendars) {
        Row row{calendar, new QLabel(m_list), new QLabel(m_list), new QCheckBox(m_list),
                new QRadioButton(m_list)};
        row.name->setObjectName(QStringLiteral("calendarChoiceName"));
        row.name->setTextFormat(Qt::PlainText);
        row.name->setWordWrap(true); // a long name wraps rather than widening the list
        row.blocks->setObjectName(QStringLiteral("calendarBlocksTime"));
        row.receives->setObjectName(QStringLiteral("calendarReceivesBookings"));
        for (QWidget* widget :
             std::initializer_list<QWidget*>{row.swatch, row.name, row.blocks, row.receives}) {
            widget->setProperty("calendarId", calendar.id);
            widget->show(); // at once, not when the layout gets to it
        }
        m_receivesGroup->addButton(row.receives);
        connect(row.blocks, &QCheckBox::clicked, this,
                [this, id = calendar.id](bool on) { choose(id, on, std::nullopt); });
        connect(row.receives, &QRadioButton::clicked, this,
                [this, id = calendar.id] { choose(id, std::nullopt, true); });
        const int at = static_cast<int>(m_rows.size()) + 1; // under the headers
        m_grid->addWidget(row.swatch, at, 0);
        m_grid->addWidget(row.name, at, 1);
        m_grid->addWidget(row.blocks, at, 2, Qt::AlignHCenter);
        m_grid->addWidget(row.receives, at, 3, Qt::AlignHCenter);
        m_rows.append(row);
    }
    // "No calendar" goes last.
    m_grid->removeWidget(m_noneLabel);
    m_grid->removeWidget(m_none);
    const int last = static_cast<int>(m_rows.size()) + 1;
    m_grid->addWidget(m_noneLabel, last, 1);
    m_grid->addWidget(m_none, last, 3, Qt::AlignHCenter);
}

void CalendarChoicesDialog::showStored() {
    bool receivesHere = false;
    for (const Row& row : std::as_const(m_rows)) {
        // Name and colour as the provider lists them now.
        const QString name = nameOf(row.stored);
        row.swatch->setPixmap(Icons::swatch(row.stored.color).pixmap(12, 12));
        row.name->setText(name);
        row.blocks->setAccessibleName(tr("“%1” blocks time").arg(name));
        row.receives->setAccessibleName(tr("“%1” receives bookings").arg(name));
        row.blocks->setChecked(row.stored.blocksTime);
        row.receives->setChecked(row.stored.receivesBookings);
        receivesHere = receivesHere || row.stored.receivesBookings;
    }
    m_none->setChecked(!receivesHere);
    if (receivesHere || m_rows.isEmpty())
        m_receivingElsewhere->hide();
    else {
        m_receivingElsewhere->setText(
            m_receiving ? tr("Approved bookings are added to “%1”, a calendar of another account.")
                              .arg(nameOf(*m_receiving))
                        : tr("Approved bookings are not added to any calendar."));
        m_receivingElsewhere->show();
    }
}

void CalendarChoicesDialog::choose(const QString& calendarId, std::optional<bool> blocksTime,
                                   std::optional<bool> receivesBookings) {
    const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                  [&](const Row& r) { return r.stored.id == calendarId; });
    if (row == m_rows.cend())
        return;
    const storage::IntegrationCalendar stored = row->stored;
    if (blocksTime == stored.blocksTime)
        blocksTime.reset();
    if (receivesBookings == stored.receivesBookings)
        receivesBookings.reset();
    if (!blocksTime && !receivesBookings)
        return;
    m_feedback.clear();
    ++m_writes;
    updateBusy();
    const QString name = nameOf(stored);
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), id = stored.id, blocksTime, receivesBookings,
         clock = m_session->clock()](storage::Database& database) {
            return CalendarChoices(database, clock)
                .choose(userId, id, blocksTime, receivesBookings);
        },
        [this, name, blocksTime](Result<storage::IntegrationCalendar> chosen) {
            --m_writes;
            if (!chosen) {
                m_feedback.show(Error{
                    chosen.error().code,
                    chosen.error().code == ErrorCode::NotFound
                        ? tr("“%1” could not be changed: SlotDesk no longer has this calendar.")
                              .arg(name)
                        : tr("“%1” could not be changed: %2").arg(name, chosen.error().message),
                    {}});
            } else {
                // Read in full at once, not at the next sync in a few minutes.
                if (blocksTime.value_or(false))
                    models::invokeOnThread(m_calendar.data(),
                                           [id = m_integrationId](CalendarSyncService& calendar) {
                                               calendar.syncNow(id);
                                           });
                // Every view (the calendar's busy times) now, not at the next tick.
                m_session->watcher()->check();
            }
            // What is stored now, whether or not the change went through.
            reload();
        });
}

void CalendarChoicesDialog::chooseNone() {
    for (const Row& row : std::as_const(m_rows)) {
        if (row.stored.receivesBookings) {
            choose(row.stored.id, std::nullopt, false);
            return;
        }
    }
}

void CalendarChoicesDialog::updateBusy() {
    // One change at a time. A read while the database changes goes unannounced: the list is
    // current a moment later.
    m_list->setEnabled(m_writes == 0);
    m_busy->setText(m_writes > 0 ? tr("Saving…") : tr("Loading…"));
    m_busy->setVisible(m_writes > 0 || (m_reads > 0 && !m_loaded));
}

} // namespace slotdesk::ui
