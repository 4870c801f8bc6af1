#include "ui/ApprovalsPage.h"
#include "models/Plural.h"

#include "models/ItemRoles.h"
#include "models/PendingBookingModel.h"
#include "ui/BookingActions.h"
#include "ui/EmptyState.h"
#include "ui/Icons.h"
#include "ui/PageHeader.h"
#include "ui/RequestCardDelegate.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace slotdesk::ui {

ApprovalsPage::ApprovalsPage(models::AdminSession*, models::PendingBookingModel* model,
                             BookingActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_actions(actions)
    , m_header(new PageHeader(tr("Approvals"), QString(), this))
    , m_list(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_reject(new QPushButton(tr("Reject…"), this)) {
    setObjectName(QStringLiteral("approvalsPage"));
    m_approve->setObjectName(QStringLiteral("primary"));
    m_approve->setToolTip(tr("Approve the selected requests (Ctrl+Enter)"));
    m_approve->setAccessibleName(tr("Approve selected requests"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Reject the selected requests, with an optional reason "
                            "(Ctrl+Backspace)"));
    m_reject->setAccessibleName(tr("Reject selected requests"));
    m_header->addAction(m_reject);
    m_header->addAction(m_approve);

    m_list->setObjectName(QStringLiteral("approvalsList"));
    m_list->setAccessibleName(tr("Booking requests"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new RequestCardDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setMouseTracking(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->viewport()->setAutoFillBackground(false);

    m_empty = new EmptyState(Icons::Glyph::Approvals, tr("You're all caught up"),
                             tr("New booking requests appear here, oldest first. You can "
                                "approve or reject several at once."),
                             this);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    auto* hint = new QLabel(tr("Select several with Ctrl or Shift · Ctrl+Enter approves · "
                               "Ctrl+Backspace rejects"),
                            this);
    hint->setObjectName(QStringLiteral("hint"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 14);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(hint);

    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ApprovalsPage::approveSelected);
    }
    auto* rejectShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Backspace), this);
    rejectShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(rejectShortcut, &QShortcut::activated, this, &ApprovalsPage::askRejectSelected);

    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPage::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsPage::askRejectSelected);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApprovalsPage::updateState);
    const auto arrived = [this] {
        if (isVisible())
            selectFirstRequest();
        updateState();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, arrived);
    connect(m_model, &QAbstractItemModel::modelReset, this, arrived);
    connect(m_model, &models::PendingBookingModel::loadingChanged, this,
            &ApprovalsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        // Keep the keyboard flow going: the next request becomes the selected one.
        if (!m_list->selectionModel()->hasSelection() && m_model->rowCount() > 0) {
            const QModelIndex current =
                m_list->currentIndex().isValid() ? m_list->currentIndex() : m_model->index(0, 0);
            m_list->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
        }
        updateState();
    });
    // "requested 5 min ago" ages with the clock, not with the database.
    auto* ageing = new QTimer(this);
    ageing->setInterval(60 * 1000);
    connect(ageing, &QTimer::timeout, m_list->viewport(), qOverload<>(&QWidget::update));
    ageing->start();
    setFocusProxy(m_list);
    updateState();
}

void ApprovalsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    selectFirstRequest();
}

void ApprovalsPage::selectFirstRequest() {
    if (!m_list->selectionModel()->hasSelection() && m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0, 0));
        m_list->selectionModel()->select(m_model->index(0, 0), QItemSelectionModel::ClearAndSelect);
    }
}

QStringList ApprovalsPage::selectedIds() const {
    QStringList ids;
    // The list shows column 0 only: selectedRows() would want every column selected.
    QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end());
    for (const auto& index : std::as_const(rows))
        ids.append(index.data(models::IdRole).toString());
    return ids;
}

void ApprovalsPage::approveSelected() {
    m_actions->approve(selectedIds());
}

void ApprovalsPage::rejectSelected(const QString& reason) {
    m_actions->reject(selectedIds(), reason);
}

void ApprovalsPage::askRejectSelected() {
    m_actions->askAndReject(selectedIds());
}

void ApprovalsPage::updateState() {
    const int count = m_model->rowCount();
    const int selected = static_cast<int>(m_list->selectionModel()->selectedIndexes().size());
    m_stack->setCurrentIndex(count == 0 ? 1 : 0);
    m_empty->setLoading(count == 0 && m_model->isLoading());
    m_approve->setEnabled(selected > 0);
    m_reject->setEnabled(selected > 0);
    m_approve->setText(selected > 1 ? tr("Approve %n", nullptr, selected) : tr("Approve"));
    m_reject->setText(selected > 1 ? tr("Reject %n…", nullptr, selected) : tr("Reject…"));
    m_header->setSubtitle(
        count == 0
            ? (m_model->isLoading() ? EmptyState::loadingText() : tr("No requests waiting"))
            : models::plural(tr("%n request(s) waiting · oldest first", nullptr, count), count));
}

} // namespace slotdesk::ui
