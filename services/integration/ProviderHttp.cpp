#include "integration/ProviderHttp.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QUrl>

namespace slotdesk::integration {
namespace {

constexpr int kTransferTimeoutMs = 30'000;
constexpr char kCutOff[] = "slotdesk_cutOff";

// What a reply cut off at kMaxReplyBytes counts as: a transfer that never completed. Nothing of
// it is read (it is not the whole answer, and may be all the memory it was allowed).
ProviderReply cutOffReply(const QString& provider) {
    ProviderReply reply = ProviderReply::localFailure(
        Failure::Network, QStringLiteral("%1 sent an answer larger than %2 MB; it was cut off")
                              .arg(provider)
                              .arg(kMaxReplyBytes / (1024 * 1024)));
    reply.networkError = QNetworkReply::OperationCanceledError;
    return reply;
}

} // namespace

void capReplySize(QNetworkReply* reply) {
    // A read buffer one byte over the cap makes QtNetwork stop reading from the socket once it
    // holds that much unread (the server then waits: the memory stays bounded), and the byte
    // over says the answer is too large.
    reply->setReadBufferSize(kMaxReplyBytes + 1);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply] {
        if (reply->bytesAvailable() <= kMaxReplyBytes || wasCutOff(reply))
            return;
        reply->setProperty(kCutOff, true);
        reply->abort();
    });
}

bool wasCutOff(const QNetworkReply* reply) {
    return reply->property(kCutOff).toBool();
}

void sendRequest(QNetworkAccessManager* network, const QString& provider, QNetworkRequest request,
                 const QByteArray& verb, const QByteArray& body, QObject* context,
                 std::function<void(ProviderReply)> done) {
    request.setTransferTimeout(kTransferTimeoutMs);
    if (!request.hasRawHeader("Accept"))
        request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = network->sendCustomRequest(request, verb, body);
    capReplySize(reply);
    const auto delivery = QObject::connect(
        reply, &QNetworkReply::finished, context, [reply, provider, done = std::move(done)] {
            reply->deleteLater();
            done(wasCutOff(reply) ? cutOffReply(provider)
                                  : ProviderReply::fromNetworkReply(reply, provider));
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
