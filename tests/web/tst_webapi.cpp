// The booking endpoint end to end: the real `slotdesk-cli serve` on a temporary data directory,
// spoken to over real sockets by a small raw HTTP/1.1 client (so a test can send what a browser
// never would: a foreign Host, a truncated or 10 MB body, no Content-Type). Every route and status
// of docs/API.md, a table of bad input that must leave the database untouched, rate limits, a
// 50-socket race for one slot, logs without tokens, loopback by default and a clean shutdown.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "booking/ManageToken.h"
#include "domain/Validation.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/Database.h"
#include "support/ServerProcess.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "web/BookingServer.h"
#include "web/ServerConfig.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <csignal>
#include <memory>
#include <vector>

using namespace slotdesk;

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Stands for "127.0.0.1:<port>" in a request built before the server's port is known.
constexpr char kOwnHost[] = "{own-host}";

struct Reply {
    int status = 0; // 0: no complete response arrived
    HeaderList headers;
    QByteArray body;
    bool closedByServer = false;

    [[nodiscard]] QByteArray header(const char* name) const {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] bool hasHeader(const char* name) const {
        for (const auto& header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonObject error() const { return json().value("error").toObject(); }
    [[nodiscard]] QString describe() const {
        return QString("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(300)));
    }
};

// One response out of `buffer` (consumed), or false while it is incomplete.
// `toHead`: the answer to a HEAD request, whose Content-Length describes a body that isn't sent.
bool takeResponse(QByteArray& buffer, Reply& reply, bool connectionClosed, bool toHead = false) {
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
        return false;
    Reply parsed;
    parsed.status = statusLine[1].toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const qsizetype bodyStart = headEnd + 4;
    bool hasLength = false;
    const qsizetype length = toHead ? 0 : parsed.header("Content-Length").toLongLong(&hasLength);
    hasLength = hasLength || toHead;
    if (!hasLength) {
        // No length: the body runs to the end of the connection.
        if (!connectionClosed)
            return false;
        parsed.body = buffer.mid(bodyStart);
        buffer.clear();
    } else {
        if (buffer.size() - bodyStart < length)
            return false;
        parsed.body = buffer.mid(bodyStart, length);
        buffer.remove(0, bodyStart + length);
    }
    reply = parsed;
    return true;
}

// Reads one response from an open socket; status 0 when none arrives within `timeoutMs`.
Reply readReply(QTcpSocket& socket, QByteArray& buffer, int timeoutMs = 60000,
                bool toHead = false) {
    QElapsedTimer timer;
    timer.start();
    Reply reply;
    for (;;) {
        const bool closed = socket.state() != QAbstractSocket::ConnectedState;
        if (takeResponse(buffer, reply, closed, toHead))
            return reply;
        if (closed || timer.elapsed() > timeoutMs)
            return {};
        // Also flushes what is still to be written (a 10 MB body goes out while we wait).
        if (socket.waitForReadyRead(50) || socket.bytesAvailable() > 0)
            buffer += socket.readAll();
    }
}

// True when the server closes the connection within `timeoutMs`.
bool waitForClose(QTcpSocket& socket, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(50);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

// A raw HTTP/1.1 request. Host defaults to this server, POSTs to Content-Type: application/json;
// a header given in `headers` replaces the default (an empty value leaves it out).
QByteArray httpRequest(const QByteArray& method, const QByteArray& target,
                       const QByteArray& body = {}, const HeaderList& headers = {}) {
    const auto given = [&](const char* name) {
        for (const auto& header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    if (!given("Host"))
        out += QByteArray("Host: ") + kOwnHost + "\r\n";
    if (method == "POST" && !given("Content-Type"))
        out += "Content-Type: application/json\r\n";
    for (const auto& [name, value] : headers) {
        if (!value.isEmpty())
            out += name + ": " + value + "\r\n";
    }
    if (!given("Content-Length") && (method == "POST" || !body.isEmpty()))
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QByteArray toJson(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString rfc3339(const QDateTime& instant) {
    return instant.toUTC().toString(Qt::ISODate);
}

struct BookingRows {
    int count = -1;
    QByteArray digest; // SHA-256 over every column of every booking row, by id
    bool operator==(const BookingRows& other) const {
        return count == other.count && digest == other.digest;
    }
};

} // namespace

class TestWebApi : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_tdb; // SQLite, or PostgreSQL in the _postgres run
    QString m_dataDir;                         // the server's (SQLite's file is in it)
    QStringList m_databaseArguments;           // slotdesk-cli's options for the database
    std::unique_ptr<storage::Database> m_db;   // a second connection to the server's file
    User m_admin;
    QDateTime m_firstSlot; // 00:00 UTC two days ahead; slots are handed out from here
    int m_slotsTaken = 0;
    QDateTime m_badInputSlot; // free, and never booked: bad input aimed at a real slot
    QDate m_listDay;          // a day nobody books, for slot listings
    std::unique_ptr<test::ServerProcess> m_server;
    int m_serverCount = 0;
    QStringList m_violations; // what inspect() saw wrong; cleanup() fails the test on any

    // --- the server ---------------------------------------------------------------------------

    bool
    startServer(const QStringList& extraArguments = {},
                const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
        m_server = std::make_unique<test::ServerProcess>(
            SLOTDESK_CLI_PATH, m_databaseArguments,
            m_dir.filePath(QString("server-%1").arg(++m_serverCount)));
        if (m_server->start(extraArguments, environment))
            return true;
        qWarning().noquote() << "server did not start:" << m_server->output() << m_server->errors();
        return false;
    }
    QByteArray ownHost() const { return "127.0.0.1:" + QByteArray::number(m_server->port()); }

    // --- the client ---------------------------------------------------------------------------

    QByteArray withOwnHost(QByteArray raw) const {
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        QByteArray head = raw.left(headEnd);
        head.replace(kOwnHost, ownHost());
        return head + raw.mid(headEnd);
    }
    Reply send(const QByteArray& raw, int timeoutMs = 60000) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!socket.waitForConnected(10000))
            return {};
        socket.write(withOwnHost(raw));
        QByteArray buffer;
        Reply reply = readReply(socket, buffer, timeoutMs, raw.startsWith("HEAD "));
        inspect(raw, reply);
        return reply;
    }
    Reply get(const QByteArray& target, const HeaderList& headers = {}) {
        return send(httpRequest("GET", target, {}, headers));
    }
    Reply post(const QByteArray& target, const QByteArray& body, const HeaderList& headers = {}) {
        return send(httpRequest("POST", target, body, headers));
    }
    Reply book(const QJsonObject& body, const HeaderList& headers = {}) {
        return post("/api/v1/users/alice/bookings", toJson(body), headers);
    }

    // What every response must be: the security headers, and an error that is the documented
    // JSON shape and gives nothing of SlotDesk's insides away.
    void inspect(const QByteArray& request, const Reply& reply) {
        const QString what = QString::fromUtf8(request.left(request.indexOf('\r')));
        if (reply.status == 0) {
            m_violations << what + ": no response";
            return;
        }
        const QByteArray csp = reply.header("Content-Security-Policy");
        if (csp.isEmpty() || csp.contains("unsafe-inline") || csp.contains("unsafe-eval") ||
            !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'"))
            m_violations << what + ": Content-Security-Policy is " + QString::fromLatin1(csp);
        if (reply.header("X-Content-Type-Options") != "nosniff")
            m_violations << what + ": no X-Content-Type-Options: nosniff";
        if (reply.header("Referrer-Policy") != "no-referrer")
            m_violations << what + ": no Referrer-Policy: no-referrer";
        // Errors from the API (and every refusal) are JSON; a page may answer 404 with HTML.
        const bool api = request.contains(" /api/");
        if (reply.status >= 400 && (api || reply.header("Content-Type").contains("json"))) {
            if (!reply.header("Content-Type").startsWith("application/json"))
                m_violations << what + ": an error that is not JSON";
            const QJsonObject error = reply.error();
            if (error.value("code").toString().isEmpty() ||
                error.value("message").toString().isEmpty())
                m_violations << what + ": error without code and message: " + reply.describe();
            if (const QString leak = leakIn(reply.body); !leak.isEmpty())
                m_violations << what + ": the error gives away " + leak + ": " + reply.describe();
        }
    }
    QString leakIn(const QByteArray& body) const {
        const QString text = QString::fromUtf8(body);
        const QStringList needles{"SELECT",    "INSERT",
                                  "sqlite",    "QSql",
                                  ".cpp",      "std::",
                                  "Traceback", "#0 ",
                                  "0x",        "/usr/",
                                  "/tmp/",     "/home/",
                                  "/work/",    SLOTDESK_SOURCE_DIR,
                                  m_dataDir,   "slotdesk.sqlite"};
        for (const auto& needle : needles) {
            if (!needle.isEmpty() && text.contains(needle, Qt::CaseInsensitive))
                return needle;
        }
        return {};
    }

    // --- the data -----------------------------------------------------------------------------

    QDateTime takeSlot() { return m_firstSlot.addSecs(1800 * qint64(m_slotsTaken++)); }
    QJsonObject bookingBody(const QDateTime& start, const QString& email) const {
        return {{"start", rfc3339(start)},      {"duration", 30},
                {"name", "Bob Example"},        {"email", email},
                {"notes", "About the roadmap"}, {"timezone", "Europe/Paris"}};
    }
    BookingRows bookingRows() const {
        QSqlQuery query(m_db->connection());
        if (!query.exec("SELECT * FROM bookings ORDER BY id"))
            return {};
        BookingRows rows;
        rows.count = 0;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (query.next()) {
            ++rows.count;
            for (int i = 0; i < query.record().count(); ++i) {
                const QVariant value = query.value(i);
                hash.addData(value.isNull() ? QByteArray("\x01NULL") : value.toString().toUtf8());
                hash.addData(QByteArray("\x1f"));
            }
            hash.addData(QByteArray("\x1e"));
        }
        rows.digest = hash.result().toHex();
        return rows;
    }
    // One stored booking's columns by name, or an empty map when there is no such row.
    QVariantMap storedBooking(const QString& id) const {
        QSqlQuery query(m_db->connection());
        query.prepare("SELECT * FROM bookings WHERE id = ?");
        query.addBindValue(id);
        QVariantMap row;
        if (query.exec() && query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                row.insert(query.record().fieldName(i), query.value(i));
        }
        return row;
    }
    int bookingsAt(const QDateTime& start) const {
        QSqlQuery query(m_db->connection());
        query.prepare("SELECT COUNT(*) FROM bookings WHERE start_time = ?");
        query.addBindValue(start.toMSecsSinceEpoch());
        return query.exec() && query.next() ? query.value(0).toInt() : -1;
    }
    static QPair<QByteArray, QByteArray> idAndToken(const Reply& created) {
        const QUrl manage(created.json().value("manageUrl").toString());
        return {created.json().value("id").toString().toUtf8(),
                QUrlQuery(manage).queryItemValue("token").toUtf8()};
    }

private slots:
    void initTestCase() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        QVERIFY(m_dir.isValid());
        m_tdb = std::make_unique<test::TestDatabase>();
        QVERIFY(m_tdb->isValid());
        m_dataDir = test::usingPostgres() ? m_dir.filePath("data") : m_tdb->dataDir();
        // --database wins over --data-dir; the data directory still holds the server's files.
        m_databaseArguments = QStringList{"--data-dir", m_dataDir};
        if (test::usingPostgres())
            m_databaseArguments += m_tdb->cliArguments();
        auto db = m_tdb->open();
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db, "alice", "UTC");
        QVERIFY(!m_admin.id.isEmpty());
        AvailabilityService availability(*m_db);
        for (int day = 0; day < 7; ++day) {
            AvailabilityBlock allDay{{}, m_admin.id, day, 0, 1440, "UTC", true, {}, {}};
            QVERIFY(availability.add(allDay).ok());
        }
        m_firstSlot =
            QDateTime(QDateTime::currentDateTimeUtc().date().addDays(2), QTime(0, 0), Qt::UTC);
        m_badInputSlot = takeSlot();
        m_listDay = m_firstSlot.date().addDays(20);
    }

    void init() { m_violations.clear(); }

    void cleanup() {
        if (m_server) {
            const int exitCode = m_server->stop();
            const QByteArray errors = m_server->errors();
            m_server.reset();
            QVERIFY2(exitCode == 0, qPrintable(QString("the server did not shut down cleanly "
                                                       "(exit %1): %2")
                                                   .arg(exitCode)
                                                   .arg(QString::fromUtf8(errors.right(2000)))));
        }
        QVERIFY2(m_violations.isEmpty(), qPrintable(m_violations.join('\n')));
    }

    // --- the contract, route by route -----------------------------------------------------------

    void health() {
        QVERIFY(startServer());
        const Reply reply = get("/api/v1/health");
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        QCOMPARE(reply.json().value("status").toString(), QString("ok"));
        QCOMPARE(reply.json().value("version").toString(), QString(SLOTDESK_VERSION));
        // One connection, several requests: keep-alive works.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        QByteArray buffer;
        for (int i = 0; i < 3; ++i) {
            socket.write(withOwnHost(httpRequest("GET", "/api/v1/health")));
            QCOMPARE(readReply(socket, buffer).status, 200);
        }
    }

    void profileNeverShowsTheEmail() {
        QVERIFY(startServer());
        const Reply reply = get("/api/v1/users/alice");
        QCOMPARE(reply.status, 200);
        const QJsonObject profile = reply.json();
        QCOMPARE(profile.value("username").toString(), QString("alice"));
        QCOMPARE(profile.value("name").toString(), m_admin.name);
        QCOMPARE(profile.value("timezone").toString(), QString("UTC"));
        QVERIFY(!profile.contains("timeZone"));
        QCOMPARE(profile.value("durations").toArray(), QJsonArray{30});
        QCOMPARE(profile.value("defaultDuration").toInt(), 30);
        QVERIFY(profile.value("videoProviders").isArray());
        QVERIFY2(!reply.body.contains(m_admin.email.toUtf8()), reply.body.constData());
        QVERIFY(!profile.contains("email"));
        const Reply unknown = get("/api/v1/users/nobody");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.error().value("code").toString(), QString("not_found"));
    }

    void slotsCarryTheViewerOffset() {
        QVERIFY(startServer());
        const QByteArray day = m_listDay.toString(Qt::ISODate).toLatin1();
        const QByteArray next = m_listDay.addDays(1).toString(Qt::ISODate).toLatin1();
        // Kolkata is +05:30 all year: 48 half-hour slots a local day, each with its offset.
        const Reply reply = get("/api/v1/users/alice/slots?from=" + day + "&to=" + next +
                                "&timezone=Asia/Kolkata&duration=30");
        QCOMPARE(reply.status, 200);
        const QJsonObject listing = reply.json();
        QCOMPARE(listing.value("timezone").toString(), QString("Asia/Kolkata"));
        QVERIFY(!listing.contains("timeZone"));
        QCOMPARE(listing.value("duration").toInt(), 30);
        const QJsonArray days = listing.value("days").toArray();
        QCOMPARE(days.size(), 2); // both dates, inclusive
        QCOMPARE(days[0].toObject().value("date").toString(), QString::fromLatin1(day));
        QCOMPARE(days[1].toObject().value("date").toString(), QString::fromLatin1(next));
        for (const auto& value : days) {
            const QJsonObject d = value.toObject();
            const QJsonArray slotList = d.value("slots").toArray();
            QCOMPARE(slotList.size(), 48);
            for (const auto& s : slotList) {
                const QString start = s.toObject().value("start").toString();
                const QString end = s.toObject().value("end").toString();
                QVERIFY2(start.endsWith("+05:30") && end.endsWith("+05:30"), qPrintable(start));
                QVERIFY2(start.startsWith(d.value("date").toString() + 'T'), qPrintable(start));
                const QDateTime startAt = QDateTime::fromString(start, Qt::ISODate);
                QCOMPARE(startAt.secsTo(QDateTime::fromString(end, Qt::ISODate)), 1800);
            }
        }
        QCOMPARE(days[0].toObject().value("slots").toArray()[0].toObject().value("start"),
                 QJsonValue(QString::fromLatin1(day) + "T00:00:00+05:30"));

        // Without timezone and duration: the admin's zone and default length.
        const Reply defaults = get("/api/v1/users/alice/slots?from=" + day + "&to=" + day);
        QCOMPARE(defaults.status, 200);
        QCOMPARE(defaults.json().value("timezone").toString(), QString("UTC"));
        QCOMPARE(defaults.json().value("duration").toInt(), 30);
        const QString first = defaults.json()
                                  .value("days")
                                  .toArray()[0]
                                  .toObject()
                                  .value("slots")
                                  .toArray()[0]
                                  .toObject()
                                  .value("start")
                                  .toString();
        QCOMPARE(first, QString::fromLatin1(day) + "T00:00:00+00:00");

        // 62 days is the most one request may ask for.
        const QByteArray day62 = m_listDay.addDays(61).toString(Qt::ISODate).toLatin1();
        QCOMPARE(get("/api/v1/users/alice/slots?from=" + day + "&to=" + day62).status, 200);
    }

    void slotQueryErrors_data() {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray day = m_listDay.toString(Qt::ISODate).toLatin1();
        const QByteArray range = "from=" + day + "&to=" + day;
        const QByteArray day63 = m_listDay.addDays(62).toString(Qt::ISODate).toLatin1();
        QTest::newRow("63 days") << "from=" + day + "&to=" + day63 << 422 << "validation"
                                 << "to";
        QTest::newRow("to before from")
            << "from=" + day + "&to=" + m_listDay.addDays(-1).toString(Qt::ISODate).toLatin1()
            << 422 << "validation"
            << "to";
        QTest::newRow("month 13") << QByteArray("from=2026-13-01&to=2026-13-02") << 400
                                  << "bad_request"
                                  << "from";
        QTest::newRow("February 30") << "from=" + day + "&to=2027-02-30" << 400 << "bad_request"
                                     << "to";
        QTest::newRow("a word") << "from=tomorrow&to=" + day << 400 << "bad_request"
                                << "from";
        QTest::newRow("no dates") << QByteArray() << 400 << "bad_request"
                                  << "from";
        QTest::newRow("unknown zone") << range + "&timezone=Mars/Olympus" << 422 << "validation"
                                      << "timezone";
        QTest::newRow("unknown zone, old name")
            << range + "&timeZone=Mars/Olympus" << 422 << "validation"
            << "timezone";
        QTest::newRow("path as zone")
            << range + "&timezone=../../../etc/passwd" << 422 << "validation"
            << "timezone";
        QTest::newRow("duration not offered") << range + "&duration=45" << 422 << "validation"
                                              << "duration";
        QTest::newRow("nine hours") << range + "&duration=540" << 422 << "validation"
                                    << "duration";
        QTest::newRow("duration word") << range + "&duration=half" << 400 << "bad_request"
                                       << "duration";
    }
    void slotQueryErrors() {
        QFETCH(QByteArray, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QVERIFY(startServer());
        const Reply reply = get("/api/v1/users/alice/slots?" + query);
        QVERIFY2(reply.status == status, qPrintable(reply.describe()));
        QCOMPARE(reply.error().value("code").toString(), code);
        QCOMPARE(reply.error().value("field").toString(), field);
    }

    // `timeZone`, the name the API used before it took the data model's `timezone`, is still
    // accepted in requests (docs/API.md); answers only ever say `timezone`.
    void oldTimeZoneNameIsStillAccepted() {
        QVERIFY(startServer());
        const QByteArray day = m_listDay.toString(Qt::ISODate).toLatin1();
        const Reply listing = get("/api/v1/users/alice/slots?from=" + day + "&to=" + day +
                                  "&timeZone=Asia/Kolkata&duration=30");
        QVERIFY2(listing.status == 200, qPrintable(listing.describe()));
        QCOMPARE(listing.json().value("timezone").toString(), QString("Asia/Kolkata"));

        QJsonObject body = bookingBody(takeSlot(), "alias@example.com");
        body.remove("timezone");
        body["timeZone"] = "Asia/Tokyo";
        const Reply created = book(body);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        const Reply view = get("/api/v1/bookings/" + id + "?token=" + token);
        QCOMPARE(view.status, 200);
        QCOMPARE(view.json().value("timezone").toString(), QString("Asia/Tokyo"));
    }

    void bookingLifecycle() {
        QVERIFY(startServer());
        const QDateTime start = takeSlot();
        const BookingRows before = bookingRows();
        // The start in the attendee's offset; the answer in UTC.
        QJsonObject body = bookingBody(start, "lifecycle@example.com");
        body["start"] = start.toOffsetFromUtc(5 * 3600 + 1800).toString(Qt::ISODate);
        QVERIFY(body["start"].toString().endsWith("+05:30"));
        const Reply created = book(body);
        // The row is there the moment the 201 is: it was committed before the answer was sent.
        const QVariantMap row = storedBooking(created.json().value("id").toString());
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        QVERIFY2(!row.isEmpty(), "no row behind the 201");
        QCOMPARE(row.value("status").toString(), QString("pending"));
        QCOMPARE(row.value("start_time").toLongLong(), start.toMSecsSinceEpoch());
        QCOMPARE(row.value("end_time").toLongLong(), start.addSecs(1800).toMSecsSinceEpoch());
        QCOMPARE(row.value("attendee_email").toString(), QString("lifecycle@example.com"));
        QCOMPARE(bookingRows().count, before.count + 1);

        const QJsonObject answer = created.json();
        QCOMPARE(answer.value("status").toString(), QString("pending"));
        QCOMPARE(answer.value("startTime").toString(), rfc3339(start));
        QCOMPARE(answer.value("endTime").toString(), rfc3339(start.addSecs(1800)));
        QVERIFY(answer.value("startTime").toString().endsWith('Z'));
        QVERIFY(!answer.contains("start") && !answer.contains("end"));
        const auto [id, token] = idAndToken(created);
        QCOMPARE(answer.value("manageUrl").toString(),
                 QString("http://%1/booking/%2?token=%3")
                     .arg(QString::fromLatin1(ownHost()), QString::fromLatin1(id),
                          QString::fromLatin1(token)));
        QVERIFY2(token.size() >= 43, token.constData()); // 256 random bits
        QVERIFY2(row.value("manage_token_hash").toString() != QString::fromLatin1(token),
                 "the token is stored in the clear");

        // The time is gone from the listing, and a second request for it is a conflict.
        const QByteArray date = start.date().toString(Qt::ISODate).toLatin1();
        const Reply listing =
            get("/api/v1/users/alice/slots?from=" + date + "&to=" + date + "&timezone=UTC");
        QCOMPARE(listing.status, 200);
        QVERIFY(listing.body.contains(
            "\"start\":\"" + start.addSecs(1800).toString(Qt::ISODate).chopped(1).toLatin1() +
            "+00:00\""));
        QVERIFY(!listing.body.contains(
            "\"start\":\"" + start.toString(Qt::ISODate).chopped(1).toLatin1() + "+00:00\""));
        const BookingRows afterCreate = bookingRows();
        const Reply taken = book(bookingBody(start, "second@example.com"));
        QVERIFY2(taken.status == 409, qPrintable(taken.describe()));
        QCOMPARE(taken.error().value("code").toString(), QString("conflict"));
        QCOMPARE(taken.error().value("field").toString(), QString("start"));
        QCOMPARE(bookingRows(), afterCreate);

        // The attendee's view, with the token.
        const Reply view = get("/api/v1/bookings/" + id + "?token=" + token);
        QCOMPARE(view.status, 200);
        const QJsonObject booking = view.json();
        QCOMPARE(booking.value("id").toString(), QString::fromLatin1(id));
        QCOMPARE(booking.value("status").toString(), QString("pending"));
        // Entity fields by the data model's names, as the CLI's JSON has them.
        QCOMPARE(booking.value("startTime").toString(), rfc3339(start));
        QCOMPARE(booking.value("endTime").toString(), rfc3339(start.addSecs(1800)));
        QCOMPARE(booking.value("timezone").toString(), QString("Europe/Paris"));
        QCOMPARE(booking.value("attendeeName").toString(), QString("Bob Example"));
        QCOMPARE(booking.value("attendeeEmail").toString(), QString("lifecycle@example.com"));
        for (const char* old : {"start", "end", "timeZone", "name", "email"})
            QVERIFY2(!booking.contains(QLatin1String(old)), old);
        QCOMPARE(booking.value("notes").toString(), QString("About the roadmap"));
        QVERIFY(booking.value("videoProvider").isNull());
        QVERIFY(booking.value("videoLink").isNull());
        QCOMPARE(booking.value("host").toObject().value("username").toString(), QString("alice"));
        QCOMPARE(booking.value("host").toObject().value("name").toString(), m_admin.name);
        QCOMPARE(booking.value("canCancel").toBool(), true);

        // A wrong token and an unknown id are indistinguishable.
        const QByteArray otherToken = QByteArray(token).replace(0, 1, token[0] == 'A' ? "B" : "A");
        const Reply wrongToken = get("/api/v1/bookings/" + id + "?token=" + otherToken);
        const Reply noToken = get("/api/v1/bookings/" + id);
        const Reply unknownId =
            get("/api/v1/bookings/00000000-0000-4000-8000-000000000000?token=" + token);
        QCOMPARE(wrongToken.status, 404);
        QCOMPARE(unknownId.status, 404);
        QCOMPARE(noToken.status, 404);
        QCOMPARE(wrongToken.body, unknownId.body);
        QCOMPARE(noToken.body, unknownId.body);
        QCOMPARE(wrongToken.headers, unknownId.headers);
        QCOMPARE(get("/api/v1/bookings/" + id + "/ics?token=" + otherToken).body, unknownId.body);
        const BookingRows beforeCancel = bookingRows();
        const Reply cancelWrong =
            post("/api/v1/bookings/" + id + "/cancel?token=" + otherToken, {});
        QCOMPARE(cancelWrong.status, 404);
        QCOMPARE(cancelWrong.body, unknownId.body);
        QCOMPARE(bookingRows(), beforeCancel);

        // Cancel: pending → cancelled, once.
        const Reply cancelled = post("/api/v1/bookings/" + id + "/cancel?token=" + token,
                                     R"({"reason": "Plans changed"})");
        QVERIFY2(cancelled.status == 200, qPrintable(cancelled.describe()));
        QCOMPARE(cancelled.json().value("status").toString(), QString("cancelled"));
        QCOMPARE(cancelled.json().value("canCancel").toBool(), false);
        QCOMPARE(storedBooking(QString::fromLatin1(id)).value("status").toString(),
                 QString("cancelled"));
        const BookingRows afterCancel = bookingRows();
        const Reply again = post("/api/v1/bookings/" + id + "/cancel?token=" + token, {});
        QVERIFY2(again.status == 409, qPrintable(again.describe()));
        QCOMPARE(again.error().value("code").toString(), QString("conflict"));
        QCOMPARE(bookingRows(), afterCancel);
        // The freed time can be booked again.
        QCOMPARE(book(bookingBody(start, "third@example.com")).status, 201);
    }

    // The listing is cached; a change from anywhere — this server, another process — shows at once.
    void slotListingSeesEveryChange() {
        QVERIFY(startServer());
        const QDate day = m_listDay.addDays(3);
        const QByteArray target =
            "/api/v1/users/alice/slots?from=" + day.toString(Qt::ISODate).toLatin1() +
            "&to=" + day.toString(Qt::ISODate).toLatin1() + "&timezone=UTC";
        const auto offered = [&](const QDateTime& start) {
            const Reply reply = get(target);
            return reply.status == 200 &&
                   reply.body.contains("\"start\":\"" +
                                       start.toString(Qt::ISODate).chopped(1).toLatin1() +
                                       "+00:00\"");
        };
        const QDateTime ours(day, QTime(9, 0), Qt::UTC);
        const QDateTime theirs(day, QTime(10, 0), Qt::UTC);
        QVERIFY(offered(ours) && offered(theirs));
        QVERIFY(offered(ours)); // now from the cache

        // Booked through this server, then withdrawn.
        const Reply created = book(bookingBody(ours, "cache@example.com"));
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        QVERIFY(!offered(ours));
        const auto [id, token] = idAndToken(created);
        QCOMPARE(post("/api/v1/bookings/" + id + "/cancel?token=" + token, {}).status, 200);
        QVERIFY(offered(ours));

        // Booked by another process (the desktop app, the CLI), then cancelled there.
        const Booking booking =
            test::seedBooking(*m_db, m_admin.id, theirs, 30, BookingStatus::Confirmed);
        QVERIFY(!booking.id.isEmpty());
        QVERIFY(!offered(theirs));
        QSqlQuery cancel(m_db->connection());
        cancel.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?");
        cancel.addBindValue(booking.id);
        QVERIFY(cancel.exec());
        QVERIFY(offered(theirs));
    }

    void bookingRecordsThePageLanguage() {
        // The page sends its language; the attendee's e-mails are written in it.
        QVERIFY(startServer());
        QJsonObject body = bookingBody(takeSlot(), "sprache@example.com");
        body["language"] = "xx";
        const Reply unknown = book(body);
        QCOMPARE(unknown.status, 422);
        QCOMPARE(unknown.error().value("field").toString(), QString("language"));
        body["language"] = "de";
        const Reply german = book(body);
        QVERIFY2(german.status == 201, qPrintable(german.describe()));
        const auto attendeeBooking = [&](const Reply& created) {
            const auto [id, token] = idAndToken(created);
            return BookingService(*m_db).findForAttendee(QString::fromLatin1(id),
                                                         QString::fromLatin1(token));
        };
        const auto stored = attendeeBooking(german);
        QVERIFY(stored.ok());
        QCOMPARE(stored->language, QString("de"));
        QCOMPARE(stored->sequence, 0);
        body = bookingBody(takeSlot(), "language@example.com"); // an older page: none
        const Reply none = book(body);
        QVERIFY2(none.status == 201, qPrintable(none.describe()));
        QCOMPARE(attendeeBooking(none)->language, QString("en"));
    }

    // A token minted for an e-mail (booking_access_tokens) opens the attendee's view and its
    // calendar file and cancels, as the original does; a random one, or another booking's, is
    // the same 404 as an unknown id.
    void aMintedTokenOpensAndCancels() {
        QVERIFY(startServer());
        const Reply created = book(bookingBody(takeSlot(), "minted@example.com"));
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const Reply other = book(bookingBody(takeSlot(), "minted2@example.com"));
        QVERIFY2(other.status == 201, qPrintable(other.describe()));
        const auto [id, original] = idAndToken(created);
        const auto [otherId, otherOriginal] = idAndToken(other);
        storage::BookingAccessTokenRepository tokens(m_db->connection());
        const QByteArray minted = ManageToken::generate().toLatin1();
        const QByteArray otherMinted = ManageToken::generate().toLatin1();
        QVERIFY(tokens.add(QString::fromLatin1(id), ManageToken::hash(QString::fromLatin1(minted)))
                    .ok());
        QVERIFY(tokens
                    .add(QString::fromLatin1(otherId),
                         ManageToken::hash(QString::fromLatin1(otherMinted)))
                    .ok());

        const Reply view = get("/api/v1/bookings/" + id + "?token=" + minted);
        QVERIFY2(view.status == 200, qPrintable(view.describe()));
        QCOMPARE(view.json().value("id").toString(), QString::fromLatin1(id));
        QCOMPARE(get("/api/v1/bookings/" + id + "/ics?token=" + minted).status, 200);
        QCOMPARE(get("/api/v1/bookings/" + id + "?token=" + original).status, 200);
        const Reply unknownId =
            get("/api/v1/bookings/00000000-0000-4000-8000-000000000000?token=" + minted);
        QCOMPARE(unknownId.status, 404);
        for (const QByteArray& wrong :
             {ManageToken::generate().toLatin1(), otherMinted, otherOriginal}) {
            const Reply refused = get("/api/v1/bookings/" + id + "?token=" + wrong);
            QCOMPARE(refused.status, 404);
            QCOMPARE(refused.body, unknownId.body);
            QCOMPARE(post("/api/v1/bookings/" + id + "/cancel?token=" + wrong, {}).status, 404);
        }
        QCOMPARE(storedBooking(QString::fromLatin1(id)).value("status").toString(),
                 QString("pending"));
        const Reply cancelled = post("/api/v1/bookings/" + id + "/cancel?token=" + minted,
                                     R"({"reason": "From the e-mail"})");
        QVERIFY2(cancelled.status == 200, qPrintable(cancelled.describe()));
        QCOMPARE(storedBooking(QString::fromLatin1(id)).value("status").toString(),
                 QString("cancelled"));
        QCOMPARE(get("/api/v1/bookings/" + otherId + "?token=" + otherMinted).status, 200);
    }

    void calendarFile() {
        QVERIFY(startServer());
        const QDateTime start = takeSlot();
        // Long enough to fold, with 2- and 4-byte UTF-8 that must not be split.
        QStringList words;
        for (int i = 0; i < 16; ++i)
            words << QString::fromUtf8("Zoë 🦄");
        const QString name = words.join(' ');
        QJsonObject body = bookingBody(start, "ics@example.com");
        body["name"] = name;
        body["notes"] = "Agenda: one; two, three\nback\\slash";
        const Reply created = book(body);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        const Reply ics = get("/api/v1/bookings/" + id + "/ics?token=" + token);
        QCOMPARE(ics.status, 200);
        QCOMPARE(ics.header("Content-Type"), QByteArray("text/calendar; charset=utf-8"));
        QVERIFY(ics.body.startsWith("BEGIN:VCALENDAR\r\n"));
        QVERIFY(ics.body.endsWith("END:VCALENDAR\r\n"));
        QList<QByteArray> lines = ics.body.split('\n');
        QVERIFY(lines.takeLast().isEmpty());
        for (const QByteArray& line : lines) {
            QVERIFY2(line.endsWith('\r'), "a line not ended by CRLF");
            const QByteArray content = line.chopped(1);
            QVERIFY2(!content.contains('\r'), content.constData());
            QVERIFY2(content.size() <= 75, content.constData());
            auto decoder = QStringDecoder(QStringDecoder::Utf8);
            const QString decoded = decoder(content);
            QVERIFY2(!decoder.hasError(), "a fold split a UTF-8 sequence");
            Q_UNUSED(decoded);
        }
        const QByteArray unfolded = QByteArray(ics.body).replace("\r\n ", "");
        QVERIFY(unfolded.contains("\r\nBEGIN:VEVENT\r\n"));
        QVERIFY(unfolded.contains("\r\nDTSTART:" + start.toString("yyyyMMddTHHmmss").toLatin1() +
                                  "Z\r\n"));
        QVERIFY(unfolded.contains(
            "\r\nDTEND:" + start.addSecs(1800).toString("yyyyMMddTHHmmss").toLatin1() + "Z\r\n"));
        QVERIFY(unfolded.contains("\r\nUID:" + id + "@slotdesk\r\n"));
        QVERIFY(unfolded.contains(";CN=\"" + name.toUtf8() + "\":mailto:ics@example.com"));
        QVERIFY(unfolded.contains("\r\nSEQUENCE:0\r\n"));
        QVERIFY(
            unfolded.contains("\r\nDESCRIPTION:Agenda: one\\; two\\, three\\nback\\\\slash\r\n"));
        QVERIFY(unfolded.contains("\r\nSTATUS:TENTATIVE\r\n"));
    }

    void methodsAndRoutes() {
        QVERIFY(startServer());
        const Reply getOnPost = get("/api/v1/users/alice/bookings");
        QCOMPARE(getOnPost.status, 405);
        QCOMPARE(getOnPost.header("Allow"), QByteArray("POST"));
        QCOMPARE(getOnPost.error().value("code").toString(), QString("method_not_allowed"));
        const Reply postOnGet = post("/api/v1/health", "{}");
        QCOMPARE(postOnGet.status, 405);
        QCOMPARE(postOnGet.header("Allow"), QByteArray("GET"));
        const Reply getCancel = get("/api/v1/bookings/x/cancel");
        QCOMPARE(getCancel.status, 405);
        QCOMPARE(getCancel.header("Allow"), QByteArray("POST"));
        for (const QByteArray method : {"PUT", "DELETE", "PATCH"}) {
            const Reply reply = send(httpRequest(method, "/api/v1/users/alice"));
            QCOMPARE(reply.status, 405);
            QCOMPARE(reply.header("Allow"), QByteArray("GET"));
        }
        const Reply deletePage = send(httpRequest("DELETE", "/alice"));
        QCOMPARE(deletePage.status, 405);
        QCOMPARE(deletePage.header("Allow"), QByteArray("GET"));

        for (const QByteArray target :
             {"/api/v1/nothing", "/api/v1", "/api/v2/health", "/api/v1/users/alice/nothing",
              "/api/v1/bookings/x/y/z", "/assets/..%2F..%2Fetc%2Fpasswd", "/assets/nothing.js",
              "/a/b/c"}) {
            const Reply reply = get(target);
            QVERIFY2(reply.status == 404, target.constData());
            QCOMPARE(reply.error().value("code").toString(), QString("not_found"));
        }
        const Reply head = send(httpRequest("HEAD", "/api/v1/health"));
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        // The length GET's body would have (RFC 9110, 8.6), not 0.
        QCOMPARE(head.header("Content-Length"),
                 QByteArray::number(get("/api/v1/health").body.size()));

        // The pages.
        const Reply root = get("/");
        QCOMPARE(root.status, 302);
        QCOMPARE(root.header("Location"), QByteArray("/alice"));
        const Reply page = get("/alice");
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(!page.body.contains("<script>")); // no inline script: the CSP would refuse it
        QCOMPARE(get("/nobody").status, 404);
        QCOMPARE(get("/booking/some-id?token=x").status, 200);
    }

    // --- input that must be refused, and leave everything as it was ------------------------------

    void badInput_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field"); // empty: the error names no field
        const QByteArray route = "/api/v1/users/alice/bookings";
        const QJsonObject valid = bookingBody(m_badInputSlot, "bad-input@example.com");
        const auto changed = [&](const char* key, const QJsonValue& value) {
            QJsonObject body = valid;
            if (value.isUndefined())
                body.remove(key);
            else
                body[key] = value;
            return httpRequest("POST", route, toJson(body));
        };
        const auto raw = [&](const QByteArray& body, const HeaderList& headers = {}) {
            return httpRequest("POST", route, body, headers);
        };
        const auto row = [](const char* name, const QByteArray& request, int status,
                            const char* code, const char* field = "") {
            QTest::newRow(name) << request << status << QString(code) << QString(field);
        };
        const QByteArray json = toJson(valid);

        row("malformed JSON", raw(R"({"start": "2026-12-01T09:00:00Z", duration: 30})"), 400,
            "bad_request");
        row("truncated JSON", raw(json.left(json.size() / 2)), 400, "bad_request");
        row("JSON array", raw('[' + json + ']'), 400, "bad_request");
        row("JSON string", raw(R"("book me")"), 400, "bad_request");
        row("empty body", raw({}), 400, "bad_request");
        row("trailing garbage", raw(json + "}"), 400, "bad_request");
        row("duration as a string", changed("duration", "30"), 422, "validation", "duration");
        row("duration fractional", changed("duration", 30.5), 422, "validation", "duration");
        row("duration 1e10", raw(QByteArray(json).replace("\"duration\":30", "\"duration\":1e10")),
            422, "validation", "duration");
        row("duration -1e300",
            raw(QByteArray(json).replace("\"duration\":30", "\"duration\":-1e300")), 422,
            "validation", "duration");
        row("duration true", changed("duration", true), 422, "validation", "duration");
        row("start as a number", changed("start", 123), 422, "validation", "start");
        row("start as an object", changed("start", QJsonObject{{"at", "now"}}), 422, "validation",
            "start");
        row("name null", changed("name", QJsonValue::Null), 422, "validation", "name");
        row("name blank", changed("name", "   "), 422, "validation", "name");
        row("name an array", changed("name", QJsonArray{"Bob"}), 422, "validation", "name");
        row("missing start", changed("start", QJsonValue::Undefined), 422, "validation", "start");
        row("missing duration", changed("duration", QJsonValue::Undefined), 422, "validation",
            "duration");
        row("missing name", changed("name", QJsonValue::Undefined), 422, "validation", "name");
        row("missing email", changed("email", QJsonValue::Undefined), 422, "validation", "email");
        row("missing timezone", changed("timezone", QJsonValue::Undefined), 422, "validation",
            "timezone");
        row("10 MB body", raw("{\"name\": \"" + QByteArray(10 * 1024 * 1024, 'a') + "\"}"), 413,
            "payload_too_large");
        row("just over 16 KiB", raw("{\"notes\": \"" + QByteArray(16 * 1024, 'a') + "\"}"), 413,
            "payload_too_large");
        row("unknown time zone", changed("timezone", "Mars/Olympus"), 422, "validation",
            "timezone");
        QJsonObject oldName = valid;
        oldName.remove("timezone");
        oldName["timeZone"] = "Mars/Olympus";
        row("unknown time zone under the old name timeZone",
            httpRequest("POST", route, toJson(oldName)), 422, "validation", "timezone");
        row("past start", changed("start", rfc3339(m_firstSlot.addDays(-4))), 422, "validation",
            "start");
        row("start off the grid", changed("start", rfc3339(m_badInputSlot.addSecs(7 * 60))), 422,
            "validation", "start");
        row("start without offset",
            changed("start", m_badInputSlot.toString("yyyy-MM-ddTHH:mm:ss")), 422, "validation",
            "start");
        row("start not a time", changed("start", "next tuesday"), 422, "validation", "start");
        // A slot's start exactly: no fraction of a second, however small (a millisecond parser
        // would read .0000001 as .000).
        const QString paris = m_badInputSlot.toOffsetFromUtc(3600).toString("yyyy-MM-ddTHH:mm:ss");
        row("start with 123.4567 ms", changed("start", paris + ".1234567+01:00"), 422, "validation",
            "start");
        row("start with 100 ns", changed("start", paris + ".0000001+01:00"), 422, "validation",
            "start");
        row("start with half a second",
            changed("start", rfc3339(m_badInputSlot).chopped(1) + ".5Z"), 422, "validation",
            "start");
        // Invalid Unicode, as \u escapes (Qt's parser would swallow or mangle them) and as raw
        // bytes: refused naming the field, never stored altered.
        const auto withName = [&](const QByteArray& name) {
            return raw(
                QByteArray(json).replace("\"name\":\"Bob Example\"", "\"name\":\"" + name + '"'));
        };
        const auto withNotes = [&](const QByteArray& notes) {
            return raw(QByteArray(json).replace("\"notes\":\"About the roadmap\"",
                                                "\"notes\":\"" + notes + '"'));
        };
        row("unpaired high surrogate in the name", withName(R"(\ud800x)"), 422, "validation",
            "name");
        row("high surrogate ending the name", withName(R"(Bob\uD800)"), 422, "validation", "name");
        row("high surrogate before a plain escape", withName(R"(\ud800\u0041)"), 422, "validation",
            "name");
        row("lone low surrogate in the notes", withNotes(R"(\udc00)"), 422, "validation", "notes");
        row("surrogates in reverse order", withNotes(R"(\udc00\ud800)"), 422, "validation",
            "notes");
        row("invalid UTF-8 in the notes", withNotes("ok \xff\xfe"), 422, "validation", "notes");
        row("overlong UTF-8 in the name", withName("\xc0\xaf"), 422, "validation", "name");
        row("UTF-8-encoded surrogate in the notes", withNotes("\xed\xa0\x80"), 422, "validation",
            "notes");
        row("truncated UTF-8 in the name", withName("Bob\xe2\x82"), 422, "validation", "name");
        row("invalid UTF-8 outside strings", raw("{\xff" + json.mid(1)), 400, "bad_request");
        row("surrogate in the cancel reason",
            httpRequest("POST", "/api/v1/bookings/x/cancel?token=y", R"({"reason": "\udc00"})"),
            422, "validation", "reason");
        row("start beyond the horizon", changed("start", rfc3339(m_badInputSlot.addDays(90))), 422,
            "validation", "start");
        row("nine hours", changed("duration", 540), 422, "validation", "duration");
        row("five minutes", changed("duration", 5), 422, "validation", "duration");
        row("length not offered", changed("duration", 45), 422, "validation", "duration");
        row("email without domain", changed("email", "bob@"), 422, "validation", "email");
        row("SQL in the email", changed("email", "x' OR '1'='1@example.com"), 422, "validation",
            "email");
        row("name of 201 characters", changed("name", QString(201, 'n')), 422, "validation",
            "name");
        row("notes of 2001 characters", changed("notes", QString(2001, 'n')), 422, "validation",
            "notes");
        row("bell in the name", changed("name", QString("Bob\aExample")), 422, "validation",
            "name");
        row("NUL in the name", changed("name", QString("Bob") + QChar(0) + "Example"), 422,
            "validation", "name");
        row("escape in the notes", changed("notes", QString("\x1b[31mred")), 422, "validation",
            "notes");
        row("CRLF in the name", changed("name", "Bob\r\nSet-Cookie: x=1"), 422, "validation",
            "name");
        row("CRLF in the email", changed("email", "bob@example.com\r\nBcc: all@example.com"), 422,
            "validation", "email");
        row("CRLF in the notes", changed("notes", "line one\r\nline two"), 422, "validation",
            "notes");
        row("CRLF in the time zone", changed("timezone", "Europe/Paris\r\n"), 422, "validation",
            "timezone");
        row("unknown video provider", changed("videoProvider", "skype"), 422, "validation",
            "videoProvider");
        row("video provider not connected", changed("videoProvider", "zoom"), 422, "validation",
            "videoProvider");
        row("unknown user", httpRequest("POST", "/api/v1/users/nobody/bookings", json), 404,
            "not_found");
        row("foreign Host", raw(json, {{"Host", "evil.example"}}), 403, "forbidden");
        row("foreign Host with our port", raw(json, {{"Host", "evil.example:8765"}}), 403,
            "forbidden");
        row("foreign Host on a GET",
            httpRequest("GET", "/api/v1/users/alice", {}, {{"Host", "rebind.example"}}), 403,
            "forbidden");
        row("no Host", raw(json, {{"Host", ""}}), 400, "bad_request"); // RFC 9112, 3.2
        row("two Hosts", raw(json, {{"Host", kOwnHost}, {"Host", kOwnHost}}), 400, "bad_request");
        row("an empty Host", raw(json, {{"Host", " "}}), 403, "forbidden");
        row("no Content-Type", raw(json, {{"Content-Type", ""}}), 415, "unsupported_media_type");
        row("text/plain", raw(json, {{"Content-Type", "text/plain"}}), 415,
            "unsupported_media_type");
        row("form encoded", raw(json, {{"Content-Type", "application/x-www-form-urlencoded"}}), 415,
            "unsupported_media_type");
        // The media type is application/json exactly; a charset, if given, is UTF-8.
        row("application/jsonx", raw(json, {{"Content-Type", "application/jsonx"}}), 415,
            "unsupported_media_type");
        row("application/json5", raw(json, {{"Content-Type", "application/json5"}}), 415,
            "unsupported_media_type");
        row("application/json garbage", raw(json, {{"Content-Type", "application/json garbage"}}),
            415, "unsupported_media_type");
        row("charset latin1", raw(json, {{"Content-Type", "application/json; charset=iso-8859-1"}}),
            415, "unsupported_media_type");
        row("charset utf-16", raw(json, {{"Content-Type", "application/json;charset=\"UTF-16\""}}),
            415, "unsupported_media_type");
        row("parameter without a value", raw(json, {{"Content-Type", "application/json; utf-8"}}),
            415, "unsupported_media_type");
        row("cross-site Origin", raw(json, {{"Origin", "https://evil.example"}}), 403, "forbidden");
        row("Origin null", raw(json, {{"Origin", "null"}}), 403, "forbidden");
        row("Origin of another port", raw(json, {{"Origin", "http://127.0.0.1:1"}}), 403,
            "forbidden");
        row("Sec-Fetch-Site cross-site", raw(json, {{"Sec-Fetch-Site", "cross-site"}}), 403,
            "forbidden");
        row("Sec-Fetch-Site same-site", raw(json, {{"Sec-Fetch-Site", "same-site"}}), 403,
            "forbidden");
        row("chunked body",
            raw("5\r\n{\"a\":\r\n0\r\n\r\n",
                {{"Transfer-Encoding", "chunked"}, {"Content-Length", ""}}),
            411, "length_required");
        row("two Content-Lengths",
            raw(json, {{"Content-Length", QByteArray::number(json.size())},
                       {"Content-Length", QByteArray::number(json.size() - 1)}}),
            400, "bad_request");
        row("cancel cross-site",
            httpRequest("POST", "/api/v1/bookings/x/cancel?token=y", {},
                        {{"Sec-Fetch-Site", "cross-site"}}),
            403, "forbidden");
        row("cancel with malformed JSON",
            httpRequest("POST", "/api/v1/bookings/x/cancel?token=y", "{reason"), 400,
            "bad_request");
    }
    void badInput() {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QVERIFY(startServer());
        const BookingRows before = bookingRows();
        QVERIFY(before.count >= 0);
        const Reply reply = send(request);
        QVERIFY2(reply.status == status, qPrintable(reply.describe()));
        const QJsonObject error = reply.error();
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY(!error.value("message").toString().isEmpty());
        QCOMPARE(error.contains("field"), !field.isEmpty());
        QCOMPARE(error.value("field").toString(), field);
        QVERIFY2(leakIn(reply.body).isEmpty(), reply.body.constData());
        QCOMPARE(bookingRows(), before);
        const Reply health = get("/api/v1/health");
        QCOMPARE(health.status, 200);
    }

    // Odd but legitimate input is stored exactly as sent and comes back the same.
    void unusualInputIsStoredVerbatim_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("notes");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("SQL metacharacters") << "Robert'); DROP TABLE bookings;--"
                                            << "1' OR '1'='1\"; --" << QByteArray();
        QTest::newRow("4-byte UTF-8")
            << QString::fromUtf8("Zoë 🦄 Ünïcødé 𝔘𝔫𝔦") << "☕🙂" << QByteArray();
        QTest::newRow("markup") << "<b>Bob</b>"
                                << "<script>alert(1)</script>" << QByteArray();
        QTest::newRow("quotes and backslashes") << R"(O'Brien "Bob" \ 100%)"
                                                << "%s %n %x {}" << QByteArray();
        QTest::newRow("multi-line notes") << "Bob"
                                          << "line one\nline two\tindented" << QByteArray();
        QTest::newRow("charset parameter") << "Bob"
                                           << "" << QByteArray("application/json; charset=utf-8");
        QTest::newRow("media type in capitals")
            << "Bob"
            << "" << QByteArray(R"(Application/JSON ; Charset="UTF-8"; profile=x)");
        QTest::newRow("text that looks like an escape")
            << QString::fromUtf8("🦄 \\ud800 \\udc00") << R"(\ud83e\udd84)" << QByteArray();
        QTest::newRow("same-origin browser") << "Bob"
                                             << "" << QByteArray("same-origin");
    }
    void unusualInputIsStoredVerbatim() {
        QFETCH(QString, name);
        QFETCH(QString, notes);
        QFETCH(QByteArray, contentType);
        QVERIFY(startServer());
        const BookingRows before = bookingRows();
        QJsonObject body = bookingBody(takeSlot(), "verbatim@example.com");
        body["name"] = name;
        body["notes"] = notes;
        HeaderList headers;
        if (contentType == "same-origin")
            headers = {{"Origin", "http://" + ownHost()}, {"Sec-Fetch-Site", "same-origin"}};
        else if (!contentType.isEmpty())
            headers = {{"Content-Type", contentType}};
        const Reply created = book(body, headers);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        const QVariantMap row = storedBooking(QString::fromLatin1(id));
        QCOMPARE(row.value("attendee_name").toString(), name);
        QCOMPARE(row.value("notes").toString(), notes);
        QCOMPARE(bookingRows().count, before.count + 1);
        const Reply view = get("/api/v1/bookings/" + id + "?token=" + token);
        QCOMPARE(view.status, 200);
        QCOMPARE(view.json().value("attendeeName").toString(), name);
        if (notes.isEmpty())
            QVERIFY(view.json().value("notes").isNull());
        else
            QCOMPARE(view.json().value("notes").toString(), notes);
        // Everyone else's answers keep working: the table is intact.
        QCOMPARE(get("/api/v1/users/alice").status, 200);
        QVERIFY(post("/api/v1/bookings/" + id + "/cancel?token=" + token, {}).status == 200);
    }

    // A start is exactly a slot's start. A fraction of a second used to be stored, rounded
    // onto the grid by the slot check, and the next slot could then be booked too: two bookings
    // overlapping by 123 ms.
    void startsAreWholeSeconds() {
        QVERIFY(startServer());
        const QDateTime start = takeSlot();
        const QDateTime next = takeSlot();
        const auto inParis = [](const QDateTime& instant, const char* fraction) {
            return instant.toOffsetFromUtc(3600).toString("yyyy-MM-ddTHH:mm:ss") + fraction +
                   "+01:00";
        };
        const BookingRows before = bookingRows();
        for (const char* fraction : {".1234567", ".0000001", ".5", ".999999999"}) {
            QJsonObject body = bookingBody(start, "fraction@example.com");
            body["start"] = inParis(start, fraction);
            const Reply refused = book(body);
            QVERIFY2(refused.status == 422,
                     qPrintable(QString(fraction) + ": " + refused.describe()));
            QCOMPARE(refused.error().value("field").toString(), QString("start"));
            QCOMPARE(bookingRows(), before);
        }
        // A fraction of zeros is the same whole second.
        QJsonObject zeros = bookingBody(start, "fraction@example.com");
        zeros["start"] = inParis(start, ".000000000");
        const Reply created = book(zeros);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const QVariantMap row = storedBooking(created.json().value("id").toString());
        QCOMPARE(row.value("start_time").toLongLong(), start.toMSecsSinceEpoch());
        QCOMPARE(row.value("end_time").toLongLong(), next.toMSecsSinceEpoch());
        // The next slot begins exactly where this one ends.
        const Reply adjacent = book(bookingBody(next, "fraction-next@example.com"));
        QVERIFY2(adjacent.status == 201, qPrintable(adjacent.describe()));
        QCOMPARE(
            storedBooking(adjacent.json().value("id").toString()).value("start_time").toLongLong(),
            row.value("end_time").toLongLong());
        QCOMPARE(bookingRows().count, before.count + 2);
    }

    // Escapes are decoded exactly: a surrogate pair is one character, stored as such.
    void surrogatePairEscapesAreOneCharacter() {
        QVERIFY(startServer());
        QByteArray json = toJson(bookingBody(takeSlot(), "escapes@example.com"));
        json.replace("\"name\":\"Bob Example\"", R"("name":"Bob \ud83e\udd84 \u00e9")");
        json.replace("\"notes\":\"About the roadmap\"", R"("notes":"\uD834\uDD1E")");
        const Reply created = post("/api/v1/users/alice/bookings", json);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const QVariantMap row = storedBooking(created.json().value("id").toString());
        QCOMPARE(row.value("attendee_name").toString(), QString::fromUtf8("Bob 🦄 é"));
        QCOMPARE(row.value("notes").toString(), QString::fromUtf8("𝄞"));
    }

    // One limit per field, the server's: the pages' maxlength attributes are the numbers the API
    // enforces (domain/Validation.h), and the API takes exactly that many characters, not one
    // more. (The manage page used to allow a 1,000-character reason the server refused.)
    void pagesUseTheServersLimits() {
        QVERIFY(startServer());
        const auto maxLength = [](const QByteArray& html, const char* id) {
            const QRegularExpression tag(
                QString(R"(<(?:input|textarea)\b[^>]*\bid="%1"[^>]*>)").arg(id));
            static const QRegularExpression attribute(R"re(\bmaxlength="(\d+)")re");
            const auto match = attribute.match(tag.match(QString::fromUtf8(html)).captured(0));
            return match.hasMatch() ? match.captured(1).toInt() : -1;
        };
        const Reply manage = get("/booking/some-id?token=x");
        QCOMPARE(manage.status, 200);
        QCOMPARE(maxLength(manage.body, "cd-reason"), validation::kMaxReasonLength);
        const Reply page = get("/alice");
        QCOMPARE(page.status, 200);
        QCOMPARE(maxLength(page.body, "f-name"), validation::kMaxNameLength);
        QCOMPARE(maxLength(page.body, "f-email"), validation::kMaxEmailLength);
        QCOMPARE(maxLength(page.body, "f-notes"), validation::kMaxNotesLength);
        QVERIFY(!manage.body.contains("{{"));
        QVERIFY(!page.body.contains("{{"));

        QJsonObject body = bookingBody(takeSlot(), "limits@example.com");
        body["name"] = QString(validation::kMaxNameLength, u'n');
        body["notes"] = QString(validation::kMaxNotesLength, u'x');
        const Reply created = book(body);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        const QByteArray cancel = "/api/v1/bookings/" + id + "/cancel?token=" + token;
        const BookingRows before = bookingRows();
        const Reply tooLong =
            post(cancel, toJson({{"reason", QString(validation::kMaxReasonLength + 1, u'r')}}));
        QVERIFY2(tooLong.status == 422, qPrintable(tooLong.describe()));
        QCOMPARE(tooLong.error().value("field").toString(), QString("reason"));
        QCOMPARE(bookingRows(), before);
        const Reply cancelled =
            post(cancel, toJson({{"reason", QString(validation::kMaxReasonLength, u'r')}}));
        QVERIFY2(cancelled.status == 200, qPrintable(cancelled.describe()));
        QCOMPARE(storedBooking(QString::fromLatin1(id)).value("status_reason").toString(),
                 QString(validation::kMaxReasonLength, u'r'));
    }

    // --- the transport ------------------------------------------------------------------------

    void truncatedBodyDoesNotBlockOthers() {
        QVERIFY(startServer());
        const BookingRows before = bookingRows();
        const QByteArray json = toJson(bookingBody(takeSlot(), "truncated@example.com"));
        QByteArray request =
            withOwnHost(httpRequest("POST", "/api/v1/users/alice/bookings", json,
                                    {{"Content-Length", QByteArray::number(json.size() + 100)}}));
        // A client that promises more than it sends, and stays connected...
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(slow.waitForConnected(10000));
        slow.write(request);
        QVERIFY(slow.waitForBytesWritten(10000));
        // ...doesn't hold anyone else up.
        QCOMPARE(get("/api/v1/health").status, 200);
        QCOMPARE(get("/api/v1/users/alice").status, 200);
        // And one that hangs up halfway leaves nothing behind.
        {
            QTcpSocket gone;
            gone.connectToHost(QHostAddress::LocalHost, m_server->port());
            QVERIFY(gone.waitForConnected(10000));
            gone.write(request);
            QVERIFY(gone.waitForBytesWritten(10000));
            gone.disconnectFromHost();
        }
        QCOMPARE(get("/api/v1/health").status, 200);
        QCOMPARE(bookingRows(), before);
        // Garbage instead of HTTP closes that connection only.
        QTcpSocket garbage;
        garbage.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(garbage.waitForConnected(10000));
        garbage.write("\x16\x03\x01 definitely not HTTP\r\n\r\n");
        QVERIFY(waitForClose(garbage, 10000));
        QCOMPARE(get("/api/v1/health").status, 200);
        QCOMPARE(bookingRows(), before);
    }

    void connectionCloseIsHonoured() {
        QVERIFY(startServer());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(
            withOwnHost(httpRequest("GET", "/api/v1/health", {}, {{"Connection", "close"}})));
        QByteArray buffer;
        const Reply reply = readReply(socket, buffer);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Connection").toLower(), QByteArray("close"));
        QVERIFY2(waitForClose(socket, 10000), "the connection stayed open");
    }

    // One stream, one framing: a head with bare LFs is refused before anything in it is
    // acted on, whatever its "body" holds — the framing mismatch of issue 13.
    void onlyCrlfFramingIsAccepted() {
        QVERIFY(startServer());
        const BookingRows before = bookingRows();
        const QByteArray json = toJson(bookingBody(takeSlot(), "lf@example.com"));
        const QByteArray second =
            withOwnHost(httpRequest("POST", "/api/v1/users/alice/bookings", json));
        QByteArray lfOnly = withOwnHost(httpRequest("POST", "/api/v1/users/alice/bookings",
                                                    "\r\n\r\n", {{"Content-Length", "4"}}));
        lfOnly.replace("\r\n", "\n");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(lfOnly + "\r\n\r\n" + second);
        QByteArray buffer;
        const Reply reply = readReply(socket, buffer);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error().value("code").toString(), QString("bad_request"));
        QVERIFY(waitForClose(socket, 10000));
        QVERIFY2(!buffer.contains("HTTP/1.1"), buffer.constData()); // one answer, no more
        QCOMPARE(bookingRows(), before);
        QCOMPARE(get("/api/v1/health").status, 200);
    }

