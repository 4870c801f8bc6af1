#include "ui/BookingLink.h"

#include "models/AdminSession.h"
#include "models/ServiceThread.h"
#include "ui/BookingServerHost.h"
#include "web/LinkBuilder.h"

#include <utility>

namespace slotdesk::ui {

BookingLink::BookingLink(models::AdminSession* session, models::ServiceThread& services,
                         core::Clock clock, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_host(services.make([clock = std::move(clock)](storage::Database& database) {
        return new BookingServerHost(database, clock);
    })) {
    connect(m_host, &BookingServerHost::served, this, &BookingLink::served);
    // The link carries the username, which onboarding or the profile form may change.
    connect(m_session, &models::AdminSession::adminChanged, this, &BookingLink::publish);
}

BookingLink::~BookingLink() {
    // Closed on its thread; the service thread deletes it at the latest when it ends.
    if (m_host)
        m_host->deleteLater();
}

template <typename Call> void BookingLink::ask(Call call) {
    ++m_pending;
    models::invokeOnThread(m_host.data(), std::move(call));
}

void BookingLink::listen(const QString& address, quint16 port) {
    m_stopped = false;
    ask([address, port](BookingServerHost& host) { host.listen(address, port); });
}

void BookingLink::setPublicUrl(const QUrl& publicUrl) {
    if (publicUrl == m_publicUrl)
        return;
    m_publicUrl = publicUrl;
    ask([publicUrl](BookingServerHost& host) { host.setPublicUrl(publicUrl); });
}

void BookingLink::stop() {
    m_stopped = true;
    ask([](BookingServerHost& host) { host.stop(); });
}

void BookingLink::served(bool online, const QUrl& baseUrl, const QString& address, quint16 port,
                         const QString& problem) {
    --m_pending;
    m_online = online;
    m_baseUrl = baseUrl;
    m_address = address;
    m_port = port;
    m_problem = m_stopped && !online ? tr("The booking link is switched off.") : problem;
    publish();
}

void BookingLink::publish() {
    QUrl url;
    if (m_online) {
        url = m_baseUrl;
    } else {
        url.setScheme(QStringLiteral("http"));
        const bool wildcard = m_address == QLatin1String("0.0.0.0") ||
                              m_address == QLatin1String("::") || m_address.isEmpty();
        url.setHost(wildcard ? QStringLiteral("127.0.0.1") : m_address);
        url.setPort(m_port);
    }
    const QString page = m_session->hasAdmin() ? u'/' + m_session->admin().username : QString();
    url.setPath(page);
    m_localUrl = url;
    m_url = m_publicUrl.isEmpty() ? url : QUrl(web::LinkBuilder::under(m_publicUrl, page));
    emit changed(m_url, m_online, m_problem);
}

QUrl BookingLink::attendeeBase() const {
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    QUrl base = m_localUrl;
    base.setPath(QString());
    return base;
}

} // namespace slotdesk::ui
