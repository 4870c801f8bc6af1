#include "ui/OverrideDialog.h"

#include "availability/AvailabilityService.h"
#include "ui/TimeOfDayBox.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

OverrideDialog::OverrideDialog(models::AdminSession* session, const QDate& date, QWidget* parent)
    : EditDialog(session, parent)
    , m_date(new QDateEdit(date, this))
    , m_unavailable(new QRadioButton(tr("&Unavailable all day"), this))
    , m_hours(new QRadioButton(tr("&Available only:"), this))
    , m_from(new TimeOfDayBox(false, this))
    , m_to(new TimeOfDayBox(true, this)) {
    setObjectName(QStringLiteral("overrideDialog"));
    setWindowTitle(tr("Add a date override"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::LongFormat));
    m_date->setAccessibleName(tr("Date"));
    m_unavailable->setChecked(true);
    m_from->setMinutes(9 * 60);
    m_to->setMinutes(12 * 60);
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    connect(m_hours, &QRadioButton::toggled, m_from, &QWidget::setEnabled);
    connect(m_hours, &QRadioButton::toggled, m_to, &QWidget::setEnabled);

    auto* times = new QHBoxLayout;
    times->addWidget(m_hours);
    times->addWidget(m_from);
    times->addWidget(new QLabel(tr("to"), this));
    times->addWidget(m_to);
    times->addStretch(1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Date"), m_date);
    form->addRow(QString(), feedback().addField(QStringLiteral("date"), m_date));
    form->addRow(QString(), m_unavailable);
    form->addRow(QString(), times);
    form->addRow(QString(), feedback().addField(QStringLiteral("startTime"), m_from));
    form->addRow(QString(), feedback().addField(QStringLiteral("endTime"), m_to));
    layOut(
        form,
        tr("Hours on this date replace your weekly hours for that day, in "
           "your time zone (%1).")
            .arg(session->timeZone()),
        [this] { save(); }, 460);
}

void OverrideDialog::save() {
    feedback().clear();
    AvailabilityOverride entry;
    entry.userId = session()->userId();
    entry.date = m_date->date();
    entry.timeZone = session()->timeZone();
    if (m_hours->isChecked()) {
        auto range = TimeOfDayBox::range(*m_from, *m_to);
        if (!range) {
            feedback().show(range.error());
            return;
        }
        entry.startMinute = range->first;
        entry.endMinute = range->second;
    }
    writeAndAccept(
        [entry](storage::Database& database) {
            return AvailabilityService(database).addOverride(entry);
        },
        [](const AvailabilityOverride&) {});
}

} // namespace slotdesk::ui
