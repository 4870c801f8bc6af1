#pragma once
// Error: a failure as a value — a machine-readable code, the field it concerns (if any) and a
// one-line message for a person. The CLI prints the message, the HTTP API returns all three.

#include <QString>

namespace slotdesk {

enum class ErrorCode {
    Validation,        // bad input; `field` names it
    Malformed,         // input not in the expected form at all (a body that is not a JSON object)
    NotFound,          // no such entity
    Conflict,          // the time is no longer free, a unique value is taken, ...
    RateLimited,       // too many requests (per address, or open requests per email)
    InvalidTransition, // the booking state machine refuses the change
    NotInitialized,    // no admin profile yet
    SchemaTooNew,      // the database was written by a newer SlotDesk
    Storage,           // the database failed (internal)
    Internal,          // anything else that is our fault
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;

    static Error validation(const QString& field, const QString& message) {
        return {ErrorCode::Validation, message, field};
    }
    static Error notFound(const QString& message) { return {ErrorCode::NotFound, message, {}}; }
    static Error conflict(const QString& message, const QString& field = {}) {
        return {ErrorCode::Conflict, message, field};
    }
    static Error malformed(const QString& message, const QString& field = {}) {
        return {ErrorCode::Malformed, message, field};
    }
    static Error storage(const QString& message) { return {ErrorCode::Storage, message, {}}; }

    // Whether the caller did something wrong (as opposed to SlotDesk or its database failing).
    [[nodiscard]] bool isUserError() const {
        return code != ErrorCode::Storage && code != ErrorCode::Internal &&
               code != ErrorCode::SchemaTooNew;
    }
};

// A value the user typed, fit to quote inside a one-line message: at most 64 characters and no
// control characters (a CR/LF in input must not split or forge a log or error line).
QString displayValue(const QString& value);

// Stable lower-case name of a code, as used in JSON ("validation", "not_found", ...).
QString errorCodeName(ErrorCode code);

} // namespace slotdesk
