// HttpRequestParser on its own: the strict grammar, the limits it enforces while framing, and
// that how a stream is cut into reads never changes where its requests end.

#include "web/HttpRequestParser.h"

#include <QRandomGenerator>
#include <QTest>

using slotdesk::web::HttpLimits;
using slotdesk::web::HttpRequestParser;
using slotdesk::web::ParsedRequest;

namespace {

// What a whole stream came to: each request as "METHOD target body", then the error status the
// stream ended in (0 when it ended cleanly between or inside requests).
struct Outcome {
    QStringList requests;
    int error = 0;
    qint64 mostBuffered = 0;
    bool operator==(const Outcome& other) const {
        return requests == other.requests && error == other.error;
    }
};

Outcome parse(const QByteArray& stream, const QList<qsizetype>& cuts, HttpLimits limits = {}) {
    HttpRequestParser parser(limits);
    Outcome outcome;
    qsizetype at = 0;
    qsizetype cut = 0;
    while (at < stream.size()) {
        const qsizetype end =
            cut < cuts.size() ? qMin<qsizetype>(stream.size(), at + qMax<qsizetype>(1, cuts[cut++]))
                              : stream.size();
        QByteArrayView piece = QByteArrayView(stream).sliced(at, end - at);
        while (!piece.isEmpty()) {
            const qsizetype used = parser.feed(piece);
            piece = piece.sliced(used);
            at += used;
            outcome.mostBuffered = qMax(outcome.mostBuffered, parser.bufferedBytes());
            switch (parser.state()) {
            case HttpRequestParser::State::NeedMore:
                break;
            case HttpRequestParser::State::HeadReady:
                parser.continueBody();
                break;
            case HttpRequestParser::State::Complete: {
                const ParsedRequest r = parser.takeRequest();
                outcome.requests << QString::fromLatin1(r.method + ' ' + r.target + ' ' + r.body);
                break;
            }
            case HttpRequestParser::State::Failed:
                outcome.error = parser.error().status;
                return outcome;
            }
            if (used == 0 && parser.state() == HttpRequestParser::State::NeedMore)
                break;
        }
    }
    return outcome;
}

Outcome whole(const QByteArray& stream) {
    return parse(stream, {});
}

QByteArray get(const QByteArray& target = "/") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class TestHttpParser : public QObject {
    Q_OBJECT

private slots:
    void grammar_data() {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("error");
        const auto row = [](const char* name, const QByteArray& stream, int requests, int error) {
            QTest::newRow(name) << stream << requests << error;
        };
        const QByteArray post = "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody";
        row("GET", get(), 1, 0);
        row("blank lines first", "\r\n\r\n" + get(), 1, 0);
        row("pipelined", get("/a") + post + get("/c"), 3, 0);
        row("POST", post, 1, 0);
        row("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", 1, 0);
        row("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", 1, 0);
        row("absolute form", "GET http://h/x?y=1 HTTP/1.1\r\nHost: h\r\n\r\n", 1, 0);
        row("same Content-Length twice",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", 1, 0);
        row("Upgrade is only a header",
            "GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n" +
                get(),
            2, 0);
        // The framing mismatch of issue 13: LF-only lines with CRLFCRLF inside the body.
        row("LF-only head",
            "POST / HTTP/1.1\nHost: h\nContent-Length: 4\n\n\r\n\r\n"
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1073741824\r\n\r\n",
            0, 400);
        row("bare LF after the request line", "GET / HTTP/1.1\nHost: h\r\n\r\n", 0, 400);
        row("bare LF ends the head", "GET / HTTP/1.1\r\nHost: h\r\n\n", 0, 400);
        row("bare CR", "GET / HTTP/1.1\rHost: h\r\n\r\n", 0, 400);
        row("bare LF before a request", "\n" + get(), 0, 400);
        row("obs-fold", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n Content-Length: 5\r\n\r\n", 0, 400);
        row("space before the colon", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length : 5\r\n\r\n", 0,
            400);
        row("Transfer-Encoding", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n",
            0, 411);
        row("TE beside a length",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: x\r\n\r\nabc", 0,
            411);
        row("two different lengths",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx", 0,
            400);
        row("length with a sign", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +4\r\n\r\nbody", 0,
            400);
        row("length as a list", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4, 4\r\n\r\nbody", 0,
            400);
        row("length in hex", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x4\r\n\r\nbody", 0,
            400);
        row("length past the limit", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 16385\r\n\r\n",
            0, 413);
        row("length of 30 digits",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100000000000000000000000000000\r\n\r\n",
            0, 413);
        row("no Host", "GET / HTTP/1.1\r\n\r\n", 0, 400);
        row("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 0, 400);
        row("HTTP/2.0", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 0, 505);
        row("HTTP/0.9 style", "GET /\r\n\r\n", 0, 400);
        row("lower-case version", "GET / http/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("two spaces", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("space in the target", "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("UTF-8 in the target", "GET /\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("CONNECT authority", "CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("NUL in a value", QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\0b\r\n\r\n", 35), 0,
            400);
        row("NUL in a name", QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX\0: b\r\n\r\n", 34), 0, 400);
        row("bad method", "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 0, 400);
        row("TLS hello", "\x16\x03\x01 definitely not HTTP\r\n\r\n", 0, 400);
        QByteArray manyFields = "GET / HTTP/1.1\r\nHost: h\r\n";
        for (int i = 0; i < 100; ++i)
            manyFields += "X-" + QByteArray::number(i) + ": v\r\n";
        row("101 fields", manyFields + "\r\n", 0, 431);
        row("64 KiB of fields",
            "GET / HTTP/1.1\r\nHost: h\r\nX: " + QByteArray(64 * 1024, 'x') + "\r\n\r\n", 0, 431);
        row("a good request, then a bad one", get() + "GET / HTTP/1.1\nHost: h\n\n", 1, 400);
    }
    void grammar() {
        QFETCH(QByteArray, stream);
        QFETCH(int, requests);
        QFETCH(int, error);
        const Outcome outcome = whole(stream);
        QCOMPARE(outcome.requests.size(), requests);
        QCOMPARE(outcome.error, error);
        // Byte by byte, the same.
        const QList<qsizetype> ones(stream.size(), 1);
        const Outcome slow = parse(stream, ones);
        QCOMPARE(slow.requests, outcome.requests);
        QCOMPARE(slow.error, outcome.error);
    }

    void fieldsAreReadExactly() {
        HttpRequestParser parser;
        const QByteArray stream = "POST /api/v1/x?token=t HTTP/1.1\r\nHost: 127.0.0.1:8765\r\n"
                                  "Content-Type:application/json \t\r\nX-Empty:\r\n"
                                  "Connection: close\r\nExpect: 100-Continue\r\n"
                                  "Content-Length: 2\r\n\r\n{}";
        QCOMPARE(parser.feed(stream), stream.size() - 2);
        QCOMPARE(parser.state(), HttpRequestParser::State::HeadReady);
        QVERIFY(parser.request().expectsContinue);
        parser.continueBody();
        QCOMPARE(parser.feed(QByteArrayView(stream).last(2)), 2);
        QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
        const ParsedRequest r = parser.takeRequest();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/api/v1/x?token=t"));
        QCOMPARE(r.header("host"), QByteArray("127.0.0.1:8765"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY(r.header("x-empty").isEmpty());
        QCOMPARE(r.body, QByteArray("{}"));
        QVERIFY(!r.keepAlive);
        QCOMPARE(parser.state(), HttpRequestParser::State::NeedMore);
    }

    void keepAliveFollowsTheVersion() {
        const auto keepAlive = [](const QByteArray& stream) {
            HttpRequestParser parser;
            parser.feed(stream);
            return parser.state() == HttpRequestParser::State::Complete &&
                   parser.takeRequest().keepAlive;
        };
        QVERIFY(keepAlive(get()));
        QVERIFY(!keepAlive("GET / HTTP/1.0\r\n\r\n"));
        QVERIFY(keepAlive("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
        QVERIFY(!keepAlive("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo, close\r\n\r\n"));
    }

    // The parser stops at the end of each request: what follows is left for the next one.
    void stopsAtEachRequest() {
        HttpRequestParser parser;
        const QByteArray two = get("/a") + get("/b");
        const qsizetype first = parser.feed(two);
        QCOMPARE(first, get("/a").size());
        QCOMPARE(parser.takeRequest().target, QByteArray("/a"));
        QCOMPARE(parser.feed(QByteArrayView(two).sliced(first)), get("/b").size());
        QCOMPARE(parser.takeRequest().target, QByteArray("/b"));
    }

    // Whatever a client claims or sends, one request never holds more than the two limits.
    void buffersStayWithinTheLimits() {
        const HttpLimits limits{1024, 512, 100};
        HttpRequestParser parser(limits);
        const QByteArray endless(1024 * 1024, 'a'); // a head that never ends
        qsizetype used = 0;
        while (parser.state() == HttpRequestParser::State::NeedMore && used < endless.size())
            used += parser.feed(QByteArrayView(endless).sliced(used, 100));
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QCOMPARE(parser.error().status, 431);
        QVERIFY2(used <= limits.maxHeaderBytes + 4 + 100, qPrintable(QString::number(used)));

        HttpRequestParser body(limits);
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 512\r\n\r\n";
        QCOMPARE(body.feed(head + QByteArray(4096, 'b')), head.size());
        body.continueBody();
        QCOMPARE(body.feed(QByteArray(4096, 'b')), 512);
        QCOMPARE(body.bufferedBytes(), 512);
        QCOMPARE(body.state(), HttpRequestParser::State::Complete);
    }

    // Differential: random streams built from good and bad pieces frame identically whether
    // they arrive whole, byte by byte or in random reads, and never buffer past the limits.
    void framingIgnoresHowTheStreamIsCut() {
        const QList<QByteArray> pieces{
            get("/a"),
            "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
            "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 20\r\n\r\n\r\n\r\n",
            "GET /d HTTP/1.1\nHost: h\n\n",
            "\r\n",
            "\r",
            "\n",
            "GET /e HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n",
            "POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 999999999\r\n\r\n",
            "POST /g HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /h HTTP/1.1\r\nHost: h\r\nX: " + QByteArray(3000, 'x') + "\r\n\r\n",
            QByteArray(1, '\0'),
            "Content-Length: 3\r\n",
            "GET /i HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n!",
        };
        const HttpLimits limits{2048, 64, 100};
        QRandomGenerator random(13);
        for (int round = 0; round < 3000; ++round) {
            QByteArray stream;
            const int count = 1 + random.bounded(6);
            for (int i = 0; i < count; ++i)
                stream += pieces[random.bounded(pieces.size())];
            QList<qsizetype> cuts;
            for (qsizetype n = 0; n < stream.size(); n += cuts.emplace_back(1 + random.bounded(40)))
                ;
            const Outcome all = parse(stream, {}, limits);
            const Outcome cut = parse(stream, cuts, limits);
            const Outcome ones = parse(stream, QList<qsizetype>(stream.size(), 1), limits);
            QVERIFY2(all == cut && all == ones, stream.toPercentEncoding().constData());
            QVERIFY(cut.mostBuffered <= limits.maxHeaderBytes + 4 + limits.maxBodyBytes);
        }
    }
};

QTEST_APPLESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
