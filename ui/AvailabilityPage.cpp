#include "ui/AvailabilityPage.h"
#include "models/Plural.h"

#include "availability/AvailabilityService.h"
#include "models/AdminSession.h"
#include "models/AvailabilityBlockModel.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "models/DateOverrideModel.h"
#include "models/ItemRoles.h"
#include "models/SlotPreviewModel.h"
#include "models/TimeText.h"
#include "ui/BlockDialog.h"
#include "ui/BookingRulesForm.h"
#include "ui/Icons.h"
#include "ui/OverrideDialog.h"
#include "ui/PageHeader.h"
#include "ui/ScrollingPage.h"
#include "ui/SectionCard.h"
#include "ui/SlotPreviewView.h"
#include "ui/WeeklyHoursEditor.h"

#include "core/ZonedTime.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

// Window-modal and non-blocking; deleted when closed.
template <typename Dialog> Dialog* openModal(Dialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

} // namespace

AvailabilityPage::AvailabilityPage(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_blocks(new models::AvailabilityBlockModel(session, this))
    , m_overrides(new models::DateOverrideModel(session, this))
    , m_preview(new models::SlotPreviewModel(session, this))
    , m_weekly(new WeeklyHoursEditor(m_blocks, session->timeZone(), this))
    , m_rules(new BookingRulesForm(session, this))
    , m_overrideList(new QTableView(this))
    , m_removeOverride(new QPushButton(tr("Remove"), this))
    , m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("availabilityPage"));

    auto* content = new QWidget;
    auto* weeklyCard = new SectionCard(
        tr("Weekly hours"),
        tr("When you can be booked, day by day. Each block keeps its own time zone."), content);
    weeklyCard->body()->addWidget(m_weekly);

    auto* overrideCard = new SectionCard(
        tr("Date overrides"), tr("Days off, or other hours on a particular date."), content);
    auto* overrideLayout = overrideCard->body();
    auto* addOverrideButton = new QPushButton(Icons::icon(Icons::Glyph::Plus), tr("Add…"), content);
    addOverrideButton->setAccessibleName(tr("Add a date override"));
    m_removeOverride->setAccessibleName(tr("Remove the selected date override"));
    m_removeOverride->setEnabled(false);
    overrideCard->addTitleWidget(m_removeOverride);
    overrideCard->addTitleWidget(addOverrideButton);
    m_overrideList->setObjectName(QStringLiteral("overrideList"));
    m_overrideList->setAccessibleName(tr("Date overrides"));
    m_overrideList->setModel(m_overrides);
    m_overrideList->hideColumn(models::DateOverrideModel::TimeZone);
    m_overrideList->horizontalHeader()->hide();
    m_overrideList->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_overrideList->verticalHeader()->hide();
    m_overrideList->setShowGrid(false);
    m_overrideList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_overrideList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_overrideList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_overrideList->setMinimumHeight(90);
    m_overrideList->setMaximumHeight(170);
    m_overrideList->setAlternatingRowColors(true);
    auto* noOverrides = new QLabel(tr("No overrides ahead."), content);
    noOverrides->setObjectName(QStringLiteral("hint"));
    overrideLayout->addWidget(m_overrideList);
    overrideLayout->addWidget(noOverrides);

    auto* rulesCard = new SectionCard(
        tr("Booking rules"),
        tr("How long meetings are, how they fit around each other, and which ones need "
           "your approval."),
        content);
    rulesCard->body()->addWidget(m_rules);
    // The hours across the top, rules and exceptions side by side, then what they offer.
    auto* columns = new QHBoxLayout;
    columns->setSpacing(18);
    columns->addWidget(rulesCard, 1, Qt::AlignTop);
    columns->addWidget(overrideCard, 1, Qt::AlignTop);

    m_previewCard = new SectionCard(QString(), QString(), content);
    m_previewCard->body()->addWidget(new SlotPreviewView(m_preview, m_previewCard));

    auto* header = new PageHeader(tr("Availability"),
                                  tr("Your hours, exceptions and rules — and what attendees "
                                     "will be offered."),
                                  content);
    m_status->setObjectName(QStringLiteral("fieldError"));
    m_status->setTextFormat(Qt::PlainText); // error messages, which may quote the database
    m_status->hide();

    QVBoxLayout* contentLayout = layOutScrollingPage(this, content);
    contentLayout->addWidget(header);
    contentLayout->addWidget(m_status);
    contentLayout->addWidget(weeklyCard);
    contentLayout->addLayout(columns);
    contentLayout->addWidget(m_previewCard);
    contentLayout->addStretch(1);

    auto overridesChanged = [this, noOverrides] {
        const bool any = m_overrides->rowCount() > 0;
        m_overrideList->setVisible(any);
        noOverrides->setVisible(!any);
        m_removeOverride->setEnabled(m_overrideList->selectionModel()->hasSelection());
    };
    connect(m_overrides, &QAbstractItemModel::rowsInserted, this, overridesChanged);
    connect(m_overrides, &QAbstractItemModel::rowsRemoved, this, overridesChanged);
    connect(m_overrides, &QAbstractItemModel::modelReset, this, overridesChanged);
    connect(m_overrideList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            overridesChanged);
    overridesChanged();

    connect(m_weekly, &WeeklyHoursEditor::addRequested, this, &AvailabilityPage::addHours);
    connect(m_weekly, &WeeklyHoursEditor::editRequested, this, &AvailabilityPage::editHours);
    connect(m_weekly, &WeeklyHoursEditor::removeRequested, this, &AvailabilityPage::removeHours);
    connect(addOverrideButton, &QPushButton::clicked, this, &AvailabilityPage::addOverride);
    connect(m_removeOverride, &QPushButton::clicked, this,
            &AvailabilityPage::removeSelectedOverride);
    connect(m_preview, &QAbstractItemModel::modelReset, this,
            &AvailabilityPage::updatePreviewTitle);
    // Everything here is the admin's: nothing to edit before their profile has been read.
    content->setEnabled(m_session->hasAdmin());
    connect(m_session, &models::AdminSession::adminChanged, this, [this, content] {
        content->setEnabled(m_session->hasAdmin());
        m_weekly->setAdminZone(m_session->timeZone());
    });
    updatePreviewTitle();
}

