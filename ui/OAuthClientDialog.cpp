#include "ui/OAuthClientDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

OAuthClientDialog::OAuthClientDialog(Provider provider, QWidget* parent)
    : QDialog(parent)
    , m_provider(provider)
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new QLineEdit(this))
    , m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("oauthClientDialog"));
    const bool google = provider == Provider::Google;
    setWindowTitle(google ? tr("Google OAuth client") : tr("Zoom OAuth app"));
    auto* about = new QLabel(this);
    about->setWordWrap(true);
    about->setTextFormat(Qt::RichText);
    about->setOpenExternalLinks(true);
    about->setText(
        google ? tr("SlotDesk signs in to Google with an OAuth client of your own. Create one of "
                    "type <b>Desktop app</b> at <a href=\"https://console.cloud.google.com/"
                    "apis/credentials\">console.cloud.google.com</a> (with the Google Calendar "
                    "API enabled) and paste its client ID and secret here. The environment "
                    "variables SLOTDESK_GOOGLE_CLIENT_ID and SLOTDESK_GOOGLE_CLIENT_SECRET, when "
                    "set, take precedence.")
               : tr("SlotDesk signs in to Zoom with an OAuth app of your own. Create a "
                    "<b>General app</b> (user-managed) at <a href=\"https://marketplace.zoom.us/"
                    "\">marketplace.zoom.us</a> with the scopes to create and delete meetings "
                    "and to read your user, and paste its client ID and secret here. The "
                    "environment variables SLOTDESK_ZOOM_CLIENT_ID and "
                    "SLOTDESK_ZOOM_CLIENT_SECRET, when set, take precedence."));
    // Google's installed-app secret is not really secret (Google says so); Zoom's is.
    auto* stored = new QLabel(
        google ? tr("They are kept in SlotDesk's settings file; your sign-in tokens go to the "
                    "system keychain only.")
               : tr("The client ID is kept in SlotDesk's settings file; the client secret and "
                    "your sign-in tokens go to the system keychain only."),
        this);
    stored->setWordWrap(true);
    stored->setObjectName(QStringLiteral("hint"));

    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientSecret->setObjectName(QStringLiteral("clientSecret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("fieldError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Client ID"), m_clientId);
    form->addRow(tr("Client secret"), m_clientSecret);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save and connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &OAuthClientDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OAuthClientDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(stored);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString OAuthClientDialog::clientId() const {
    return m_clientId->text().trimmed();
}

QString OAuthClientDialog::clientSecret() const {
    return m_clientSecret->text().trimmed();
}

QString OAuthClientDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void OAuthClientDialog::accept() {
    QString problem;
    QLineEdit* field = nullptr;
    if (clientId().isEmpty()) {
        problem = tr("Client ID: enter the client ID.");
        field = m_clientId;
    } else if (clientSecret().isEmpty()) {
        // Google's Desktop clients have one too; Zoom refuses a token request without it.
        problem = tr("Client secret: enter the client secret.");
        field = m_clientSecret;
    }
    if (field) {
        m_error->setText(problem);
        m_error->show();
        field->setFocus();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace slotdesk::ui
