#include "ui/BookingRulesForm.h"

#include "availability/AvailabilityService.h"
#include "domain/Validation.h"
#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "ui/FormFeedback.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace slotdesk::ui {
namespace {

const QList<int> kCommonLengths{15, 20, 30, 45, 60, 90, 120};

QSpinBox* minutesBox(int maximum, int step, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSingleStep(step);
    box->setSuffix(QObject::tr(" min"));
    box->setAccelerated(true);
    return box;
}

QSpinBox* countBox(int maximum, const QString& unlimited, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSpecialValueText(unlimited);
    box->setAccelerated(true);
    return box;
}

} // namespace

BookingRulesForm::BookingRulesForm(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_durationBox(new QWidget(this))
    , m_default(new QComboBox(this))
    , m_interval(minutesBox(480, 5, this))
    , m_bufferBefore(minutesBox(480, 5, this))
    , m_bufferAfter(minutesBox(480, 5, this))
    , m_notice(minutesBox(43200, 30, this))
    , m_horizon(new QSpinBox(this))
    , m_cap(countBox(validation::kMaxBookingsPerDay, tr("No limit"), this))
    , m_weeklyCap(countBox(validation::kMaxBookingsPerWeek, tr("No limit"), this))
    , m_monthlyCap(countBox(validation::kMaxBookingsPerMonth, tr("No limit"), this))
    , m_approval(new QComboBox(this))
    , m_approvalWithin(new QSpinBox(this))
    , m_changeNotice(new QSpinBox(this))
    , m_reschedule(new QCheckBox(tr("Attendees may move their bookings"), this))
    , m_save(new QPushButton(tr("Save rules"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_status(new QLabel(this))
    , m_feedback(new FormFeedback(this)) {
    setObjectName(QStringLiteral("bookingRules"));
    auto* durations = new QHBoxLayout(m_durationBox);
    durations->setContentsMargins(0, 0, 0, 0);
    durations->setSpacing(4);
    for (int minutes : kCommonLengths) {
        auto* button = new QPushButton(QString::number(minutes), m_durationBox);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("durationChip"));
        button->setProperty("minutes", minutes);
        button->setAccessibleName(tr("Offer %1-minute meetings").arg(minutes));
        button->setFixedWidth(button->fontMetrics().horizontalAdvance(QStringLiteral("000")) + 16);
        connect(button, &QPushButton::toggled, this, [this] {
            if (m_loading)
                return;
            rebuildDefaultChoices(m_default->currentData().toInt());
            markDirty();
        });
        m_durationButtons.append(button);
        durations->addWidget(button);
    }
    durations->addWidget(new QLabel(tr("min"), m_durationBox));
    durations->addStretch(1);
    m_durationBox->setAccessibleName(tr("Meeting lengths offered"));

    m_default->setAccessibleName(tr("Default length"));
    m_interval->setSpecialValueText(tr("Same as the length"));
    m_interval->setAccessibleName(tr("Slot interval"));
    m_interval->setToolTip(tr("Minutes between possible start times"));
    m_bufferBefore->setAccessibleName(tr("Buffer before"));
    m_bufferBefore->setToolTip(tr("Free minutes required before anything already booked"));
    m_bufferAfter->setAccessibleName(tr("Buffer after"));
    m_bufferAfter->setToolTip(tr("Free minutes required after anything already booked"));
    m_notice->setAccessibleName(tr("Minimum notice"));
    m_notice->setToolTip(tr("How soon before a meeting it can still be booked"));
    m_horizon->setRange(1, 365);
    m_horizon->setSuffix(tr(" days"));
    m_horizon->setAccessibleName(tr("Booking window"));
    m_horizon->setToolTip(tr("How many days ahead people can book"));
    m_cap->setAccessibleName(tr("Bookings per day"));
    m_cap->setToolTip(tr("The most bookings SlotDesk accepts on one day"));
    m_weeklyCap->setAccessibleName(tr("Bookings per week"));
    m_weeklyCap->setToolTip(tr("The most bookings SlotDesk accepts from Monday to Sunday"));
    m_monthlyCap->setAccessibleName(tr("Bookings per month"));
    m_monthlyCap->setToolTip(tr("The most bookings SlotDesk accepts in one calendar month"));

    m_approval->addItem(tr("Every request"), static_cast<int>(ApprovalPolicy::Always));
    m_approval->addItem(tr("Requests at short notice"),
                        static_cast<int>(ApprovalPolicy::ShortNotice));
    m_approval->addItem(tr("None: confirm bookings at once"),
                        static_cast<int>(ApprovalPolicy::Never));
    m_approval->setAccessibleName(tr("Needs your approval"));
    m_approval->setToolTip(tr("Which requests wait for you; the others are confirmed at once"));
    m_approvalWithin->setRange(1, validation::kMaxApprovalWithinHours);
    m_approvalWithin->setSuffix(tr(" h ahead"));
    m_approvalWithin->setPrefix(tr("less than "));
    m_approvalWithin->setAccessibleName(tr("Short notice"));
    m_approvalWithin->setToolTip(
        tr("A request starting sooner than this waits for your approval; later ones are "
           "confirmed at once"));
    m_changeNotice->setRange(0, validation::kMaxAttendeeChangeNoticeHours);
    m_changeNotice->setSuffix(tr(" h before the start"));
    m_changeNotice->setSpecialValueText(tr("Until the start"));
    m_changeNotice->setAccessibleName(tr("Attendees can cancel or move until"));
    m_changeNotice->setToolTip(tr("How long before a confirmed meeting attendees can still "
                                  "cancel or move it themselves"));
    m_reschedule->setAccessibleName(tr("Attendees may move their bookings"));

    for (QWidget* box : std::initializer_list<QWidget*>{
             m_default, m_interval, m_bufferBefore, m_bufferAfter, m_notice, m_horizon, m_cap,
             m_weeklyCap, m_monthlyCap, m_approval, m_approvalWithin, m_changeNotice})
        box->setMinimumWidth(150);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setVerticalSpacing(8);
    auto addRow = [&](const QString& label, QWidget* input, const QString& field) {
        form->addRow(label, input);
        form->addRow(QString(), m_feedback->addField(field, input));
    };
    addRow(tr("Lengths offered"), m_durationBox, QStringLiteral("durations"));
    addRow(tr("Default length"), m_default, QStringLiteral("defaultDuration"));
    addRow(tr("Start times every"), m_interval, QStringLiteral("slotInterval"));
    addRow(tr("Buffer before"), m_bufferBefore, QStringLiteral("bufferBefore"));
    addRow(tr("Buffer after"), m_bufferAfter, QStringLiteral("bufferAfter"));
    addRow(tr("Minimum notice"), m_notice, QStringLiteral("minimumNotice"));
    addRow(tr("Bookable up to"), m_horizon, QStringLiteral("horizonDays"));
    addRow(tr("Bookings per day"), m_cap, QStringLiteral("maxBookingsPerDay"));
    addRow(tr("Bookings per week"), m_weeklyCap, QStringLiteral("maxBookingsPerWeek"));
    addRow(tr("Bookings per month"), m_monthlyCap, QStringLiteral("maxBookingsPerMonth"));
    addRow(tr("Needs your approval"), m_approval, QStringLiteral("approvalPolicy"));
    addRow(tr("Short notice"), m_approvalWithin, QStringLiteral("approvalWithinHours"));
    addRow(tr("Cancel or move until"), m_changeNotice, QStringLiteral("attendeeChangeNoticeHours"));
    addRow(tr("Rescheduling"), m_reschedule, QStringLiteral("attendeeReschedule"));

    m_save->setObjectName(QStringLiteral("primary"));
    m_save->setAccessibleName(tr("Save booking rules"));
    m_status->setObjectName(QStringLiteral("hint"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_feedback->generalLabel());
    layout->addLayout(buttons);

    for (QSpinBox* box : {m_interval, m_bufferBefore, m_bufferAfter, m_notice, m_horizon, m_cap,
                          m_weeklyCap, m_monthlyCap, m_approvalWithin, m_changeNotice})
        connect(box, &QSpinBox::valueChanged, this, &BookingRulesForm::markDirty);
    connect(m_default, &QComboBox::currentIndexChanged, this, &BookingRulesForm::markDirty);
    connect(m_approval, &QComboBox::currentIndexChanged, this, [this] {
        updateApprovalWithin();
        markDirty();
    });
    connect(m_reschedule, &QCheckBox::toggled, this, &BookingRulesForm::markDirty);
    connect(m_save, &QPushButton::clicked, this, &BookingRulesForm::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        m_dirty = false;
        load();
    });
    connect(m_session, &models::AdminSession::databaseChanged, this, [this] {
        if (!m_dirty)
            load();
    });
    load();
}

BookingRulesForm::~BookingRulesForm() {
    delete m_feedback;
}

void BookingRulesForm::load() {
    m_session->readBookingSettings(this, [this](Result<BookingSettings> settings) {
        if (!settings) {
            m_feedback->show(settings.error());
            return;
        }
        // What the admin typed since wins over what was saved before.
        if (!m_dirty)
            showSettings(*settings);
    });
}

void BookingRulesForm::showSettings(const BookingSettings& settings) {
    m_loading = true;
    m_loaded = settings;
    for (QPushButton* button : std::as_const(m_durationButtons))
        button->setChecked(m_loaded.durations.contains(button->property("minutes").toInt()));
    rebuildDefaultChoices(m_loaded.defaultDuration);
    m_interval->setValue(m_loaded.slotInterval);
    m_bufferBefore->setValue(m_loaded.bufferBefore);
    m_bufferAfter->setValue(m_loaded.bufferAfter);
    m_notice->setValue(m_loaded.minimumNotice);
    m_horizon->setValue(m_loaded.horizonDays);
    m_cap->setValue(m_loaded.maxBookingsPerDay);
    m_weeklyCap->setValue(m_loaded.maxBookingsPerWeek);
    m_monthlyCap->setValue(m_loaded.maxBookingsPerMonth);
    m_approval->setCurrentIndex(m_approval->findData(static_cast<int>(m_loaded.approvalPolicy)));
    m_approvalWithin->setValue(m_loaded.approvalWithinHours);
    updateApprovalWithin();
    m_changeNotice->setValue(m_loaded.attendeeChangeNoticeHours);
    m_reschedule->setChecked(m_loaded.attendeeReschedule);
    m_loading = false;
    m_dirty = false;
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
}

void BookingRulesForm::setDurationOffered(int minutes, bool offered) {
    for (QPushButton* button : std::as_const(m_durationButtons)) {
        if (button->property("minutes").toInt() == minutes)
            button->setChecked(offered);
    }
}

void BookingRulesForm::rebuildDefaultChoices(int preferred) {
    const bool wasLoading = m_loading;
    m_loading = true;
    m_default->clear();
    QList<int> offered;
    for (QPushButton* button : std::as_const(m_durationButtons)) {
        if (button->isChecked())
            offered.append(button->property("minutes").toInt());
    }
    // A length stored by another tool that is not one of the buttons stays offered.
    for (int minutes : std::as_const(m_loaded.durations)) {
        if (!kCommonLengths.contains(minutes) && !offered.contains(minutes))
            offered.append(minutes);
    }
    std::sort(offered.begin(), offered.end());
    for (int minutes : std::as_const(offered))
        m_default->addItem(tr("%1 min").arg(minutes), minutes);
    const int index = m_default->findData(preferred);
    m_default->setCurrentIndex(index >= 0 ? index : 0);
    m_loading = wasLoading;
}

BookingSettings BookingRulesForm::settingsFromFields() const {
    BookingSettings s = m_loaded;
    s.userId = m_session->userId();
    s.durations.clear();
    for (int i = 0; i < m_default->count(); ++i)
        s.durations.append(m_default->itemData(i).toInt());
    s.defaultDuration = m_default->currentData().toInt();
    s.slotInterval = m_interval->value();
    s.bufferBefore = m_bufferBefore->value();
    s.bufferAfter = m_bufferAfter->value();
    s.minimumNotice = m_notice->value();
    s.horizonDays = m_horizon->value();
    s.maxBookingsPerDay = m_cap->value();
    s.maxBookingsPerWeek = m_weeklyCap->value();
    s.maxBookingsPerMonth = m_monthlyCap->value();
    s.approvalPolicy = static_cast<ApprovalPolicy>(m_approval->currentData().toInt());
    s.approvalWithinHours = m_approvalWithin->value();
    s.attendeeChangeNoticeHours = m_changeNotice->value();
    s.attendeeReschedule = m_reschedule->isChecked();
    return s;
}

void BookingRulesForm::updateApprovalWithin() {
    m_approvalWithin->setEnabled(m_approval->currentData().toInt() ==
                                 static_cast<int>(ApprovalPolicy::ShortNotice));
}

void BookingRulesForm::markDirty() {
    if (m_loading)
        return;
    m_dirty = true;
    m_save->setEnabled(true);
    m_revert->setEnabled(true);
    m_status->setText(tr("Unsaved changes"));
}

void BookingRulesForm::save() {
    m_feedback->clear();
    m_session->worker()->post(
        this,
        [settings = settingsFromFields()](storage::Database& database) {
            return AvailabilityService(database).saveSettings(settings);
        },
        [this](Result<BookingSettings> saved) {
            if (!saved) {
                m_feedback->show(saved.error());
                return;
            }
            m_dirty = false;
            m_session->watcher()->check();
            load();
            m_status->setText(tr("Saved"));
        });
}

} // namespace slotdesk::ui
