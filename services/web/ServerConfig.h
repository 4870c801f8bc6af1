#pragma once
// ServerConfig: where the booking endpoint listens and how strict it is. Defaults are safe for
// a laptop: loopback only, modest limits.

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace slotdesk::web {

struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8765;
    QStringList extraHosts; // more names the Host header may carry (a reverse proxy's)
    // The address attendees reach the endpoint at, e.g. https://book.example.org behind a TLS
    // proxy (scheme, host, optional port and path prefix; see parsePublicUrl()). Every link
    // the endpoint hands out starts with it, and its host may appear in the Host header.
    // Empty: links follow the request (see LinkBuilder).
    QUrl publicUrl;
    // Peers (address, prefix length) whose X-Forwarded-Proto/-Host and Forwarded headers are
    // believed — the reverse proxy in front. From anyone else those headers are ignored.
    QList<QPair<QHostAddress, int>> trustedProxies;
    int maxBodyBytes = 16 * 1024;
    int maxHeaderBytes = 64 * 1024; // request line and header fields
    int maxHeaderFields = 100;
    int requestTimeoutMs = 30'000;    // from a request's first byte to its last
    int idleTimeoutMs = 120'000;      // a kept-alive connection with nothing to do
    int maxConnections = 0;           // open at once; 0: 1024, or fewer if descriptors are short
    int maxConnectionsPerClient = 64; // per client address; 0: no per-client cap
    int bookingPostsPerMinute = 10;   // per client address
    int maxOpenRequestsPerEmail = 3;  // pending future requests per attendee email

    static constexpr quint16 kDefaultPort = 8765;
};

} // namespace slotdesk::web
