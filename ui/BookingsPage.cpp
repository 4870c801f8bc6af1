#include "ui/BookingsPage.h"
#include "models/Plural.h"

#include "models/AdminSession.h"
#include "models/BookingFilterProxyModel.h"
#include "models/BookingTableModel.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"
#include "ui/BookingActions.h"
#include "ui/BookingDetailsPanel.h"
#include "ui/EmptyState.h"
#include "ui/Icons.h"
#include "ui/PageHeader.h"

#include "core/ZonedTime.h"
#include "storage/AttendeeDataRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

// The Status column as a coloured pill.
class StatusPillDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        // The row's background (selection, alternate colour) without the plain text.
        QStyleOptionViewItem plain = option;
        initStyleOption(&plain, index);
        plain.text.clear();
        const QStyle* style = plain.widget ? plain.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, plain.widget);
        const auto status = static_cast<BookingStatus>(index.data(models::StatusRole).toInt());
        const QPalette& pal = option.palette;
        QColor color = Appearance::subtleText(pal);
        if (status == BookingStatus::Confirmed)
            color = Appearance::success(pal);
        else if (status == BookingStatus::Pending)
            color = Appearance::pending(pal);
        else if (status == BookingStatus::Rejected)
            color = Appearance::danger(pal);
        const QString text = index.data().toString();
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.9);
        font.setWeight(QFont::DemiBold);
        const QFontMetrics fm(font);
        const QRectF pill(option.rect.left() + 6, option.rect.center().y() - fm.height() / 2.0 - 2,
                          fm.horizontalAdvance(text) + 18, fm.height() + 4);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor fill = color;
        fill.setAlphaF(Appearance::isDark(pal) ? 0.22f : 0.13f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(color);
        painter->setFont(font);
        painter->drawText(pill, Qt::AlignCenter, text);
        painter->restore();
    }
};

} // namespace

BookingsPage::BookingsPage(models::AdminSession* session, BookingActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_actions(actions)
    , m_model(new models::BookingTableModel(this))
    , m_proxy(new models::BookingFilterProxyModel(this))
    , m_header(new PageHeader(tr("Bookings"), QString(), this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_table(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(Icons::Glyph::Bookings, tr("No bookings match"),
                             tr("Try another status, a wider date range or a shorter search."),
                             this))
    , m_details(new BookingDetailsPanel(this))
    , m_cancel(new QPushButton(tr("Cancel booking…"), this))
    , m_reschedule(new QPushButton(tr("Reschedule…"), this))
    , m_forget(new QPushButton(tr("Forget attendee…"), this))
    , m_searchDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("bookingsPage"));
    m_cancel->setObjectName(QStringLiteral("cancelBooking"));
    m_cancel->setToolTip(tr("Cancel the selected confirmed booking, with a reason"));
    m_cancel->setAccessibleName(tr("Cancel the selected booking"));
    m_reschedule->setObjectName(QStringLiteral("rescheduleBooking"));
    m_reschedule->setToolTip(tr("Move the selected booking or request to another time"));
    m_reschedule->setAccessibleName(tr("Reschedule the selected booking"));
    m_header->addAction(m_reschedule);
    m_header->addAction(m_cancel);
    m_forget->setObjectName(QStringLiteral("forgetAttendee"));
    m_forget->setToolTip(tr("Erase the selected booking's attendee's name, e-mail address and "
                            "notes from all their bookings"));
    m_forget->setAccessibleName(tr("Forget the selected booking's attendee"));
    m_header->addAction(m_forget);

    m_search->setObjectName(QStringLiteral("bookingSearch"));
    m_search->setPlaceholderText(tr("Search name, email or notes"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::LeadingPosition);
    m_search->setAccessibleName(tr("Search bookings"));
    m_search->setMinimumWidth(260);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"), -1);
    m_status->addItem(tr("Pending"), static_cast<int>(BookingStatus::Pending));
    m_status->addItem(tr("Confirmed"), static_cast<int>(BookingStatus::Confirmed));
    m_status->addItem(tr("Rejected"), static_cast<int>(BookingStatus::Rejected));
    m_status->addItem(tr("Cancelled"), static_cast<int>(BookingStatus::Cancelled));

    m_range->setObjectName(QStringLiteral("rangeFilter"));
    m_range->setAccessibleName(tr("Date range"));
    m_range->addItem(tr("Upcoming"), static_cast<int>(Range::Upcoming));
    m_range->addItem(tr("Past"), static_cast<int>(Range::Past));
    m_range->addItem(tr("All dates"), static_cast<int>(Range::All));
    m_range->addItem(tr("Custom range"), static_cast<int>(Range::Custom));

    const QDate today = zonedtime::toLocal(m_session->clock().now(), m_session->timeZone()).date();
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setVisible(false);
    }
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setDate(today);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setAccessibleName(tr("To date (inclusive)"));
    m_to->setDate(today.addDays(30));
    auto* dash = new QLabel(tr("to"), this);
    dash->setVisible(false);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_range);
    filters->addWidget(m_from);
    filters->addWidget(dash);
    filters->addWidget(m_to);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("bookingsTable"));
    m_table->setAccessibleName(tr("Bookings"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 16);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(models::BookingTableModel::Email,
                                                      QHeaderView::Stretch);
    const QString widest = tr("%1 · %2").arg(models::TimeText::dayWithYear(QDate(2026, 9, 30)),
                                             models::TimeText::time(QTime(12, 59)));
    m_table->setColumnWidth(models::BookingTableModel::Start,
                            fontMetrics().horizontalAdvance(widest) + 36);
    m_table->setColumnWidth(models::BookingTableModel::Duration,
                            fontMetrics().horizontalAdvance(QStringLiteral("Length")) + 40);
    m_table->setColumnWidth(models::BookingTableModel::Attendee, 190);
    m_table->setColumnWidth(models::BookingTableModel::Status, 120);
    m_table->setItemDelegateForColumn(models::BookingTableModel::Status,
                                      new StatusPillDelegate(m_table));
    m_table->sortByColumn(models::BookingTableModel::Start, Qt::AscendingOrder);

    auto* tableCard = new QFrame(this);
    tableCard->setObjectName(QStringLiteral("card"));
    auto* cardLayout = new QVBoxLayout(tableCard);
    cardLayout->setContentsMargins(1, 1, 1, 1);
    m_table->setFrameShape(QFrame::NoFrame);
    cardLayout->addWidget(m_table);
    m_stack->addWidget(tableCard);
    m_stack->addWidget(m_empty);

    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_stack, 1);
    body->addWidget(m_details);
    m_details->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addLayout(filters);
    layout->addLayout(body, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_searchDelay, &QTimer::timeout, this, &BookingsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_status, &QComboBox::currentIndexChanged, this, &BookingsPage::applyFilters);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this, dash] {
        const bool custom = static_cast<Range>(m_range->currentData().toInt()) == Range::Custom;
        m_from->setVisible(custom);
        dash->setVisible(custom);
        m_to->setVisible(custom);
        const auto range = static_cast<Range>(m_range->currentData().toInt());
        // The past reads best newest first; everything else in time order.
        m_table->sortByColumn(models::BookingTableModel::Start,
                              range == Range::Past ? Qt::DescendingOrder : Qt::AscendingOrder);
        applyFilters();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &BookingsPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &BookingsPage::applyFilters);
    connect(m_cancel, &QPushButton::clicked, this, &BookingsPage::cancelSelected);
    connect(m_reschedule, &QPushButton::clicked, this, [this] {
        if (const QString id = currentId(); !id.isEmpty())
            m_actions->askAndReschedule(id);
    });
    connect(m_forget, &QPushButton::clicked, this, &BookingsPage::forgetSelected);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BookingsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BookingsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BookingsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &BookingsPage::updateDetails);
    connect(m_model, &models::BookingTableModel::totalCountChanged, this,
            &BookingsPage::updateState);
    connect(m_model, &models::BookingTableModel::loadingChanged, this, &BookingsPage::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BookingsPage::updateDetails);
    connect(m_details, &BookingDetailsPanel::closeRequested, this,
            [this] { m_table->setCurrentIndex({}); });
    m_details->setActions(m_actions);

    applyFilters();
    m_model->setSession(m_session);
    setFocusProxy(m_search);
    updateState();
}

