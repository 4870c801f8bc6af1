#include "web/BookingServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcWeb, "slotdesk.web")

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

} // namespace

BookingServer::BookingServer(storage::Database& database, ServerConfig config, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config))
    , m_policy(m_config)
    , m_api(database, m_config) {}

BookingServer::~BookingServer() = default;

Status BookingServer::start() {
    auto* tcp = new QTcpServer(this);
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
    respond(request, socket, response);
    return true;
}

void BookingServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    respond(request, socket, HttpResponse::error(404, "not_found", QStringLiteral("Not found")));
}

void BookingServer::respond(const QHttpServerRequest& request, QTcpSocket* socket,
                            const HttpResponse& original) {
    HttpResponse response = original;
    RequestPolicy::decorate(response);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
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
