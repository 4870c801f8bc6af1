#include "ui/CalendarPage.h"

#include "models/AdminSession.h"
#include "models/CalendarItemModel.h"
#include "models/ItemRoles.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"
#include "ui/BookingActions.h"
#include "ui/BookingDetailsPanel.h"
#include "ui/EmptyState.h"
#include "ui/Icons.h"

#include "core/ZonedTime.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

// A small coloured sample for the legend, painted like the calendar paints the kind.
class LegendSwatch : public QWidget {
public:
    enum class Kind { Confirmed, Pending, Busy };
    LegendSwatch(Kind kind, QWidget* parent)
        : QWidget(parent)
        , m_kind(kind) {
        setFixedSize(14, 14);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
        const QPalette& pal = palette();
        switch (m_kind) {
        case Kind::Confirmed:
            p.setPen(Qt::NoPen);
            p.setBrush(Appearance::accent(pal));
            break;
        case Kind::Pending: {
            p.setPen(QPen(Appearance::pending(pal), 1.2, Qt::DashLine));
            p.setBrush(Appearance::pendingFill(pal));
            break;
        }
        case Kind::Busy:
            p.setPen(Qt::NoPen);
            p.setBrush(Appearance::busyFill(pal));
            break;
        }
        p.drawRoundedRect(r, 3, 3);
    }

private:
    Kind m_kind;
};

QWidget* legendEntry(LegendSwatch::Kind kind, const QString& text, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(5);
    layout->addWidget(new LegendSwatch(kind, box));
    auto* label = new QLabel(text, box);
    label->setObjectName(QStringLiteral("hint"));
    layout->addWidget(label);
    return box;
}

} // namespace

