#include "web/BookingServer.h"

#include "web/GuardedTcpServer.h"

#include <QAbstractEventDispatcher>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpServer>

// One line per request at debug level, off unless asked for (QT_LOGGING_RULES="slotdesk.*=true").
Q_LOGGING_CATEGORY(lcWeb, "slotdesk.web", QtInfoMsg)

namespace slotdesk::web {
namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

// "Connection: close" (a comma-separated list of options, any case).
bool asksToClose(const QByteArray& connection) {
    for (const QByteArray& option : connection.split(',')) {
        if (option.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

BookingServer::BookingServer(storage::Database& database, ServerConfig config, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config))
    , m_policy(m_config)
    , m_api(database, m_config) {
    if (auto* dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                [this] { m_api.newEventLoopPass(); });
    }
}

BookingServer::~BookingServer() = default;

Status BookingServer::start() {
    auto* tcp = new GuardedTcpServer(m_config, this);
    if (!tcp->listen(m_config.address, m_config.port)) {
        const QString why = tcp->serverError() == QAbstractSocket::AddressInUseError
                                ? QStringLiteral("the port is already in use")
                                : tcp->errorString();
        delete tcp;
        return Error{ErrorCode::Internal,
                     QStringLiteral("Cannot listen on %1:%2: %3")
                         .arg(m_config.address.toString())
                         .arg(m_config.port)
                         .arg(why),
                     QStringLiteral("listen")};
    }
    bind(tcp);
    m_port = tcp->serverPort();
    m_policy.setPort(m_port);
    qCInfo(lcWeb) << "booking endpoint listening on" << baseUrl().toString();
    return success();
}

QUrl BookingServer::baseUrl() const {
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const bool wildcard = m_config.address == QHostAddress::Any ||
                          m_config.address == QHostAddress::AnyIPv4 ||
                          m_config.address == QHostAddress::AnyIPv6;
    url.setHost(wildcard ? QStringLiteral("127.0.0.1") : m_config.address.toString());
    url.setPort(m_port);
    return url;
}

bool BookingServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    HttpRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyDecoded);
    req.query = request.query();
    for (const auto& [name, value] : request.headers())
        req.headers.insert(name.toLower(), value);
    req.body = request.body();
    req.remoteAddress = request.remoteAddress();

    HttpResponse response;
    if (auto refused = m_policy.check(req))
        response = *refused;
    else
        response = m_api.handle(req);
    // The path only: query strings carry manage tokens, which never reach a log.
    qCDebug(lcWeb).noquote() << req.method << req.path << response.status;
    if (req.method == "HEAD")
        response.body.clear();
    // Qt 6.4 keeps every connection open; a client that asks otherwise is obeyed.
    const bool close = asksToClose(req.header("connection"));
    if (close)
        response.setHeader("Connection", "close");
    respond(socket, std::move(response));
    if (close)
        socket->disconnectFromHost();
    return true;
}

void BookingServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket) {
    respond(socket, HttpResponse::error(404, "not_found", QStringLiteral("Not found")));
}

void BookingServer::respond(QTcpSocket* socket, HttpResponse response) {
    RequestPolicy::decorate(response);
    // Two writes, not one per header as QHttpServerResponder makes them; the body is shared with
    // the socket's buffer, not copied.
    socket->write(response.head());
    if (!response.body.isEmpty())
        socket->write(response.body);
}

Status parseListenAddress(const QString& text, ServerConfig& config) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:\[([0-9a-fA-F:.]+)\]|([^:\[\]]+)):(\d{1,5})$)"));
    const auto match = pattern.match(text.trimmed());
    const auto invalid = [&] {
        return Error::validation(QStringLiteral("listen"),
                                 QStringLiteral("'%1' is not ADDRESS:PORT, e.g. 127.0.0.1:8765")
                                     .arg(displayValue(text)));
    };
    if (!match.hasMatch())
        return invalid();
    const QString host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    const int port = match.captured(3).toInt();
    if (port > 65535)
        return invalid();
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return invalid();
    config.address = address;
    config.port = static_cast<quint16>(port);
    return success();
}

} // namespace slotdesk::web
