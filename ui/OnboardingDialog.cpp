#include "ui/OnboardingDialog.h"

#include "availability/AvailabilityService.h"
#include "domain/Validation.h"
#include "profile/ProfileService.h"
#include "ui/AppSettings.h"
#include "ui/Icons.h"
#include "ui/ProfileForm.h"
#include "ui/TimeZoneBox.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    label->setWordWrap(true);
    return label;
}

QLabel* paragraph(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("pageSubtitle"));
    label->setWordWrap(true);
    return label;
}

} // namespace

QString OnboardingDialog::systemTimeZone() {
    const QString zone = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    return validation::timeZone(zone) ? zone : QStringLiteral("UTC");
}

OnboardingDialog::OnboardingDialog(storage::Database& database, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_steps(new QStackedWidget(this))
    , m_form(new ProfileForm(this))
    , m_create(new QPushButton(tr("Create profile"), this))
    , m_link(new QLabel(this)) {
    setObjectName(QStringLiteral("onboardingDialog"));
    setWindowTitle(tr("Welcome to SlotDesk"));
    setWindowIcon(Icons::appIcon());

    // Step 1: the profile.
    auto* profileStep = new QWidget(m_steps);
    auto* logo = new QLabel(profileStep);
    logo->setPixmap(Icons::appIcon().pixmap(QSize(56, 56)));
    m_form->setParent(profileStep);
    m_form->setSuggestUsername(true);
    m_form->zoneBox()->setZone(systemTimeZone());
    m_create->setObjectName(QStringLiteral("primary"));
    m_create->setDefault(true);
    auto* quit = new QPushButton(tr("Quit"), profileStep);
    auto* profileButtons = new QHBoxLayout;
    profileButtons->addStretch(1);
    profileButtons->addWidget(quit);
    profileButtons->addWidget(m_create);
    auto* profileLayout = new QVBoxLayout(profileStep);
    profileLayout->setContentsMargins(28, 24, 28, 22);
    profileLayout->setSpacing(10);
    profileLayout->addWidget(logo);
    profileLayout->addWidget(heading(tr("Welcome to SlotDesk"), profileStep));
    profileLayout->addWidget(paragraph(tr("People pick a time on your booking page; you approve "
                                          "each request here. First, tell SlotDesk who you "
                                          "are."),
                                       profileStep));
    profileLayout->addSpacing(8);
    profileLayout->addWidget(m_form);
    auto* preview = new QLabel(profileStep);
    preview->setObjectName(QStringLiteral("hint"));
    preview->setTextFormat(Qt::PlainText);
    auto showPreview = [this, preview] {
        const QString username = m_form->usernameEdit()->text().trimmed();
        preview->setText(
            tr("Your booking link: %1")
                .arg(AppSettings::bookingUrl(username.isEmpty() ? tr("username") : username)
                         .toString()));
    };
    connect(m_form, &ProfileForm::edited, this, showPreview);
    showPreview();
    profileLayout->addWidget(preview);
    profileLayout->addStretch(1);
    profileLayout->addLayout(profileButtons);

    // Step 2: the booking link.
    auto* linkStep = new QWidget(m_steps);
    m_link->setObjectName(QStringLiteral("onboardingLink"));
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont linkFont = m_link->font();
    linkFont.setPointSizeF(linkFont.pointSizeF() * 1.25);
    linkFont.setWeight(QFont::DemiBold);
    m_link->setFont(linkFont);
    m_link->setAccessibleName(tr("Your booking link"));
    auto* copy = new QPushButton(Icons::icon(Icons::Glyph::Copy), tr("Copy link"), linkStep);
    auto* done = new QPushButton(tr("Open SlotDesk"), linkStep);
    done->setObjectName(QStringLiteral("primary"));
    auto* linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(copy);
    auto* linkButtons = new QHBoxLayout;
    linkButtons->addStretch(1);
    linkButtons->addWidget(done);
    auto* linkLayout = new QVBoxLayout(linkStep);
    linkLayout->setContentsMargins(28, 24, 28, 22);
    linkLayout->setSpacing(12);
    linkLayout->addWidget(heading(tr("You're ready"), linkStep));
    linkLayout->addWidget(
        paragraph(tr("Share this link. It works while SlotDesk is running."), linkStep));
    linkLayout->addLayout(linkRow);
    linkLayout->addWidget(paragraph(tr("You're bookable Monday to Friday, 09:00–17:00 in your "
                                       "time zone. Change your hours and rules under "
                                       "Availability, and the address under Settings."),
                                    linkStep));
    linkLayout->addStretch(1);
    linkLayout->addLayout(linkButtons);

    m_steps->addWidget(profileStep);
    m_steps->addWidget(linkStep);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_steps);
    resize(560, sizeHint().height());

    connect(m_create, &QPushButton::clicked, this, &OnboardingDialog::createProfile);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(done, &QPushButton::clicked, this, &QDialog::accept);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_link->text()); });
    m_form->nameEdit()->setFocus();
}

bool OnboardingDialog::isOnLinkStep() const {
    return m_steps->currentIndex() == 1;
}

QString OnboardingDialog::bookingLinkText() const {
    return m_link->text();
}

bool OnboardingDialog::createProfile() {
    if (!m_form->check())
        return false;
    ProfileService profiles(m_database);
    auto created = profiles.initialize(m_form->user());
    if (!created) {
        m_form->showError(created.error());
        return false;
    }
    AvailabilityService availability(m_database);
    for (int day = 1; day <= 5; ++day) {
        AvailabilityBlock block;
        block.userId = created->id;
        block.dayOfWeek = day;
        block.startMinute = 9 * 60;
        block.endMinute = 17 * 60;
        block.timeZone = created->timeZone;
        if (auto added = availability.add(block); !added) {
            m_form->showError(added.error());
            return false;
        }
    }
    m_link->setText(AppSettings::bookingUrl(created->username).toString());
    m_steps->setCurrentIndex(1);
    return true;
}

} // namespace slotdesk::ui
