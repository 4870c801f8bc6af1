#include "icsfeed/IcsFeedSyncRun.h"

#include "calendar/IcsBusyParser.h"
#include "integration/KeychainSecretStore.h"

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

IcsFeedSyncRun::IcsFeedSyncRun(Setup setup, QObject* parent)
    : CalendarPass(setup.database, setup.integration, setup.leaseHolder, setup.clock, parent)
    , m_setup(std::move(setup)) {}

IcsFeedSyncRun::~IcsFeedSyncRun() {
    if (m_reply)
        m_reply->abort();
}

void IcsFeedSyncRun::start() {
    if (!beginPass())
        return;
    m_setup.secrets->readSecret(m_integration.keychainKey, this, [this](Result<QByteArray> secret) {
        if (!secret && m_setup.secretMayBeElsewhere) {
            m_report.ran = false;
            m_report.tokensElsewhere = true;
            finish(true, QStringLiteral("This feed's address is in another machine's "
                                        "keychain"));
            return;
        }
        if (!secret) {
            fail(Failure::Keychain, secret.error().message);
            return;
        }
        fetch(QUrl(QString::fromUtf8(*secret)));
    });
}

void IcsFeedSyncRun::fetch(const QUrl& url) {
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "text/calendar, */*;q=0.5");
    if (!m_integration.httpEtag.isEmpty())
        request.setRawHeader("If-None-Match", m_integration.httpEtag.toLatin1());
    if (!m_integration.httpLastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_integration.httpLastModified.toLatin1());
    m_reply = m_setup.network->get(request);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > kMaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        onReply(reply);
    });
}

void IcsFeedSyncRun::onReply(QNetworkReply* reply) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    ++m_report.pages;
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return fail(Failure::Network,
                    QStringLiteral("The calendar feed did not arrive in time or is larger than "
                                   "%1 MB")
                        .arg(kMaxBytes / (1024 * 1024)));
    if (status == 0)
        return fail(Failure::Network, QStringLiteral("The calendar feed could not be reached (%1)")
                                          .arg(networkProblem(reply->error())));
    if (status == 304) {
        m_report.notModified = true;
        auto stored = storeEvents(false, {}, {}, [](CalendarIntegration&) {});
        if (!stored)
            return fail(Failure::Rejected, stored.error().message);
        finish(*stored, *stored ? QStringLiteral("Not modified since the last sync")
                                : QStringLiteral("The feed was removed during the sync"));
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
    IcsBusyParser::Options options;
    options.from = now().addDays(-kWindowDays);
    options.to = now().addDays(kHorizonDays);
    options.fallbackZone = m_setup.userTimeZone;
    options.ownAddresses = m_setup.ownAddresses;
    auto parsed = IcsBusyParser(options).parse(body);
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
    auto stored = storeEvents(true, parsed->events, {}, [&](CalendarIntegration& updated) {
        updated.httpEtag = etag;
        updated.httpLastModified = lastModified;
    });
    if (!stored)
        return fail(Failure::Rejected, stored.error().message);
    if (!*stored) {
        finish(false, QStringLiteral("The feed was removed during the sync"));
        return;
    }
    qCInfo(lcSync).nospace() << "feed sync: " << m_report.items << " instance(s), "
                             << parsed->skipped << " unreadable event(s), in "
                             << m_elapsed.elapsed() << " ms";
    emit integrationChanged(m_integration.id);
    finish(true, {});
}

void IcsFeedSyncRun::fail(Failure failure, const QString& message) {
    recordSyncFailure(ProviderReply::localFailure(failure, message));
    finish(false, message);
}

} // namespace slotdesk::icsfeed
