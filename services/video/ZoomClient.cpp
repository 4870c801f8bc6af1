#include "video/ZoomClient.h"

#include "calendar/TokenStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

Q_LOGGING_CATEGORY(lcZoom, "slotdesk.video.zoom")

namespace slotdesk::zoom {
namespace {

QByteArray formBody(const QList<std::pair<QString, QString>>& fields) {
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

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

GoogleReply keychainFailure(const Error& error) {
    return GoogleReply::localFailure(Failure::Keychain, error.message);
}

// No client configured is for the admin to fix; a keychain that can't be read may work later.
GoogleReply credentialsFailure(const Error& error) {
    return error.code == ErrorCode::Validation
               ? GoogleReply::localFailure(Failure::Rejected, error.message)
               : keychainFailure(error);
}

} // namespace

ZoomClient::ZoomClient(Endpoints endpoints, QNetworkAccessManager* network,
                       google::TokenStore* store, QString keychainKey, QObject* parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_network(network)
    , m_store(store)
    , m_key(std::move(keychainKey)) {}

QJsonObject ZoomClient::meetingBody(const MeetingRequest& request) {
    return QJsonObject{
        {QStringLiteral("topic"), request.topic},
        {QStringLiteral("type"), 2},
        {QStringLiteral("start_time"),
         request.start.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))},
        {QStringLiteral("duration"), request.durationMinutes},
        {QStringLiteral("timezone"), request.timeZone},
    };
}

void ZoomClient::tokenGrant(const QList<std::pair<QString, QString>>& fields,
                            const GoogleTokens& previous, QObject* context,
                            std::function<void(GoogleReply, GoogleTokens)> done) {
    // The client secret is in the keychain (ZoomConfig): read it for each grant.
    ClientCredentials::load(
        m_store, context,
        [this, fields, previous, context,
         done = std::move(done)](Result<ClientCredentials> credentials) mutable {
            if (!credentials) {
                done(credentialsFailure(credentials.error()), previous);
                return;
            }
            QNetworkRequest request(m_endpoints.token);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            request.setRawHeader("Authorization", credentials->basicAuthorization());
            google::sendRequest(
                m_network, request, QByteArrayLiteral("POST"), formBody(fields), context,
                [this, context, previous, done = std::move(done)](GoogleReply reply) mutable {
                    GoogleTokens tokens = previous;
                    if (!reply.ok()) {
                        if (reply.httpStatus == 400 || reply.httpStatus == 401) {
                            reply.failure = Failure::AuthRevoked;
                            reply.message =
                                QStringLiteral("Zoom refused SlotDesk's access (%1): "
                                               "reconnect Zoom")
                                    .arg(reply.reason.isEmpty()
                                             ? QStringLiteral("HTTP %1").arg(reply.httpStatus)
                                             : reply.reason);
                        } else {
                            reply.message.replace(QLatin1String("Google"), QLatin1String("Zoom"));
                        }
                        done(reply, tokens);
                        return;
                    }
                    tokens.accessToken = reply.body.value(QLatin1String("access_token")).toString();
                    const QString refreshToken =
                        reply.body.value(QLatin1String("refresh_token")).toString();
                    if (!refreshToken.isEmpty())
                        tokens.refreshToken = refreshToken;
                    const int expiresIn = reply.body.value(QLatin1String("expires_in")).toInt(0);
                    tokens.expiresAt = expiresIn > 0
                                           ? QDateTime::currentDateTimeUtc().addSecs(expiresIn)
                                           : QDateTime();
                    if (tokens.accessToken.isEmpty()) {
                        done(GoogleReply::localFailure(
                                 Failure::Rejected, QStringLiteral("Zoom's token endpoint sent no "
                                                                   "access token")),
                             previous);
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

void ZoomClient::exchangeCode(const QString& code, const QString& verifier, const QUrl& redirectUri,
                              QObject* context, std::function<void(GoogleReply)> done) {
    tokenGrant({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), code},
                {QStringLiteral("redirect_uri"), redirectUri.toString()},
                {QStringLiteral("code_verifier"), verifier}},
               {}, context,
               [done = std::move(done)](GoogleReply reply, const GoogleTokens&) { done(reply); });
}

namespace {

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

void ZoomClient::refreshTokens(const GoogleTokens& tokens, QObject* context,
                               std::function<void(GoogleReply, GoogleTokens)> done) {
    if (tokens.refreshToken.isEmpty()) {
        done(GoogleReply::localFailure(Failure::AuthRevoked,
                                       QStringLiteral("No Zoom refresh token: reconnect Zoom")),
             tokens);
        return;
    }
    withRefreshLock(
        m_key, context,
        [this, tokens, context, done = std::move(done)](std::shared_ptr<QLockFile> lock) mutable {
            m_store->read(
                m_key, context,
                [this, tokens, context, lock,
                 done = std::move(done)](Result<GoogleTokens> stored) mutable {
                    GoogleTokens current = tokens;
                    if (stored && !stored->refreshToken.isEmpty() &&
                        stored->refreshToken != tokens.refreshToken) {
                        // Refreshed by someone else while we waited for the lock.
                        if (!stored->needsRefresh(QDateTime::currentDateTimeUtc())) {
                            done(GoogleReply{}, *stored);
                            return;
                        }
                        current = *stored;
                    }
                    qCDebug(lcZoom) << "refreshing the Zoom access token";
                    tokenGrant(
                        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("refresh_token"), current.refreshToken}},
                        current, context,
                        [lock, done = std::move(done)](GoogleReply reply, GoogleTokens renewed) {
                            // The new pair is in the keychain: release the lock.
                            lock->unlock();
                            done(std::move(reply), std::move(renewed));
                        });
                });
        });
}

void ZoomClient::refresh(QObject* context, std::function<void(GoogleReply)> done) {
    m_store->read(m_key, context,
                  [this, context, done = std::move(done)](Result<GoogleTokens> stored) mutable {
                      if (!stored) {
                          done(keychainFailure(stored.error()));
                          return;
                      }
                      refreshTokens(*stored, context,
                                    [done = std::move(done)](GoogleReply reply,
                                                             const GoogleTokens&) { done(reply); });
                  });
}

void ZoomClient::withToken(QObject* context, Call call, std::function<void(GoogleReply)> done) {
    auto shared = std::make_shared<Call>(std::move(call));
    auto finish = std::make_shared<std::function<void(GoogleReply)>>(std::move(done));
    m_store->read(m_key, context, [this, context, shared, finish](Result<GoogleTokens> stored) {
        if (!stored) {
            (*finish)(keychainFailure(stored.error()));
            return;
        }
        auto afterRefresh = [this, context, shared, finish](GoogleReply refreshed,
                                                            const GoogleTokens& tokens) {
            if (!refreshed.ok()) {
                (*finish)(refreshed);
                return;
            }
            (*shared)(
                tokens.accessToken, [this, context, shared, finish, tokens](GoogleReply reply) {
                    if (reply.failure != Failure::Unauthorized) {
                        (*finish)(reply);
                        return;
                    }
                    // The access token was refused: one refresh, one retry.
                    refreshTokens(tokens, context,
                                  [shared, finish](GoogleReply again, const GoogleTokens& renewed) {
                                      if (!again.ok())
                                          (*finish)(again);
                                      else
                                          (*shared)(renewed.accessToken, *finish);
                                  });
                });
        };
        if (stored->needsRefresh(QDateTime::currentDateTimeUtc()))
            refreshTokens(*stored, context, afterRefresh);
        else
            afterRefresh(GoogleReply{}, *stored);
    });
}

void ZoomClient::createMeeting(const MeetingRequest& request, QObject* context,
                               std::function<void(GoogleReply, Meeting)> done) {
    const QByteArray body = QJsonDocument(meetingBody(request)).toJson(QJsonDocument::Compact);
    const QUrl url = apiUrl(m_endpoints.api, QStringLiteral("/users/me/meetings"));
    withToken(
        context,
        [this, context, url, body](const QString& accessToken,
                                   std::function<void(GoogleReply)> finished) {
            google::sendRequest(m_network, bearerRequest(url, accessToken),
                                QByteArrayLiteral("POST"), body, context, std::move(finished));
        },
        [done = std::move(done)](GoogleReply reply) {
            Meeting meeting;
            if (reply.ok()) {
                meeting.id = reply.body.value(QLatin1String("id")).toVariant().toString();
                meeting.joinUrl = reply.body.value(QLatin1String("join_url")).toString();
                if (meeting.id.isEmpty() || meeting.joinUrl.isEmpty())
                    reply = GoogleReply::localFailure(
                        Failure::Rejected,
                        QStringLiteral("Zoom created a meeting without an id or join_url"));
            } else {
                reply.message.replace(QLatin1String("Google"), QLatin1String("Zoom"));
            }
            done(reply, meeting);
        });
}

void ZoomClient::deleteMeeting(const QString& meetingId, QObject* context,
                               std::function<void(GoogleReply)> done) {
    const QUrl url =
        apiUrl(m_endpoints.api, QStringLiteral("/meetings/") +
                                    QString::fromUtf8(QUrl::toPercentEncoding(meetingId)));
    withToken(
        context,
        [this, context, url](const QString& accessToken,
                             std::function<void(GoogleReply)> finished) {
            google::sendRequest(m_network, bearerRequest(url, accessToken),
                                QByteArrayLiteral("DELETE"), {}, context, std::move(finished));
        },
        [done = std::move(done)](GoogleReply reply) {
            if (reply.failure == Failure::NotFound)
                reply = GoogleReply{}; // already gone
            else if (!reply.ok())
                reply.message.replace(QLatin1String("Google"), QLatin1String("Zoom"));
            done(reply);
        });
}

void ZoomClient::currentUserEmail(QObject* context,
                                  std::function<void(GoogleReply, QString)> done) {
    const QUrl url = apiUrl(m_endpoints.api, QStringLiteral("/users/me"));
    withToken(
        context,
        [this, context, url](const QString& accessToken,
                             std::function<void(GoogleReply)> finished) {
            google::sendRequest(m_network, bearerRequest(url, accessToken),
                                QByteArrayLiteral("GET"), {}, context, std::move(finished));
        },
        [done = std::move(done)](GoogleReply reply) {
            if (!reply.ok())
                reply.message.replace(QLatin1String("Google"), QLatin1String("Zoom"));
            done(reply,
                 reply.ok() ? reply.body.value(QLatin1String("email")).toString() : QString());
        });
}

void ZoomClient::revoke(QObject* context, std::function<void(GoogleReply)> done) {
    m_store->read(
        m_key, context,
        [this, context, done = std::move(done)](Result<GoogleTokens> stored) mutable {
            if (!stored) {
                done(stored.error().code == ErrorCode::NotFound ? GoogleReply{}
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
                    const QString token =
                        tokens.refreshToken.isEmpty() ? tokens.accessToken : tokens.refreshToken;
                    QUrl url = m_endpoints.revoke;
                    QUrlQuery query;
                    query.addQueryItem(QStringLiteral("token"),
                                       QString::fromUtf8(QUrl::toPercentEncoding(token)));
                    url.setQuery(query);
                    QNetworkRequest request(url);
                    request.setHeader(QNetworkRequest::ContentTypeHeader,
                                      QByteArrayLiteral("application/x-www-form-urlencoded"));
                    request.setRawHeader("Authorization", credentials->basicAuthorization());
                    google::sendRequest(m_network, request, QByteArrayLiteral("POST"), {}, context,
                                        [done = std::move(done)](GoogleReply reply) {
                                            if (!reply.ok())
                                                reply.message.replace(QLatin1String("Google"),
                                                                      QLatin1String("Zoom"));
                                            done(reply);
                                        });
                });
        });
}

} // namespace slotdesk::zoom
