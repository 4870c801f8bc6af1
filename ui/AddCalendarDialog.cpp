#include "ui/AddCalendarDialog.h"

#include "models/ServiceThread.h"
#include "ui/Icons.h"
#include "ui/IntegrationCard.h"

#include "caldav/CalDavConnector.h"
#include "calendar/CalendarSyncService.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

QLabel* hintLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("hint"));
    label->setWordWrap(true);
    return label;
}

// One kind's page: its column, `hint` at the top.
QVBoxLayout* pageLayout(QWidget* page, const QString& hint) {
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hintLabel(hint, page));
    return layout;
}

QLineEdit* lineEdit(const QString& objectName, const QString& placeholder, QWidget* parent) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

// A field's input with its error label under it, as a form row.
void addFieldRow(QFormLayout* form, FormFeedback& feedback, const QString& label,
                 const QString& field, QLineEdit* input) {
    auto* column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(input);
    column->addWidget(feedback.addField(field, input));
    form->addRow(label, column);
}

} // namespace

AddCalendarDialog::AddCalendarDialog(CalendarSyncService* calendar, QWidget* parent)
    : QDialog(parent)
    , m_calendar(calendar)
    , m_kinds(new QButtonGroup(this))
    , m_pages(new QStackedWidget(this))
    , m_busyLabel(new QLabel(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_calDavFeedback(this)
    , m_icsFeedback(this) {
    setObjectName(QStringLiteral("addCalendarDialog"));
    setWindowTitle(tr("Add calendar"));

    auto* kindRow = new QHBoxLayout;
    const std::pair<Kind, QString> kinds[] = {{Kind::Google, tr("Google Calendar")},
                                              {Kind::CalDav, tr("CalDAV account")},
                                              {Kind::IcsFeed, tr("ICS feed")}};
    const QString names[] = {QStringLiteral("addCalendarGoogle"),
                             QStringLiteral("addCalendarCalDav"), QStringLiteral("addCalendarIcs")};
    for (int i = 0; i < 3; ++i) {
        auto* button = new QRadioButton(kinds[i].second, this);
        button->setObjectName(names[i]);
        m_kinds->addButton(button, static_cast<int>(kinds[i].first));
        kindRow->addWidget(button);
    }
    kindRow->addStretch(1);
    m_pages->addWidget(makeGooglePage());
    m_pages->addWidget(makeCalDavPage());
    m_pages->addWidget(makeIcsPage());
    connect(m_kinds, &QButtonGroup::idClicked, this,
            [this](int id) { setKind(static_cast<Kind>(id)); });

    m_busyLabel->setObjectName(QStringLiteral("addCalendarBusy"));
    m_busyLabel->hide();
    m_add->setObjectName(QStringLiteral("addCalendarAdd"));
    m_add->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("addCalendarCancel"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_add, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_add, &QPushButton::clicked, this, &AddCalendarDialog::add);
    connect(m_cancel, &QPushButton::clicked, this, &AddCalendarDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(kindRow);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_busyLabel);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    if (m_calendar) {
        // Queued (the service lives on its thread) and dropped with the dialog.
        connect(&m_calendar->calDav(), &caldav::CalDavConnector::discovered, this,
                &AddCalendarDialog::showDiscovery);
        connect(&m_calendar->calDav(), &caldav::CalDavConnector::added, this,
                [this](bool ok, const QString& id, const QString& field, const QString& message) {
                    if (m_busy == Busy::Adding && kind() == Kind::CalDav)
                        showAdded(ok, id, field, message);
                });
        connect(m_calendar, &CalendarSyncService::calendarAdded, this,
                [this](bool ok, const QString& id, const QString& message) {
                    if (m_busy == Busy::Adding && kind() == Kind::IcsFeed)
                        showAdded(ok, id, {}, message);
                });
    }
    setKind(Kind::CalDav);
}

QWidget* AddCalendarDialog::makeGooglePage() {
    auto* page = new QWidget(this);
    auto* layout = pageLayout(page, tr("Google Calendar signs in through your browser. SlotDesk "
                                       "then reads your busy times and adds approved bookings."));
    m_connectGoogle = new QPushButton(tr("Connect Google Calendar…"), page);
    m_connectGoogle->setObjectName(QStringLiteral("addCalendarConnectGoogle"));
    connect(m_connectGoogle, &QPushButton::clicked, this, [this] {
        emit googleRequested();
        accept();
    });
    layout->addWidget(m_connectGoogle, 0, Qt::AlignLeft);
    layout->addStretch(1);
    return page;
}

QWidget* AddCalendarDialog::makeCalDavPage() {
    auto* page = new QWidget(this);
    m_calDavUrl =
        lineEdit(QStringLiteral("caldavUrl"), tr("https://cloud.example.com/remote.php/dav"), page);
    m_calDavUser = lineEdit(QStringLiteral("caldavUsername"), {}, page);
    m_calDavPassword = lineEdit(QStringLiteral("caldavPassword"), {}, page);
    m_calDavPassword->setEchoMode(QLineEdit::Password);
    m_calDavName = lineEdit(QStringLiteral("caldavName"), tr("Optional"), page);
    m_test = new QPushButton(tr("Test connection"), page);
    m_test->setObjectName(QStringLiteral("caldavTest"));
    connect(m_test, &QPushButton::clicked, this, &AddCalendarDialog::testConnection);
    // New fields: the calendars listed belong to what was tested before.
    for (QLineEdit* edit : {m_calDavUrl, m_calDavUser, m_calDavPassword}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            m_discovered = false;
            clearCalendars();
        });
    }

    auto* form = new QFormLayout;
    addFieldRow(form, m_calDavFeedback, tr("Server address"), QStringLiteral("url"), m_calDavUrl);
    addFieldRow(form, m_calDavFeedback, tr("Username"), QStringLiteral("username"), m_calDavUser);
    addFieldRow(form, m_calDavFeedback, tr("App password"), QStringLiteral("password"),
                m_calDavPassword);
    form->addRow(tr("Name"), m_calDavName);

    m_calendarBox = new QWidget(page);
    m_calendarBox->setObjectName(QStringLiteral("caldavCalendars"));
    m_calendarList = new QVBoxLayout(m_calendarBox);
    m_calendarList->setContentsMargins(0, 0, 0, 0);
    m_calendarList->addWidget(hintLabel(
        tr("Ticked calendars block your time; nobody can book over their events."), m_calendarBox));
    m_calendarBox->hide();

    auto* layout =
        pageLayout(page, tr("Nextcloud, Fastmail, iCloud, mailbox.org, Radicale and other "
                            "CalDAV servers. Use an app password where your provider "
                            "offers one; it is kept in the system keychain only."));
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_calendarBox);
    layout->addWidget(m_calDavFeedback.generalLabel());
    layout->addStretch(1);
    return page;
}