CalendarPage::CalendarPage(models::AdminSession* session, BookingActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_actions(actions)
    , m_model(new models::CalendarItemModel(this))
    , m_view(new CalendarView(this))
    , m_details(new BookingDetailsPanel(this))
    , m_title(new QLabel(this))
    , m_zone(new QLabel(this))
    , m_loading(new QLabel(this))
    , m_moveHint(new QLabel(this))
    , m_modes(new QButtonGroup(this)) {
    setObjectName(QStringLiteral("calendarPage"));
    m_title->setObjectName(QStringLiteral("periodTitle"));
    m_title->setAccessibleName(tr("Shown period"));
    m_title->setMinimumWidth(120);
    m_zone->setObjectName(QStringLiteral("hint"));
    m_loading->setObjectName(QStringLiteral("hint"));
    m_loading->setAccessibleName(EmptyState::loadingText());
    m_moveHint->setObjectName(QStringLiteral("moveHint"));
    m_moveHint->setAccessibleName(tr("Where the dragged booking would go"));
    m_moveHint->setTextFormat(Qt::PlainText);

    auto* todayButton = new QPushButton(tr("Today"), this);
    todayButton->setToolTip(tr("Go to today (T)"));
    todayButton->setAccessibleName(tr("Go to today"));
    auto* previous = new QToolButton(this);
    previous->setIcon(Icons::icon(Icons::Glyph::ChevronLeft));
    previous->setToolTip(tr("Previous (Page Up)"));
    previous->setAccessibleName(tr("Previous period"));
    previous->setAutoRaise(true);
    auto* next = new QToolButton(this);
    next->setIcon(Icons::icon(Icons::Glyph::ChevronRight));
    next->setToolTip(tr("Next (Page Down)"));
    next->setAccessibleName(tr("Next period"));
    next->setAutoRaise(true);
    for (auto* b : {previous, next})
        b->setIconSize(QSize(20, 20));

    auto* modeBox = new QWidget(this);
    auto* modeLayout = new QHBoxLayout(modeBox);
    modeLayout->setContentsMargins(0, 0, 0, 0);
    modeLayout->setSpacing(0);
    const struct {
        CalendarView::Mode mode;
        const char* key; // object name, for the style sheet
        QString text;
        QString tip;
    } modes[] = {{CalendarView::Mode::Day, "modeDay", tr("Day"), tr("Day view (D)")},
                 {CalendarView::Mode::Week, "modeWeek", tr("Week"), tr("Week view (W)")},
                 {CalendarView::Mode::Month, "modeMonth", tr("Month"), tr("Month view (M)")}};
    for (const auto& m : modes) {
        auto* button = new QPushButton(m.text, modeBox);
        button->setCheckable(true);
        button->setToolTip(m.tip);
        button->setAccessibleName(m.tip);
        button->setObjectName(QString::fromLatin1(m.key));
        m_modes->addButton(button, static_cast<int>(m.mode));
        modeLayout->addWidget(button);
    }
    m_modes->button(static_cast<int>(CalendarView::Mode::Week))->setChecked(true);

    auto* legend = new QHBoxLayout;
    legend->setSpacing(16);
    legend->addWidget(legendEntry(LegendSwatch::Kind::Confirmed, tr("Confirmed"), this));
    legend->addWidget(legendEntry(LegendSwatch::Kind::Pending, tr("Pending request"), this));
    legend->addWidget(legendEntry(LegendSwatch::Kind::Busy, tr("Busy in your calendar"), this));
    legend->addStretch(1);
    legend->addWidget(m_moveHint);
    legend->addSpacing(12);
    legend->addWidget(m_loading);
    legend->addSpacing(12);
    legend->addWidget(m_zone);

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(6);
    toolbar->addWidget(m_title, 1);
    toolbar->addWidget(todayButton);
    toolbar->addWidget(previous);
    toolbar->addWidget(next);
    toolbar->addSpacing(12);
    toolbar->addWidget(modeBox);

    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("card"));
    auto* frameLayout = new QVBoxLayout(frame);
    frameLayout->setContentsMargins(1, 1, 1, 1);
    frameLayout->addWidget(m_view);

    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(frame, 1);
    body->addWidget(m_details);
    m_details->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(14);
    layout->addLayout(toolbar);
    layout->addLayout(body, 1);
    layout->addLayout(legend);

    m_view->setModel(m_model);
    m_view->setClock(m_session->clock());
    m_view->setTimeZone(m_session->timeZone());
    m_view->setDate(today());
    m_model->setRange(m_view->firstVisibleDate(), m_view->lastVisibleDate());
    m_model->setSession(m_session);
    m_view->scrollToWorkingHours();
    setFocusProxy(m_view);

    connect(todayButton, &QPushButton::clicked, this, &CalendarPage::goToday);
    connect(previous, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(1); });
    connect(m_modes, &QButtonGroup::idClicked, this,
            [this](int id) { setMode(static_cast<CalendarView::Mode>(id)); });
    connect(m_view, &CalendarView::rangeChanged, this, &CalendarPage::updateRange);
    connect(m_view, &CalendarView::modeChangeRequested, this, &CalendarPage::setMode);
    connect(m_view, &CalendarView::periodStepRequested, this, &CalendarPage::step);
    connect(m_view, &CalendarView::todayRequested, this, &CalendarPage::goToday);
    connect(m_view, &CalendarView::dayRequested, this, &CalendarPage::showDay);
    // Queued: the panel narrows the view, which must not happen while it handles the click.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CalendarPage::updateDetails, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CalendarPage::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CalendarPage::updateDetails);
    // A subtle "Loading…" beside the zone while a range is read; its text, not its visibility,
    // changes, so the row never moves.
    connect(m_model, &models::CalendarItemModel::loadingChanged, this, [this](bool loading) {
        m_loading->setText(loading ? EmptyState::loadingText() : QString());
    });
    connect(m_view, &QAbstractItemView::activated, this, [this] {
        if (m_details->isVisible())
            m_details->setFocus();
    });
    connect(m_details, &BookingDetailsPanel::closeRequested, this, [this] {
        m_view->setCurrentIndex({});
        m_view->setFocus();
    });
    m_details->setActions(m_actions);
    connect(m_view, &CalendarView::movePreviewChanged, this, &CalendarPage::showMovePreview);
    connect(m_view, &CalendarView::moveRequested, this, &CalendarPage::requestMove);
    connect(m_session, &models::AdminSession::adminChanged, this, [this] {
        m_view->setTimeZone(m_session->timeZone());
        updateTitle();
    });
    connect(m_session, &models::AdminSession::databaseChanged, this,
            &CalendarPage::loadSlotInterval);
    updateTitle();
    loadSlotInterval();
}

void CalendarPage::loadSlotInterval() {
    m_session->readBookingSettings(this, [this](Result<BookingSettings> settings) {
        // Without the rules the grid stays as it was; the move itself checks them.
        if (settings)
            m_view->setSlotInterval(settings->slotInterval);
    });
}

