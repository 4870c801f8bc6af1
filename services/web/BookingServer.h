#pragma once
// BookingServer: the embedded HTTP endpoint attendees book through, on Qt HttpServer. It turns
// each request into an HttpRequest, lets RequestPolicy refuse it, hands it to BookingApi, and
// writes the response with the security headers. Loopback only unless configured otherwise.

#include "core/Result.h"
#include "web/BookingApi.h"
#include "web/RequestPolicy.h"
#include "web/ServerConfig.h"

#include <QAbstractHttpServer>
#include <QUrl>

#include <memory>

namespace slotdesk::web {

class BookingServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    BookingServer(storage::Database& database, ServerConfig config, QObject* parent = nullptr);
    ~BookingServer() override;

    // Listens on the configured address and port (0 = any free port). A taken port or an
    // address this machine doesn't have gives an error that says so.
    Status start();
    [[nodiscard]] bool isListening() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // http://127.0.0.1:8765 (no trailing slash).
    [[nodiscard]] QUrl baseUrl() const;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    static void respond(QTcpSocket* socket, HttpResponse response);

    ServerConfig m_config;
    RequestPolicy m_policy;
    BookingApi m_api;
    quint16 m_port = 0;
};

// "127.0.0.1:8765", "[::1]:9000", "0.0.0.0:80" → address and port into `config`.
Status parseListenAddress(const QString& text, ServerConfig& config);

} // namespace slotdesk::web