void BookingsPage::applyFilters() {
    m_searchDelay->stop();
    const int status = m_status->currentData().toInt();
    m_proxy->setStatusFilter(status < 0 ? std::nullopt
                                        : std::optional(static_cast<BookingStatus>(status)));
    const QString zone = m_session->timeZone();
    const QDateTime now = m_session->clock().now();
    QDateTime from, before;
    switch (static_cast<Range>(m_range->currentData().toInt())) {
    case Range::Upcoming:
        from = zonedtime::startOfDay(zonedtime::toLocal(now, zone).date(), zone);
        break;
    case Range::Past:
        before = zonedtime::startOfDay(zonedtime::toLocal(now, zone).date(), zone);
        break;
    case Range::All:
        break;
    case Range::Custom:
        from = zonedtime::startOfDay(m_from->date(), zone);
        before = zonedtime::startOfDay(std::max(m_from->date(), m_to->date()).addDays(1), zone);
        break;
    }
    m_proxy->setDateRange(from, before);
    m_proxy->setSearchText(m_search->text());
    updateState();
}

void BookingsPage::cancelSelected() {
    const QString id = currentId();
    if (!id.isEmpty())
        m_actions->askAndCancel({id});
}

void BookingsPage::forgetSelected() {
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_actions->askAndForget(current.data(models::AttendeeEmailRole).toString());
}

QString BookingsPage::currentId() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(models::IdRole).toString() : QString();
}

void BookingsPage::updateState() {
    const int total = m_model->totalCount();
    // Rows already shown stay while newer ones are read; "Loading…" only instead of nothing.
    const bool loading = m_model->isLoading() && m_proxy->rowCount() == 0;
    m_header->setSubtitle(loading      ? EmptyState::loadingText()
                          : total == 0 ? tr("No bookings")
                                       : models::plural(tr("%1 booking(s)", nullptr, total), total)
                                             .arg(QLocale().toString(total)));
    m_empty->setLoading(loading);
    m_stack->setCurrentIndex(
        loading || (m_proxy->rowCount() == 0 && !m_model->canFetchMore({})) ? 1 : 0);
    const QModelIndex current = m_table->currentIndex();
    const auto status =
        current.isValid()
            ? std::optional(static_cast<BookingStatus>(current.data(models::StatusRole).toInt()))
            : std::nullopt;
    m_cancel->setEnabled(status == BookingStatus::Confirmed);
    m_reschedule->setEnabled(status == BookingStatus::Confirmed ||
                             status == BookingStatus::Pending);
    // An attendee already forgotten has nothing left to erase.
    m_forget->setEnabled(current.isValid() &&
                         current.data(models::AttendeeEmailRole).toString() !=
                             QLatin1String(storage::AttendeeDataRepository::kForgottenEmail));
}

void BookingsPage::updateDetails() {
    updateState();
    m_details->showBookingById(m_session, currentId());
}

} // namespace slotdesk::ui
