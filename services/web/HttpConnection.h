#pragma once
// HttpConnection: one client's TCP connection to the booking endpoint. Reads the stream through
// HttpRequestParser (the one framer, which also enforces the size limits), answers each request
// in order with the handler's response, and keeps every buffer bounded: the socket reads at most
// one chunk ahead, and a client that doesn't read its answers stops being read from. A request
// that can't be framed is answered with its error and the connection closed; one that stays
// unfinished, or a connection that stays idle, past its deadline is dropped by the server's sweep.

#include "web/HttpMessage.h"
#include "web/HttpRequestParser.h"
#include "web/ServerConfig.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpSocket;

namespace slotdesk::web {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpConnection : public QObject {
    Q_OBJECT
public:
    // Takes ownership of `socket`; deletes itself when the socket disconnects.
    HttpConnection(QTcpSocket* socket, const ServerConfig& config, const HttpHandler& handler,
                   QObject* parent = nullptr);

    [[nodiscard]] QHostAddress peer() const { return m_peer; }
    // Between requests with nothing left to send, or already on its way out: what the server
    // closes first when it needs room.
    [[nodiscard]] bool isEvictable() const;
    [[nodiscard]] bool hasExpired() const { return m_deadline.hasExpired(); }
    // Closes at once, without an answer.
    void drop();

    // Bytes one connection may have read ahead of the parser, and may have queued for a client
    // that doesn't read them before it stops being read from.
    static constexpr qint64 kReadChunk = 64 * 1024;
    static constexpr qint64 kMaxWriteBacklog = 1024 * 1024;

private:
    void process();
    void answer(ParsedRequest parsed);
    void refuse(const HttpParseError& error);
    void closeWhenWritten();
    void startRequestDeadline();

    QTcpSocket* m_socket;
    const HttpHandler& m_handler;
    HttpRequestParser m_parser;
    QHostAddress m_peer;
    int m_requestTimeoutMs;
    int m_idleTimeoutMs;
    QByteArray m_inbox;      // read from the socket, not yet taken by the parser
    qsizetype m_inboxAt = 0; // how much of m_inbox the parser has taken
    bool m_inRequest = false;
    bool m_refused = false; // answered an error; draining until the client hangs up
    bool m_closing = false; // no more requests are read
    bool m_halfClosed = false;
    qint64 m_drained = 0;
    QDeadlineTimer m_deadline;
};

} // namespace slotdesk::web
