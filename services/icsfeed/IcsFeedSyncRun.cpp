#include "icsfeed/IcsFeedSyncRun.h"

#include "integration/ProviderHttp.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace slotdesk::icsfeed {

using integration::Failure;
using integration::ProviderReply;

namespace {

constexpr int kTransferTimeoutMs = 60'000;

// Qt's own error texts may quote the address; these never do.
QString networkProblem(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("timed out");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the TLS handshake failed");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("connection closed");
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("bad redirect");
    default:
        return QStringLiteral("network error %1").arg(static_cast<int>(error));
    }
}

} // namespace

IcsFeedSyncRun::IcsFeedSyncRun(const Setup& setup, integration::KeychainSecretStore* secrets,
                               QObject* parent)
    : IcsCalendarPass(setup, secrets,
                      QStringLiteral("This feed's address is in another machine's keychain"),
                      parent) {}

IcsFeedSyncRun::~IcsFeedSyncRun() {
    if (m_reply)
        m_reply->abort();
}

void IcsFeedSyncRun::begin(const QByteArray& secret) {
    QNetworkRequest request(QUrl(QString::fromUtf8(secret)));
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "text/calendar, */*;q=0.5");
    if (!m_integration.httpEtag.isEmpty())
        request.setRawHeader("If-None-Match", m_integration.httpEtag.toLatin1());
    if (!m_integration.httpLastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_integration.httpLastModified.toLatin1());
    m_reply = network()->get(request);
    QNetworkReply* reply = m_reply;
    integration::capReplySize(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        onReply(reply);
    });
}

void IcsFeedSyncRun::onReply(QNetworkReply* reply) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ++m_report.pages;
    if (integration::wasCutOff(reply))
        return fail(Failure::Network,
                    QStringLiteral("The calendar feed is larger than %1 MB; it was cut off")
                        .arg(integration::kMaxReplyBytes / (1024 * 1024)));
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return fail(Failure::Network, QStringLiteral("The calendar feed did not arrive in time"));
    if (status == 0)
        return fail(Failure::Network, QStringLiteral("The calendar feed could not be reached (%1)")
                                          .arg(networkProblem(reply->error())));
    if (status == 304) {
        m_report.notModified = true;
        if (wasStored(storeEvents(false, {}, {}, [](CalendarIntegration&) {})))
            finish(true, QStringLiteral("Not modified since the last sync"));
        return;
    }
    const Failure failure = ProviderReply::classify(status, {});
    if (failure != Failure::None || reply->error() != QNetworkReply::NoError)
        return fail(failure == Failure::None ? Failure::Network : failure,
                    QStringLiteral("The calendar feed answered HTTP %1").arg(status));
    store(reply->readAll(), QString::fromLatin1(reply->rawHeader("ETag")),
          QString::fromLatin1(reply->rawHeader("Last-Modified")));
}

void IcsFeedSyncRun::store(const QByteArray& body, const QString& etag,
                           const QString& lastModified) {
    auto parsed = parser().parse(body);
    if (!parsed)
        return fail(Failure::Rejected,
                    QStringLiteral("The calendar feed did not answer with iCalendar data"));
    m_report.fullSync = true;
    m_report.items = static_cast<int>(parsed->events.size());
    m_report.removed = parsed->skipped;
    const QDateTime syncedAt = now();
    for (CalendarEvent& event : parsed->events) {
        event.calendarIntegrationId = m_integration.id;
        event.syncedAt = syncedAt;
    }
    if (!wasStored(storeEvents(true, parsed->events, {}, [&](CalendarIntegration& updated) {
            updated.httpEtag = etag;
            updated.httpLastModified = lastModified;
        })))
        return;
    qCInfo(lcSync).nospace() << "feed sync: " << m_report.items << " instance(s), "
                             << parsed->skipped << " unreadable event(s), in "
                             << m_elapsed.elapsed() << " ms";
    emit integrationChanged(m_integration.id);
    finish(true, {});
}

void IcsFeedSyncRun::fail(Failure failure, const QString& message) {
    IcsCalendarPass::fail(ProviderReply::localFailure(failure, message));
}

} // namespace slotdesk::icsfeed
