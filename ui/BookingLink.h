#pragma once
// BookingLink: the desktop app's booking endpoint. It runs web::BookingServer where the
// settings say (server/address, server/port — or an override from the command line), moves it
// when the admin changes the address, and reports the attendees' link — the public URL when one
// is set (server/publicUrl or --public-url; the server then builds every link from it), else
// the served base URL, plus the admin's username — with whether it is online and, when it is
// not, why (a taken port, an address this machine doesn't have). The window keeps running
// either way.
//
// The server lives on the service thread (models::ServiceThread, through a BookingServerHost)
// and answers attendees from that thread's database connection: a booking never waits for the
// window, nor the window for a booking. So listen(), setPublicUrl() and stop() take effect a
// moment later: changed() says when (isPending() until then).

#include "core/Clock.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace slotdesk::models {
class AdminSession;
class ServiceThread;
} // namespace slotdesk::models

namespace slotdesk::ui {

class BookingServerHost;

class BookingLink : public QObject {
    Q_OBJECT
public:
    // Serves on `services`' thread and connection; `clock`: what "now" is for the booking rules.
    BookingLink(models::AdminSession* session, models::ServiceThread& services,
                core::Clock clock = {}, QObject* parent = nullptr);
    ~BookingLink() override;

    // Listens on `address`:`port` (port 0: any free port), closing what listened before.
    void listen(const QString& address, quint16 port);
    // The address attendees use (empty: none); a running server restarts with it.
    void setPublicUrl(const QUrl& publicUrl);
    void stop();

    // Whether the server has yet to answer a listen(), setPublicUrl() or stop().
    [[nodiscard]] bool isPending() const { return m_pending > 0; }
    [[nodiscard]] bool isOnline() const { return m_online; }
    // <public URL>/<username>, or http://host:port/<username> without a public URL; the base
    // URL while there is no admin yet.
    [[nodiscard]] QUrl url() const { return m_url; }
    // Where this computer serves the page: http://host:port/<username>.
    [[nodiscard]] QUrl localUrl() const { return m_localUrl; }
    [[nodiscard]] QString problem() const { return m_problem; }
    // What attendees' links start with: the public URL, or http://host:port of this computer.
    [[nodiscard]] QUrl attendeeBase() const;

signals:
    void changed(const QUrl& url, bool online, const QString& problem);

private:
    // Runs `call(host)` on the service thread; served() answers it.
    template <typename Call> void ask(Call call);
    void served(bool online, const QUrl& baseUrl, const QString& address, quint16 port,
                const QString& problem);
    void publish();

    models::AdminSession* m_session;
    QPointer<BookingServerHost> m_host;
    int m_pending = 0;
    bool m_stopped = false;
    // As the host last said.
    bool m_online = false;
    QUrl m_baseUrl;
    QString m_address;
    quint16 m_port = 0;
    QString m_problem;
    // What this side knows.
    QUrl m_publicUrl;
    QUrl m_url;
    QUrl m_localUrl;
};

} // namespace slotdesk::ui
