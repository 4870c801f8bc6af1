// libFuzzer target: HttpRequestParser on arbitrary streams. Each input is framed twice — whole, and
// cut into reads whose sizes come from the input's first byte — and the two must agree on every
// request and on the error the stream ends in; the parser must never hold more than its limits.
// Small limits so that the limit paths are reached often.

#include "web/HttpRequestParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using slotdesk::web::HttpLimits;
using slotdesk::web::HttpRequestParser;

namespace {

constexpr HttpLimits kLimits{512, 256, 16};

struct Outcome {
    QByteArray requests; // each request's method, target, version and body, in order
    int error = 0;
};

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_http_request: %s\n", what);
    std::abort();
}

Outcome frame(QByteArrayView stream, unsigned seed) {
    HttpRequestParser parser(kLimits);
    Outcome outcome;
    unsigned state = seed;
    qsizetype at = 0;
    while (at < stream.size()) {
        // Read sizes 1..64 from a small LCG, or the whole rest when seed is 0.
        state = state * 1103515245u + 12345u;
        const qsizetype size = seed == 0 ? stream.size() - at : 1 + (state >> 16) % 64;
        QByteArrayView piece = stream.sliced(at, qMin(size, stream.size() - at));
        at += piece.size();
        while (!piece.isEmpty()) {
            const qsizetype used = parser.feed(piece);
            if (used < 0 || used > piece.size())
                fail("feed() used more than it was given");
            piece = piece.sliced(used);
            if (parser.bufferedBytes() > kLimits.maxHeaderBytes + 4 + kLimits.maxBodyBytes)
                fail("the parser holds more than its limits");
            switch (parser.state()) {
            case HttpRequestParser::State::NeedMore:
                if (used == 0 && !piece.isEmpty())
                    fail("NeedMore without taking a byte");
                break;
            case HttpRequestParser::State::HeadReady:
                parser.continueBody();
                break;
            case HttpRequestParser::State::Complete: {
                const auto request = parser.takeRequest();
                if (request.body.size() > kLimits.maxBodyBytes)
                    fail("a body past the limit");
                outcome.requests += request.method + ' ' + request.target + ' ' +
                                    QByteArray::number(request.minorVersion) + ' ' +
                                    (request.keepAlive ? "k " : "c ") + request.body + '\n';
                break;
            }
            case HttpRequestParser::State::Failed:
                outcome.error = parser.error().status;
                if (outcome.error < 400 || outcome.error > 599 || parser.error().message.isEmpty())
                    fail("an error without a 4xx/5xx status and a message");
                return outcome;
            }
        }
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const unsigned seed = 1u + data[0];
    const QByteArrayView stream(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const Outcome whole = frame(stream, 0);
    const Outcome cut = frame(stream, seed);
    if (whole.requests != cut.requests || whole.error != cut.error)
        fail("framing depends on how the stream is cut into reads");
    return 0;
}
