#include "web/LinkBuilder.h"

#include "web/RequestPolicy.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace slotdesk::web {
namespace {

// An address as the proxy check sees it: ::ffff:10.0.0.1 (a dual-stack socket) is 10.0.0.1.
QHostAddress plainAddress(const QHostAddress& address) {
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 v4 = address.toIPv4Address(&mapped);
        if (mapped)
            return QHostAddress(v4);
    }
    return address;
}

struct HostPort {
    QByteArray name; // lower-case; an IPv6 address in brackets
    int port = -1;
};

// "book.example.org", "book.example.org:8443", "[::1]:8765" — or nothing for anything else
// (spaces, a path, a user name, a bad port).
std::optional<HostPort> splitHost(const QByteArray& text) {
    const QByteArray value = text.trimmed().toLower();
    HostPort result;
    QByteArray portText;
    if (value.startsWith('[')) {
        const qsizetype close = value.indexOf(']');
        if (close < 0)
            return std::nullopt;
        result.name = value.left(close + 1);
        const QByteArray rest = value.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(':'))
                return std::nullopt;
            portText = rest.mid(1);
        }
        for (const char c : result.name.mid(1, result.name.size() - 2)) {
            if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.')
                return std::nullopt;
        }
    } else {
        const qsizetype colon = value.indexOf(':');
        result.name = colon < 0 ? value : value.left(colon);
        if (colon >= 0)
            portText = value.mid(colon + 1);
        for (const char c : result.name) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
                return std::nullopt;
        }
    }
    if (result.name.isEmpty() || result.name == "[]")
        return std::nullopt;
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || portText.size() > 5 || port < 1 || port > 65535 || portText.startsWith('+'))
            return std::nullopt;
        result.port = port;
    }
    return result;
}

// The last comma-separated value of a header: the one the proxy next to us added.
QByteArray lastListValue(const QByteArray& header) {
    return header.mid(header.lastIndexOf(',') + 1).trimmed();
}

// The parameters of the last element of a Forwarded header (RFC 7239): names lower-case,
// quoted values unquoted. Commas and semicolons inside quotes belong to the value.
QHash<QByteArray, QByteArray> lastForwardedElement(const QByteArray& header) {
    QHash<QByteArray, QByteArray> element;
    QByteArray name;
    QByteArray value;
    bool inValue = false;
    bool quoted = false;
    const auto endPair = [&] {
        if (!name.trimmed().isEmpty())
            element.insert(name.trimmed().toLower(), value.trimmed());
        name.clear();
        value.clear();
        inValue = false;
    };
    for (qsizetype i = 0; i < header.size(); ++i) {
        const char c = header[i];
        if (quoted) {
            if (c == '\\' && i + 1 < header.size())
                value += header[++i];
            else if (c == '"')
                quoted = false;
            else
                value += c;
        } else if (c == '"' && inValue) {
            quoted = true;
        } else if (c == ';') {
            endPair();
        } else if (c == ',') {
            endPair();
            element.clear(); // a later element replaces the earlier ones
        } else if (c == '=' && !inValue) {
            inValue = true;
        } else {
            (inValue ? value : name) += c;
        }
    }
    endPair();
    return element;
}

int defaultPort(const QString& scheme) {
    return scheme == QLatin1String("https") ? 443 : 80;
}

} // namespace

LinkBuilder::LinkBuilder(const ServerConfig& config)
    : m_publicUrl(config.publicUrl)
    , m_trustedProxies(config.trustedProxies)
    , m_allowedNames(RequestPolicy::allowedNames(config)) {}

bool LinkBuilder::isTrustedProxy(const QHostAddress& peer) const {
    const QHostAddress address = plainAddress(peer);
    for (const auto& [network, length] : m_trustedProxies) {
        if (address.isInSubnet(network, length))
            return true;
    }
    return false;
}

bool LinkBuilder::isAllowedHostName(const QByteArray& host) const {
    return m_allowedNames.contains(host);
}

QUrl LinkBuilder::base(const HttpRequest& request) const {
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    QString scheme = QStringLiteral("http");
    std::optional<HostPort> host = splitHost(request.header("host"));
    if (isTrustedProxy(request.remoteAddress)) {
        // What the proxy says about the client's side of it; Forwarded wins when both are sent.
        const auto forwarded = lastForwardedElement(request.header("forwarded"));
        QByteArray proto = forwarded.value("proto");
        if (proto.isEmpty())
            proto = lastListValue(request.header("x-forwarded-proto"));
        proto = proto.toLower();
        if (proto == "http" || proto == "https")
            scheme = QString::fromLatin1(proto);
        QByteArray forwardedHost = forwarded.value("host");
        if (forwardedHost.isEmpty())
            forwardedHost = lastListValue(request.header("x-forwarded-host"));
        if (!forwardedHost.isEmpty()) {
            // A name the allowlist doesn't know is ignored, not used: the Host header stays.
            if (auto named = splitHost(forwardedHost); named && isAllowedHostName(named->name))
                host = named;
        }
    }
    if (!host || !isAllowedHostName(host->name))
        return {};
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QString::fromLatin1(host->name.startsWith('[') ? host->name.mid(1).chopped(1)
                                                               : host->name));
    if (host->port > 0 && host->port != defaultPort(scheme))
        url.setPort(host->port);
    return url.isValid() ? url : QUrl();
}

