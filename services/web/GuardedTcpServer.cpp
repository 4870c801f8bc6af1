#include "web/GuardedTcpServer.h"

#include "web/HttpMessage.h"
#include "web/RequestPolicy.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace slotdesk::web {
namespace {

constexpr int kSweepIntervalMs = 1000;
constexpr int kLingerMs = 5000;                     // to drain a refused request before closing
constexpr qint64 kMaxDrainBytes = 64 * 1024 * 1024; // ... or at most this much of it

// Follows one connection's requests by their framing (headers, then Content-Length bytes of
// body) on the bytes that arrive, ahead of Qt's parser, which sees the same bytes right after.
class ConnectionWatch : public QObject {
public:
    ConnectionWatch(QTcpSocket* socket, const ServerConfig& config)
        : QObject(socket)
        , m_socket(socket)
        , m_limits{config.maxHeaderBytes, config.maxBodyBytes, config.requestTimeoutMs,
                   config.idleTimeoutMs}
        , m_deadline(config.idleTimeoutMs, Qt::CoarseTimer) {
        // Connected before Qt HttpServer connects its own handler, so this runs first.
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionWatch::onReadyRead);
    }

    [[nodiscard]] bool hasExpired() const { return m_deadline.hasExpired(); }
    void drop() { m_socket->abort(); }

private:
    enum class Phase { Idle, Head, Body, Refused };

    void onReadyRead() {
        const qint64 available = m_socket->bytesAvailable();
        if (available > 0)
            consume(m_socket->peek(available));
    }

    void consume(const QByteArray& data) {
        qsizetype at = 0;
        while (at < data.size() && m_phase != Phase::Refused) {
            switch (m_phase) {
            case Phase::Idle:
                // Blank lines before a request are allowed (RFC 9112, 2.2).
                if (data[at] == '\r' || data[at] == '\n') {
                    ++at;
                    break;
                }
                m_phase = Phase::Head;
                m_head.clear();
                m_deadline = QDeadlineTimer(m_limits.requestTimeoutMs, Qt::CoarseTimer);
                break;
            case Phase::Head:
                at += consumeHead(data, at);
                break;
            case Phase::Body: {
                const qint64 take = qMin<qint64>(m_bodyLeft, data.size() - at);
                m_bodyLeft -= take;
                at += take;
                if (m_bodyLeft == 0)
                    finishRequest();
                break;
            }
            case Phase::Refused:
                break;
            }
        }
    }

    // Takes header bytes from data[at...]; returns how many it used.
    qsizetype consumeHead(const QByteArray& data, qsizetype at) {
        const qsizetype before = m_head.size();
        const qsizetype room = qMax<qsizetype>(0, m_limits.maxHeaderBytes + 4 - before);
        const qsizetype take = qMin(data.size() - at, room);
        m_head.append(data.constData() + at, take);
        const qsizetype end = m_head.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
        if (end < 0 || end > m_limits.maxHeaderBytes) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                refuse(431, "headers_too_large",
                       QStringLiteral("The request headers are larger than %1 KiB")
                           .arg(m_limits.maxHeaderBytes / 1024));
            return take;
        }
        inspectHeaders(QByteArrayView(m_head).first(end));
        return end + 4 - before;
    }

    void inspectHeaders(QByteArrayView head) {
        qint64 contentLength = 0;
        bool sawLength = false;
        for (QByteArrayView line : QByteArray::fromRawData(head.data(), head.size()).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
                // Without a length the body's size is known only at its end: refused, which
                // also rules out Content-Length/Transfer-Encoding smuggling.
                refuse(411, "length_required",
                       QStringLiteral("Send the body with a Content-Length"));
                return;
            }
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const qint64 length = QByteArray(value.data(), value.size()).toLongLong(&ok);
                if (!ok || length < 0 || (sawLength && length != contentLength)) {
                    refuse(400, "bad_request", QStringLiteral("The Content-Length is not valid"));
                    return;
                }
                sawLength = true;
                contentLength = length;
            }
        }
        if (contentLength > m_limits.maxBodyBytes) {
            refuse(413, "payload_too_large",
                   QStringLiteral("The request body is larger than %1 KiB")
                       .arg(m_limits.maxBodyBytes / 1024));
            return;
        }
        m_bodyLeft = contentLength;
        if (m_bodyLeft == 0)
            finishRequest();
        else
            m_phase = Phase::Body;
    }

    void finishRequest() {
        m_phase = Phase::Idle;
        m_head.clear();
        m_deadline = QDeadlineTimer(m_limits.idleTimeoutMs, Qt::CoarseTimer);
    }

    // Answers at once and closes: Qt's parser never sees the rest of this request.
    void refuse(int status, const char* code, const QString& message) {
        m_phase = Phase::Refused;
        m_head.clear();
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->skip(m_socket->bytesAvailable());

        HttpResponse response = HttpResponse::error(status, code, message);
        RequestPolicy::decorate(response);
        response.setHeader("Connection", "close");
        m_socket->write(response.head() + response.body);
        m_socket->flush();

        // Read and discard what the client still sends, so closing doesn't reset the connection
        // before it has read the answer; close once the answer is out.
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            m_drained += m_socket->skip(m_socket->bytesAvailable());
            if (m_drained > kMaxDrainBytes)
                m_socket->abort();
        });
        connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionWatch::closeWhenWritten);
        m_deadline = QDeadlineTimer(kLingerMs, Qt::CoarseTimer);
        closeWhenWritten();
    }

    void closeWhenWritten() {
        if (m_closing || m_socket->bytesToWrite() > 0)
            return;
        m_closing = true;
#ifdef Q_OS_UNIX
        // Half-close: the client sees the end of the answer; we keep draining until it hangs up.
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#else
        m_socket->disconnectFromHost();
#endif
    }

    QTcpSocket* m_socket;
    struct Limits {
        qint64 maxHeaderBytes;
        qint64 maxBodyBytes;
        int requestTimeoutMs;
        int idleTimeoutMs;
    } m_limits;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    qint64 m_drained = 0;
    bool m_closing = false;
    QDeadlineTimer m_deadline;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(const ServerConfig& config, QObject* parent)
    : QTcpServer(parent)
    , m_config(config) {
    // One coarse sweep drops the connections past their deadline: cheaper than a timer each,
    // and it runs only while there are connections.
    m_sweep = new QTimer(this);
    m_sweep->setInterval(kSweepIntervalMs);
    connect(m_sweep, &QTimer::timeout, this, [this] {
        m_watches.removeIf([](const QPointer<QObject>& watch) { return watch.isNull(); });
        if (m_watches.isEmpty())
            m_sweep->stop();
        // Only ConnectionWatches are ever in the list.
        const auto current = m_watches;
        for (const auto& watch : current) {
            auto* connection = static_cast<ConnectionWatch*>(watch.data());
            if (connection && connection->hasExpired())
                connection->drop();
        }
    });
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Answers go out in more than one write (head, body); without this, Nagle's algorithm holds
    // the last piece back until the client's delayed ACK — 40 ms on Linux.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_watches.append(new ConnectionWatch(socket, m_config));
    if (!m_sweep->isActive())
        m_sweep->start();
    addPendingConnection(socket);
}

} // namespace slotdesk::web
