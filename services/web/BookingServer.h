#pragma once
// BookingServer: the embedded HTTP endpoint attendees book through. HttpServer frames and bounds
// the requests; here each one is checked by RequestPolicy and answered by BookingApi. Loopback
// only unless configured otherwise.

#include "core/Clock.h"
#include "core/Result.h"
#include "web/BookingApi.h"
#include "web/RequestPolicy.h"
#include "web/ServerConfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace slotdesk::web {

class HttpServer;

class BookingServer : public QObject {
    Q_OBJECT
public:
    BookingServer(storage::Database& database, ServerConfig config, core::Clock clock = {},
                  QObject* parent = nullptr);
    ~BookingServer() override;

    // Listens on the configured address and port (0 = any free port). A taken port or an
    // address this machine doesn't have gives an error that says so.
    Status start();
    [[nodiscard]] bool isListening() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // http://127.0.0.1:8765 (no trailing slash).
    [[nodiscard]] QUrl baseUrl() const;

    // The address the socket is bound to (QHostAddress() before start()).
    [[nodiscard]] QHostAddress listenAddress() const;
    // Connections open now (for tests and diagnostics).
    [[nodiscard]] int openConnections() const;

private:
    HttpResponse handle(const HttpRequest& request);

    ServerConfig m_config;
    RequestPolicy m_policy;
    BookingApi m_api;
    HttpServer* m_http = nullptr;
    quint16 m_port = 0;
};

// "127.0.0.1:8765", "[::1]:9000", "0.0.0.0:80" → address and port into `config`.
Status parseListenAddress(const QString& text, ServerConfig& config);

} // namespace slotdesk::web
