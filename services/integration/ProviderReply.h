#pragma once
// ProviderReply: what came back from one HTTP call to a provider (Google, Zoom, ...), read once
// into plain values and sorted into the few cases callers treat differently: retry later with
// back-off (isTransient), refresh the token, ask the admin to reconnect, or give up on this
// request. The provider's name goes into the message ("Zoom answered HTTP 503").

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

#include <chrono>

namespace slotdesk::integration {

enum class Failure {
    None,
    Unauthorized,     // 401: the access token was refused
    AuthRevoked,      // the grant is gone (invalid_grant, a refused refresh): reconnect
    FullSyncRequired, // 410 with reason fullSyncRequired (Google's events.list: sync token expired)
    RateLimited,      // 429, or 403 rateLimitExceeded / userRateLimitExceeded
    ServerError,      // 5xx
    Network,          // no HTTP answer: refused, reset, timed out, TLS
    NotFound,         // 404
    Gone,             // 410 otherwise (a deleted resource)
    Duplicate,        // 409 (an id that already exists)
    Keychain,         // the tokens or a secret could not be read or stored
    Rejected,         // any other 4xx: our request or our rights are wrong; retrying won't help
};

struct ProviderReply {
    int httpStatus = 0; // 0 = no HTTP answer
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QJsonObject body;
    QByteArray data; // the body as it came (for an answer that is not JSON: CalDAV's XML)
    QList<QNetworkReply::RawHeaderPair> headers;
    QString reason;  // error.errors[0].reason / error.status (APIs) or "error" (OAuth endpoints)
    QString message; // one line for a person
    std::chrono::milliseconds retryAfter{0};
    Failure failure = Failure::None;

    [[nodiscard]] bool ok() const { return failure == Failure::None; }
    // Worth retrying later with back-off (as opposed to needing the admin).
    [[nodiscard]] bool isTransient() const;
    // The response header `name` (case-insensitive); empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray& name) const;

    // The failure an HTTP answer with this status and error reason stands for (2xx: None).
    static Failure classify(int httpStatus, const QString& reason);
    // Reads a finished reply of `provider` (its name, for the message).
    static ProviderReply fromNetworkReply(QNetworkReply* reply, const QString& provider);
    static ProviderReply localFailure(Failure failure, const QString& message);
};

} // namespace slotdesk::integration