BlockDialog* AvailabilityPage::addHours(int dayOfWeek) {
    AvailabilityBlock block;
    block.dayOfWeek = dayOfWeek;
    // Continue after the day's last block, or start at nine.
    const auto existing = m_blocks->blocksOn(dayOfWeek);
    block.startMinute =
        existing.isEmpty() ? 9 * 60 : std::min(existing.last().endMinute + 60, 23 * 60);
    block.endMinute = std::min(1440, block.startMinute + (existing.isEmpty() ? 8 * 60 : 120));
    block.timeZone = m_session->timeZone();
    return openModal(new BlockDialog(m_session, block, this));
}

BlockDialog* AvailabilityPage::editHours(const QString& blockId) {
    const int row = m_blocks->rowOf(blockId);
    if (row < 0)
        return nullptr;
    return openModal(new BlockDialog(m_session, m_blocks->rowAt(row), this));
}

void AvailabilityPage::removeHours(const QString& blockId) {
    apply([blockId](AvailabilityService& service, const QString& userId) {
        return service.remove(userId, blockId);
    });
}

OverrideDialog* AvailabilityPage::addOverride() {
    const QDate today = zonedtime::toLocal(m_session->clock().now(), m_session->timeZone()).date();
    return openModal(new OverrideDialog(m_session, today.addDays(1), this));
}

void AvailabilityPage::removeSelectedOverride() {
    const QModelIndex current = m_overrideList->currentIndex();
    if (!current.isValid())
        return;
    apply([overrideId = current.data(models::IdRole).toString()](AvailabilityService& service,
                                                                 const QString& userId) {
        return service.removeOverride(userId, overrideId);
    });
}

void AvailabilityPage::apply(Change change) {
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), change](storage::Database& database) {
            AvailabilityService service(database);
            return change(service, userId);
        },
        [this](Status changed) {
            if (!changed) {
                m_status->setText(changed.error().message);
                m_status->show();
                return;
            }
            m_status->hide();
            m_session->watcher()->check();
        });
}

void AvailabilityPage::updatePreviewTitle() {
    const int total = m_preview->totalSlots();
    m_previewCard->setTitle(
        total == 0
            ? tr("Preview: no slots in the next 7 days")
            : models::plural(tr("Preview: %n slot(s) in the next 7 days", nullptr, total), total) +
                  tr(" · %1-minute meetings, %2")
                      .arg(m_preview->meetingLength())
                      .arg(models::TimeText::zoneCity(m_session->timeZone())));
}

} // namespace slotdesk::ui
