#pragma once
// GoogleReply: what came back from one Google HTTP call, read once into plain values and sorted
// into the few cases the sync treats differently. Also the small helper that sends requests.

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace slotdesk::google {

enum class Failure {
    None,
    Unauthorized,     // 401: the access token was refused
    AuthRevoked,      // the refresh token was refused (invalid_grant): reconnect
    FullSyncRequired, // 410 on events.list: the sync token expired
    RateLimited,      // 403 rateLimitExceeded / userRateLimitExceeded, 429
    ServerError,      // 5xx
    Network,          // no HTTP answer: refused, reset, timed out, TLS
    NotFound,         // 404
    Gone,             // 410 elsewhere (a deleted event)
    Duplicate,        // 409 (an event id that already exists)
    Keychain,         // the tokens could not be read or stored
    Rejected,         // any other 4xx: our request or our rights are wrong; retrying won't help
};

struct GoogleReply {
    int httpStatus = 0; // 0 = no HTTP answer
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QJsonObject body;
    QString reason;  // error.errors[0].reason (API) or "error" (OAuth endpoints)
    QString message; // one line for a person
    std::chrono::milliseconds retryAfter{0};
    Failure failure = Failure::None;

    [[nodiscard]] bool ok() const { return failure == Failure::None; }
    // Worth retrying later with back-off (as opposed to needing the admin).
    [[nodiscard]] bool isTransient() const;

    static GoogleReply fromNetworkReply(QNetworkReply* reply);
    static GoogleReply localFailure(Failure failure, const QString& message);
};

// Sends a request with a 30 s transfer timeout and hands the parsed reply to `done` (on the
// event loop; not at all if `context` is destroyed first).
void sendRequest(QNetworkAccessManager* network, QNetworkRequest request, const QByteArray& verb,
                 const QByteArray& body, QObject* context, std::function<void(GoogleReply)> done);

} // namespace slotdesk::google
