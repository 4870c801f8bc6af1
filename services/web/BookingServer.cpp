#include "web/BookingServer.h"

#include "core/LogRedaction.h"
#include "web/HttpServer.h"

#include <QAbstractEventDispatcher>
#include <QLoggingCategory>
#include <QRegularExpression>

// One line per request at debug level, off unless asked for (QT_LOGGING_RULES="slotdesk.*=true").
Q_LOGGING_CATEGORY(lcWeb, "slotdesk.web", QtInfoMsg)

namespace slotdesk::web {

BookingServer::BookingServer(storage::Database& database, ServerConfig config, core::Clock clock,
                             QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_policy(m_config)
    , m_api(database, m_config, std::move(clock)) {
    if (auto* dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                [this] { m_api.newEventLoopPass(); });
    }
}

BookingServer::~BookingServer() = default;

Status BookingServer::start() {
    auto* tcp = new HttpServer(
        m_config, [this](const HttpRequest& request) { return handle(request); }, this);
    if (!tcp->start(m_config.address, m_config.port)) {
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
    m_http = tcp;
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

QHostAddress BookingServer::listenAddress() const {
    return m_http ? m_http->serverAddress() : QHostAddress();
}

int BookingServer::openConnections() const {
    return m_http ? m_http->openConnections() : 0;
}

HttpResponse BookingServer::handle(const HttpRequest& request) {
    HttpResponse response;
    if (auto refused = m_policy.check(request))
        response = *refused;
    else
        response = m_api.handle(request);
    // The path only, quoted (a decoded path may hold a line break): query strings carry manage
    // tokens, which never reach a log.
    qCDebug(lcWeb).noquote() << request.method << logQuoted(request.path) << response.status;
    return response;
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
