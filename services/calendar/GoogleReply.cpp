#include "calendar/GoogleReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace slotdesk::google {
namespace {

constexpr int kTransferTimeoutMs = 30'000;

QString describe(const GoogleReply& r) {
    if (r.httpStatus == 0)
        return QStringLiteral("Google could not be reached");
    QString text = QStringLiteral("Google answered HTTP %1").arg(r.httpStatus);
    if (!r.reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(r.reason);
    return text;
}

} // namespace

bool GoogleReply::isTransient() const {
    return failure == Failure::RateLimited || failure == Failure::ServerError ||
           failure == Failure::Network;
}

GoogleReply GoogleReply::localFailure(Failure failure, const QString& message) {
    GoogleReply reply;
    reply.failure = failure;
    reply.message = message;
    return reply;
}

GoogleReply GoogleReply::fromNetworkReply(QNetworkReply* reply) {
    GoogleReply r;
    r.networkError = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = status.isValid() ? status.toInt() : 0;
    const QByteArray data = reply->readAll();
    const QJsonDocument document = QJsonDocument::fromJson(data);
    if (document.isObject())
        r.body = document.object();

    // API errors: {"error": {"code", "message", "errors": [{"reason", ...}]}};
    // OAuth endpoints: {"error": "invalid_grant", "error_description": "..."}.
    const QJsonValue error = r.body.value(QLatin1String("error"));
    QString detail;
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        detail = e.value(QLatin1String("message")).toString();
        const QJsonArray errors = e.value(QLatin1String("errors")).toArray();
        if (!errors.isEmpty())
            r.reason = errors.first().toObject().value(QLatin1String("reason")).toString();
        if (r.reason.isEmpty())
            r.reason = e.value(QLatin1String("status")).toString();
    } else if (error.isString()) {
        r.reason = error.toString();
        detail = r.body.value(QLatin1String("error_description")).toString();
    }
    if (reply->hasRawHeader("Retry-After")) {
        bool isNumber = false;
        const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&isNumber);
        if (isNumber && seconds > 0)
            r.retryAfter = std::chrono::seconds(seconds);
    }

    const int code = r.httpStatus;
    if (code >= 200 && code < 300 && r.networkError == QNetworkReply::NoError) {
        r.failure = Failure::None;
        return r;
    }
    if (code == 0) {
        r.failure = Failure::Network;
        r.message = QStringLiteral("Google could not be reached: %1")
                        .arg(reply->errorString().simplified());
        return r;
    }
    if (code == 401)
        r.failure = Failure::Unauthorized;
    else if (code == 403 && (r.reason == QLatin1String("rateLimitExceeded") ||
                             r.reason == QLatin1String("userRateLimitExceeded")))
        r.failure = Failure::RateLimited;
    else if (code == 429)
        r.failure = Failure::RateLimited;
    else if (code >= 500)
        r.failure = Failure::ServerError;
    else if (code == 410 && r.reason == QLatin1String("fullSyncRequired"))
        r.failure = Failure::FullSyncRequired;
    else if (code == 410)
        r.failure = Failure::Gone;
    else if (code == 404)
        r.failure = Failure::NotFound;
    else if (code == 409)
        r.failure = Failure::Duplicate;
    else if (r.reason == QLatin1String("invalid_grant"))
        r.failure = Failure::AuthRevoked;
    else
        r.failure = Failure::Rejected;
    r.message = describe(r);
    if (!detail.isEmpty())
        r.message += QStringLiteral(": ") + detail.simplified().left(200);
    return r;
}

void sendRequest(QNetworkAccessManager* network, QNetworkRequest request, const QByteArray& verb,
                 const QByteArray& body, QObject* context, std::function<void(GoogleReply)> done) {
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = network->sendCustomRequest(request, verb, body);
    const auto delivery =
        QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
            reply->deleteLater();
            done(GoogleReply::fromNetworkReply(reply));
        });
    // If the context goes first (a run abandoned at shutdown) the request is aborted. abort()
    // emits finished at once, while the context is still being destroyed: cut the delivery
    // first, or `done` would run on a half-destroyed object and report the abort as a failure.
    QObject::connect(context, &QObject::destroyed, reply, [reply, delivery] {
        QObject::disconnect(delivery);
        reply->abort();
        reply->deleteLater();
    });
}

} // namespace slotdesk::google
