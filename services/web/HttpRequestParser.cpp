#include "web/HttpRequestParser.h"

namespace slotdesk::web {
namespace {

constexpr int kMaxBlankLines = 64; // before a request line (RFC 9112, 2.2, says "at least one")
constexpr int kMaxLengthDigits = 18;

// tchar (RFC 9110, 5.6.2): what a method or a field name is made of.
bool isTokenChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= '0' && u <= '9')
        return true;
    if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z')
        return true;
    switch (u) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A field value may hold visible characters, spaces, tabs and obs-text — no other control.
bool isFieldValue(QByteArrayView value) {
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

// A request target is visible ASCII, nothing else (RFC 9112, 3.2; RFC 3986).
bool isTarget(QByteArrayView target) {
    if (target.isEmpty())
        return false;
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView value) {
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value = value.sliced(1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value;
}

// "close, Upgrade" → does the comma-separated list hold `option` (any case)?
bool listHas(QByteArrayView list, QByteArrayView option) {
    qsizetype from = 0;
    while (from <= list.size()) {
        qsizetype comma = list.indexOf(',', from);
        if (comma < 0)
            comma = list.size();
        if (trimmedOws(list.sliced(from, comma - from)).compare(option, Qt::CaseInsensitive) == 0)
            return true;
        from = comma + 1;
    }
    return false;
}

} // namespace

QByteArray ParsedRequest::header(QByteArrayView name) const {
    for (const auto& [key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : m_limits(limits) {}

qsizetype HttpRequestParser::feed(QByteArrayView data) {
    qsizetype used = 0;
    while (used < data.size() && m_state == State::NeedMore) {
        switch (m_phase) {
        case Phase::Start: {
            // Empty lines (CRLF) before a request are passed over; anything else starts a head.
            const char c = data[used];
            if (c != '\r' && c != '\n') {
                if (!m_head.isEmpty()) { // a CR left from the last feed, not followed by LF
                    failOnLineEnding();
                    return used;
                }
                m_phase = Phase::Head;
                break;
            }
            m_head.append(c);
            ++used;
            if (m_head == "\r")
                break;
            if (m_head != "\r\n") {
                failOnLineEnding();
                return used;
            }
            m_head.clear();
            if (++m_scanned > kMaxBlankLines) {
                fail(400, "bad_request", QStringLiteral("Too many empty lines"));
                return used;
            }
            break;
        }
        case Phase::Head:
            used += feedHead(data.sliced(used));
            break;
        case Phase::Body:
            used += feedBody(data.sliced(used));
            break;
        }
    }
    return used;
}

qsizetype HttpRequestParser::feedHead(QByteArrayView data) {
    if (m_head.isEmpty())
        m_scanned = 0; // it counted blank lines until now
    const qsizetype before = m_head.size();
    const qsizetype room = qMax<qsizetype>(0, m_limits.maxHeaderBytes + 4 - before);
    const qsizetype take = qMin(data.size(), room);
    m_head.append(data.constData(), take);

    // Every CR must be followed by LF and every LF preceded by CR; the head ends at the first
    // empty line. One pass over each byte, however the stream is split.
    const char* head = m_head.constData();
    qsizetype i = m_scanned;
    for (; i < m_head.size(); ++i) {
        const char c = head[i];
        if (c == '\r') {
            if (i + 1 == m_head.size())
                break; // its LF is in the next feed
            if (head[i + 1] != '\n') {
                failOnLineEnding();
                return take;
            }
            continue;
        }
        if (c == '\n') {
            if (i == 0 || head[i - 1] != '\r') {
                failOnLineEnding();
                return take;
            }
            if (i >= 3 && head[i - 2] == '\n') { // "\r\n\r\n" ends here
                const qsizetype end = i + 1;
                const qsizetype usedHere = end - before;
                m_head.truncate(end - 4);
                if (parseHead() && m_bodyLeft > 0)
                    m_phase = Phase::Body;
                return usedHere;
            }
        }
    }
    m_scanned = i;
    // Refused only once the head can no longer end within the limit, so that where the reads
    // happen to be cut never changes the answer.
    if (m_head.size() >= m_limits.maxHeaderBytes + 4)
        fail(431, "headers_too_large",
             QStringLiteral("The request headers are larger than %1 KiB")
                 .arg(m_limits.maxHeaderBytes / 1024));
    return take;
}

qsizetype HttpRequestParser::feedBody(QByteArrayView data) {
    const qsizetype take = qMin<qint64>(m_bodyLeft, data.size());
    m_request.body.append(data.constData(), take);
    m_bodyLeft -= take;
    if (m_bodyLeft == 0)
        m_state = State::Complete;
    return take;
}

bool HttpRequestParser::parseHead() {
    const QByteArrayView head(m_head);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    if (!parseRequestLine(head.first(lineEnd)))
        return false;

    int fields = 0;
    qsizetype at = lineEnd + 2;
    while (at < head.size()) {
        qsizetype end = head.indexOf("\r\n", at);
        if (end < 0)
            end = head.size();
        if (++fields > m_limits.maxHeaderFields)
            return fail(431, "headers_too_large",
                        QStringLiteral("The request has more than %1 header fields")
                            .arg(m_limits.maxHeaderFields));
        if (!parseField(head.sliced(at, end - at)))
            return false;
        at = end + 2;
    }

    // Framing and routing fields: decided once, here, for everyone downstream.
    int hosts = 0;
    bool sawLength = false;
    QByteArray length;
    bool closeAsked = false;
    bool keepAliveAsked = false;
    for (const auto& [name, value] : m_request.headers) {
        if (name == "host") {
            ++hosts;
        } else if (name == "transfer-encoding") {
            // Without a length a body's size is known only at its end: refused, which also
            // rules out Content-Length/Transfer-Encoding smuggling.
            return fail(411, "length_required",
                        QStringLiteral("Send the body with a Content-Length"));
        } else if (name == "content-length") {
            if (sawLength && value != length)
                return fail(400, "bad_request", QStringLiteral("The Content-Length is not valid"));
            sawLength = true;
            length = value;
        } else if (name == "connection") {
            closeAsked = closeAsked || listHas(value, "close");
            keepAliveAsked = keepAliveAsked || listHas(value, "keep-alive");
        } else if (name == "expect") {
            m_request.expectsContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (hosts > 1 || (hosts == 0 && m_request.minorVersion == 1))
        return fail(400, "bad_request",
                    QStringLiteral("The request needs exactly one Host header"));
    m_request.keepAlive = !closeAsked && (m_request.minorVersion == 1 || keepAliveAsked);

    qint64 contentLength = 0;
    if (sawLength) {
        bool digits = !length.isEmpty();
        for (char c : length)
            digits = digits && c >= '0' && c <= '9';
        if (!digits)
            return fail(400, "bad_request", QStringLiteral("The Content-Length is not valid"));
        contentLength =
            length.size() > kMaxLengthDigits ? m_limits.maxBodyBytes + 1 : length.toLongLong();
    }
    if (contentLength > m_limits.maxBodyBytes)
        return fail(413, "payload_too_large",
                    QStringLiteral("The request body is larger than %1 KiB")
                        .arg(m_limits.maxBodyBytes / 1024));
    m_head.clear();
    m_head.squeeze();
    m_bodyLeft = contentLength;
    m_request.body.reserve(contentLength);
    m_state = contentLength > 0 ? State::HeadReady : State::Complete;
    return true;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line) {
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace)
        return fail(400, "bad_request", QStringLiteral("The request line is not valid"));
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method) || !isTarget(target))
        return fail(400, "bad_request", QStringLiteral("The request line is not valid"));
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return fail(400, "bad_request", QStringLiteral("The request line is not valid"));
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
        return fail(505, "http_version_not_supported", QStringLiteral("Speak HTTP/1.1"));
    const bool originForm = target.front() == '/';
    const bool absoluteForm = target.startsWith("http://") || target.startsWith("https://");
    const bool asterisk = target == "*" && method == "OPTIONS";
    if (!originForm && !absoluteForm && !asterisk)
        return fail(400, "bad_request", QStringLiteral("The request target is not valid"));
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    m_request.minorVersion = version[7] - '0';
    return true;
}

bool HttpRequestParser::parseField(QByteArrayView line) {
    if (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t'))
        return fail(400, "bad_request", QStringLiteral("Folded header lines are not accepted"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(400, "bad_request", QStringLiteral("A header field is not valid"));
    const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(400, "bad_request", QStringLiteral("A header field is not valid"));
    m_request.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    return true;
}

void HttpRequestParser::failOnLineEnding() {
    fail(400, "bad_request", QStringLiteral("Lines must end in CRLF, not a bare LF or CR"));
}

bool HttpRequestParser::fail(int status, const char* code, const QString& message) {
    m_state = State::Failed;
    m_error = {status, code, message};
    m_head.clear();
    m_request.body.clear();
    return false;
}

void HttpRequestParser::continueBody() {
    if (m_state == State::HeadReady)
        m_state = State::NeedMore;
}

ParsedRequest HttpRequestParser::takeRequest() {
    ParsedRequest done = std::move(m_request);
    m_request = {};
    m_head.clear();
    m_scanned = 0;
    m_bodyLeft = 0;
    m_phase = Phase::Start;
    m_state = State::NeedMore;
    return done;
}

} // namespace slotdesk::web
