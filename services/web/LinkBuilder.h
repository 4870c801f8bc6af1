#pragma once
// LinkBuilder: the one place that turns a request into the absolute links the booking endpoint
// hands out — the manage URL, page links, and later the links in e-mails. With a public URL
// configured every link starts with it. Without one a link follows the request's Host (which
// RequestPolicy has allowed), over http — unless the peer is a configured trusted proxy, whose
// X-Forwarded-Proto/-Host or Forwarded (proto=, host=) headers then say the scheme and host.
// Nobody else's forwarding headers are believed, and a host name that isn't allowed never ends
// up in a link.

#include "core/Result.h"
#include "web/HttpMessage.h"
#include "web/ServerConfig.h"

#include <QUrl>
#include <QUrlQuery>

namespace slotdesk::web {

class LinkBuilder {
public:
    explicit LinkBuilder(const ServerConfig& config);

    // scheme://host[:port][/prefix] without a trailing slash; an empty URL when the request
    // names no allowed host (link() is then a path only).
    [[nodiscard]] QUrl base(const HttpRequest& request) const;
    // `path` (starting with '/', e.g. "/booking/ID") under base(), with `query`.
    [[nodiscard]] QString link(const HttpRequest& request, const QString& path,
                               const QUrlQuery& query = {}) const;
    // The attendee's manage link of a booking: "<base>/booking/<id>?token=<token>".
    [[nodiscard]] QString manageLink(const HttpRequest& request, const QString& bookingId,
                                     const QString& token) const;
    // The same under a public URL (for links made outside a request, as in e-mails).
    static QString manageLink(const QUrl& base, const QString& bookingId, const QString& token);
    // The configured public URL; empty without one.
    [[nodiscard]] const QUrl& publicUrl() const { return m_publicUrl; }
    // Where a redirect to `path` points: the public link when a public URL is set, else the
    // path alone, which keeps whatever scheme and host the client used.
    [[nodiscard]] QString redirectTarget(const QString& path) const;
    // Whether X-Forwarded-* / Forwarded from `peer` are believed.
    [[nodiscard]] bool isTrustedProxy(const QHostAddress& peer) const;

    // `path` and `query` under `base` (a public URL): "https://book.example.org/x/alice".
    static QString under(const QUrl& base, const QString& path, const QUrlQuery& query = {});

private:
    [[nodiscard]] bool isAllowedHostName(const QByteArray& host) const;

    QUrl m_publicUrl;
    QList<QPair<QHostAddress, int>> m_trustedProxies;
    QList<QByteArray> m_allowedNames; // RequestPolicy::allowedNames()
};

// The --public-url value: http or https, a host, optionally a port and a path prefix; no user
// name, query or fragment. A trailing slash is dropped, as is the scheme's default port. A
// mistake is a validation error naming `option` ("public-url").
Result<QUrl> parsePublicUrl(const QString& text,
                            const QString& option = QStringLiteral("public-url"));
// A --trusted-proxy value: an IP address ("127.0.0.1", "::1") or a subnet ("10.0.0.0/8").
Result<QPair<QHostAddress, int>>
parseTrustedProxy(const QString& text, const QString& option = QStringLiteral("trusted-proxy"));

} // namespace slotdesk::web
