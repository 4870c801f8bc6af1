#pragma once
// RequestPolicy: the endpoint's defences, applied before any route runs — Host allowlist
// (against DNS rebinding), JSON-only POSTs, same-origin POSTs, and the headers every
// response carries (CSP without inline script, nosniff, no referrer, no framing).

#include "web/HttpMessage.h"
#include "web/ServerConfig.h"

#include <optional>

namespace slotdesk::web {

class RequestPolicy {
public:
    explicit RequestPolicy(const ServerConfig& config);

    // The port actually listened on (known after listen(), e.g. when 0 was asked for).
    void setPort(quint16 port);

    // A response that refuses the request, or nothing when it may proceed.
    [[nodiscard]] std::optional<HttpResponse> check(const HttpRequest& request) const;
    [[nodiscard]] bool isAllowedHost(const QByteArray& host) const;
    // A Content-Type of application/json: that media type exactly, parameters allowed, a
    // charset only if it is UTF-8.
    [[nodiscard]] static bool isJsonMediaType(const QByteArray& contentType);
    // The host names (without port; IPv6 in brackets, lower-case) a Host header may carry:
    // loopback, the listening address, --allow-host names and the public URL's host.
    static QList<QByteArray> allowedNames(const ServerConfig& config);
    // Adds the security headers every response carries.
    static void decorate(HttpResponse& response);

private:
    ServerConfig m_config;
    quint16 m_port = 0;
    QList<QByteArray> m_allowedHosts; // lower-case, with and without ":port"
};

} // namespace slotdesk::web
