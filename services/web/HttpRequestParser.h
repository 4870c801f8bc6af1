#pragma once
// HttpRequestParser: frames HTTP/1.1 requests out of a connection's byte stream, and is the only
// thing that does. It enforces the endpoint's limits as it frames, so what it holds for one
// request is never more than the head limit plus the body limit, whatever the client claims.
//
// It accepts the strict grammar of RFC 9112 only: CRLF line endings, a request line
// "METHOD SP target SP HTTP/1.x", "name: value" fields without obs-fold or whitespace before the
// colon, one Host, a body framed by Content-Length alone. Anything a lenient parser might read
// differently (a bare LF or CR, a folded line, Transfer-Encoding, conflicting lengths, control
// characters) is refused, never guessed at: there is no second reading of the stream to disagree
// with. Pure: no sockets, no event loop, so it is fuzzed on its own (tests/fuzz).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace slotdesk::web {

struct HttpLimits {
    qint64 maxHeaderBytes = 64 * 1024; // request line and fields, up to the blank line
    qint64 maxBodyBytes = 16 * 1024;
    int maxHeaderFields = 100;
};

// One framed request as it came off the wire: not yet decoded, routed or checked by policy.
struct ParsedRequest {
    QByteArray method;
    QByteArray target; // as sent: "/path?query" (origin-form), "http://h/p", or "*"
    int minorVersion = 1;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case, values trimmed
    QByteArray body;
    bool keepAlive = true;        // after the answer, the connection may carry another request
    bool expectsContinue = false; // "Expect: 100-continue"

    [[nodiscard]] QByteArray header(QByteArrayView name) const; // first value, or empty
};

// Why a stream was refused: the status to answer with, and then the connection closes.
struct HttpParseError {
    int status = 400;
    const char* code = "bad_request";
    QString message;
};

class HttpRequestParser {
public:
    enum class State {
        NeedMore,  // feed() more bytes
        HeadReady, // the head is complete and accepted; the body (if any) follows
        Complete,  // takeRequest()
        Failed,    // error(); the stream can't be framed any further
    };

    explicit HttpRequestParser(HttpLimits limits = {});

    // Takes bytes from `data` and returns how many it used. It stops at the end of a request
    // (Complete), right after a head that announces a body (HeadReady, once: a caller may answer
    // "100 Continue" there), and at an error (Failed); it uses nothing in those states until the
    // caller moves on with takeRequest() / continueBody(). Bytes it did not use belong to the
    // next request.
    qsizetype feed(QByteArrayView data);

    [[nodiscard]] State state() const { return m_state; }
    // Valid in HeadReady and Complete.
    [[nodiscard]] const ParsedRequest& request() const { return m_request; }
    // In HeadReady: go on reading the body.
    void continueBody();
    // In Complete: hands the request over and starts on the next one.
    ParsedRequest takeRequest();
    [[nodiscard]] const HttpParseError& error() const { return m_error; }
    // True between the first byte of a request and its end (not counting blank lines before it).
    [[nodiscard]] bool inRequest() const { return m_phase != Phase::Start || !m_head.isEmpty(); }
    // Bytes held for the request being framed: never more than maxHeaderBytes + maxBodyBytes.
    [[nodiscard]] qint64 bufferedBytes() const { return m_head.size() + m_request.body.size(); }

private:
    enum class Phase { Start, Head, Body };

    qsizetype feedHead(QByteArrayView data);
    qsizetype feedBody(QByteArrayView data);
    bool parseHead(); // m_head complete (without its final CRLFCRLF); sets m_state
    bool parseRequestLine(QByteArrayView line);
    bool parseField(QByteArrayView line);
    void failOnLineEnding();
    bool fail(int status, const char* code, const QString& message);

    HttpLimits m_limits;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::Start;
    QByteArray m_head;
    qsizetype m_scanned = 0; // bytes of m_head already checked for line endings
    qint64 m_bodyLeft = 0;
    ParsedRequest m_request;
    HttpParseError m_error;
};

} // namespace slotdesk::web
