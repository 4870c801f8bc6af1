#pragma once
// ProviderHttp: the small helpers every provider's HTTP calls go through — sendRequest (a 30 s
// transfer timeout, JSON accepted unless the request says otherwise, an answer larger than
// kMaxReplyBytes cut off, the answer read into a ProviderReply) and the
// application/x-www-form-urlencoded requests OAuth endpoints take.

#include "integration/ProviderReply.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>

#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace slotdesk::integration {

using FormFields = QList<std::pair<QString, QString>>;

// A reply larger than this is cut off, so that a broken or hostile server cannot fill the memory
// (a feed of 10,000 events is about 5 MB).
inline constexpr qint64 kMaxReplyBytes = 64LL * 1024 * 1024;

// Aborts `reply` once it has brought more than kMaxReplyBytes, reading no further ahead than
// that; wasCutOff() says so afterwards. Call before the reply's data is read: it is read at once
// when finished.
void capReplySize(QNetworkReply* reply);
[[nodiscard]] bool wasCutOff(const QNetworkReply* reply);

// Sends `request` with `verb` and `body` and hands `provider`'s parsed reply to `done` (on the
// event loop; not at all if `context` is destroyed first — the request is aborted then). A reply
// cut off at kMaxReplyBytes is a lost transfer: no HTTP status, Failure::Network (transient: the
// caller backs off and keeps what it had).
void sendRequest(QNetworkAccessManager* network, const QString& provider, QNetworkRequest request,
                 const QByteArray& verb, const QByteArray& body, QObject* context,
                 std::function<void(ProviderReply)> done);

// Whether `url` names this machine (localhost, 127.0.0.0/8, ::1): the one place plain http may
// carry a secret (a feed's address, a CalDAV password).
bool isLoopback(const QUrl& url);

// application/x-www-form-urlencoded, every reserved character percent-encoded.
QByteArray formBody(const FormFields& fields);
// A request to `url` whose body is such a form.
QNetworkRequest formRequest(const QUrl& url);

} // namespace slotdesk::integration
