#include "core/Error.h"

namespace slotdesk {

QString displayValue(const QString& value) {
    QString text = value.left(64);
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return value.size() > 64 ? text + QStringLiteral("...") : text;
}

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Validation:
        return QStringLiteral("validation");
    case ErrorCode::Malformed:
        return QStringLiteral("malformed");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::InvalidTransition:
        return QStringLiteral("invalid_transition");
    case ErrorCode::NotInitialized:
        return QStringLiteral("not_initialized");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace slotdesk
