#include "ui/IntegrationCard.h"

#include "models/AdminSession.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "ui/Appearance.h"

#include "core/ZonedTime.h"

#include <QDesktopServices>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace slotdesk::ui {

IntegrationCard::IntegrationCard(Icons::Glyph glyph, const QString& title, const QString& about,
                                 QWidget* parent)
    : QFrame(parent)
    , m_facts(new QGridLayout)
    , m_error(new QLabel(this))
    , m_message(new QLabel(this))
    , m_waiting(new QLabel(this))
    , m_openUrl([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
    setObjectName(QStringLiteral("card")); // the style sheet's name for a card
    setMaximumWidth(760);
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::icon(glyph).pixmap(QSize(36, 36)));
    auto* titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("sectionTitle"));
    auto* aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);
    aboutLabel->setObjectName(QStringLiteral("hint"));
    m_facts->setHorizontalSpacing(18);
    m_facts->setVerticalSpacing(6);
    m_facts->setColumnStretch(1, 1);
    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    auto* titleColumn = new QVBoxLayout;
    titleColumn->addWidget(titleLabel);
    titleColumn->addWidget(aboutLabel);
    titleRow->addLayout(titleColumn, 1);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(20, 18, 20, 18);
    m_layout->setSpacing(14);
    m_layout->addLayout(titleRow);
    m_layout->addLayout(m_facts);
    for (QLabel* label : {m_error, m_message}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->hide();
    }
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_message->setObjectName(QStringLiteral("hint"));
    m_waiting->setWordWrap(true);
    m_waiting->setTextFormat(Qt::RichText);
    m_waiting->setOpenExternalLinks(true);
    m_waiting->hide();
}

void IntegrationCard::addFact(const QString& caption, QWidget* value) {
    auto* label = new QLabel(caption, this);
    label->setObjectName(QStringLiteral("hint"));
    m_facts->addWidget(label, m_factRows, 0);
    m_facts->addWidget(value, m_factRows, 1);
    ++m_factRows;
}

void IntegrationCard::addButtons(std::initializer_list<QPushButton*> buttons) {
    auto* row = new QHBoxLayout;
    for (QPushButton* button : buttons)
        row->addWidget(button);
    row->addStretch(1);
    m_layout->addWidget(m_error);
    m_layout->addWidget(m_message);
    m_layout->addWidget(m_waiting);
    m_layout->addLayout(row);
}

void IntegrationCard::addWidget(QWidget* widget) {
    m_layout->addWidget(widget);
}

void IntegrationCard::showError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void IntegrationCard::hideMessage() {
    m_message->hide();
}

void IntegrationCard::hideWaiting() {
    m_waiting->hide();
}

void IntegrationCard::showWaiting(const QUrl& url) {
    QLabel* label = m_waiting;
    const bool opened = m_openUrl && m_openUrl(url);
    const QString link = url.toString(QUrl::FullyEncoded).toHtmlEscaped();
    label->setText((opened
                        ? tr("Waiting for the browser… Sign in there and allow SlotDesk access.")
                        : tr("SlotDesk could not open a browser. Open this address to sign in:")) +
                   QStringLiteral(" <a href=\"%1\">%2</a>").arg(link, tr("Open the sign-in page")));
    label->show();
}

void IntegrationCard::showMessage(bool ok, const QString& text) {
    QLabel* label = m_message;
    label->setObjectName(ok ? QStringLiteral("hint") : QStringLiteral("fieldError"));
    label->style()->unpolish(label);
    label->style()->polish(label);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString IntegrationCard::dot(const QColor& color, const QString& text) {
    return QStringLiteral("<span style=\"color:%1\">●</span> %2")
        .arg(color.name(), text.toHtmlEscaped());
}

QString IntegrationCard::syncStatusText(SyncStatus status) const {
    const QPalette& pal = palette();
    const QColor color = status == SyncStatus::Active  ? Appearance::success(pal)
                         : status == SyncStatus::Error ? Appearance::danger(pal)
                                                       : Appearance::subtleText(pal);
    return dot(color, models::StatusText::sync(status));
}

QString IntegrationCard::lastSyncText(const QDateTime& at, const models::AdminSession& session) {
    if (!at.isValid())
        return tr("Never");
    return tr("%1 (%2)").arg(models::TimeText::ago(at, session.clock().now()),
                             zonedtime::formatInZone(at, session.timeZone()));
}

QString IntegrationCard::withoutServiceText() {
    return tr("Not available: this window was started without integrations");
}

void IntegrationCard::ask(const QString& title, const QString& text, Answer answer,
                          const QString& yes) {
    if (m_question) {
        m_question(title, text, std::move(answer));
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, title, text,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText); // decided, not guessed
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->button(QMessageBox::Yes)->setText(yes.isEmpty() ? tr("Disconnect") : yes);
    connect(box, &QMessageBox::finished, this, [box, answer = std::move(answer)](int) {
        answer(box->clickedButton() == box->button(QMessageBox::Yes));
    });
    box->open();
}

void IntegrationCard::askForClient(OAuthClientDialog::Provider provider,
                                   std::function<void(const OAuthClientDialog& dialog)> accepted) {
    auto* dialog = new OAuthClientDialog(provider, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [dialog, accepted = std::move(accepted)] { accepted(*dialog); });
    dialog->open();
}

} // namespace slotdesk::ui
