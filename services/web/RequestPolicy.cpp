#include "web/RequestPolicy.h"

#include <QUrl>

namespace slotdesk::web {
namespace {

// The host of `url` as a Host header names it: lower-case, an IPv6 address in brackets.
QByteArray hostHeaderName(const QUrl& url) {
    const QByteArray host = url.host(QUrl::FullyEncoded).toLower().toLatin1();
    return host.contains(':') ? '[' + host + ']' : host;
}

} // namespace

RequestPolicy::RequestPolicy(const ServerConfig& config)
    : m_config(config) {
    setPort(config.port);
}

QList<QByteArray> RequestPolicy::allowedNames(const ServerConfig& config) {
    QList<QByteArray> names{"localhost", "127.0.0.1", "[::1]"};
    const QHostAddress& address = config.address;
    if (address != QHostAddress::Any && address != QHostAddress::AnyIPv4 &&
        address != QHostAddress::AnyIPv6) {
        names.append(address.protocol() == QAbstractSocket::IPv6Protocol
                         ? '[' + address.toString().toLatin1() + ']'
                         : address.toString().toLatin1());
    }
    for (const auto& extra : config.extraHosts)
        names.append(extra.toLower().toUtf8());
    // The proxy in front passes the public name on (nginx: proxy_set_header Host $host).
    if (!config.publicUrl.host().isEmpty())
        names.append(hostHeaderName(config.publicUrl));
    for (auto& name : names)
        name = name.toLower();
    return names;
}

void RequestPolicy::setPort(quint16 port) {
    m_port = port;
    // Each name alone and with the port: what a Host header may say.
    m_allowedHosts.clear();
    for (const auto& name : allowedNames(m_config)) {
        m_allowedHosts.append(name);
        m_allowedHosts.append(name + ':' + QByteArray::number(port));
    }
    // The public URL's own port too (a proxy on https://book.example.org:8443).
    if (const QUrl& publicUrl = m_config.publicUrl; publicUrl.port() > 0)
        m_allowedHosts.append(hostHeaderName(publicUrl) + ':' +
                              QByteArray::number(publicUrl.port()));
}

bool RequestPolicy::isJsonMediaType(const QByteArray& contentType) {
    // type/subtype exactly application/json (any case), then only well-formed parameters, of
    // which a charset must be UTF-8 (JSON's only encoding, RFC 8259).
    const QList<QByteArray> parts = contentType.split(';');
    if (parts.constFirst().trimmed().toLower() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed();
        if (parameter.isEmpty())
            continue; // "application/json;"
        const qsizetype equals = parameter.indexOf('=');
        if (equals <= 0)
            return false;
        const QByteArray name = parameter.left(equals).trimmed().toLower();
        QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        if (name == "charset" && value.toLower() != "utf-8")
            return false;
    }
    return true;
}

bool RequestPolicy::isAllowedHost(const QByteArray& hostHeader) const {
    const QByteArray host = hostHeader.trimmed().toLower();
    return !host.isEmpty() && m_allowedHosts.contains(host);
}

std::optional<HttpResponse> RequestPolicy::check(const HttpRequest& request) const {
    if (!isAllowedHost(request.header("host")))
        return HttpResponse::error(403, "forbidden",
                                   QStringLiteral("This host name is not allowed"));
    // Body size is HttpRequestParser's: it refuses an oversized body (413) while framing.
    if (request.method != "POST")
        return std::nullopt;

    // Browsers say where a request comes from; a cross-site POST is refused (CSRF).
    const QByteArray fetchSite = request.header("sec-fetch-site");
    if (!fetchSite.isEmpty() && fetchSite != "same-origin" && fetchSite != "none")
        return HttpResponse::error(403, "forbidden",
                                   QStringLiteral("Cross-site requests are not allowed"));
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty()) {
        const QUrl url(QString::fromLatin1(origin));
        const QString host =
            url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
        const QString bracketed = url.host().contains(u':')
                                      ? QStringLiteral("[%1]:%2").arg(url.host()).arg(url.port())
                                      : host;
        if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            return HttpResponse::error(403, "forbidden",
                                       QStringLiteral("Cross-site requests are not allowed"));
        if (!isAllowedHost(bracketed.toLatin1()) ||
            bracketed.toLower() != QString::fromLatin1(request.header("host")).toLower())
            return HttpResponse::error(403, "forbidden",
                                       QStringLiteral("Cross-site requests are not allowed"));
    }
    if (!isJsonMediaType(request.header("content-type")))
        return HttpResponse::error(
            415, "unsupported_media_type",
            QStringLiteral("Send the request as Content-Type: application/json"));
    return std::nullopt;
}

void RequestPolicy::decorate(HttpResponse& response) {
    static const QList<QPair<QByteArray, QByteArray>> securityHeaders{
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };
    bool hasCacheControl = false;
    for (const auto& header : response.headers) {
        hasCacheControl =
            hasCacheControl || header.first.compare("cache-control", Qt::CaseInsensitive) == 0;
    }
    // Routes never set these themselves, so they are appended, not looked up one by one.
    response.headers.reserve(response.headers.size() + securityHeaders.size() + 1);
    response.headers.append(securityHeaders);
    if (!hasCacheControl)
        response.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
}

} // namespace slotdesk::web
