#include "ui/RescheduleDialog.h"

#include "models/TimeText.h"
#include "ui/TimeOfDayBox.h"

#include "core/ZonedTime.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace slotdesk::ui {

RescheduleDialog::RescheduleDialog(const Booking& booking, const BookingSettings& settings,
                                   const QString& adminZone, QWidget* parent)
    : EditDialog(nullptr, parent)
    , m_zone(adminZone)
    , m_date(new QDateEdit(this))
    , m_time(new TimeOfDayBox(false, this))
    , m_length(new QComboBox(this)) {
    setObjectName(QStringLiteral("rescheduleDialog"));
    setWindowTitle(tr("Reschedule"));
    const QDateTime local = zonedtime::toLocal(booking.startTime, adminZone);
    const int length = static_cast<int>(booking.startTime.secsTo(booking.endTime) / 60);

    m_date->setObjectName(QStringLiteral("rescheduleDate"));
    m_date->setAccessibleName(tr("New date"));
    m_date->setCalendarPopup(true);
    m_date->setDate(local.date());
    m_time->setObjectName(QStringLiteral("rescheduleTime"));
    m_time->setAccessibleName(tr("New start time"));
    m_time->setMinutes(local.time().hour() * 60 + local.time().minute());
    m_length->setObjectName(QStringLiteral("rescheduleLength"));
    m_length->setAccessibleName(tr("Length"));
    QList<int> lengths = settings.durations;
    if (!lengths.contains(length))
        lengths.append(length);
    std::sort(lengths.begin(), lengths.end());
    for (int minutes : std::as_const(lengths))
        m_length->addItem(tr("%1 min").arg(minutes), minutes);
    m_length->setCurrentIndex(m_length->findData(length));

    auto* current =
        new QLabel(tr("%1 · now %2")
                       .arg(booking.attendeeName,
                            models::TimeText::range(booking.startTime, booking.endTime, adminZone)),
                   this);
    current->setObjectName(QStringLiteral("rescheduleCurrent"));
    current->setTextFormat(Qt::PlainText);
    current->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(current);
    form->addRow(tr("&Date"), m_date);
    form->addRow(tr("&Start"), m_time);
    form->addRow(QString(), feedback().addField(QStringLiteral("startTime"), m_time));
    form->addRow(tr("&Length"), m_length);
    layOut(
        form,
        booking.status == BookingStatus::Confirmed
            ? tr("Times are in your zone (%1). The new time follows your booking rules; the "
                 "attendee is told of it.")
                  .arg(models::TimeText::zoneCity(adminZone))
            : tr("Times are in your zone (%1). The request moves to the new time and still waits "
                 "for your approval.")
                  .arg(models::TimeText::zoneCity(adminZone)),
        [this] { submit(); }, 420);
    if (auto* buttons = findChild<QDialogButtonBox*>())
        buttons->button(QDialogButtonBox::Save)->setText(tr("Move"));
}

int RescheduleDialog::duration() const {
    return m_length->currentData().toInt();
}

void RescheduleDialog::submit() {
    feedback().clear();
    auto minutes = m_time->minutes(QStringLiteral("startTime"));
    if (!minutes) {
        feedback().show(minutes.error());
        return;
    }
    const QDateTime wallClock =
        QDateTime(m_date->date(), QTime(0, 0), Qt::UTC).addSecs(*minutes * 60LL);
    m_start = zonedtime::fromLocal(wallClock, m_zone);
    accept();
}

} // namespace slotdesk::ui