QWidget* AddCalendarDialog::makeIcsPage() {
    auto* page = new QWidget(this);
    m_icsUrl = lineEdit(QStringLiteral("icsUrl"), tr("https://…/calendar.ics"), page);
    // A feed's secret address lets anyone read the calendar: a credential.
    m_icsUrl->setEchoMode(QLineEdit::Password);
    m_icsName = lineEdit(QStringLiteral("icsName"), tr("Optional"), page);
    auto* form = new QFormLayout;
    addFieldRow(form, m_icsFeedback, tr("Feed address"), QStringLiteral("url"), m_icsUrl);
    form->addRow(tr("Name"), m_icsName);
    auto* layout =
        pageLayout(page, tr("A read-only calendar published as an ICS link (webcal or "
                            "https). Its events block your time. The address is a secret "
                            "and is kept in the system keychain only."));
    layout->addLayout(form);
    layout->addWidget(m_icsFeedback.generalLabel());
    layout->addStretch(1);
    return page;
}

void AddCalendarDialog::setKind(Kind kind) {
    if (isBusy())
        return;
    m_kinds->button(static_cast<int>(kind))->setChecked(true);
    m_pages->setCurrentIndex(static_cast<int>(kind));
    updateButtons();
}

AddCalendarDialog::Kind AddCalendarDialog::kind() const {
    return static_cast<Kind>(m_pages->currentIndex());
}

QString AddCalendarDialog::problem(const QString& field) const {
    return const_cast<AddCalendarDialog*>(this)->feedback().message(field);
}

FormFeedback& AddCalendarDialog::feedback() {
    return kind() == Kind::IcsFeed ? m_icsFeedback : m_calDavFeedback;
}

QString AddCalendarDialog::withFieldName(const QString& field, const QString& message) const {
    if (field == QLatin1String("url"))
        return kind() == Kind::IcsFeed ? tr("Feed address: %1").arg(message)
                                       : tr("Server address: %1").arg(message);
    if (field == QLatin1String("username"))
        return tr("Username: %1").arg(message);
    if (field == QLatin1String("password"))
        return tr("App password: %1").arg(message);
    if (field == QLatin1String("server"))
        return tr("Server: %1").arg(message);
    return message;
}

void AddCalendarDialog::testConnection() {
    if (!m_calendar || isBusy())
        return;
    m_calDavFeedback.clear();
    clearCalendars();
    setBusy(Busy::Testing);
    models::invokeOnThread(m_calendar.data(),
                           [url = m_calDavUrl->text().trimmed(), user = m_calDavUser->text(),
                            password = m_calDavPassword->text()](CalendarSyncService& calendar) {
                               calendar.calDav().discover(url, user, password);
                           });
}