    // An Upgrade request is answered once, as plain HTTP/1.1, and the connection stays usable.
    void upgradeIsIgnored() {
        QVERIFY(startServer());
        const BookingRows before = bookingRows();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(withOwnHost(httpRequest("POST", "/api/v1/users/alice/bookings",
                                             toJson(bookingBody(takeSlot(), "upgrade@example.com")),
                                             {{"Connection", "Upgrade"},
                                              {"Upgrade", "websocket"},
                                              {"Sec-WebSocket-Version", "13"},
                                              {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}})));
        QByteArray buffer;
        const Reply created = readReply(socket, buffer);
        QCOMPARE(created.status, 201);
        QTest::qWait(300);
        buffer += socket.readAll();
        QVERIFY2(buffer.isEmpty(), buffer.constData()); // no second response
        QCOMPARE(bookingRows().count, before.count + 1);
        socket.write(withOwnHost(httpRequest("GET", "/api/v1/health")));
        QCOMPARE(readReply(socket, buffer).status, 200);
    }

    void tooManyHeaderFields() {
        QVERIFY(startServer());
        HeaderList headers;
        for (int i = 0; i < 100; ++i)
            headers.append({"X-Field-" + QByteArray::number(i), "v"});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(withOwnHost(httpRequest("GET", "/api/v1/health", {}, headers)));
        QByteArray buffer;
        const Reply reply = readReply(socket, buffer);
        QCOMPARE(reply.status, 431);
        QCOMPARE(reply.error().value("code").toString(), QString("headers_too_large"));
        QVERIFY(waitForClose(socket, 10000));
        headers.removeLast(); // Host and 99 more: fine
        QCOMPARE(send(httpRequest("GET", "/api/v1/health", {}, headers)).status, 200);
    }

