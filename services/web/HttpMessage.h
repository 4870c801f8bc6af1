#pragma once
// HttpRequest / HttpResponse: the booking endpoint's view of one HTTP exchange, independent of
// the server library, so routing and policy are plain functions of values.

#include "core/Error.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace slotdesk::web {

struct HttpRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, e.g. "/api/v1/users/alice"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QHostAddress remoteAddress;

    [[nodiscard]] QByteArray header(const char* name) const {
        return headers.value(QByteArray(name));
    }
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject& object);
    // {"error": {...}} with the status that fits `error.code`, or `status` when given.
    static HttpResponse error(const Error& error, int status = 0);
    static HttpResponse error(int status, const char* code, const QString& message,
                              const QString& field = {});
    void setHeader(const QByteArray& name, const QByteArray& value);
    // The status line and headers, Content-Length included, up to the blank line: what goes on
    // the wire before `body`.
    [[nodiscard]] QByteArray head() const;
};

// The HTTP status an Error maps to (Validation → 422, NotFound → 404, Conflict → 409, ...).
int httpStatusFor(const Error& error);

} // namespace slotdesk::web
