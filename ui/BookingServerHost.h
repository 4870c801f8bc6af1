#pragma once
// BookingServerHost: BookingLink's side on the service thread (models::ServiceThread). It runs
// web::BookingServer on that thread's database connection, where BookingLink asks: it tries a new
// address before it gives up the old one, so that a typo or a taken port doesn't take a working
// link down, and restarts the server when the public URL changes. Every request ends with one
// served() — connect to it from the GUI thread (queued).

#include "core/Clock.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace slotdesk::storage {
class Database;
}
namespace slotdesk::web {
class BookingServer;
}

namespace slotdesk::ui {

class BookingServerHost : public QObject {
    Q_OBJECT
public:
    // `database`: the service thread's connection; `clock`: "now" for the booking rules.
    BookingServerHost(storage::Database& database, core::Clock clock, QObject* parent = nullptr);
    ~BookingServerHost() override;

    // On the host's thread. Listens on `address`:`port` (port 0: any free port), closing what
    // listened before once the new one listens.
    void listen(const QString& address, quint16 port);
    // The address attendees use (empty: none); a running server restarts with it.
    void setPublicUrl(const QUrl& publicUrl);
    void stop();

signals:
    // Where it serves now: `online` at `baseUrl` (http://host:port), or offline with `address`
    // and `port` those last asked for; `problem` says why the last request failed (empty: it
    // didn't).
    void served(bool online, const QUrl& baseUrl, const QString& address, quint16 port,
                const QString& problem);

private:
    void moveTo(const QString& address, quint16 port);
    void report();

    storage::Database& m_database;
    core::Clock m_clock;
    std::unique_ptr<web::BookingServer> m_server;
    QString m_address;
    quint16 m_port = 0;
    QUrl m_publicUrl;
    QString m_problem;
};

} // namespace slotdesk::ui
