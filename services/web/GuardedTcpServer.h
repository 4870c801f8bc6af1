#pragma once
// GuardedTcpServer: the booking endpoint's listening socket. It watches every connection's bytes
// before Qt HttpServer parses them, because Qt 6.4 buffers a whole request in memory however large
// it says it is, and keeps a connection open as long as the client likes. A request whose headers
// or body pass the limits is answered 431 or 413 at once (a body without a Content-Length, 411)
// and its connection closed; a connection that stays in the middle of a request, or idle, for too
// long is dropped.

#include "web/ServerConfig.h"

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

namespace slotdesk::web {

class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    // Takes the limits and timeouts from `config`.
    explicit GuardedTcpServer(const ServerConfig& config, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    ServerConfig m_config;
    QList<QPointer<QObject>> m_watches; // one per open connection
    QTimer* m_sweep = nullptr;
};

} // namespace slotdesk::web
