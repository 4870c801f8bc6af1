#pragma once
// ProviderHttp: the small helpers every provider's HTTP calls go through — sendRequest (a 30 s
// transfer timeout, JSON accepted unless the request says otherwise, the answer read into a
// ProviderReply) and the application/x-www-form-urlencoded requests OAuth endpoints take.

#include "integration/ProviderReply.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>

#include <functional>
#include <utility>

class QNetworkAccessManager;
class QObject;

namespace slotdesk::integration {

using FormFields = QList<std::pair<QString, QString>>;

// Sends `request` with `verb` and `body` and hands `provider`'s parsed reply to `done` (on the
// event loop; not at all if `context` is destroyed first — the request is aborted then).
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
