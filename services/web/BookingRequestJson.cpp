#include "web/BookingRequestJson.h"

#include "core/TimeFormat.h"
#include "domain/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringView>

#include <cmath>
#include <optional>

namespace slotdesk::web {
namespace {

bool isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The code unit of the "\uXXXX" escape at `at` (pointing at the backslash), or -1.
int escapedCodeUnit(const QByteArray& text, qsizetype at) {
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u')
        return -1;
    int value = 0;
    for (qsizetype i = at + 2; i < at + 6; ++i) {
        const char c = text[i];
        if (!isHexDigit(c))
            return -1;
        value = value * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return value;
}

// The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0.
qsizetype utf8SequenceLength(const QByteArray& text, qsizetype at) {
    const auto byte = [&](qsizetype i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    const auto continuation = [&](qsizetype i) { return (byte(i) & 0xC0u) == 0x80u; };
    const unsigned lead = byte(at);
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(at + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned second = byte(at + 1);
        const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;  // not overlong
        const unsigned high = lead == 0xED ? 0x9F : 0xBF; // not a surrogate
        return second >= low && second <= high && continuation(at + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned second = byte(at + 1);
        const unsigned low = lead == 0xF0 ? 0x90 : 0x80;  // not overlong
        const unsigned high = lead == 0xF4 ? 0x8F : 0xBF; // at most U+10FFFF
        return second >= low && second <= high && continuation(at + 2) && continuation(at + 3) ? 4
                                                                                               : 0;
    }
    return 0;
}

// Where a body's text is not valid Unicode: inside which top-level member's value, if any.
struct InvalidUnicode {
    bool inMemberValue = false;
    QString member;
};

// The name a key's raw text (between its quotes) stands for; empty if it does not decode.
QString decodeKey(const QByteArray& raw) {
    const QJsonDocument document = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return document.array().at(0).toString();
}

// Qt's JSON parser does not refuse invalid Unicode: an unpaired surrogate escape swallows the
// character after it or ends up as invalid UTF-8 in storage, and invalid UTF-8 bytes turn into
// U+FFFD. So the raw text is checked first: UTF-8 that is well formed, and "\uXXXX" escapes
// where a high surrogate is followed at once by a low one and a low one never stands alone.
// One pass, no recursion (nesting depth is only counted), so hostile input costs linear time.
// Syntax errors are left to the parser.
std::optional<InvalidUnicode> findInvalidUnicode(const QByteArray& text) {
    int depth = 0;
    bool topLevelObject = false;
    bool expectKey = false; // at depth 1 of the top-level object: the next string is a key
    bool inString = false;
    bool stringIsKey = false;
    qsizetype stringStart = 0;
    QByteArray member; // raw text of the current top-level key
    bool haveMember = false;

    const auto invalid = [&]() -> InvalidUnicode {
        if (!inString || stringIsKey || !haveMember)
            return {};
        return {true, decodeKey(member)};
    };

    for (qsizetype i = 0; i < text.size();) {
        const char c = text[i];
        if (!inString) {
            if (static_cast<unsigned char>(c) >= 0x80)
                return invalid(); // outside strings: not JSON either
            switch (c) {
            case '"':
                inString = true;
                stringIsKey = depth == 1 && topLevelObject && expectKey;
                stringStart = i + 1;
                break;
            case '{':
            case '[':
                if (depth == 0)
                    topLevelObject = c == '{';
                if (++depth == 1)
                    expectKey = true;
                break;
            case '}':
            case ']':
                if (depth > 0)
                    --depth;
                break;
            case ',':
                if (depth == 1)
                    expectKey = true;
                break;
            case ':':
                if (depth == 1)
                    expectKey = false;
                break;
            default:
                break;
            }
            ++i;
            continue;
        }
        if (c == '"') {
            if (stringIsKey) {
                member = text.mid(stringStart, i - stringStart);
                haveMember = true;
            }
            inString = false;
            ++i;
            continue;
        }
        if (c == '\\') {
            const int unit = escapedCodeUnit(text, i);
            if (unit < 0) {
                i += 2; // an ordinary escape (or a syntax error for the parser)
                continue;
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
                return invalid(); // a low surrogate without a high one before it
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const int next = escapedCodeUnit(text, i + 6);
                if (next < 0xDC00 || next > 0xDFFF)
                    return invalid(); // a high surrogate without a low one after it
                i += 12;
                continue;
            }
            i += 6;
            continue;
        }
        const qsizetype length = utf8SequenceLength(text, i);
        if (length == 0)
            return invalid();
        i += length;
    }
    return std::nullopt;
}

// The body as a JSON object, or why not.
Result<QJsonObject> parseObject(const QByteArray& body) {
    if (const auto bad = findInvalidUnicode(body)) {
        if (bad->inMemberValue && !bad->member.isEmpty())
            return Error::validation(
                displayValue(bad->member),
                QStringLiteral("%1 is not valid Unicode (an unpaired surrogate or invalid UTF-8)")
                    .arg(displayValue(bad->member)));
        return Error::malformed(QStringLiteral("The body is not valid UTF-8 JSON"));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::malformed(QStringLiteral("The body must be a JSON object"));
    return document.object();
}

// The value of a JSON field: absent and null are the same; a wrong type is a 422 naming it.
struct FieldReader {
    const QJsonObject& object;
    std::optional<Error> error;

    QString text(const char* name, bool required) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull()) {
            if (required && !error)
                error = Error::validation(
                    QLatin1String(name), QStringLiteral("%1 is required").arg(QLatin1String(name)));
            return {};
        }
        if (!value.isString()) {
            if (!error)
                error = Error::validation(
                    QLatin1String(name),
                    QStringLiteral("%1 must be a string").arg(QLatin1String(name)));
            return {};
        }
        const QString text = value.toString();
        // The raw text was checked; this is what the parser made of it.
        if (!QStringView(text).isValidUtf16()) {
            if (!error)
                error = Error::validation(
                    QLatin1String(name),
                    QStringLiteral("%1 is not valid Unicode").arg(QLatin1String(name)));
            return {};
        }
        return text;
    }

    int integer(const char* name) {
        const QJsonValue value = object.value(QLatin1String(name));
        const double number = value.toDouble(-1);
        // Range first: converting a double beyond int's range is undefined behaviour.
        if (!value.isDouble() || !(std::abs(number) <= 1e6) || number != std::trunc(number)) {
            if (!error)
                error = Error::validation(QLatin1String(name),
                                          QStringLiteral("%1 must be a whole number of minutes")
                                              .arg(QLatin1String(name)));
            return 0;
        }
        return static_cast<int>(number);
    }
};

// The attendee's zone: `timezone`, or `timeZone`, the name this API used before it took the data
// model's (still accepted).
QString zoneField(FieldReader& read, bool required) {
    const bool legacy = !read.object.contains(QStringLiteral("timezone")) &&
                        read.object.contains(QStringLiteral("timeZone"));
    return read.text(legacy ? "timeZone" : "timezone", required);
}

// A request's time: `start` and `duration`, both required. Read before the other fields, so that
// their errors come first; finish() after them.
struct TimingReader {
    FieldReader& read;
    QString startText = read.text("start", true);
    int duration = read.object.contains(QStringLiteral("duration")) ? read.integer("duration") : 0;

    // The first error among all the fields read (a missing `duration` included), else the start
    // as a whole second in UTC.
    Result<QDateTime> finish() {
        if (!read.object.contains(QStringLiteral("duration")) && !read.error)
            read.error = Error::validation(QStringLiteral("duration"),
                                           QStringLiteral("duration is required"));
        if (read.error)
            return *read.error;
        return timeformat::parseRfc3339WholeSeconds(startText, QStringLiteral("start"));
    }
};

} // namespace

Result<RescheduleRequest> BookingRequestJson::parseReschedule(const QByteArray& body) {
    auto object = parseObject(body);
    if (!object)
        return object.error();
    FieldReader read{*object, std::nullopt};
    TimingReader timing{read};
    RescheduleRequest request;
    request.timeZone = zoneField(read, false);
    auto start = timing.finish();
    if (!start)
        return start.error();
    request.start = *start;
    request.duration = timing.duration;
    if (auto s = validation::bookingLength(request.duration); !s)
        return s.error();
    if (!request.timeZone.isEmpty()) {
        if (auto s = validation::timeZone(request.timeZone); !s)
            return s.error();
    }
    return request;
}

Result<BookingRequest> BookingRequestJson::parseBooking(const QByteArray& body) {
    auto object = parseObject(body);
    if (!object)
        return object.error();
    FieldReader read{*object, std::nullopt};
    TimingReader timing{read};
    BookingRequest request;
    request.name = read.text("name", true);
    request.email = read.text("email", true);
    request.notes = read.text("notes", false);
    request.timeZone = zoneField(read, true);
    const QString provider = read.text("videoProvider", false);
    // The page's language (its e-mails follow it); older pages sent none: English.
    const QString language = read.text("language", false);
    if (!language.isEmpty())
        request.language = language;
    auto start = timing.finish();
    if (!start)
        return start.error();
    request.start = *start;
    request.duration = timing.duration;
    if (auto s = BookingService::checkRequest(request); !s)
        return s.error();
    if (!provider.isEmpty()) {
        request.videoProvider = videoProviderFromString(provider);
        if (!request.videoProvider)
            return Error::validation(QStringLiteral("videoProvider"),
                                     QStringLiteral("videoProvider is google-meet, zoom or null"));
    }
    return request;
}

Result<QString> BookingRequestJson::parseCancelReason(const QByteArray& body) {
    if (body.trimmed().isEmpty())
        return QString();
    auto object = parseObject(body);
    if (!object)
        return object.error();
    FieldReader read{*object, std::nullopt};
    const QString reason = read.text("reason", false);
    if (read.error)
        return *read.error;
    if (auto s = validation::optionalText(reason, QStringLiteral("reason"),
                                          validation::kMaxReasonLength);
        !s)
        return s.error();
    return reason;
}

} // namespace slotdesk::web
