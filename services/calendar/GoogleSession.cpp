#include "calendar/GoogleSession.h"

#include "calendar/GoogleOAuthClient.h"
#include "integration/OAuthTokenStore.h"
#include "integration/ProviderHttp.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcSession, "slotdesk.calendar.api")

namespace slotdesk::google {

using integration::Failure;
using integration::OAuthTokens;
using integration::ProviderReply;

GoogleSession::GoogleSession(QString keychainKey, Endpoints endpoints,
                             integration::OAuthTokenStore* store, GoogleOAuthClient* oauth,
                             QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_keychainKey(std::move(keychainKey))
    , m_endpoints(std::move(endpoints))
    , m_store(store)
    , m_oauth(oauth)
    , m_network(network) {}

QString GoogleSession::segment(const QString& value) {
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QDateTime GoogleSession::tokenExpiresAt() const {
    return m_tokens ? m_tokens->expiresAt : QDateTime();
}

void GoogleSession::prepare(std::function<void(ProviderReply)> done) {
    withToken(false, std::move(done));
}

void GoogleSession::call(const QByteArray& verb, const QString& path, const QUrlQuery& query,
                         const QJsonObject& body, std::function<void(ProviderReply)> done) {
    QUrl url = m_endpoints.api;
    url.setPath(url.path(QUrl::FullyEncoded) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    withToken(false, [this, verb, url, json, done = std::move(done)](ProviderReply ready) mutable {
        if (!ready.ok()) {
            done(ready);
            return;
        }
        send(verb, url, json, false, std::move(done));
    });
}

void GoogleSession::send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                         bool retried, std::function<void(ProviderReply)> done) {
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_tokens->accessToken.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    integration::sendRequest(
        m_network, provider().name, request, verb, body, this,
        [this, verb, url, body, retried, done = std::move(done)](ProviderReply reply) mutable {
            if (reply.failure != Failure::Unauthorized || retried) {
                if (reply.failure == Failure::Unauthorized)
                    reply.message = QStringLiteral("Google refused SlotDesk's access "
                                                   "token (HTTP 401): reconnect Google "
                                                   "Calendar");
                done(reply);
                return;
            }
            qCInfo(lcSession) << "401 from Google; refreshing the access token once";
            withToken(true,
                      [this, verb, url, body, done = std::move(done)](ProviderReply ready) mutable {
                          if (!ready.ok()) {
                              done(ready);
                              return;
                          }
                          send(verb, url, body, true, std::move(done));
                      });
        });
}

void GoogleSession::withToken(bool forceRefresh, std::function<void(ProviderReply)> next) {
    const QDateTime now = m_clock.now();
    // A token this session just obtained is used until it really expires (or a 401), however
    // short-lived: refreshing again before every call would help nobody.
    const bool usable =
        m_tokens && (m_refreshes > 0 ? !m_tokens->expiresAt.isValid() || now < m_tokens->expiresAt
                                     : !m_tokens->needsRefresh(now));
    if (!m_busy && usable && !forceRefresh) {
        next(ProviderReply{});
        return;
    }
    m_waiting.append(std::move(next));
    if (m_busy)
        return;
    m_busy = true;
    if (m_tokens) {
        refreshNow();
        return;
    }
    m_store->read(m_keychainKey, this, [this, forceRefresh](Result<OAuthTokens> tokens) {
        if (!tokens) {
            finishWaiting(ProviderReply::localFailure(Failure::Keychain, tokens.error().message));
            return;
        }
        m_tokens = *tokens;
        if (forceRefresh || m_tokens->needsRefresh(m_clock.now()))
            refreshNow();
        else
            finishWaiting(ProviderReply{});
    });
}

void GoogleSession::refreshNow() {
    ++m_refreshes;
    m_oauth->refresh(*m_tokens, this, [this](ProviderReply reply, OAuthTokens renewed) {
        if (!reply.ok()) {
            finishWaiting(reply);
            return;
        }
        m_tokens = renewed;
        m_store->write(m_keychainKey, renewed, this, [this](Status stored) {
            if (!stored)
                // The new access token still works for this run; the next one refreshes again.
                qCWarning(lcSession)
                    << "could not store the refreshed token:" << stored.error().message;
            finishWaiting(ProviderReply{});
        });
    });
}

void GoogleSession::finishWaiting(const ProviderReply& reply) {
    m_busy = false;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& next : waiting)
        next(reply);
}

} // namespace slotdesk::google
