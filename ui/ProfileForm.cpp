#include "ui/ProfileForm.h"

#include "domain/Validation.h"
#include "ui/FormFeedback.h"
#include "ui/TimeZoneBox.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace slotdesk::ui {

ProfileForm::ProfileForm(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_zone(new TimeZoneBox(this))
    , m_feedback(new FormFeedback(this)) {
    setObjectName(QStringLiteral("profileForm"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Alice Example"));
    m_name->setAccessibleName(tr("Your name"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("alice"));
    m_username->setAccessibleName(tr("Username"));
    m_username->setToolTip(tr("Letters, digits and hyphens; it is the last part of your "
                              "booking link"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("alice@example.org"));
    m_email->setAccessibleName(tr("Email"));
    m_zone->setObjectName(QStringLiteral("zoneBox"));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(6);
    form->addRow(tr("&Name"), m_name);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("name"), m_name));
    form->addRow(tr("&Username"), m_username);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("username"), m_username));
    form->addRow(tr("&Email"), m_email);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("email"), m_email));
    form->addRow(tr("&Time zone"), m_zone);
    form->addRow(QString(), m_feedback->addField(QStringLiteral("timezone"), m_zone));
    form->addRow(QString(), m_feedback->generalLabel());

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& name) {
        if (m_suggest && !m_usernameTouched) {
            QString suggestion = name.toLower().normalized(QString::NormalizationForm_KD);
            suggestion.remove(QRegularExpression(QStringLiteral("[^a-z0-9\\s-]")));
            suggestion = suggestion.simplified().replace(QLatin1Char(' '), QLatin1Char('-'));
            m_username->setText(suggestion.left(32));
        }
        emit edited();
    });
    connect(m_username, &QLineEdit::textEdited, this, [this] {
        m_usernameTouched = true;
        emit edited();
    });
    connect(m_email, &QLineEdit::textEdited, this, &ProfileForm::edited);
    connect(m_zone, &QComboBox::currentTextChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
}

ProfileForm::~ProfileForm() {
    delete m_feedback;
}

void ProfileForm::setUser(const User& user) {
    m_name->setText(user.name);
    m_username->setText(user.username);
    m_email->setText(user.email);
    m_loading = true; // setting the zone is not the admin editing it
    m_zone->setZone(user.timeZone);
    m_loading = false;
    m_usernameTouched = !user.username.isEmpty();
}

User ProfileForm::user(const User& base) const {
    User u = base;
    u.name = m_name->text().trimmed();
    u.username = m_username->text().trimmed();
    u.email = m_email->text().trimmed();
    u.timeZone = m_zone->zone();
    return u;
}

bool ProfileForm::check() {
    m_feedback->clear();
    if (auto s = validation::user(user()); !s) {
        m_feedback->show(s.error());
        return false;
    }
    return true;
}

void ProfileForm::showError(const Error& error) {
    m_feedback->show(error);
}

void ProfileForm::clearErrors() {
    m_feedback->clear();
}

void ProfileForm::setSuggestUsername(bool suggest) {
    m_suggest = suggest;
}

} // namespace slotdesk::ui
