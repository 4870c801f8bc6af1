#include "ui/BlockDialog.h"

#include "availability/AvailabilityService.h"
#include "models/AvailabilityBlockModel.h"
#include "ui/TimeOfDayBox.h"
#include "ui/TimeZoneBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

BlockDialog::BlockDialog(models::AdminSession* session, const AvailabilityBlock& block,
                         QWidget* parent)
    : EditDialog(session, parent)
    , m_block(block)
    , m_day(new QComboBox(this))
    , m_from(new TimeOfDayBox(false, this))
    , m_to(new TimeOfDayBox(true, this))
    , m_zone(new TimeZoneBox(this)) {
    setObjectName(QStringLiteral("blockDialog"));
    setWindowTitle(block.id.isEmpty() ? tr("Add hours") : tr("Edit hours"));
    for (int day : models::AvailabilityBlockModel::weekOrder())
        m_day->addItem(models::AvailabilityBlockModel::dayName(day), day);
    m_day->setCurrentIndex(m_day->findData(block.dayOfWeek));
    m_day->setAccessibleName(tr("Day"));
    m_from->setMinutes(block.startMinute);
    m_from->setAccessibleName(tr("From"));
    m_to->setMinutes(block.endMinute);
    m_to->setAccessibleName(tr("To"));
    m_zone->setZone(block.timeZone.isEmpty() ? session->timeZone() : block.timeZone);

    auto* times = new QHBoxLayout;
    times->addWidget(m_from);
    times->addWidget(new QLabel(tr("to"), this));
    times->addWidget(m_to);
    times->addStretch(1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Day"), m_day);
    form->addRow(QString(), feedback().addField(QStringLiteral("dayOfWeek"), m_day));
    form->addRow(tr("&Hours"), times);
    form->addRow(QString(), feedback().addField(QStringLiteral("startTime"), m_from));
    form->addRow(QString(), feedback().addField(QStringLiteral("endTime"), m_to));
    form->addRow(tr("Time &zone"), m_zone);
    form->addRow(QString(), feedback().addField(QStringLiteral("timezone"), m_zone));
    layOut(
        form,
        tr("Times are in this zone, whatever the season: SlotDesk follows "
           "its daylight-saving changes."),
        [this] { save(); }, 440);
}

void BlockDialog::save() {
    feedback().clear();
    auto range = TimeOfDayBox::range(*m_from, *m_to);
    if (!range) {
        feedback().show(range.error());
        return;
    }
    AvailabilityBlock block = m_block;
    block.userId = session()->userId();
    block.dayOfWeek = m_day->currentData().toInt();
    block.startMinute = range->first;
    block.endMinute = range->second;
    block.timeZone = m_zone->zone();
    writeAndAccept(
        [block](storage::Database& database) {
            AvailabilityService service(database);
            return block.id.isEmpty() ? service.add(block) : service.update(block);
        },
        [this](const AvailabilityBlock& saved) { m_block = saved; });
}

} // namespace slotdesk::ui
