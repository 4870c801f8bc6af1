#include "web/HttpMessage.h"

#include <QJsonDocument>

namespace slotdesk::web {
namespace {

const char* codeForStatus(int status) {
    switch (status) {
    case 400:
        return "bad_request";
    case 403:
        return "forbidden";
    case 404:
        return "not_found";
    case 405:
        return "method_not_allowed";
    case 409:
        return "conflict";
    case 413:
        return "payload_too_large";
    case 415:
        return "unsupported_media_type";
    case 422:
        return "validation";
    case 429:
        return "rate_limited";
    default:
        return "internal";
    }
}

const char* reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status >= 500 ? "Internal Server Error" : "Unknown";
    }
}

} // namespace

int httpStatusFor(const Error& error) {
    switch (error.code) {
    case ErrorCode::Malformed:
        return 400;
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
    // The API's codes are one per status (docs/API.md): an invalid transition is a "conflict",
    // a missing admin "not_found", whatever the service called them.
    return HttpResponse::error(httpStatus, codeForStatus(httpStatus), error.message, error.field);
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

QByteArray HttpResponse::head() const {
    QByteArray out;
    out.reserve(512);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto& [name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += QByteArray::number(body.size());
    out += "\r\n\r\n";
    return out;
}

} // namespace slotdesk::web