void CalendarPage::showMovePreview(const QDateTime& localStart, const QStringList& overlaps) {
    if (!localStart.isValid()) {
        m_moveHint->clear();
        return;
    }
    QString text = tr("Move to %1, %2")
                       .arg(models::TimeText::day(localStart.date()),
                            models::TimeText::time(localStart.time()));
    if (!overlaps.isEmpty())
        text = tr("%1 — overlaps %2").arg(text, overlaps.join(tr(", ")));
    m_moveHint->setText(text);
    QPalette pal = m_moveHint->palette();
    pal.setColor(QPalette::WindowText, overlaps.isEmpty() ? palette().color(QPalette::WindowText)
                                                          : Appearance::danger(palette()));
    m_moveHint->setPalette(pal);
}

void CalendarPage::requestMove(const QModelIndex& index, const QDateTime& localStart) {
    const QDateTime start = index.data(models::StartUtcRole).toDateTime();
    const QDateTime end = index.data(models::EndUtcRole).toDateTime();
    m_actions->reschedule(index.data(models::IdRole).toString(),
                          zonedtime::fromLocal(localStart, m_session->timeZone()),
                          static_cast<int>(start.secsTo(end) / 60), true);
}

QString CalendarPage::periodTitle() const {
    return m_title->text();
}

void CalendarPage::setMode(CalendarView::Mode mode) {
    m_view->setMode(mode);
    if (auto* button = m_modes->button(static_cast<int>(mode)))
        button->setChecked(true);
    updateTitle();
}

QDate CalendarPage::today() const {
    return zonedtime::toLocal(m_session->clock().now(), m_session->timeZone()).date();
}

void CalendarPage::goToday() {
    m_view->setDate(today());
    if (m_view->mode() != CalendarView::Mode::Month)
        m_view->scrollToWorkingHours();
}

void CalendarPage::step(int periods) {
    const QDate anchor = m_view->date();
    switch (m_view->mode()) {
    case CalendarView::Mode::Day:
        m_view->setDate(anchor.addDays(periods));
        break;
    case CalendarView::Mode::Week:
        m_view->setDate(anchor.addDays(7 * periods));
        break;
    case CalendarView::Mode::Month:
        m_view->setDate(anchor.addMonths(periods));
        break;
    }
}

void CalendarPage::showDay(const QDate& date) {
    m_view->setDate(date);
    setMode(CalendarView::Mode::Day);
}

void CalendarPage::updateRange() {
    m_model->setRange(m_view->firstVisibleDate(), m_view->lastVisibleDate());
    updateTitle();
}

void CalendarPage::updateTitle() {
    using models::TimeText;
    const QDate first = m_view->firstVisibleDate();
    const QDate last = m_view->lastVisibleDate();
    QString title;
    switch (m_view->mode()) {
    case CalendarView::Mode::Day:
        title = TimeText::longDate(first);
        break;
    case CalendarView::Mode::Week:
        if (first.month() == last.month())
            title = tr("%1–%2", "week in one month: 1–7 December 2026")
                        .arg(QString::number(first.day()), TimeText::dayLongMonthYear(last));
        else if (first.year() == last.year())
            title = tr("%1 – %2").arg(TimeText::dayMonth(first), TimeText::dayMonthYear(last));
        else
            title = tr("%1 – %2").arg(TimeText::dayMonthYear(first), TimeText::dayMonthYear(last));
        break;
    case CalendarView::Mode::Month:
        title = TimeText::monthYear(m_view->date());
        break;
    }
    m_title->setText(title);
    const QString zone = m_session->timeZone();
    m_zone->setText(tr("%1 · %2").arg(models::TimeText::zoneCity(zone),
                                      models::TimeText::utcOffset(m_session->clock().now(), zone)));
    m_zone->setToolTip(tr("Times are shown in your time zone, %1").arg(zone));
}

void CalendarPage::updateDetails() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->dismiss();
        return;
    }
    const auto kind =
        static_cast<models::CalendarItem::Kind>(current.data(models::KindRole).toInt());
    if (kind == models::CalendarItem::Kind::BusyEvent) {
        m_details->showBusyEvent(current.data(Qt::DisplayRole).toString(),
                                 current.data(models::StartUtcRole).toDateTime(),
                                 current.data(models::EndUtcRole).toDateTime(),
                                 m_session->timeZone());
        m_details->show();
        return;
    }
    m_details->showBookingById(m_session, current.data(models::IdRole).toString());
}

} // namespace slotdesk::ui
