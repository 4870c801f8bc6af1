#include "ui/BookingLink.h"

#include "models/AdminSession.h"
#include "web/BookingServer.h"

namespace slotdesk::ui {

BookingLink::BookingLink(models::AdminSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session) {
    // The link carries the username, which onboarding or the profile form may change.
    connect(m_session, &models::AdminSession::adminChanged, this, &BookingLink::publish);
}

BookingLink::~BookingLink() = default;

void BookingLink::listen(const QString& address, quint16 port) {
    m_server.reset(); // frees the old port before the new one is taken (it may be the same)
    m_address = address;
    m_port = port;
    m_problem.clear();

    web::ServerConfig config;
    const QString listen = address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                                  : QStringLiteral("%1:%2").arg(address).arg(port);
    if (auto parsed = web::parseListenAddress(listen, config); !parsed) {
        m_problem = parsed.error().message;
        publish();
        return;
    }
    auto server = std::make_unique<web::BookingServer>(m_session->database(), config);
    if (auto started = server->start(); !started)
        m_problem = started.error().message;
    else
        m_server = std::move(server);
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
    if (m_session->hasAdmin())
        url.setPath(u'/' + m_session->admin().username);
    m_url = url;
    emit changed(m_url, isOnline(), m_problem);
}

} // namespace slotdesk::ui