    void oversizedHeadersAreRefused() {
        QVERIFY(startServer());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(10000));
        socket.write(withOwnHost(
            httpRequest("GET", "/api/v1/health", {}, {{"X-Filler", QByteArray(200 * 1024, 'x')}})));
        QByteArray buffer;
        const Reply reply = readReply(socket, buffer);
        QCOMPARE(reply.status, 431);
        QVERIFY(waitForClose(socket, 10000));
        QCOMPARE(get("/api/v1/health").status, 200);
    }

    void stalledConnectionsAreDropped() {
        // In this process, with short timeouts: a request that never completes, and a
        // connection that never sends one.
        web::ServerConfig config;
        config.port = 0;
        config.requestTimeoutMs = 300;
        config.idleTimeoutMs = 1500;
        web::BookingServer server(*m_db, config);
        QVERIFY(server.start().ok());
        QTcpSocket stalled;
        stalled.connectToHost(QHostAddress::LocalHost, server.port());
        QTRY_COMPARE(stalled.state(), QAbstractSocket::ConnectedState);
        stalled.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, server.port());
        QTRY_COMPARE(idle.state(), QAbstractSocket::ConnectedState);
        QTcpSocket busy; // one that keeps asking stays
        busy.connectToHost(QHostAddress::LocalHost, server.port());
        QTRY_COMPARE(busy.state(), QAbstractSocket::ConnectedState);
        QElapsedTimer timer;
        timer.start();
        QByteArray buffer;
        int answered = 0;
        while (timer.elapsed() < 4500) {
            busy.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" +
                       QByteArray::number(server.port()) + "\r\n\r\n");
            QTest::qWait(100);
            buffer += busy.readAll();
            Reply reply;
            while (takeResponse(buffer, reply, false))
                answered += reply.status == 200 ? 1 : 0;
        }
        QCOMPARE(stalled.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(idle.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(busy.state(), QAbstractSocket::ConnectedState);
        QVERIFY2(answered > 5, qPrintable(QString::number(answered)));
    }

    // --- limits -------------------------------------------------------------------------------

    void rateLimitPerAddress() {
        QVERIFY(startServer()); // the default: 10 booking requests a minute per address
        const QDateTime start = takeSlot();
        QCOMPARE(book(bookingBody(start, "limit@example.com")).status, 201);
        for (int i = 2; i <= 10; ++i)
            QCOMPARE(post("/api/v1/users/alice/bookings", "{}").status, 422);
        const BookingRows before = bookingRows();
        const Reply limited = book(bookingBody(takeSlot(), "limit2@example.com"));
        QVERIFY2(limited.status == 429, qPrintable(limited.describe()));
        QCOMPARE(limited.error().value("code").toString(), QString("rate_limited"));
        bool isNumber = false;
        const int retryAfter = limited.header("Retry-After").toInt(&isNumber);
        QVERIFY2(isNumber && retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After"));
        QCOMPARE(bookingRows(), before);
        // Only booking requests are limited.
        QCOMPARE(get("/api/v1/users/alice").status, 200);
        QCOMPARE(post("/api/v1/bookings/x/cancel?token=y", {}).status, 404);
    }

    void openRequestCapPerEmail() {
        QVERIFY(startServer());
        QList<QPair<QByteArray, QByteArray>> openRequests;
        for (int i = 0; i < 3; ++i) {
            const Reply created = book(bookingBody(takeSlot(), "cap@example.com"));
            QVERIFY2(created.status == 201, qPrintable(created.describe()));
            openRequests << idAndToken(created);
        }
        const BookingRows before = bookingRows();
        const Reply capped = book(bookingBody(takeSlot(), "CAP@Example.com"));
        QVERIFY2(capped.status == 429, qPrintable(capped.describe()));
        QCOMPARE(capped.error().value("code").toString(), QString("rate_limited"));
        QCOMPARE(capped.error().value("field").toString(), QString("email"));
        QCOMPARE(bookingRows(), before);
        // Withdrawing one makes room for another.
        const auto& [firstId, firstToken] = openRequests[0];
        QCOMPARE(post("/api/v1/bookings/" + firstId + "/cancel?token=" + firstToken, {}).status,
                 200);
        QCOMPARE(book(bookingBody(takeSlot(), "cap@example.com")).status, 201);
    }

    void fiftyConcurrentPostsOneWinner() {
        constexpr int kClients = 50;
        QVERIFY(startServer({"--max-booking-posts-per-minute", "100"}));
        const QDateTime start = takeSlot();
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < kClients; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_server->port());
            QVERIFY(socket->waitForConnected(10000));
            sockets.push_back(std::move(socket));
        }
        // Every request is on the wire before any answer is read.
        for (int i = 0; i < kClients; ++i) {
            const QByteArray body =
                toJson(bookingBody(start, QString("racer%1@example.com").arg(i)));
            sockets[static_cast<std::size_t>(i)]->write(
                withOwnHost(httpRequest("POST", "/api/v1/users/alice/bookings", body)));
        }
        for (auto& socket : sockets)
            QVERIFY(socket->waitForBytesWritten(10000));
        int created = 0;
        int conflicts = 0;
        QStringList other;
        for (auto& socket : sockets) {
            QByteArray buffer;
            const Reply reply = readReply(*socket, buffer);
            inspect("POST race", reply);
            if (reply.status == 201)
                ++created;
            else if (reply.status == 409 && reply.error().value("code").toString() == "conflict")
                ++conflicts;
            else
                other << reply.describe();
        }
        QVERIFY2(other.isEmpty(), qPrintable(other.join('\n')));
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kClients - 1);
        QCOMPARE(bookingsAt(start), 1);
    }

    // --- links behind a proxy ------------------------------------------------------------------

    QString manageUrlOf(const Reply& created) const {
        if (created.status != 201)
            qWarning().noquote() << created.describe();
        return created.json().value("manageUrl").toString();
    }

    void aPublicUrlBuildsEveryLink() {
        QVERIFY(startServer({"--public-url", "https://Book.Example.org/slotdesk/"}));
        QVERIFY2(
            m_server->output().contains("Booking page: https://book.example.org/slotdesk/alice\n"),
            m_server->output().constData());
        // The proxy passes the public name on as Host; it needs no --allow-host.
        const Reply created =
            book(bookingBody(takeSlot(), "public@example.com"), {{"Host", "book.example.org"}});
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        QCOMPARE(manageUrlOf(created),
                 QString("https://book.example.org/slotdesk/booking/%1?token=%2")
                     .arg(QString::fromLatin1(id), QString::fromLatin1(token)));
        // Whichever way a request came, and whatever it says it was forwarded as.
        for (const HeaderList& headers : {HeaderList{}, HeaderList{{"X-Forwarded-Proto", "http"}},
                                          HeaderList{{"Forwarded", "proto=http;host=127.0.0.1"}}}) {
            const QString link =
                manageUrlOf(book(bookingBody(takeSlot(), "public@example.org"), headers));
            QVERIFY2(link.startsWith("https://book.example.org/slotdesk/booking/"),
                     qPrintable(link));
            QCOMPARE(post("/api/v1/bookings/" + QUrl(link).path().section('/', -1).toLatin1() +
                              "/cancel?" + QUrl(link).query().toLatin1(),
                          {})
                         .status,
                     200); // a link that works, not only one that looks right
        }
        const Reply root = get("/");
        QCOMPARE(root.status, 302);
        QCOMPARE(root.header("Location"), QByteArray("https://book.example.org/slotdesk/alice"));
    }

    void forwardedHeadersCountFromATrustedProxy() {
        QVERIFY(startServer({"--allow-host", "book.example.org", "--trusted-proxy", "127.0.0.1"}));
        // nginx: proxy_set_header Host $host; proxy_set_header X-Forwarded-Proto $scheme;
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "proxy1@example.com"),
                                 {{"Host", "book.example.org"}, {"X-Forwarded-Proto", "https"}}))
                    .startsWith("https://book.example.org/booking/"));
        // RFC 7239, the Host left as the listening address.
        QVERIFY(
            manageUrlOf(book(bookingBody(takeSlot(), "proxy2@example.com"),
                             {{"Forwarded", "for=192.0.2.7;proto=https;host=book.example.org"}}))
                .startsWith("https://book.example.org/booking/"));
        // A forwarded host the allowlist doesn't know never ends up in a link.
        const QString own = QString::fromLatin1(ownHost());
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "proxy3@example.com"),
                                 {{"Forwarded", "proto=https;host=evil.example"}}))
                    .startsWith("https://" + own + "/booking/"));
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "proxy4@example.com"),
                                 {{"X-Forwarded-Host", "evil.example"}}))
                    .startsWith("http://" + own + "/booking/"));
    }

    void forwardedHeadersFromAnyoneElseAreIgnored() {
        // 127.0.0.1 (this test) is not among the trusted proxies.
        QVERIFY(startServer({"--allow-host", "book.example.org", "--trusted-proxy", "10.0.0.0/8",
                             "--trusted-proxy", "::1"}));
        const QString own = QString::fromLatin1(ownHost());
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "direct1@example.com"),
                                 {{"Host", "book.example.org"}, {"X-Forwarded-Proto", "https"}}))
                    .startsWith("http://book.example.org/booking/"));
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "direct2@example.com"),
                                 {{"Forwarded", "proto=https;host=book.example.org"}}))
                    .startsWith("http://" + own + "/booking/"));
        QVERIFY(manageUrlOf(book(bookingBody(takeSlot(), "direct3@example.com"),
                                 {{"X-Forwarded-Host", "book.example.org"}}))
                    .startsWith("http://" + own + "/booking/"));
    }

    // --- operations ---------------------------------------------------------------------------

    void logsNeverHoldTokens() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("QT_LOGGING_RULES", "slotdesk.*=true");
        QVERIFY(startServer({}, environment));
        const Reply created = book(bookingBody(takeSlot(), "logs@example.com"));
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        QCOMPARE(get("/api/v1/bookings/" + id + "?token=" + token).status, 200);
        QCOMPARE(get("/api/v1/bookings/" + id + "/ics?token=" + token).status, 200);
        QCOMPARE(get("/booking/" + id + "?token=" + token).status, 200);
        QCOMPARE(post("/api/v1/bookings/" + id + "/cancel?token=" + token, {}).status, 200);
        QCOMPARE(m_server->stop(), 0);
        const QByteArray logs = m_server->output() + m_server->errors();
        m_server.reset();
        QVERIFY2(logs.contains("/api/v1/bookings/" + id), "logging was not on");
        QVERIFY2(!logs.contains(token), "a manage token reached the log");
        const QByteArray tokenHash = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
        QVERIFY(!logs.contains(tokenHash.toHex()));
        QVERIFY(!logs.contains("token="));
    }

    void qtDebugLogsHoldNoTokenAndNoForgedLine() {
        // With debug logging on, every request's decoded path is logged; it may hold CR/LF.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("QT_LOGGING_RULES", "qt.*=true;slotdesk.*=true");
        QVERIFY(startServer({}, environment));
        const Reply created = book(bookingBody(takeSlot(), "qtlogs@example.com"));
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto [id, token] = idAndToken(created);
        QCOMPARE(get("/api/v1/bookings/" + id + "?token=" + token).status, 200);
        QCOMPARE(get("/api/v1/bookings/" + id + "%0D%0AFORGED%20LINE?token=" + token).status, 404);
        QCOMPARE(m_server->stop(), 0);
        const QByteArray logs = m_server->output() + m_server->errors();
        m_server.reset();
        QVERIFY2(logs.contains("slotdesk.web: GET \"/api/v1/bookings/" + id + "\" 200"),
                 "debug logging was not on");
        QVERIFY2(!logs.contains(token), "a manage token reached the log");
        for (const QByteArray& line : logs.split('\n'))
            QVERIFY2(!line.startsWith("FORGED"), logs.constData());
        QVERIFY(!logs.contains('\r'));
    }

    void loopbackByDefault() {
        const web::ServerConfig defaults;
        QCOMPARE(defaults.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(defaults.port, web::ServerConfig::kDefaultPort);
        QCOMPARE(defaults.maxBodyBytes, 16 * 1024);
        QCOMPARE(defaults.bookingPostsPerMinute, 10);
        // The default address, on a free port: bound to 127.0.0.1 and nothing else.
        web::ServerConfig config;
        config.port = 0;
        web::BookingServer server(*m_db, config);
        QVERIFY(server.start().ok());
        QCOMPARE(server.listenAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(server.baseUrl().host(), QString("127.0.0.1"));
        // "localhost" means loopback too, and nothing is reachable beyond it without saying so.
        web::ServerConfig named;
        QVERIFY(web::parseListenAddress("localhost:9000", named).ok());
        QCOMPARE(named.address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!web::parseListenAddress("9000", named).ok());
        QVERIFY(!web::parseListenAddress("example.org:9000", named).ok());
    }

    void takenPortIsAClearError() {
        QVERIFY(startServer());
        QProcess second;
        second.start(
            SLOTDESK_CLI_PATH,
            m_databaseArguments +
                QStringList{"serve", "--listen", "127.0.0.1:" + QString::number(m_server->port())});
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 2);
        const QString error = QString::fromUtf8(second.readAllStandardError()).trimmed();
        QVERIFY2(!error.contains('\n'), qPrintable(error));
        QVERIFY2(error.contains("already in use") &&
                     error.contains(QString::number(m_server->port())),
                 qPrintable(error));
        QVERIFY(second.readAllStandardOutput().isEmpty());
        QCOMPARE(get("/api/v1/health").status, 200); // the first one is unharmed
    }

    void stopsCleanlyOnSigintWithOpenConnections() {
        QVERIFY(startServer());
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(idle.waitForConnected(10000));
        QTcpSocket halfway;
        halfway.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(halfway.waitForConnected(10000));
        halfway.write(withOwnHost("POST /api/v1/users/alice/bookings HTTP/1.1\r\nHost: " +
                                  QByteArray(kOwnHost) + "\r\nContent-Length: 100\r\n\r\n{"));
        QVERIFY(halfway.waitForBytesWritten(10000));
        QCOMPARE(get("/api/v1/health").status, 200);
        QCOMPARE(m_server->stop(SIGINT), 0);
        QVERIFY(m_server->output().contains("Stopped."));
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestWebApi)
#include "tst_webapi.moc"