QString LinkBuilder::link(const HttpRequest& request, const QString& path,
                          const QUrlQuery& query) const {
    return under(base(request), path, query);
}

QString LinkBuilder::manageLink(const HttpRequest& request, const QString& bookingId,
                                const QString& token) const {
    return manageLink(base(request), bookingId, token);
}

QString LinkBuilder::manageLink(const QUrl& base, const QString& bookingId, const QString& token) {
    return under(base, QStringLiteral("/booking/") + bookingId,
                 QUrlQuery{{QStringLiteral("token"), token}});
}

QString LinkBuilder::redirectTarget(const QString& path) const {
    return under(m_publicUrl, path);
}

QString LinkBuilder::under(const QUrl& base, const QString& path, const QUrlQuery& query) {
    QUrl url = base;
    url.setPath(base.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

Result<QUrl> parsePublicUrl(const QString& text, const QString& option) {
    const QString trimmed = text.trimmed();
    const auto invalid = [&](const QString& why) {
        return Error::validation(
            option, QStringLiteral("'%1' %2; give http:// or https://, a host name and optionally "
                                   "a port and a path, e.g. https://book.example.org")
                        .arg(displayValue(text), why));
    };
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (trimmed.isEmpty() || !url.isValid() || url.isRelative())
        return invalid(QStringLiteral("is not a URL"));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return invalid(QStringLiteral("is not http:// or https://"));
    // The authority as typed: "https://@host" has an empty user name, but an '@' all the same.
    const qsizetype authorityStart = trimmed.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < trimmed.size() && !QStringLiteral("/?#").contains(trimmed[authorityEnd]))
        ++authorityEnd;
    if (!url.userInfo().isEmpty() ||
        trimmed.mid(authorityStart, authorityEnd - authorityStart).contains(u'@'))
        return invalid(QStringLiteral("has a user name or password"));
    if (url.host().isEmpty())
        return invalid(QStringLiteral("has no host name"));
    if (url.hasQuery())
        return invalid(QStringLiteral("has a query (?...)"));
    if (url.hasFragment())
        return invalid(QStringLiteral("has a fragment (#...)"));
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.isEmpty()) {
        for (const QString& segment : path.mid(1).split(u'/')) {
            const bool plain = std::all_of(segment.begin(), segment.end(), [](QChar c) {
                return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'.' || c == u'_' ||
                       c == u'~' || c == u'-';
            });
            if (segment.isEmpty() || segment == QLatin1String(".") ||
                segment == QLatin1String("..") || !plain)
                return invalid(QStringLiteral("has a path with more than letters, digits and "
                                              ". _ ~ - between single slashes"));
        }
    }
    QUrl normal;
    normal.setScheme(scheme);
    normal.setHost(url.host(QUrl::FullyEncoded).toLower(), QUrl::StrictMode);
    if (url.port() > 0 && url.port() != defaultPort(scheme))
        normal.setPort(url.port());
    normal.setPath(path, QUrl::StrictMode);
    if (!normal.isValid())
        return invalid(QStringLiteral("is not a URL"));
    return normal;
}

Result<QPair<QHostAddress, int>> parseTrustedProxy(const QString& text, const QString& option) {
    QString value = text.trimmed();
    const auto invalid = [&] {
        return Error::validation(option, QStringLiteral("'%1' is not an IP address or subnet, e.g. "
                                                        "127.0.0.1, ::1 or 10.0.0.0/8")
                                             .arg(displayValue(text)));
    };
    // IPv4 in its plain dotted form only: "1.2.3" or "010.0.0.1" would mean something else
    // than they seem to.
    const auto plainIPv4 = [](const QHostAddress& address, QStringView written) {
        return address.protocol() != QAbstractSocket::IPv4Protocol || address.toString() == written;
    };
    if (value.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(value);
        if (subnet.first.isNull() || subnet.second < 0 ||
            !plainIPv4(QHostAddress(value.section(u'/', 0, 0)), value.section(u'/', 0, 0)))
            return invalid();
        return subnet;
    }
    if (value.startsWith(u'[') && value.endsWith(u']'))
        value = value.mid(1).chopped(1);
    QHostAddress address;
    if (value.isEmpty() || !address.setAddress(value) || !plainIPv4(address, value))
        return invalid();
    address = plainAddress(address);
    return QPair<QHostAddress, int>(address,
                                    address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128);
}

} // namespace slotdesk::web
