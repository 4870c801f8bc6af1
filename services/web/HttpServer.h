#pragma once
// HttpServer: the booking endpoint's listening socket and its connections. Each connection frames
// its requests with HttpRequestParser (limits enforced by the framer itself) and answers through
// one handler. Open connections are capped in total and per client address; when a cap is
// reached, or the process runs out of file descriptors, the oldest idle connections are closed
// to make room, and accepting backs off instead of spinning when nothing can be closed.

#include "web/HttpConnection.h"
#include "web/ServerConfig.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTcpServer>

class QSocketNotifier;
class QTimer;

namespace slotdesk::web {

class HttpServer : public QTcpServer {
    Q_OBJECT
public:
    HttpServer(const ServerConfig& config, HttpHandler handler, QObject* parent = nullptr);
    // Closes the connections first: they answer through m_handler.
    ~HttpServer() override;

    // Listens and takes over accepting from QTcpServer (on Linux), so that running out of file
    // descriptors is seen and handled here rather than retried in a busy loop.
    bool start(const QHostAddress& address, quint16 port);

    // How many connections may be open at once: ServerConfig::maxConnections, or when that is 0,
    // 1024 or what the descriptor limit leaves room for, whichever is less.
    [[nodiscard]] int connectionLimit() const { return m_maxConnections; }
    [[nodiscard]] int openConnections() const;

    // Raises this process's soft limit on open files to its hard limit (once; where allowed).
    static void raiseDescriptorLimit();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void acceptPending();
    // Out of descriptors (or kernel memory): make room, or stop accepting for a moment.
    void onOutOfResources();
    void onAcceptError(QAbstractSocket::SocketError error);
    void holdReserve();
    void releaseReserve();
    // Closes up to `count` evictable connections, oldest first (only `peer`'s when given).
    int evict(int count, const QHostAddress* peer = nullptr);
    void sweep();

    ServerConfig m_config;
    HttpHandler m_handler;
    int m_maxConnections;
    QList<QPointer<HttpConnection>> m_connections; // oldest first
    QTimer* m_sweep = nullptr;
    QTimer* m_resume = nullptr;
    QSocketNotifier* m_acceptNotifier = nullptr; // ours, when we accept ourselves
    // A few descriptors held back (open on /dev/null) and let go when the process runs out, so
    // that closing connections, logging and the sanitizers' own checks still have some to use.
    QList<int> m_reserve;
    QElapsedTimer m_warned; // one warning in 10 s at most
};

} // namespace slotdesk::web
