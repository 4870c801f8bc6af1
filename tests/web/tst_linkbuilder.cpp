// LinkBuilder: every link the endpoint hands out — from the public URL when one is set, else from
// the request's allowed Host, with the scheme and host a trusted proxy forwards and nobody else's
// — and the rules for --public-url and --trusted-proxy values.

#include "web/LinkBuilder.h"
#include "web/RequestPolicy.h"

#include <QTest>

using namespace slotdesk;
using namespace slotdesk::web;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

HttpRequest request(const QByteArray& host, const QString& peer, const Headers& headers = {}) {
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/users/alice/bookings");
    if (!host.isNull())
        r.headers.insert("host", host);
    for (const auto& [name, value] : headers)
        r.headers.insert(name.toLower(), value);
    r.remoteAddress = QHostAddress(peer);
    return r;
}

ServerConfig behindProxy() {
    ServerConfig config;
    config.port = 8765;
    config.extraHosts = {QStringLiteral("book.example.org")};
    config.trustedProxies = {*parseTrustedProxy(QStringLiteral("10.0.0.0/8")),
                             *parseTrustedProxy(QStringLiteral("::1"))};
    return config;
}

} // namespace

class TestLinkBuilder : public QObject {
    Q_OBJECT

private slots:
    void publicUrlsAreNormalised_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "https://book.example.org"
                               << "https://book.example.org";
        QTest::newRow("trailing slash, case, spaces") << "  HTTPS://Book.Example.ORG/  "
                                                      << "https://book.example.org";
        QTest::newRow("default port dropped") << "https://book.example.org:443/slotdesk/"
                                              << "https://book.example.org/slotdesk";
        QTest::newRow("http with a port") << "http://book.example.org:8080/a/b-c_d.e~f"
                                          << "http://book.example.org:8080/a/b-c_d.e~f";
        QTest::newRow("IPv6") << "https://[2001:db8::1]:8443"
                              << "https://[2001:db8::1]:8443";
    }
    void publicUrlsAreNormalised() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto url = parsePublicUrl(text);
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QCOMPARE(url->toString(), expected);
    }

    void badPublicUrlsNameTheOptionAndTheReason_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << ""
                               << "is not a URL";
        QTest::newRow("no scheme") << "book.example.org"
                                   << "is not a URL";
        QTest::newRow("ftp") << "ftp://book.example.org"
                             << "is not http:// or https://";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << "is not http:// or https://";
        QTest::newRow("user and password") << "https://user:pw@book.example.org"
                                           << "user name or password";
        QTest::newRow("empty user info") << "https://@book.example.org"
                                         << "user name or password";
        QTest::newRow("no host") << "https:///slotdesk"
                                 << "no host name";
        QTest::newRow("query") << "https://book.example.org/?a=b"
                               << "query";
        QTest::newRow("empty query") << "https://book.example.org/x?"
                                     << "query";
        QTest::newRow("fragment") << "https://book.example.org/#top"
                                  << "fragment";
        QTest::newRow("dot segment") << "https://book.example.org/a/../b"
                                     << "path";
        QTest::newRow("encoded dot segment") << "https://book.example.org/%2e%2e/b"
                                             << "path";
        QTest::newRow("double slash") << "https://book.example.org/a//b"
                                      << "path";
        QTest::newRow("encoded slash") << "https://book.example.org/a%2Fb"
                                       << "path";
        QTest::newRow("space") << "https://book.example.org/a b"
                               << "is not a URL";
        QTest::newRow("port 70000") << "https://book.example.org:70000"
                                    << "is not a URL";
        QTest::newRow("CRLF") << "https://book.example.org/\r\nX: y"
                              << "is not a URL";
    }
    void badPublicUrlsNameTheOptionAndTheReason() {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto url = parsePublicUrl(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ErrorCode::Validation);
        QCOMPARE(url.error().field, QStringLiteral("public-url"));
        QVERIFY2(url.error().message.contains(reason), qPrintable(url.error().message));
        QVERIFY2(url.error().message.contains(QStringLiteral("https://book.example.org")),
                 qPrintable(url.error().message));
        QVERIFY(!url.error().message.contains(u'\n'));
    }

    void trustedProxiesAreAddressesOrSubnets() {
        QCOMPARE(*parseTrustedProxy(QStringLiteral("127.0.0.1")),
                 qMakePair(QHostAddress(QStringLiteral("127.0.0.1")), 32));
        QCOMPARE(*parseTrustedProxy(QStringLiteral(" ::1 ")),
                 qMakePair(QHostAddress(QStringLiteral("::1")), 128));
        QCOMPARE(*parseTrustedProxy(QStringLiteral("[::1]")),
                 qMakePair(QHostAddress(QStringLiteral("::1")), 128));
        QCOMPARE(*parseTrustedProxy(QStringLiteral("10.1.0.0/16")),
                 qMakePair(QHostAddress(QStringLiteral("10.1.0.0")), 16));
        for (const char* bad : {"", "localhost", "proxy.example.org", "10.0.0.0/33", "1.2.3",
                                "10.0.0.1:80", "010.0.0.1", "10.0/8"}) {
            const auto parsed = parseTrustedProxy(QString::fromLatin1(bad));
            QVERIFY2(!parsed.ok(), bad);
            QCOMPARE(parsed.error().field, QStringLiteral("trusted-proxy"));
        }
    }

    void withoutAPublicUrlLinksFollowTheHost() {
        const LinkBuilder links(behindProxy());
        QCOMPARE(links.link(request("127.0.0.1:8765", "127.0.0.1"), "/booking/id-1",
                            QUrlQuery{{"token", "T-_0"}}),
                 QStringLiteral("http://127.0.0.1:8765/booking/id-1?token=T-_0"));
        QCOMPARE(links.base(request("[::1]:8765", "::1")).toString(),
                 QStringLiteral("http://[::1]:8765"));
        QCOMPARE(links.base(request("Book.Example.org", "192.0.2.7")).toString(),
                 QStringLiteral("http://book.example.org"));
        // A Host the allowlist doesn't know never becomes a link: the link is a path.
        QCOMPARE(links.link(request("evil.example", "127.0.0.1"), "/booking/id-1"),
                 QStringLiteral("/booking/id-1"));
        QVERIFY(links.base(request("evil.example:8765", "127.0.0.1")).isEmpty());
        QVERIFY(links.base(request("a b", "127.0.0.1")).isEmpty());
        QVERIFY(links.base(request("book.example.org@evil.example", "127.0.0.1")).isEmpty());
        QVERIFY(links.base(request(QByteArray(), "127.0.0.1")).isEmpty());
        // Redirects keep the client's own scheme and host.
        QCOMPARE(links.redirectTarget(QStringLiteral("/alice")), QStringLiteral("/alice"));
    }

    void forwardedHeadersCountOnlyFromTrustedProxies_data() {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QString>("expected");
        const QByteArray host = "book.example.org";
        const Headers https{{"X-Forwarded-Proto", "https"}};
        QTest::newRow("trusted X-Forwarded-Proto")
            << "10.0.0.2" << host << https << "https://book.example.org";
        QTest::newRow("untrusted X-Forwarded-Proto")
            << "192.0.2.7" << host << https << "http://book.example.org";
        QTest::newRow("loopback is not trusted unless listed")
            << "127.0.0.1" << host << https << "http://book.example.org";
        QTest::newRow("trusted IPv6 peer") << "::1" << host << https << "https://book.example.org";
        QTest::newRow("IPv4-mapped peer in a trusted subnet")
            << "::ffff:10.9.8.7" << host << https << "https://book.example.org";
        QTest::newRow("the last of a list counts")
            << "10.0.0.2" << host << Headers{{"X-Forwarded-Proto", "https, http"}}
            << "http://book.example.org";
        QTest::newRow("not a web scheme")
            << "10.0.0.2" << host << Headers{{"X-Forwarded-Proto", "javascript"}}
            << "http://book.example.org";
        QTest::newRow("Forwarded proto and host")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"Forwarded", "for=192.0.2.7;proto=https;host=book.example.org"}}
            << "https://book.example.org";
        QTest::newRow("Forwarded quoted, with a port, case")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"Forwarded",
                        "For=\"[2001:db8::7]\";Proto=HTTPS;Host=\"Book.Example.org:8443\""}}
            << "https://book.example.org:8443";
        QTest::newRow("Forwarded default port dropped")
            << "10.0.0.2" << host
            << Headers{{"Forwarded", "proto=https;host=\"book.example.org:443\""}}
            << "https://book.example.org";
        QTest::newRow("Forwarded: the last element counts")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"Forwarded", "proto=http;host=\"evil.example, x\", "
                                     "proto=https;host=book.example.org"}}
            << "https://book.example.org";
        QTest::newRow("Forwarded wins over X-Forwarded-Proto")
            << "10.0.0.2" << host
            << Headers{{"Forwarded", "proto=https"}, {"X-Forwarded-Proto", "http"}}
            << "https://book.example.org";
        QTest::newRow("Forwarded from an untrusted peer")
            << "192.0.2.7" << QByteArray("127.0.0.1:8765")
            << Headers{{"Forwarded", "proto=https;host=book.example.org"}}
            << "http://127.0.0.1:8765";
        QTest::newRow("a forwarded host that isn't allowed")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"Forwarded", "proto=https;host=evil.example"}} << "https://127.0.0.1:8765";
        QTest::newRow("X-Forwarded-Host, trusted")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"X-Forwarded-Host", "book.example.org"}, {"X-Forwarded-Proto", "https"}}
            << "https://book.example.org";
        QTest::newRow("X-Forwarded-Host not allowed")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"X-Forwarded-Host", "evil.example"}} << "http://127.0.0.1:8765";
        QTest::newRow("X-Forwarded-Host with a path")
            << "10.0.0.2" << QByteArray("127.0.0.1:8765")
            << Headers{{"X-Forwarded-Host", "book.example.org/x"}} << "http://127.0.0.1:8765";
        QTest::newRow("X-Forwarded-Host, untrusted")
            << "192.0.2.7" << QByteArray("127.0.0.1:8765")
            << Headers{{"X-Forwarded-Host", "book.example.org"}} << "http://127.0.0.1:8765";
    }
    void forwardedHeadersCountOnlyFromTrustedProxies() {
        QFETCH(QString, peer);
        QFETCH(QByteArray, host);
        QFETCH(Headers, headers);
        QFETCH(QString, expected);
        const LinkBuilder links(behindProxy());
        QCOMPARE(links.base(request(host, peer, headers)).toString(), expected);
    }

    void aPublicUrlBuildsEveryLink() {
        ServerConfig config = behindProxy();
        config.publicUrl = *parsePublicUrl(QStringLiteral("https://book.example.org/slotdesk/"));
        const LinkBuilder links(config);
        const Headers forwarded{{"Forwarded", "proto=http;host=book.example.org"},
                                {"X-Forwarded-Proto", "http"}};
        for (const auto& r : {request("127.0.0.1:8765", "127.0.0.1"),
                              request("book.example.org", "10.0.0.2", forwarded),
                              request("evil.example", "192.0.2.7", forwarded)}) {
            QCOMPARE(links.link(r, QStringLiteral("/booking/id-1"), QUrlQuery{{"token", "T"}}),
                     QStringLiteral("https://book.example.org/slotdesk/booking/id-1?token=T"));
        }
        QCOMPARE(links.redirectTarget(QStringLiteral("/alice")),
                 QStringLiteral("https://book.example.org/slotdesk/alice"));
        QCOMPARE(LinkBuilder::under(config.publicUrl, QStringLiteral("/alice")),
                 QStringLiteral("https://book.example.org/slotdesk/alice"));
        QCOMPARE(LinkBuilder::under(*parsePublicUrl(QStringLiteral("https://b.example")),
                                    QStringLiteral("/alice")),
                 QStringLiteral("https://b.example/alice"));
    }

    void thePublicHostIsAnAllowedHost() {
        ServerConfig config;
        config.port = 8765;
        config.publicUrl = *parsePublicUrl(QStringLiteral("https://Book.Example.org:8443/x"));
        const RequestPolicy policy(config);
        QVERIFY(policy.isAllowedHost("book.example.org"));
        QVERIFY(policy.isAllowedHost("book.example.org:8443"));
        QVERIFY(policy.isAllowedHost("book.example.org:8765"));
        QVERIFY(!policy.isAllowedHost("book.example.org:9999"));
        QVERIFY(!policy.isAllowedHost("example.org"));
        QVERIFY(!RequestPolicy(ServerConfig{}).isAllowedHost("book.example.org"));
    }
};

QTEST_GUILESS_MAIN(TestLinkBuilder)
#include "tst_linkbuilder.moc"
