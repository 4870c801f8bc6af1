#include "ui/BookingLink.h"

#include "models/AdminSession.h"
#include "web/BookingServer.h"
#include "web/LinkBuilder.h"

#include <tuple>
#include <utility>

namespace slotdesk::ui {

BookingLink::BookingLink(models::AdminSession* session, core::Clock clock, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_clock(std::move(clock)) {
    // The link carries the username, which onboarding or the profile form may change.
    connect(m_session, &models::AdminSession::adminChanged, this, &BookingLink::publish);
}

BookingLink::~BookingLink() = default;

void BookingLink::listen(const QString& address, quint16 port) {
    web::ServerConfig config;
    config.publicUrl = m_publicUrl;
    const QString text = address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                : QStringLiteral("%1:%2").arg(address).arg(port);
    if (auto parsed = web::parseListenAddress(text, config); !parsed) {
        m_problem = parsed.error().message; // a link that works stays up
        if (!m_server) {
            m_address = address;
            m_port = port;
        }
        publish();
        return;
    }
    const auto start = [&]() -> std::pair<std::unique_ptr<web::BookingServer>, Status> {
        auto server = std::make_unique<web::BookingServer>(m_session->database(), config, m_clock);
        Status started = server->start();
        return {std::move(server), std::move(started)};
    };
    // The new address first, so that a typo or a taken port doesn't take a working link down.
    auto [fresh, started] = start();
    if (!started && m_server && port != 0 && m_server->port() == port) {
        // The same port on another address: it must be freed first; put it back on failure.
        const QString oldAddress = m_address;
        const quint16 oldPort = m_port;
        m_server.reset();
        std::tie(fresh, started) = start();
        if (!started) {
            listen(oldAddress, oldPort);
            m_problem = started.error().message;
            publish();
            return;
        }
    }
    if (started) {
        m_server = std::move(fresh);
        m_address = address;
        m_port = port;
        m_problem.clear();
    } else {
        m_problem = started.error().message;
        if (!m_server) {
            m_address = address;
            m_port = port;
        }
    }
    publish();
}

void BookingLink::setPublicUrl(const QUrl& publicUrl) {
    if (publicUrl == m_publicUrl)
        return;
    m_publicUrl = publicUrl;
    // The server builds the manage links from it: a running one starts again, on the same
    // address and port.
    if (m_server)
        listen(m_address, m_port);
    else
        publish();
}

void BookingLink::stop() {
    m_server.reset();
    m_problem = tr("The booking link is switched off.");
    publish();
}

bool BookingLink::isOnline() const {
    return m_server && m_server->isListening();
}

void BookingLink::publish() {
    QUrl url;
    if (isOnline()) {
        url = m_server->baseUrl();
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
    emit changed(m_url, isOnline(), m_problem);
}

QUrl BookingLink::attendeeBase() const {
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    QUrl base = m_localUrl;
    base.setPath(QString());
    return base;
}

} // namespace slotdesk::ui
