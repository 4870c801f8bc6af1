// LogRedaction: no secret and no forged line reaches a log, whoever logs — unit cases for the
// redaction and the escaping, and the installed handler in front of a real booking server with
// all debug logging on (the endpoint logs every request's decoded path).

#include "core/LogRedaction.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "web/BookingServer.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace slotdesk;

namespace {

struct Captured {
    QString category;
    QString message;
};

QMutex g_mutex;
QList<Captured> g_captured;
QtMessageHandler g_testHandler = nullptr; // QTest's own, to keep its output

// Stands for the default handler: what would be written.
void capture(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    {
        QMutexLocker lock(&g_mutex);
        g_captured.append({QString::fromLatin1(context.category), message});
    }
    if (g_testHandler && type != QtDebugMsg)
        g_testHandler(type, context, message);
}

QList<Captured> takeCaptured() {
    QMutexLocker lock(&g_mutex);
    return std::exchange(g_captured, {});
}

} // namespace

class TestLogRedaction : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The order main() makes: whatever handler there is, then the redaction in front of it.
        g_testHandler = qInstallMessageHandler(capture);
        installLogRedaction();
        installLogRedaction(); // a second call must not chain the handler to itself
    }

    // Each case once, its secrets marked [[so]]: the message is the case without the marks, and
    // what redaction must make of it has *** for each marked secret.
    void secretsAreMasked_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        const auto add = [](const char* name, const char* marked) {
            static const QRegularExpression secret(QStringLiteral(R"(\[\[(.*?)\]\])"));
            const QString text = QString::fromUtf8(marked);
            QTest::newRow(name) << QString(text).replace(secret, QStringLiteral("\\1"))
                                << QString(text).replace(secret, QStringLiteral("***"));
        };
        add("query token", "QUrl(\"http://h:1/api/v1/bookings/x?token=[[Ab-_9xyz]]&other=1\")");
        add("token first, case", "GET /booking/x?Token=[[abc]] HTTP/1.1");
        add("encoded =", "redirect=%2Fbooking%3Ftoken%3D[[abc%26x]]");
        add("OAuth form", "grant_type=refresh_token&refresh_token=[[1//0abc]]"
                          "&client_secret=[[GOCSPX-s3cr3t]]&code_verifier=[[v3r]]");
        add("authorization code", "GET /?code=[[4/0Adeu5]]&state=xyz HTTP/1.1");
        add("JSON",
            "{\"access_token\":\"[[ya29.a0]]\",\"expires_in\":3599,\"id_token\": \"[[ey]]\"}");
        add("escaped quote in JSON", "{\"refreshToken\":\"[[a\\\"b]]\",\"x\":1}");
        add("QDebug header pair",
            "(\"Authorization\", \"Bearer [[ya29.a0-x]]\"), (\"X-Manage-Token\", \"[[abc]]\")");
        add("Basic", "authorization: Basic [[dXNlcjpwYXNz]]");
        add("URL password",
            "postgresql://slotdesk:[[hunter2]]@db:5432/slotdesk and http://u:[[p]]@h/");
        add("password field", "password=[[hunter2]] user=bob");
        // Words alone are no secret: nothing to mask.
        add("plain words", "the token expired; refresh token: reconnect");
        add("a code that is not a query", "exit code=2, http://h:8765/a");
    }
    void secretsAreMasked() {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        QCOMPARE(redactedLogMessage(message), expected);
    }

    void controlCharactersCannotForgeALine() {
        QCOMPARE(redactedLogMessage("GET /a\r\n2026-12-01 slotdesk.web: admin logged in 200"),
                 "GET /a\\r\\n2026-12-01 slotdesk.web: admin logged in 200");
        QCOMPARE(redactedLogMessage(QString::fromUtf8("a\x1b[2Kb\x7f\u0085c\u2028d\u202ee")),
                 "a\\x1b[2Kb\\x7f\\x85c\\u2028d\\u202ee");
        QCOMPARE(redactedLogMessage(QStringLiteral("a\tb\n\n")), "a\tb"); // a trailing break
        QCOMPARE(redactedLogMessage(QString::fromUtf8("Zoë 👋 \"ok\"")),
                 QString::fromUtf8("Zoë 👋 \"ok\""));
        QCOMPARE(logQuoted(QStringLiteral("/booking/x\r\n\"y\"\\")),
                 "\"/booking/x\\r\\n\\\"y\\\"\\\\\"");
    }

    void theInstalledHandlerMasksAndEscapesEveryMessage() {
        takeCaptured();
        qWarning("GET /booking/x\r\nFORGED?token=s3cr3t");
        QLoggingCategory category("slotdesk.test");
        qCWarning(category) << "refresh_token=r3fr3sh";
        const QList<Captured> captured = takeCaptured();
        QCOMPARE(captured.size(), 2); // each once: the handler is not chained to itself
        QCOMPARE(captured[0].message, "GET /booking/x\\r\\nFORGED?token=***");
        QCOMPARE(captured[1].category, "slotdesk.test");
        QCOMPARE(captured[1].message, "refresh_token=***");
    }

    // The endpoint's own debug line: the decoded path, quoted; the query never.
    void webDebugLogsHoldNoTokenAndNoForgedLine() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        web::ServerConfig config;
        config.port = 0;
        web::BookingServer server(**db, config);
        QVERIFY(server.start().ok());
        QLoggingCategory::setFilterRules(QStringLiteral("qt.*=true\nslotdesk.*=true"));
        takeCaptured();

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/bookings/x%0D%0AFORGED%20LINE?token=s3cr3tT0ken HTTP/1.1\r\n"
                     "Host: 127.0.0.1:" +
                     QByteArray::number(server.port()) + "\r\nConnection: close\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState ||
                                     socket.readAll().contains("404"),
                                 10000);
        QLoggingCategory::setFilterRules(QString());
        const QList<Captured> captured = takeCaptured();

        bool webLogged = false;
        for (const Captured& entry : captured) {
            webLogged = webLogged || (entry.category == QLatin1String("slotdesk.web") &&
                                      entry.message.contains(QLatin1String("FORGED")));
            QVERIFY2(!entry.message.contains(QLatin1String("s3cr3tT0ken")),
                     qPrintable(entry.message));
            QVERIFY2(!entry.message.contains(u'\n') && !entry.message.contains(u'\r'),
                     qPrintable(entry.message));
        }
        QVERIFY2(webLogged, "the endpoint's debug line was not logged");
    }
};

QTEST_GUILESS_MAIN(TestLogRedaction)
#include "tst_logredaction.moc"
