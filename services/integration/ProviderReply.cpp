#include "integration/ProviderReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>

namespace slotdesk::integration {
namespace {

QString describe(const ProviderReply& r, const QString& provider) {
    QString text = QStringLiteral("%1 answered HTTP %2").arg(provider).arg(r.httpStatus);
    if (!r.reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(r.reason);
    return text;
}

} // namespace

bool ProviderReply::isTransient() const {
    return failure == Failure::RateLimited || failure == Failure::ServerError ||
           failure == Failure::Network;
}

QByteArray ProviderReply::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

ProviderReply ProviderReply::localFailure(Failure failure, const QString& message) {
    ProviderReply reply;
    reply.failure = failure;
    reply.message = message;
    return reply;
}

Failure ProviderReply::classify(int code, const QString& reason) {
    if (code >= 200 && code < 300)
        return Failure::None;
    if (code == 0)
        return Failure::Network;
    if (code == 401)
        return Failure::Unauthorized;
    if (code == 403 && (reason == QLatin1String("rateLimitExceeded") ||
                        reason == QLatin1String("userRateLimitExceeded")))
        return Failure::RateLimited;
    if (code == 429)
        return Failure::RateLimited;
    if (code >= 500)
        return Failure::ServerError;
    if (code == 410 && reason == QLatin1String("fullSyncRequired"))
        return Failure::FullSyncRequired;
    if (code == 410)
        return Failure::Gone;
    if (code == 404)
        return Failure::NotFound;
    if (code == 409)
        return Failure::Duplicate;
    if (reason == QLatin1String("invalid_grant"))
        return Failure::AuthRevoked;
    return Failure::Rejected;
}

ProviderReply ProviderReply::fromNetworkReply(QNetworkReply* reply, const QString& provider) {
    ProviderReply r;
    r.networkError = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    r.httpStatus = status.isValid() ? status.toInt() : 0;
    r.data = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    const QJsonDocument document = QJsonDocument::fromJson(r.data);
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

    // A 2xx whose transfer failed (cut short, say) is no success.
    const bool delivered = r.networkError == QNetworkReply::NoError;
    r.failure = classify(r.httpStatus, r.reason);
    if (r.failure == Failure::None && delivered)
        return r;
    if (r.httpStatus == 0) {
        r.message = QStringLiteral("%1 could not be reached: %2")
                        .arg(provider, reply->errorString().simplified());
        return r;
    }
    if (r.failure == Failure::None)
        r.failure = Failure::Rejected;
    r.message = describe(r, provider);
    if (!detail.isEmpty())
        r.message += QStringLiteral(": ") + detail.simplified().left(200);
    return r;
}

} // namespace slotdesk::integration
