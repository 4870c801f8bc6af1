#include "ui/ZoomCard.h"

#include "models/AdminSession.h"
#include "models/IntegrationModel.h"
#include "models/ServiceThread.h"
#include "ui/Appearance.h"

#include "integration/KeychainSecretStore.h"
#include "video/ZoomConfig.h"
#include "video/ZoomService.h"

#include <QLabel>
#include <QPushButton>

namespace slotdesk::ui {

ZoomCard::ZoomCard(models::AdminSession* session, models::IntegrationModel* model, QWidget* parent)
    : IntegrationCard(Icons::Glyph::Integrations, tr("Zoom"),
                      tr("When an attendee asks for Zoom, SlotDesk creates the meeting as you "
                         "approve the booking, puts its link into the booking and your "
                         "calendar event, and deletes it when the booking is cancelled."),
                      parent)
    , m_session(session)
    , m_model(model)
    , m_status(new QLabel(this))
    , m_account(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect Zoom…"), this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
    , m_cancelConnect(new QPushButton(tr("Cancel"), this))
    , m_keychain(new integration::KeychainSecretStore(this)) {
    m_status->setObjectName(QStringLiteral("zoomStatus"));
    m_status->setTextFormat(Qt::RichText);
    m_account->setObjectName(QStringLiteral("zoomAccount"));
    m_account->setTextFormat(Qt::PlainText); // what Zoom says the account is
    m_connect->setObjectName(QStringLiteral("zoomConnect"));
    m_disconnect->setObjectName(QStringLiteral("zoomDisconnect"));
    m_cancelConnect->setObjectName(QStringLiteral("zoomCancelConnect"));
    m_cancelConnect->hide();

    addFact(tr("Status"), m_status);
    addFact(tr("Account"), m_account);

    addButtons({m_connect, m_disconnect, m_cancelConnect});

    connect(m_connect, &QPushButton::clicked, this, &ZoomCard::connectZoom);
    connect(m_disconnect, &QPushButton::clicked, this, &ZoomCard::disconnectZoom);
    connect(m_cancelConnect, &QPushButton::clicked, this, [this] {
        models::invokeOnThread(m_zoom.data(),
                               [](zoom::ZoomService& zoom) { zoom.cancelConnect(); });
    });
    // The model reads the Zoom row whenever the database changes (bookings change it too).
    connect(m_model, &models::IntegrationModel::refreshed, this, &ZoomCard::showIntegration);
    showIntegration();
}

void ZoomCard::setService(zoom::ZoomService* zoom) {
    if (m_zoom)
        disconnect(m_zoom, nullptr, this, nullptr);
    m_zoom = zoom;
    m_connecting = false;
    if (zoom) {
        connect(zoom, &zoom::ZoomService::authorizationUrlReady, this, [this](const QUrl& url) {
            m_connecting = true;
            showWaiting(url);
            showIntegration();
        });
        connect(zoom, &zoom::ZoomService::connectFinished, this,
                [this](bool ok, const QString& message) {
                    m_connecting = false;
                    hideWaiting();
                    showMessage(ok, ok ? message : tr("Could not connect Zoom: %1").arg(message));
                    showIntegration();
                    m_model->reload();
                });
        connect(zoom, &zoom::ZoomService::disconnectFinished, this,
                [this](bool ok, const QString& message) {
                    showMessage(ok, message);
                    showIntegration();
                    m_model->reload();
                });
        connect(zoom, &zoom::ZoomService::integrationChanged, m_model,
                &models::IntegrationModel::reload);
        connect(zoom, &zoom::ZoomService::syncFinished, m_model, &models::IntegrationModel::reload);
    }
    showIntegration();
}

void ZoomCard::showIntegration() {
    const QPalette& pal = palette();
    const std::optional<storage::VideoIntegration> zoom =
        m_zoom && m_session->hasAdmin() ? m_model->zoom() : std::nullopt;
    m_connected = zoom.has_value();
    const bool connecting = m_zoom && m_connecting;
    if (!zoom) {
        m_status->setText(dot(Appearance::subtleText(pal), tr("Not connected")));
        m_account->setText(tr("—"));
        showError({});
    } else {
        const bool ok = zoom->status == VideoIntegrationStatus::Connected;
        const QString status = ok ? tr("Connected")
                               : zoom->status == VideoIntegrationStatus::ReauthRequired
                                   ? tr("Reconnect needed")
                                   : tr("Error");
        m_status->setText(dot(ok ? Appearance::success(pal) : Appearance::danger(pal), status));
        m_account->setText(zoom->accountEmail.isEmpty() ? tr("—") : zoom->accountEmail);
        showError(zoom->lastError);
    }
    const bool reauth = zoom && !isUsable(zoom->status);
    for (QPushButton* button : {m_connect, m_disconnect}) {
        button->setEnabled(m_zoom != nullptr && !connecting);
        button->setToolTip(m_zoom ? QString() : withoutServiceText());
    }
    m_connect->setText(reauth ? tr("Reconnect Zoom…") : tr("Connect Zoom…"));
    m_connect->setVisible(!m_connected || reauth || connecting);
    m_disconnect->setVisible(m_connected && !connecting);
    m_cancelConnect->setVisible(connecting);
    if (!connecting)
        hideWaiting();
}

void ZoomCard::connectZoom() {
    if (!m_zoom || m_clientCheck)
        return;
    hideMessage();
    // Whether a Zoom OAuth app is configured is a question for the keychain (its secret is
    // there), which answers later.
    m_clientCheck = true;
    zoom::ClientCredentials::load(m_keychain, this, [this](Result<zoom::ClientCredentials> client) {
        m_clientCheck = false;
        if (!m_zoom)
            return;
        if (!client && client.error().code == ErrorCode::Validation) {
            askForClient(
                OAuthClientDialog::Provider::Zoom, [this](const OAuthClientDialog& dialog) {
                    if (!m_zoom)
                        return;
                    // Zoom's secret goes to the keychain only: without a usable one
                    // nothing is saved, and the card says why.
                    zoom::ClientCredentials::save({dialog.clientId(), dialog.clientSecret()},
                                                  m_keychain, this, [this](const Status& saved) {
                                                      if (!saved)
                                                          showMessage(false, saved.error().message);
                                                      else
                                                          connectZoom();
                                                  });
                });
            return;
        }
        if (!client) {
            showMessage(false, client.error().message);
            return;
        }
        m_connecting = true;
        models::invokeOnThread(m_zoom.data(), [](zoom::ZoomService& zoom) { zoom.connectZoom(); });
        showIntegration();
    });
}

void ZoomCard::disconnectZoom() {
    if (!m_zoom || !m_connected)
        return;
    ask(tr("Disconnect Zoom?"),
        tr("SlotDesk will revoke its access at Zoom and forget the tokens. Meetings already "
           "created stay in Zoom; new approvals get no Zoom link."),
        [this](bool yes) {
            if (yes)
                models::invokeOnThread(m_zoom.data(),
                                       [](zoom::ZoomService& zoom) { zoom.disconnectZoom(); });
        });
}

} // namespace slotdesk::ui
