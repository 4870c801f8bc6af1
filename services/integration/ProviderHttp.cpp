#include "integration/ProviderHttp.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QUrl>

namespace slotdesk::integration {
namespace {

constexpr int kTransferTimeoutMs = 30'000;
// A reply larger than this is cut off, so a broken or hostile server cannot fill the memory; the
// caller then sees a failed transfer (status 0), backs off and keeps what it had.
constexpr qint64 kMaxReplyBytes = 64LL * 1024 * 1024;

} // namespace

void sendRequest(QNetworkAccessManager* network, const QString& provider, QNetworkRequest request,
                 const QByteArray& verb, const QByteArray& body, QObject* context,
                 std::function<void(ProviderReply)> done) {
    request.setTransferTimeout(kTransferTimeoutMs);
    if (!request.hasRawHeader("Accept"))
        request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = network->sendCustomRequest(request, verb, body);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply](qint64 received, qint64) {
                         if (received > kMaxReplyBytes)
                             reply->abort();
                     });
    const auto delivery = QObject::connect(
        reply, &QNetworkReply::finished, context, [reply, provider, done = std::move(done)] {
            reply->deleteLater();
            done(ProviderReply::fromNetworkReply(reply, provider));
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

bool isLoopback(const QUrl& url) {
    return url.host() == QLatin1String("localhost") || QHostAddress(url.host()).isLoopback();
}

QByteArray formBody(const FormFields& fields) {
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QNetworkRequest formRequest(const QUrl& url) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    return request;
}

} // namespace slotdesk::integration
