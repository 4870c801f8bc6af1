#include "web/HttpConnection.h"

#include "web/RequestPolicy.h"

#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace slotdesk::web {
namespace {

constexpr int kLingerMs = 5000;                     // to drain a refused request before closing
constexpr qint64 kMaxDrainBytes = 64 * 1024 * 1024; // ... or at most this much of it

HttpLimits limitsOf(const ServerConfig& config) {
    return {config.maxHeaderBytes, config.maxBodyBytes, config.maxHeaderFields};
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, const ServerConfig& config,
                               const HttpHandler& handler, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_parser(limitsOf(config))
    , m_peer(socket->peerAddress())
    , m_requestTimeoutMs(config.requestTimeoutMs)
    , m_idleTimeoutMs(config.idleTimeoutMs)
    , m_deadline(config.idleTimeoutMs, Qt::CoarseTimer) {
    socket->setParent(this);
    // Qt reads from the kernel only while its buffer holds less than this: a client that sends
    // faster than we parse is held back by TCP, not by our memory.
    socket->setReadBufferSize(kReadChunk);
    // Answers go out in more than one write (head, body); without this, Nagle's algorithm holds
    // the last piece back until the client's delayed ACK — 40 ms on Linux.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::process);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_closing)
            closeWhenWritten();
        else if (m_socket->bytesToWrite() <= kMaxWriteBacklog / 2)
            process(); // it may have stopped reading for a client that didn't read its answers
    });
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    });
}

bool HttpConnection::isEvictable() const {
    return m_closing ||
           (!m_inRequest && m_inbox.size() == m_inboxAt && m_socket->bytesToWrite() == 0);
}

void HttpConnection::drop() {
    m_closing = true;
    m_socket->abort();
    deleteLater();
}

void HttpConnection::startRequestDeadline() {
    m_inRequest = true;
    m_deadline = QDeadlineTimer(m_requestTimeoutMs, Qt::CoarseTimer);
}

void HttpConnection::process() {
    if (m_refused) {
        // Read and discard what the client still sends, so closing doesn't reset the
        // connection before it has read the answer.
        m_drained += m_socket->skip(m_socket->bytesAvailable());
        if (m_drained > kMaxDrainBytes)
            drop();
        return;
    }
    while (!m_closing) {
        if (m_socket->bytesToWrite() > kMaxWriteBacklog) {
            // Answers pile up unread: read nothing more until they drain (bytesWritten), and
            // give the client one request timeout to take them.
            if (!m_inRequest)
                startRequestDeadline();
            return;
        }
        if (m_inboxAt == m_inbox.size()) {
            m_inbox = m_socket->read(kReadChunk);
            m_inboxAt = 0;
            if (m_inbox.isEmpty())
                return;
        }
        m_inboxAt += m_parser.feed(QByteArrayView(m_inbox).sliced(m_inboxAt));
        if (!m_inRequest && m_parser.inRequest())
            startRequestDeadline();
        switch (m_parser.state()) {
        case HttpRequestParser::State::NeedMore:
            break;
        case HttpRequestParser::State::HeadReady:
            if (m_parser.request().expectsContinue)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_parser.continueBody();
            break;
        case HttpRequestParser::State::Complete:
            answer(m_parser.takeRequest());
            break;
        case HttpRequestParser::State::Failed:
            refuse(m_parser.error());
            return;
        }
    }
}

void HttpConnection::answer(ParsedRequest parsed) {
    m_inRequest = false;
    m_deadline = QDeadlineTimer(m_idleTimeoutMs, Qt::CoarseTimer);

    HttpRequest request;
    request.method = std::move(parsed.method);
    // Origin-form ("/path?query") is read against a placeholder origin; absolute-form as it is.
    const QUrl url = QUrl::fromEncoded(parsed.target.startsWith('/') ? "http://h" + parsed.target
                                                                     : parsed.target);
    HttpResponse response;
    if (!url.isValid() && parsed.target != "*") {
        response = HttpResponse::error(400, "bad_request",
                                       QStringLiteral("The request target is not valid"));
    } else {
        request.path = url.path(QUrl::FullyDecoded);
        request.query = QUrlQuery(url);
        for (auto& [name, value] : parsed.headers)
            request.headers.insert(name, value);
        request.body = std::move(parsed.body);
        request.remoteAddress = m_peer;
        response = m_handler(request);
    }
    RequestPolicy::decorate(response);
    if (!parsed.keepAlive)
        response.setHeader("Connection", "close");
    else if (parsed.minorVersion == 0)
        response.setHeader("Connection", "keep-alive");
    // Two writes; the body is shared with the socket's buffer, not copied. A HEAD answer says
    // how long the body would be and leaves it out.
    m_socket->write(response.head());
    if (request.method != "HEAD" && !response.body.isEmpty())
        m_socket->write(response.body);
    if (!parsed.keepAlive) {
        m_closing = true;
        closeWhenWritten();
    }
}

// Answers the error at once and closes: nothing more of this stream is framed.
void HttpConnection::refuse(const HttpParseError& error) {
    m_refused = true;
    m_closing = true;
    m_inbox.clear();
    m_inboxAt = 0;
    HttpResponse response = HttpResponse::error(error.status, error.code, error.message);
    RequestPolicy::decorate(response);
    response.setHeader("Connection", "close");
    m_socket->write(response.head() + response.body);
    m_deadline = QDeadlineTimer(kLingerMs, Qt::CoarseTimer);
    process(); // discards what is already buffered
    closeWhenWritten();
}

void HttpConnection::closeWhenWritten() {
    if (m_halfClosed || m_socket->bytesToWrite() > 0)
        return;
    m_halfClosed = true;
    if (!m_refused) {
        m_socket->disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    // Half-close: the client sees the end of the answer; we keep draining until it hangs up.
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

} // namespace slotdesk::web
