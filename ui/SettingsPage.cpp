#include "ui/SettingsPage.h"

#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "profile/ProfileService.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/BackupCard.h"
#include "ui/EmailSettingsCard.h"
#include "ui/Icons.h"
#include "ui/PageHeader.h"
#include "ui/PrivacyCard.h"
#include "ui/ProfileForm.h"
#include "ui/ScrollingPage.h"
#include "ui/SectionCard.h"
#include "web/LinkBuilder.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

bool isLoopback(const QString& address) {
    if (address == QLatin1String("localhost"))
        return true;
    const QHostAddress host(address);
    return !host.isNull() && host.isLoopback();
}

} // namespace

SettingsPage::SettingsPage(models::AdminSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_profile(new ProfileForm(this))
    , m_saveProfile(new QPushButton(tr("Save profile"), this))
    , m_profileStatus(new QLabel(this))
    , m_link(new QLabel(this))
    , m_linkStatus(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_addressError(new QLabel(this))
    , m_addressWarning(new QLabel(this))
    , m_publicUrl(new QLineEdit(this))
    , m_publicUrlError(new QLabel(this))
    , m_theme(new QComboBox(this)) {
    setObjectName(QStringLiteral("settingsPage"));
    auto* content = new QWidget;

    // Profile.
    auto* profileCard = new SectionCard(tr("Profile"), QString(), content);
    auto* profileLayout = profileCard->body();
    m_saveProfile->setObjectName(QStringLiteral("primary"));
    m_saveProfile->setEnabled(false);
    m_profileStatus->setObjectName(QStringLiteral("hint"));
    auto* profileButtons = new QHBoxLayout;
    profileButtons->addWidget(m_profileStatus, 1);
    profileButtons->addWidget(m_saveProfile);
    profileLayout->addWidget(m_profile);
    profileLayout->addLayout(profileButtons);

    // Booking link.
    auto* linkCard = new SectionCard(tr("Booking link"), QString(), content);
    auto* linkLayout = linkCard->body();
    m_link->setObjectName(QStringLiteral("bookingLink"));
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setAccessibleName(tr("Your booking link"));
    QFont linkFont = m_link->font();
    linkFont.setPointSizeF(linkFont.pointSizeF() * 1.15);
    linkFont.setWeight(QFont::DemiBold);
    m_link->setFont(linkFont);
    m_linkStatus->setObjectName(QStringLiteral("linkStatus"));
    m_linkStatus->setTextFormat(Qt::RichText);
    m_linkStatus->setWordWrap(true);
    auto* copy = new QPushButton(Icons::icon(Icons::Glyph::Copy), tr("Copy link"), content);
    copy->setAccessibleName(tr("Copy the booking link"));
    auto* open =
        new QPushButton(Icons::icon(Icons::Glyph::OpenExternal), tr("Open in browser"), content);
    open->setAccessibleName(tr("Open the booking page in your browser"));
    auto* linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(copy);
    linkRow->addWidget(open);
    linkLayout->addLayout(linkRow);
    linkLayout->addWidget(m_linkStatus);

    m_address->setObjectName(QStringLiteral("listenAddress"));
    m_address->setAccessibleName(tr("Listen address"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_address->setText(AppSettings::listenAddress());
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(AppSettings::listenPort());
    m_port->setGroupSeparatorShown(false);
    auto* apply = new QPushButton(tr("Apply"), content);
    apply->setAccessibleName(tr("Apply the listen address"));
    m_addressError->setObjectName(QStringLiteral("fieldError"));
    m_addressError->hide();
    m_addressWarning->setObjectName(QStringLiteral("hint"));
    m_addressWarning->setWordWrap(true);
    auto* addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(new QLabel(tr("Port"), content));
    addressRow->addWidget(m_port);
    addressRow->addWidget(apply);
    m_publicUrl->setObjectName(QStringLiteral("publicUrl"));
    m_publicUrl->setAccessibleName(tr("Public address"));
    m_publicUrl->setPlaceholderText(QStringLiteral("https://book.example.org"));
    m_publicUrl->setText(AppSettings::publicUrl().toString());
    m_publicUrl->setToolTip(tr("Only behind a web server that serves your booking page over "
                               "HTTPS: the address people open. Every link attendees get "
                               "starts with it. Leave empty otherwise."));
    m_publicUrlError->setObjectName(QStringLiteral("fieldError"));
    m_publicUrlError->setWordWrap(true);
    m_publicUrlError->hide();
    auto* addressForm = new QFormLayout;
    addressForm->addRow(tr("Listen on"), addressRow);
    addressForm->addRow(QString(), m_addressError);
    addressForm->addRow(QString(), m_addressWarning);
    addressForm->addRow(tr("Public address"), m_publicUrl);
    addressForm->addRow(QString(), m_publicUrlError);
    linkLayout->addLayout(addressForm);

    // Appearance.
    auto* lookCard = new SectionCard(tr("Appearance"), QString(), content);
    auto* lookLayout = lookCard->body();
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), static_cast<int>(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(Appearance::current())));
    auto* lookForm = new QFormLayout;
    lookForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    lookForm->addRow(tr("Theme"), m_theme);
    lookLayout->addLayout(lookForm);

    auto* header =
        new PageHeader(tr("Settings"), tr("Your profile, your link, your look."), content);
    QVBoxLayout* contentLayout = layOutScrollingPage(this, content);
    contentLayout->addWidget(header);
    auto* mailCard = new EmailSettingsCard(session, content);
    m_backups = new BackupCard(session, content);
    m_privacy = new PrivacyCard(session, content);
    for (SectionCard* card :
         {profileCard, linkCard, static_cast<SectionCard*>(mailCard),
          static_cast<SectionCard*>(m_backups), static_cast<SectionCard*>(m_privacy), lookCard}) {
        card->setMaximumWidth(760);
        contentLayout->addWidget(card);
    }
    contentLayout->addStretch(1);

    connect(m_profile, &ProfileForm::edited, this, [this] {
        m_profileDirty = true;
        ++m_profileEdits;
        m_saveProfile->setEnabled(true);
        m_profileStatus->setText(tr("Unsaved changes"));
    });
    connect(m_saveProfile, &QPushButton::clicked, this, &SettingsPage::saveProfile);
    connect(apply, &QPushButton::clicked, this, &SettingsPage::applyListenAddress);
    connect(m_address, &QLineEdit::returnPressed, this, &SettingsPage::applyListenAddress);
    connect(m_publicUrl, &QLineEdit::returnPressed, this, &SettingsPage::applyListenAddress);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url.toString()); });
    connect(open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_url); });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const auto theme = static_cast<Appearance::Theme>(m_theme->currentData().toInt());
        Appearance::saveTheme(theme);
        Appearance::apply(theme);
    });
    connect(m_session, &models::AdminSession::adminChanged, this, [this] {
        if (!m_profileDirty)
            loadProfile();
        showLink();
    });
    loadProfile();
    showLink();
}