void AddCalendarDialog::showDiscovery(bool ok, const QString& field, const QString& message,
                                      const caldav::Discovery& discovery) {
    if (m_busy != Busy::Testing)
        return;
    setBusy(Busy::Idle);
    clearCalendars();
    if (!ok) {
        m_calDavFeedback.show(Error::validation(field, withFieldName(field, message)));
        return;
    }
    for (const caldav::CalDavCalendar& found : discovery.calendars) {
        auto* check = new QCheckBox(m_calendarBox);
        check->setObjectName(QStringLiteral("caldavCalendar"));
        check->setProperty("calendarUrl", found.url.toString(QUrl::FullyEncoded));
        check->setChecked(true);
        check->setText(found.displayName.isEmpty() ? found.url.path() : found.displayName);
        check->setIcon(Icons::swatch(found.color));
        check->setToolTip(tr("Blocks my time"));
        m_calendarList->addWidget(check);
        m_calendarChecks.append(check);
    }
    m_calendarBox->show();
    m_discovered = true;
    updateButtons();
}

void AddCalendarDialog::clearCalendars() {
    qDeleteAll(m_calendarChecks);
    m_calendarChecks.clear();
    m_calendarBox->hide();
    updateButtons();
}

void AddCalendarDialog::add() {
    if (!m_calendar || isBusy())
        return;
    switch (kind()) {
    case Kind::Google:
        m_connectGoogle->click();
        return;
    case Kind::CalDav: {
        if (!m_discovered)
            return; // the calendars first: the admin picks which block time
        m_calDavFeedback.clear();
        QStringList notBlocking;
        for (const QCheckBox* check : std::as_const(m_calendarChecks)) {
            if (!check->isChecked())
                notBlocking.append(check->property("calendarUrl").toString());
        }
        setBusy(Busy::Adding);
        models::invokeOnThread(m_calendar.data(),
                               [url = m_calDavUrl->text().trimmed(), user = m_calDavUser->text(),
                                password = m_calDavPassword->text(),
                                name = m_calDavName->text().trimmed(),
                                notBlocking](CalendarSyncService& calendar) {
                                   calendar.addCalDav(url, user, password, name, notBlocking);
                               });
        return;
    }
    case Kind::IcsFeed:
        m_icsFeedback.clear();
        if (m_icsUrl->text().trimmed().isEmpty()) {
            m_icsFeedback.show(Error::validation(
                QStringLiteral("url"),
                withFieldName(QStringLiteral("url"), tr("enter the feed's address."))));
            return;
        }
        setBusy(Busy::Adding);
        models::invokeOnThread(m_calendar.data(),
                               [url = m_icsUrl->text().trimmed(),
                                name = m_icsName->text().trimmed()](CalendarSyncService& calendar) {
                                   calendar.addIcsFeed(url, name);
                               });
        return;
    }
}

void AddCalendarDialog::showAdded(bool ok, const QString& integrationId, const QString& field,
                                  const QString& message) {
    setBusy(Busy::Idle);
    if (!ok) {
        const QString shown =
            field.isEmpty() && kind() == Kind::IcsFeed ? QStringLiteral("url") : field;
        feedback().show(Error::validation(shown, withFieldName(shown, message)));
        return;
    }
    emit calendarAdded(integrationId, message);
    accept();
}

void AddCalendarDialog::setBusy(Busy busy) {
    m_busy = busy;
    m_busyLabel->setText(busy == Busy::Testing ? tr("Testing the connection…")
                                               : tr("Adding the calendar…"));
    m_busyLabel->setVisible(busy != Busy::Idle);
    for (QWidget* input :
         std::initializer_list<QWidget*>{m_calDavUrl, m_calDavUser, m_calDavPassword, m_calDavName,
                                         m_calendarBox, m_icsUrl, m_icsName})
        input->setEnabled(busy == Busy::Idle);
    for (QAbstractButton* button : m_kinds->buttons())
        button->setEnabled(busy == Busy::Idle);
    updateButtons();
}

void AddCalendarDialog::updateButtons() {
    const bool idle = !isBusy() && m_calendar;
    m_test->setEnabled(idle);
    m_connectGoogle->setEnabled(idle);
    // A CalDAV account is added once its calendars are listed: the admin picks which block time.
    const bool untested = kind() == Kind::CalDav && !m_discovered;
    m_add->setEnabled(idle && !untested);
    m_add->setVisible(kind() != Kind::Google);
    m_add->setToolTip(!m_calendar ? IntegrationCard::withoutServiceText()
                      : untested  ? tr("Test the connection first")
                                  : QString());
    m_test->setToolTip(m_calendar ? QString() : IntegrationCard::withoutServiceText());
}

} // namespace slotdesk::ui
