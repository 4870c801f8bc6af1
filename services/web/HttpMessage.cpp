#include "web/HttpMessage.h"

#include <QJsonDocument>

namespace slotdesk::web {

int httpStatusFor(const Error& error) {
    switch (error.code) {
    case ErrorCode::Validation:
        return 422;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
    case ErrorCode::InvalidTransition:
        return 409;
    case ErrorCode::RateLimited:
        return 429;
    case ErrorCode::NotInitialized:
        return 404;
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Storage:
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

HttpResponse HttpResponse::json(int status, const QJsonObject& object) {
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

HttpResponse HttpResponse::error(const Error& error, int status) {
    const int httpStatus = status ? status : httpStatusFor(error);
    // What SlotDesk itself got wrong stays in the log; the client learns only that it happened.
    if (httpStatus >= 500)
        return HttpResponse::error(
            500, "internal", QStringLiteral("Something went wrong on our side; please try again"));
    QJsonObject body{{QStringLiteral("code"), errorCodeName(error.code)},
                     {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        body.insert(QStringLiteral("field"), error.field);
    return json(httpStatus, {{QStringLiteral("error"), body}});
}

HttpResponse HttpResponse::error(int status, const char* code, const QString& message,
                                 const QString& field) {
    QJsonObject body{{QStringLiteral("code"), QLatin1String(code)},
                     {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return json(status, {{QStringLiteral("error"), body}});
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value) {
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace slotdesk::web
