#include "video/ZoomClient.h"

#include "integration/OAuthTokenStore.h"
#include "integration/ProviderHttp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace slotdesk::zoom {

using integration::Failure;
using integration::OAuthTokenEndpoint;
using integration::OAuthTokens;
using integration::ProviderReply;

namespace {

QUrl apiUrl(const QUrl& root, const QString& path) {
    QUrl url = root;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QNetworkRequest bearerRequest(const QUrl& url, const QString& accessToken) {
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

ProviderReply keychainFailure(const Error& error) {
    return ProviderReply::localFailure(Failure::Keychain, error.message);
}

// No client configured is for the admin to fix; a keychain that can't be read may work later.
ProviderReply credentialsFailure(const Error& error) {
    return error.code == ErrorCode::Validation
               ? ProviderReply::localFailure(Failure::Rejected, error.message)
               : keychainFailure(error);
}

// Zoom spends a refresh token when it is used and hands out the next one. Two clients on one
// keychain entry (the desktop app and `serve`, or two passes) that refresh at the same moment
// would both send the same token, and the loser would be told to reconnect. So a refresh holds
// a lock file named after the entry — taken without blocking the event loop, since the holder
// may be this very thread — and reads the keychain again under it: if someone else refreshed
// meanwhile, their tokens are used instead.
void withRefreshLock(const QString& key, QObject* context,
                     std::function<void(std::shared_ptr<QLockFile>)> locked,
                     QElapsedTimer waited = {}) {
    if (!waited.isValid())
        waited.start();
    const QByteArray name =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    auto lock = std::make_shared<QLockFile>(QDir::temp().filePath(
        QStringLiteral("slotdesk-refresh-%1.lock").arg(QString::fromLatin1(name))));
    lock->setStaleLockTime(30'000); // a refresh never takes that long; a dead holder frees it too
    if (lock->tryLock(0) || waited.elapsed() > 20'000) {
        locked(std::move(lock)); // after 20 s: go ahead unlocked rather than never
        return;
    }
    QTimer::singleShot(50, context, [key, context, locked = std::move(locked), waited]() mutable {
        withRefreshLock(key, context, std::move(locked), waited);
    });
}

} // namespace

ZoomClient::ZoomClient(Endpoints endpoints, QNetworkAccessManager* network,
                       integration::OAuthTokenStore* store, QString keychainKey, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_network(network)
    , m_store(store)
    , m_key(std::move(keychainKey)) {}

QJsonObject ZoomClient::meetingTimes(const MeetingRequest& request) {
    return QJsonObject{
        {QStringLiteral("start_time"),
         request.start.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))},
        {QStringLiteral("duration"), request.durationMinutes},
        {QStringLiteral("timezone"), request.timeZone},
    };
}

QJsonObject ZoomClient::meetingBody(const MeetingRequest& request) {
    QJsonObject body = meetingTimes(request);
    body.insert(QStringLiteral("topic"), request.topic);
    body.insert(QStringLiteral("type"), 2);
    return body;
}

void ZoomClient::tokenGrant(Grant grant, const OAuthTokens& previous, QObject* context,
                            OAuthTokenEndpoint::Done done) {
    // The client secret is in the keychain (ZoomConfig): read it for each grant.
    ClientCredentials::load(
        m_store, context,
        [this, grant = std::move(grant), previous, context,
         done = std::move(done)](Result<ClientCredentials> credentials) mutable {
            if (!credentials) {
                done(credentialsFailure(credentials.error()), previous);
                return;
            }
            const OAuthTokenEndpoint endpoint(provider(), m_endpoints.token, m_network, m_clock);
            grant(endpoint, credentials->oauthClient(),
                  [this, context, done = std::move(done)](ProviderReply reply,
                                                          OAuthTokens tokens) mutable {
                      if (!reply.ok()) {
                          done(reply, tokens);
                          return;
                      }
                      // Zoom's refresh token rotates: store the new pair before anything uses it.
                      m_store->write(m_key, tokens, context,
                                     [reply, tokens, done = std::move(done)](Status written) {
                                         if (!written)
                                             done(keychainFailure(written.error()), tokens);
                                         else
                                             done(reply, tokens);
                                     });
                  });
        });
}

void ZoomClient::exchangeCode(const integration::AuthorizationCode& code, QObject* context,
                              OAuthTokenEndpoint::Done done) {
    tokenGrant(
        [code, context](const OAuthTokenEndpoint& endpoint, const integration::OAuthClient& client,
                        OAuthTokenEndpoint::Done granted) {
            endpoint.exchangeCode(client, code, context, std::move(granted));
        },
        {}, context, std::move(done));
}

void ZoomClient::refreshTokens(const OAuthTokens& tokens, QObject* context,
                               OAuthTokenEndpoint::Done done) {
    withRefreshLock(
        m_key, context,
        [this, tokens, context, done = std::move(done)](std::shared_ptr<QLockFile> lock) mutable {
            m_store->read(
                m_key, context,
                [this, tokens, context, lock,
                 done = std::move(done)](Result<OAuthTokens> stored) mutable {
                    OAuthTokens current = tokens;
                    if (stored && !stored->refreshToken.isEmpty() &&
                        stored->refreshToken != tokens.refreshToken) {
                        // Refreshed by someone else while we waited for the lock.
                        if (!stored->needsRefresh(m_clock.now())) {
                            done(ProviderReply{}, *stored);
                            return;
                        }
                        current = *stored;
                    }
                    tokenGrant(
                        [current, context](const OAuthTokenEndpoint& endpoint,
                                           const integration::OAuthClient& client,
                                           OAuthTokenEndpoint::Done granted) {
                            endpoint.refresh(client, current, context, std::move(granted));
                        },
                        current, context,
                        [lock, done = std::move(done)](ProviderReply reply, OAuthTokens renewed) {
                            // The new pair is in the keychain: release the lock.
                            lock->unlock();
                            done(std::move(reply), std::move(renewed));
                        });
                });
        });
}

void ZoomClient::refresh(QObject* context, std::function<void(ProviderReply)> done) {
    m_store->read(m_key, context,
                  [this, context, done = std::move(done)](Result<OAuthTokens> stored) mutable {
                      if (!stored) {
                          done(keychainFailure(stored.error()));
                          return;
                      }
                      refreshTokens(*stored, context,
                                    [done = std::move(done)](ProviderReply reply,
                                                             const OAuthTokens&) { done(reply); });
                  });
}

void ZoomClient::apiCall(const QByteArray& verb, const QString& path, const QByteArray& body,
                         QObject* context, std::function<void(ProviderReply)> done) {
    const QUrl url = apiUrl(m_endpoints.api, path);
    auto send = [this, verb, url, body, context](const QString& accessToken,
                                                 std::function<void(ProviderReply)> finished) {
        integration::sendRequest(m_network, provider().name, bearerRequest(url, accessToken), verb,
                                 body, context, std::move(finished));
    };
    auto finish = std::make_shared<std::function<void(ProviderReply)>>(std::move(done));
    m_store->read(m_key, context, [this, context, send, finish](Result<OAuthTokens> stored) {
        if (!stored) {
            (*finish)(keychainFailure(stored.error()));
            return;
        }
        auto afterRefresh = [this, context, send, finish](ProviderReply refreshed,
                                                          const OAuthTokens& tokens) {
            if (!refreshed.ok()) {
                (*finish)(refreshed);
                return;
            }
            send(tokens.accessToken, [this, context, send, finish, tokens](ProviderReply reply) {
                if (reply.failure != Failure::Unauthorized) {
                    (*finish)(reply);
                    return;
                }
                // The access token was refused: one refresh, one retry.
                refreshTokens(tokens, context,
                              [send, finish](ProviderReply again, const OAuthTokens& renewed) {
                                  if (!again.ok())
                                      (*finish)(again);
                                  else
                                      send(renewed.accessToken, *finish);
                              });
            });
        };
        if (stored->needsRefresh(m_clock.now()))
            refreshTokens(*stored, context, afterRefresh);
        else
            afterRefresh(ProviderReply{}, *stored);
    });
}

void ZoomClient::createMeeting(const MeetingRequest& request, QObject* context,
                               std::function<void(ProviderReply, Meeting)> done) {
    apiCall(QByteArrayLiteral("POST"), QStringLiteral("/users/me/meetings"),
            QJsonDocument(meetingBody(request)).toJson(QJsonDocument::Compact), context,
            [done = std::move(done)](ProviderReply reply) {
                Meeting meeting;
                if (reply.ok()) {
                    meeting.id = reply.body.value(QLatin1String("id")).toVariant().toString();
                    meeting.joinUrl = reply.body.value(QLatin1String("join_url")).toString();
                    if (meeting.id.isEmpty() || meeting.joinUrl.isEmpty())
                        reply = ProviderReply::localFailure(
                            Failure::Rejected,
                            QStringLiteral("Zoom created a meeting without an id or join_url"));
                }
                done(reply, meeting);
            });
}

void ZoomClient::updateMeeting(const QString& meetingId, const MeetingRequest& request,
                               QObject* context, std::function<void(ProviderReply)> done) {
    apiCall(QByteArrayLiteral("PATCH"),
            QStringLiteral("/meetings/") + QString::fromUtf8(QUrl::toPercentEncoding(meetingId)),
            QJsonDocument(meetingTimes(request)).toJson(QJsonDocument::Compact), context,
            std::move(done));
}

void ZoomClient::deleteMeeting(const QString& meetingId, QObject* context,
                               std::function<void(ProviderReply)> done) {
    apiCall(QByteArrayLiteral("DELETE"),
            QStringLiteral("/meetings/") + QString::fromUtf8(QUrl::toPercentEncoding(meetingId)),
            {}, context, [done = std::move(done)](ProviderReply reply) {
                if (reply.failure == Failure::NotFound)
                    reply = ProviderReply{}; // already gone
                done(reply);
            });
}

void ZoomClient::currentUserEmail(QObject* context,
                                  std::function<void(ProviderReply, QString)> done) {
    apiCall(QByteArrayLiteral("GET"), QStringLiteral("/users/me"), {}, context,
            [done = std::move(done)](const ProviderReply& reply) {
                done(reply,
                     reply.ok() ? reply.body.value(QLatin1String("email")).toString() : QString());
            });
}

void ZoomClient::revoke(QObject* context, std::function<void(ProviderReply)> done) {
    m_store->read(m_key, context,
                  [this, context, done = std::move(done)](Result<OAuthTokens> stored) mutable {
                      if (!stored) {
                          done(stored.error().code == ErrorCode::NotFound
                                   ? ProviderReply{}
                                   : keychainFailure(stored.error()));
                          return;
                      }
                      ClientCredentials::load(
                          m_store, context,
                          [this, tokens = *stored, context,
                           done = std::move(done)](Result<ClientCredentials> credentials) mutable {
                              if (!credentials) {
                                  done(credentialsFailure(credentials.error()));
                                  return;
                              }
                              // Revoking the refresh token ends the whole grant.
                              const QString token = tokens.refreshToken.isEmpty()
                                                        ? tokens.accessToken
                                                        : tokens.refreshToken;
                              QUrl url = m_endpoints.revoke;
                              QUrlQuery query;
                              query.addQueryItem(QStringLiteral("token"),
                                                 QString::fromUtf8(QUrl::toPercentEncoding(token)));
                              url.setQuery(query);
                              QNetworkRequest request = integration::formRequest(url);
                              request.setRawHeader("Authorization",
                                                   credentials->oauthClient().basicAuthorization());
                              integration::sendRequest(m_network, provider().name, request,
                                                       QByteArrayLiteral("POST"), {}, context,
                                                       std::move(done));
                          });
                  });
}

} // namespace slotdesk::zoom
