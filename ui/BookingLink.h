#pragma once
// BookingLink: the desktop app's booking endpoint. It runs web::BookingServer where the
// settings say (server/address, server/port — or an override from the command line), moves it
// when the admin changes the address, and reports the attendees' link — the public URL when one
// is set (server/publicUrl or --public-url; the server then builds every link from it), else
// the served base URL, plus the admin's username — with whether it is online and, when it is
// not, why (a taken port, an address this machine doesn't have). The window keeps running
// either way.

#include "core/Clock.h"
#include "web/ServerConfig.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace slotdesk::models {
class AdminSession;
}
namespace slotdesk::web {
class BookingServer;
}

namespace slotdesk::ui {

class BookingLink : public QObject {
    Q_OBJECT
public:
    // `clock`: what "now" is for the server's booking rules.
    explicit BookingLink(models::AdminSession* session, core::Clock clock = {},
                         QObject* parent = nullptr);
    ~BookingLink() override;

    // Listens on `address`:`port` (port 0: any free port), closing what listened before.
    void listen(const QString& address, quint16 port);
    // The address attendees use (empty: none); a running server restarts with it.
    void setPublicUrl(const QUrl& publicUrl);
    void stop();

    [[nodiscard]] bool isOnline() const;
    // <public URL>/<username>, or http://host:port/<username> without a public URL; the base
    // URL while there is no admin yet.
    [[nodiscard]] QUrl url() const { return m_url; }
    // Where this computer serves the page: http://host:port/<username>.
    [[nodiscard]] QUrl localUrl() const { return m_localUrl; }
    [[nodiscard]] QString problem() const { return m_problem; }
    // What attendees' links start with: the public URL, or http://host:port of this computer.
    [[nodiscard]] QUrl attendeeBase() const;
    [[nodiscard]] web::BookingServer* server() const { return m_server.get(); }

signals:
    void changed(const QUrl& url, bool online, const QString& problem);

private:
    void publish();

    models::AdminSession* m_session;
    core::Clock m_clock;
    std::unique_ptr<web::BookingServer> m_server;
    QString m_address;
    quint16 m_port = 0;
    QUrl m_publicUrl;
    QUrl m_url;
    QUrl m_localUrl;
    QString m_problem;
};

} // namespace slotdesk::ui
