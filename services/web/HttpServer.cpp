#include "web/HttpServer.h"

#include "web/RequestPolicy.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <mutex>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/socket.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcWeb)

namespace slotdesk::web {
namespace {

constexpr int kSweepIntervalMs = 1000;
constexpr int kDefaultMaxConnections = 1024;
constexpr int kDescriptorReserve = 64; // for the database, the keychain, logs, outgoing calls
constexpr int kMinConnections = 16;
constexpr int kAcceptBackoffMs = 250;
constexpr int kAcceptsPerWakeup = 64; // then the event loop serves the connections it has
constexpr int kReserveDescriptors = 4;

int connectionLimitFor(const ServerConfig& config) {
    if (config.maxConnections > 0)
        return config.maxConnections;
    int limit = kDefaultMaxConnections;
#ifdef Q_OS_UNIX
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        limit = static_cast<int>(qMin<rlim_t>(
            limit, files.rlim_cur > kDescriptorReserve ? files.rlim_cur - kDescriptorReserve : 0));
#endif
    return qMax(limit, kMinConnections);
}

void answerBusy(QTcpSocket& socket) {
    HttpResponse busy = HttpResponse::error(503, "unavailable",
                                            QStringLiteral("Too many connections; try again soon"));
    RequestPolicy::decorate(busy);
    busy.setHeader("Connection", "close");
    busy.setHeader("Retry-After", "5");
    socket.write(busy.head() + busy.body);
    socket.flush();
}

} // namespace

void HttpServer::raiseDescriptorLimit() {
#ifdef Q_OS_UNIX
    static std::once_flag once;
    std::call_once(once, [] {
        rlimit files{};
        if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= files.rlim_max)
            return;
        // select()-based code elsewhere in a process can't use descriptors past 1024, but Qt's
        // event loop polls; 65536 is plenty for the endpoint and far below any hard limit's cost.
        files.rlim_cur = qMin<rlim_t>(files.rlim_max, 65536);
        ::setrlimit(RLIMIT_NOFILE, &files);
    });
#endif
}

HttpServer::HttpServer(const ServerConfig& config, HttpHandler handler, QObject* parent)
    : QTcpServer(parent)
    , m_config(config)
    , m_handler(std::move(handler))
    , m_maxConnections((raiseDescriptorLimit(), connectionLimitFor(config))) {
    // One coarse sweep drops the connections past their deadline: cheaper than a timer each,
    // and it runs only while there are connections.
    m_sweep = new QTimer(this);
    m_sweep->setInterval(kSweepIntervalMs);
    connect(m_sweep, &QTimer::timeout, this, &HttpServer::sweep);
    m_resume = new QTimer(this);
    m_resume->setSingleShot(true);
    connect(m_resume, &QTimer::timeout, this, [this] {
        if (m_acceptNotifier) {
            m_acceptNotifier->setEnabled(true);
            acceptPending();
        } else {
            resumeAccepting();
        }
    });
    connect(this, &QTcpServer::acceptError, this, &HttpServer::onAcceptError);
}

bool HttpServer::start(const QHostAddress& address, quint16 port) {
    if (!listen(address, port))
        return false;
#ifdef Q_OS_LINUX
    // QTcpServer (Qt 6.4) treats EMFILE from accept() as a passing error and retries at once,
    // forever: accepting is done here instead, where it is seen.
    pauseAccepting();
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &HttpServer::acceptPending);
#endif
    holdReserve();
    return true;
}

void HttpServer::holdReserve() {
#ifdef Q_OS_UNIX
    while (m_reserve.size() < kReserveDescriptors) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        m_reserve.append(fd);
    }
#endif
}

void HttpServer::releaseReserve() {
#ifdef Q_OS_UNIX
    for (int fd : std::as_const(m_reserve))
        ::close(fd);
#endif
    m_reserve.clear();
}

