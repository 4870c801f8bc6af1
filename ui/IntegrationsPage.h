#pragma once
// IntegrationsPage: the Google Calendar and Zoom connections — status, account, last sync, the
// last error and the calendar writes still owed — with Connect (the browser sign-in, with a
// Cancel while it waits), Sync now and Disconnect (after a question). The services are handed
// in with setServices(); without them the buttons stay disabled. When no OAuth client is
// configured, Connect asks for one first (OAuthClientDialog).

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace slotdesk {
class CalendarSyncService;
namespace video {
class ZoomService;
}
} // namespace slotdesk

namespace slotdesk::models {
class AdminSession;
class IntegrationModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class OAuthClientDialog;

class IntegrationsPage : public QWidget {
    Q_OBJECT
public:
    using Answer = std::function<void(bool yes)>;
    using Question = std::function<void(const QString& title, const QString& text, Answer)>;
    using UrlOpener = std::function<bool(const QUrl& url)>;

    explicit IntegrationsPage(models::AdminSession* session, QWidget* parent = nullptr);

    // Either may be null (that integration's buttons stay disabled). Not owned.
    void setServices(CalendarSyncService* calendar, video::ZoomService* zoom);
    // Replace the confirmation dialog and the browser (tests).
    void setQuestionHandler(Question question) { m_question = std::move(question); }
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }

    [[nodiscard]] models::IntegrationModel* model() const { return m_model; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString lastSyncText() const;
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QString jobsText() const;
    [[nodiscard]] QString googleMessageText() const;
    [[nodiscard]] QString zoomStatusText() const;
    [[nodiscard]] QString zoomAccountText() const;
    [[nodiscard]] QString zoomMessageText() const;
    [[nodiscard]] QPushButton* connectButton() const { return m_connect; }
    [[nodiscard]] QPushButton* disconnectButton() const { return m_disconnect; }
    [[nodiscard]] QPushButton* syncNowButton() const { return m_syncNow; }
    [[nodiscard]] QPushButton* cancelConnectButton() const { return m_cancelConnect; }
    [[nodiscard]] QPushButton* zoomConnectButton() const { return m_zoomConnect; }
    [[nodiscard]] QPushButton* zoomDisconnectButton() const { return m_zoomDisconnect; }
    [[nodiscard]] QPushButton* zoomCancelButton() const { return m_zoomCancel; }

private:
    QWidget* makeGoogleCard();
    QWidget* makeZoomCard();
    void update();
    void updateJobs();
    void updateZoom();
    void updateButtons();
    void connectGoogle();
    void connectZoom();
    void disconnectGoogle();
    void disconnectZoom();
    // Asks for the OAuth client, saves it and then runs `connectNow`.
    void askForClient(int provider, std::function<void()> connectNow);
    void showWaiting(QLabel* label, const QUrl& url);
    static void showMessage(QLabel* label, bool ok, const QString& text);
    void ask(const QString& title, const QString& text, Answer answer);

    models::AdminSession* m_session;
    models::IntegrationModel* m_model;
    QPointer<CalendarSyncService> m_calendar;
    QPointer<video::ZoomService> m_zoom;
    Question m_question;
    UrlOpener m_openUrl;
    bool m_googleSyncing = false;
    bool m_zoomClientCheck = false; // asking the keychain whether a Zoom app is configured

    QLabel* m_status = nullptr;
    QLabel* m_account = nullptr;
    QLabel* m_lastSync = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_jobs = nullptr;
    QLabel* m_googleMessage = nullptr;
    QLabel* m_googleWaiting = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_disconnect = nullptr;
    QPushButton* m_syncNow = nullptr;
    QPushButton* m_cancelConnect = nullptr;

    QLabel* m_zoomStatus = nullptr;
    QLabel* m_zoomAccount = nullptr;
    QLabel* m_zoomError = nullptr;
    QLabel* m_zoomMessage = nullptr;
    QLabel* m_zoomWaiting = nullptr;
    QPushButton* m_zoomConnect = nullptr;
    QPushButton* m_zoomDisconnect = nullptr;
    QPushButton* m_zoomCancel = nullptr;
    bool m_zoomConnected = false;
};

} // namespace slotdesk::ui
