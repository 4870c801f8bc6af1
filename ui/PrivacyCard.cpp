#include "ui/PrivacyCard.h"

#include "models/AdminSession.h"
#include "models/DatabaseWorker.h"
#include "privacy/AttendeePrivacy.h"
#include "storage/AttendeeDataRepository.h"
#include "storage/Database.h"
#include "ui/FormFeedback.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace slotdesk::ui {

PrivacyCard::PrivacyCard(models::AdminSession* session, QWidget* parent)
    : SectionCard(tr("Privacy"), QString(), parent)
    , m_session(session)
    , m_days(new QSpinBox(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_status(new QLabel(this))
    , m_feedback(std::make_unique<FormFeedback>(this)) {
    setObjectName(QStringLiteral("privacyCard"));
    auto* explanation = new QLabel(
        tr("Attendees' names, e-mail addresses and notes can be anonymised by themselves some "
           "days after their meeting; times stay, so your history and busy times stay right. To "
           "erase one person's data now, select one of their bookings on the Bookings page and "
           "choose Forget attendee…"),
        this);
    explanation->setWordWrap(true);
    body()->addWidget(explanation);

    m_days->setObjectName(QStringLiteral("retentionDays"));
    m_days->setRange(0, storage::AttendeeDataRepository::kMaxRetentionDays);
    m_days->setSpecialValueText(tr("Off"));
    m_days->setSuffix(tr(" days after the meeting"));
    m_days->setAccessibleName(tr("Anonymise attendee data, days after the meeting (0: off)"));
    m_save->setObjectName(QStringLiteral("saveRetention"));
    m_status->setObjectName(QStringLiteral("retentionStatus"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_days, 1);
    row->addWidget(m_save);
    auto* form = new QFormLayout;
    form->addRow(tr("Anonymise attendee data"), row);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("retentionDays"), m_days));
    body()->addLayout(form);
    body()->addWidget(m_feedback->generalLabel());
    body()->addWidget(m_status);

    connect(m_days, &QSpinBox::valueChanged, this, [this] { m_status->clear(); });
    connect(m_save, &QPushButton::clicked, this, &PrivacyCard::save);
    connect(m_session, &models::AdminSession::adminChanged, this, [this] {
        if (m_session->userId() != m_loadedFor)
            load();
    });
    load();
}

PrivacyCard::~PrivacyCard() = default;

void PrivacyCard::load() {
    m_loadedFor = m_session->userId();
    if (!m_session->hasAdmin())
        return;
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), clock = m_session->clock()](storage::Database& database) {
            return privacy::AttendeePrivacy(database, clock).retentionDays(userId);
        },
        [this, userId = m_session->userId()](Result<int> days) {
            if (userId != m_session->userId())
                return; // another admin by now: their own load follows
            if (!days)
                return m_feedback->show(days.error());
            m_feedback->clear();
            m_days->setValue(*days);
            m_status->clear();
        });
}

void PrivacyCard::save() {
    m_feedback->clear();
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    const int days = m_days->value();
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), clock = m_session->clock(),
         days](storage::Database& database) -> Result<int> {
            if (auto s = privacy::AttendeePrivacy(database, clock).setRetentionDays(userId, days);
                !s)
                return s.error();
            return days;
        },
        [this](Result<int> stored) {
            m_save->setEnabled(true);
            if (!stored) {
                m_status->clear();
                m_feedback->show(stored.error());
                emit saved(false);
                return;
            }
            m_status->setText(*stored == 0
                                  ? tr("Saved: attendee data is kept until you forget it")
                                  : tr("Saved: attendee data is anonymised %n day(s) after each "
                                       "meeting",
                                       nullptr, *stored));
            emit saved(true);
        });
}

QString PrivacyCard::statusText() const {
    return m_status->text();
}

QString PrivacyCard::fieldError() const {
    return m_feedback->message(QStringLiteral("retentionDays"));
}

} // namespace slotdesk::ui