void SettingsPage::loadProfile() {
    if (!m_session->hasAdmin())
        return;
    m_profile->setUser(m_session->admin());
    m_profile->clearErrors();
    m_profileDirty = false;
    m_saveProfile->setEnabled(false);
}

bool SettingsPage::saveProfile() {
    if (!m_session->hasAdmin() || !m_profile->check())
        return false;
    m_saveProfile->setEnabled(false);
    m_session->worker()->post(
        this,
        [user = m_profile->user(m_session->admin())](storage::Database& database) {
            return ProfileService(database).update(user);
        },
        [this, edits = m_profileEdits](Result<User> updated) {
            if (!updated) {
                m_saveProfile->setEnabled(true);
                m_profile->showError(updated.error());
                return;
            }
            if (edits != m_profileEdits)
                return; // typed on meanwhile: still unsaved
            m_profileDirty = false;
            m_profileStatus->setText(tr("Saved"));
            m_session->watcher()->check();
        });
    return true;
}

bool SettingsPage::applyListenAddress() {
    const QString address = m_address->text().trimmed();
    const bool valid = address == QLatin1String("localhost") || !QHostAddress(address).isNull();
    m_addressError->setText(tr("Enter an IP address such as 127.0.0.1, or localhost"));
    m_addressError->setVisible(!valid);
    m_address->setAccessibleDescription(valid ? QString() : m_addressError->text());
    // Empty: no public address. Otherwise the same rule as --public-url.
    const QString publicText = m_publicUrl->text().trimmed();
    const auto publicUrl =
        publicText.isEmpty() ? Result<QUrl>(QUrl()) : web::parsePublicUrl(publicText);
    m_publicUrlError->setText(tr("Enter an address such as https://book.example.org: http or "
                                 "https, a host name, optionally a port and a path"));
    m_publicUrlError->setVisible(!publicUrl);
    m_publicUrl->setAccessibleDescription(publicUrl ? QString() : m_publicUrlError->text());
    if (!valid || !publicUrl)
        return false;

    const auto port = static_cast<quint16>(m_port->value());
    const bool changed =
        address != AppSettings::listenAddress() || port != AppSettings::listenPort();
    const bool publicChanged = *publicUrl != AppSettings::publicUrl();
    AppSettings::setListen(address, port);
    AppSettings::setPublicUrl(*publicUrl);
    m_publicUrl->setText(publicUrl->toString());
    showLink();
    if (publicChanged)
        emit publicUrlChanged(*publicUrl);
    if (changed)
        emit listenAddressChanged(address, port);
    return true;
}

void SettingsPage::setBookingLink(const QUrl& url, bool online, const QString& problem) {
    m_url = url;
    m_online = online;
    m_problem = problem;
    m_haveReport = true;
    showLink();
}

void SettingsPage::showLink() {
    if (!m_haveReport && m_session->hasAdmin())
        m_url = AppSettings::bookingUrl(m_session->admin().username);
    m_link->setText(m_url.isValid() ? m_url.toString() : tr("No link yet"));
    const QPalette& pal = palette();
    QString status;
    if (m_online && !m_problem.isEmpty())
        // The admin asked for another address, which failed: the link stays where it was.
        status = QStringLiteral("<span style=\"color:%1\">●</span> %2")
                     .arg(Appearance::success(pal).name(),
                          tr("Still online at the address above — the new one failed: %1")
                              .arg(m_problem)
                              .toHtmlEscaped());
    else if (m_online)
        status = QStringLiteral("<span style=\"color:%1\">●</span> %2")
                     .arg(Appearance::success(pal).name(), tr("Online — people can book you now"));
    else
        status = QStringLiteral("<span style=\"color:%1\">●</span> %2")
                     .arg(Appearance::danger(pal).name(),
                          (m_problem.isEmpty() ? tr("Offline — the booking server is not running")
                                               : tr("Offline — %1").arg(m_problem))
                              .toHtmlEscaped());
    m_linkStatus->setText(status);
    const QString address = AppSettings::listenAddress();
    m_addressWarning->setText(
        isLoopback(address)
            ? tr("Only this computer can open the link. Listen on another address to let "
                 "people on your network book you.")
            : tr("Anyone who can reach this computer on port %1 can open your booking page.")
                  .arg(AppSettings::listenPort()));
}

QString SettingsPage::linkText() const {
    return m_link->text();
}

QString SettingsPage::linkStatusText() const {
    return m_linkStatus->text();
}

} // namespace slotdesk::ui