void HttpServer::acceptPending() {
#ifdef Q_OS_LINUX
    const int listener = static_cast<int>(socketDescriptor());
    for (int i = 0; i < kAcceptsPerWakeup && m_acceptNotifier->isEnabled(); ++i) {
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            incomingConnection(fd);
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED:
        case EPROTO:
            continue;
        case EAGAIN:
            return;
        case EMFILE:
        case ENFILE:
        case ENOBUFS:
        case ENOMEM:
            onOutOfResources();
            continue; // returns at once when accepting has been paused
        default:
            qCWarning(lcWeb) << "booking endpoint: accept failed:" << qt_error_string(errno);
            m_acceptNotifier->setEnabled(false);
            m_resume->start(kAcceptBackoffMs);
            return;
        }
    }
#endif
}

void HttpServer::onOutOfResources() {
    // Close an eighth of the idle connections and go on; with none idle, wait rather than try
    // again in a loop.
    releaseReserve();
    const int closed = evict(qMax(1, static_cast<int>(m_connections.size()) / 8));
    holdReserve();
    if (!m_warned.isValid() || m_warned.hasExpired(10'000)) {
        m_warned.start();
        qCWarning(lcWeb).noquote()
            << "booking endpoint is out of file descriptors - open:" << openConnections()
            << "closed idle:" << closed;
    }
    if (closed > 0)
        return;
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(false);
    else
        pauseAccepting();
    m_resume->start(kAcceptBackoffMs);
}

HttpServer::~HttpServer() {
    close();
    releaseReserve();
    for (const auto& connection : std::as_const(m_connections))
        delete connection.data();
}

int HttpServer::openConnections() const {
    int open = 0;
    for (const auto& connection : m_connections)
        open += connection.isNull() ? 0 : 1;
    return open;
}

void HttpServer::incomingConnection(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    m_connections.removeIf([](const QPointer<HttpConnection>& c) { return c.isNull(); });
    const QHostAddress peer = socket->peerAddress();
    int fromPeer = 0;
    for (const auto& connection : m_connections)
        fromPeer += connection->peer() == peer ? 1 : 0;
    // Full: the oldest idle connection (of this client, when it is the client that is over its
    // share) makes room; when every one is busy the newcomer is told to come back later.
    const bool overPeer =
        m_config.maxConnectionsPerClient > 0 && fromPeer >= m_config.maxConnectionsPerClient;
    const bool overAll = m_connections.size() >= m_maxConnections;
    if ((overPeer && evict(1, &peer) == 0) || (!overPeer && overAll && evict(1) == 0)) {
        answerBusy(*socket);
        socket->abort();
        delete socket;
        return;
    }
    m_connections.append(new HttpConnection(socket, m_config, m_handler, this));
    if (!m_sweep->isActive())
        m_sweep->start();
}

int HttpServer::evict(int count, const QHostAddress* peer) {
    QList<HttpConnection*> victims;
    for (const auto& connection : std::as_const(m_connections)) {
        if (victims.size() == count)
            break;
        if (connection && (!peer || connection->peer() == *peer) && connection->isEvictable())
            victims.append(connection.data());
    }
    // Out of the list first: a dropped connection is deleted later and no longer counts.
    m_connections.removeIf([&victims](const QPointer<HttpConnection>& connection) {
        return connection.isNull() || victims.contains(connection.data());
    });
    for (HttpConnection* victim : std::as_const(victims))
        victim->drop();
    return static_cast<int>(victims.size());
}

void HttpServer::onAcceptError(QAbstractSocket::SocketError error) {
    // Where QTcpServer accepts (not Linux), it has paused and tells why.
    if (error == QAbstractSocket::SocketResourceError) {
        onOutOfResources();
        if (!m_resume->isActive())
            resumeAccepting();
        return;
    }
    m_resume->start(kAcceptBackoffMs);
}

void HttpServer::sweep() {
    m_connections.removeIf([](const QPointer<HttpConnection>& c) { return c.isNull(); });
    if (m_connections.isEmpty()) {
        m_sweep->stop();
        return;
    }
    const auto current = m_connections;
    for (const auto& connection : current) {
        if (connection && connection->hasExpired())
            connection->drop();
    }
}

} // namespace slotdesk::web
