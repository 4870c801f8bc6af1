#include "ui/WeeklyHoursEditor.h"

#include "models/AvailabilityBlockModel.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"
#include "ui/Icons.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace slotdesk::ui {
namespace {

QToolButton* smallButton(Icons::Glyph glyph, const QString& tip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setIcon(Icons::icon(glyph));
    button->setIconSize(QSize(16, 16));
    button->setAutoRaise(true);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    return button;
}

} // namespace

WeeklyHoursEditor::WeeklyHoursEditor(models::AvailabilityBlockModel* model,
                                     const QString& adminZone, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_adminZone(adminZone)
    , m_grid(new QGridLayout(this)) {
    setObjectName(QStringLiteral("weeklyHours"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(6);
    m_grid->setColumnStretch(1, 1);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WeeklyHoursEditor::rebuild);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &WeeklyHoursEditor::rebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WeeklyHoursEditor::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WeeklyHoursEditor::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WeeklyHoursEditor::rebuild);
    rebuild();
}

void WeeklyHoursEditor::setAdminZone(const QString& zone) {
    m_adminZone = zone;
    rebuild();
}

void WeeklyHoursEditor::rebuild() {
    for (QWidget* w : std::as_const(m_rowWidgets)) {
        // Out of the grid now; deleted later, as the click that got us here may be its own.
        m_grid->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    m_rowWidgets.clear();
    int row = 0;
    for (int day : models::AvailabilityBlockModel::weekOrder()) {
        const auto blocks = m_model->blocksOn(day);
        auto* name = new QLabel(models::AvailabilityBlockModel::dayName(day), this);
        QFont bold = name->font();
        bold.setWeight(QFont::DemiBold);
        name->setFont(bold);
        name->setMinimumWidth(100);
        name->setEnabled(!blocks.isEmpty());

        auto* ranges = new QWidget(this);
        auto* rangeLayout = new QHBoxLayout(ranges);
        rangeLayout->setContentsMargins(0, 0, 0, 0);
        rangeLayout->setSpacing(6);
        if (blocks.isEmpty()) {
            auto* off = new QLabel(tr("Unavailable"), ranges);
            off->setObjectName(QStringLiteral("hint"));
            rangeLayout->addWidget(off);
        }
        for (const auto& block : blocks) {
            auto* chip = new QFrame(ranges);
            chip->setObjectName(QStringLiteral("card"));
            auto* chipLayout = new QHBoxLayout(chip);
            chipLayout->setContentsMargins(10, 2, 2, 2);
            chipLayout->setSpacing(2);
            QString text =
                tr("%1 – %2").arg(models::AvailabilityBlockModel::minuteText(block.startMinute),
                                  models::AvailabilityBlockModel::minuteText(block.endMinute));
            if (block.timeZone != m_adminZone)
                text = tr("%1 (%2)").arg(text, models::TimeText::zoneCity(block.timeZone));
            auto* label = new QLabel(text, chip);
            label->setToolTip(block.timeZone);
            chipLayout->addWidget(label);
            auto* edit = smallButton(
                Icons::Glyph::Edit,
                tr("Edit %1 %2").arg(models::AvailabilityBlockModel::dayName(day), text), chip);
            auto* remove = smallButton(
                Icons::Glyph::Remove,
                tr("Remove %1 %2").arg(models::AvailabilityBlockModel::dayName(day), text), chip);
            const QString id = block.id;
            connect(edit, &QToolButton::clicked, this, [this, id] { emit editRequested(id); });
            connect(remove, &QToolButton::clicked, this, [this, id] { emit removeRequested(id); });
            chipLayout->addWidget(edit);
            chipLayout->addWidget(remove);
            rangeLayout->addWidget(chip);
        }
        rangeLayout->addStretch(1);

        auto* add = smallButton(
            Icons::Glyph::Plus,
            tr("Add hours on %1").arg(models::AvailabilityBlockModel::dayName(day)), this);
        add->setObjectName(QStringLiteral("addHours%1").arg(day));
        connect(add, &QToolButton::clicked, this, [this, day] { emit addRequested(day); });

        m_grid->addWidget(name, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        m_grid->addWidget(ranges, row, 1);
        m_grid->addWidget(add, row, 2, Qt::AlignRight | Qt::AlignVCenter);
        m_rowWidgets << name << ranges << add;
        ++row;
    }
}

} // namespace slotdesk::ui
