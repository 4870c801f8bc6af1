#include "ui/BookingServerHost.h"

#include "web/BookingServer.h"

#include <tuple>
#include <utility>

namespace slotdesk::ui {

BookingServerHost::BookingServerHost(storage::Database& database, core::Clock clock,
                                     QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock)) {}

BookingServerHost::~BookingServerHost() = default;

void BookingServerHost::listen(const QString& address, quint16 port) {
    moveTo(address, port);
    report();
}

void BookingServerHost::setPublicUrl(const QUrl& publicUrl) {
    if (publicUrl != m_publicUrl) {
        m_publicUrl = publicUrl;
        // The server builds the manage links from it: a running one starts again, on the same
        // address and port.
        if (m_server)
            moveTo(m_address, m_port);
    }
    report();
}

void BookingServerHost::stop() {
    m_server.reset();
    m_problem.clear();
    report();
}

void BookingServerHost::moveTo(const QString& address, quint16 port) {
    web::ServerConfig config;
    config.publicUrl = m_publicUrl;
    const QString text = address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                : QStringLiteral("%1:%2").arg(address).arg(port);
    if (auto parsed = web::parseListenAddress(text, config); !parsed) {
        m_problem = parsed.error().message; // a link that works stays up
        if (!m_server) {
            m_address = address;
            m_port = port;
        }
        return;
    }
    const auto start = [&]() -> std::pair<std::unique_ptr<web::BookingServer>, Status> {
        auto server = std::make_unique<web::BookingServer>(m_database, config, m_clock);
        Status started = server->start();
        return {std::move(server), std::move(started)};
    };
    // The new address first, so that a typo or a taken port doesn't take a working link down.
    auto [fresh, started] = start();
    if (!started && m_server && port != 0 && m_server->port() == port) {
        // The same port on another address: it must be freed first; put it back on failure.
        const QString oldAddress = m_address;
        const quint16 oldPort = m_port;
        m_server.reset();
        std::tie(fresh, started) = start();
        if (!started) {
            moveTo(oldAddress, oldPort);
            m_problem = started.error().message;
            return;
        }
    }
    if (started) {
        m_server = std::move(fresh);
        m_address = address;
        m_port = port;
        m_problem.clear();
    } else {
        m_problem = started.error().message;
        if (!m_server) {
            m_address = address;
            m_port = port;
        }
    }
}

void BookingServerHost::report() {
    const bool online = m_server && m_server->isListening();
    emit served(online, online ? m_server->baseUrl() : QUrl(), m_address, m_port, m_problem);
}

} // namespace slotdesk::ui
