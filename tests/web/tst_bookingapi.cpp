// BookingApi in this process, on a real database (SQLite, and PostgreSQL in the _postgres run),
// with a ManualClock: what the attendee's routes answer as time passes — slots leave the listing
// as they come inside the notice, the booking limit's window reopens after a minute to the
// second, a booking can be cancelled until it ends, and the calendar file is stamped "now".
// (tst_webapi drives the real server process over sockets; time there is the system's.)

#include "availability/AvailabilityService.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "web/BookingApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace slotdesk;

class TestBookingApi : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;
    // Wednesday; the admin's notice is the default 120 minutes.
    core::ManualClock m_time{test::utc("2026-12-02T06:00:00Z")};

    web::ServerConfig config() const {
        web::ServerConfig c;
        c.publicUrl = QUrl(QStringLiteral("https://book.example.org"));
        return c;
    }
    static web::HttpRequest request(const QByteArray& method, const QString& target,
                                    const QByteArray& body = {}) {
        const QUrl url(QStringLiteral("http://localhost") + target);
        web::HttpRequest r;
        r.method = method;
        r.path = url.path();
        r.query = QUrlQuery(url);
        r.body = body;
        r.remoteAddress = QHostAddress(QStringLiteral("192.0.2.7"));
        return r;
    }
    static QByteArray bookingBody(const char* start) {
        return QJsonDocument(QJsonObject{{"start", start},
                                         {"duration", 30},
                                         {"name", "Bob Example"},
                                         {"email", "bob@example.com"},
                                         {"timezone", "Europe/Paris"}})
            .toJson(QJsonDocument::Compact);
    }
    static QStringList starts(const web::HttpResponse& listing) {
        QStringList all;
        const auto days = QJsonDocument::fromJson(listing.body).object().value("days").toArray();
        for (const auto& day : days) {
            for (const auto& slot : day.toObject().value("slots").toArray())
                all.append(slot.toObject().value("start").toString());
        }
        return all;
    }

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        QVERIFY(test::openSeeded(m_tdb, m_db, m_admin, "alice", "UTC"));
        // Wednesdays 08:00-10:00 UTC: four 30-minute slots.
        QVERIFY(AvailabilityService(*m_db)
                    .add({{}, m_admin.id, 3, 8 * 60, 10 * 60, "UTC", true, {}, {}})
                    .ok());
        m_time.set(test::utc("2026-12-02T06:00:00Z"));
    }
    void cleanup() {
        m_db.reset();
        m_tdb.reset();
    }

    void slotsLeaveTheListingAsTheyComeInsideTheNotice() {
        web::BookingApi api(*m_db, config(), m_time.clock());
        const auto list = [&api] {
            return api.handle(
                request("GET", "/api/v1/users/alice/slots?from=2026-12-02&to=2026-12-02"));
        };
        const QStringList all{"2026-12-02T08:00:00+00:00", "2026-12-02T08:30:00+00:00",
                              "2026-12-02T09:00:00+00:00", "2026-12-02T09:30:00+00:00"};
        web::HttpResponse listing = list();
        QCOMPARE(listing.status, 200);
        QCOMPARE(starts(listing), all); // 08:00 is exactly 120 minutes ahead
        // The same answer a second later would offer 08:00 inside the notice: it is not served.
        m_time.advance(std::chrono::seconds(1));
        QCOMPARE(starts(list()), all.mid(1));
        m_time.set(test::utc("2026-12-02T07:30:00Z"));
        QCOMPARE(starts(list()), all.mid(3));
        m_time.set(test::utc("2026-12-02T08:00:00Z"));
        QCOMPARE(starts(list()), QStringList());
    }

    void theBookingLimitReopensAfterAMinute() {
        web::ServerConfig limited = config();
        limited.bookingPostsPerMinute = 2;
        web::BookingApi api(*m_db, limited, m_time.clock());
        const auto post = [&api] {
            return api.handle(request("POST", "/api/v1/users/alice/bookings", "{}"));
        };
        QCOMPARE(post().status, 422); // counted, though refused for its content
        m_time.advance(std::chrono::seconds(10));
        QCOMPARE(post().status, 422);
        web::HttpResponse refused = post();
        QCOMPARE(refused.status, 429);
        const auto retryAfter = [](const web::HttpResponse& r) {
            for (const auto& [name, value] : r.headers) {
                if (name == "Retry-After")
                    return value;
            }
            return QByteArray();
        };
        QCOMPARE(retryAfter(refused), QByteArray("50"));
        // A second before the first attempt leaves the window: still refused...
        m_time.advance(std::chrono::seconds(49));
        refused = post();
        QCOMPARE(refused.status, 429);
        QCOMPARE(retryAfter(refused), QByteArray("1"));
        // ...and on the second, one more is let through (and the next is refused again).
        m_time.advance(std::chrono::seconds(1));
        QCOMPARE(post().status, 422);
        QCOMPARE(post().status, 429);
    }

    void aBookingCanBeCancelledUntilItEnds() {
        web::BookingApi api(*m_db, config(), m_time.clock());
        // Exactly at the notice limit: accepted.
        const web::HttpResponse created = api.handle(
            request("POST", "/api/v1/users/alice/bookings", bookingBody("2026-12-02T08:00:00Z")));
        QVERIFY2(created.status == 201, created.body.constData());
        const QJsonObject answer = QJsonDocument::fromJson(created.body).object();
        const QString id = answer.value("id").toString();
        const QString token = QUrlQuery(QUrl(answer.value("manageUrl").toString()))
                                  .queryItemValue(QStringLiteral("token"));
        QVERIFY(!token.isEmpty());
        const QString view = "/api/v1/bookings/" + id + "?token=" + token;
        const auto canCancel = [&] {
            const web::HttpResponse r = api.handle(request("GET", view));
            return QJsonDocument::fromJson(r.body).object().value("canCancel").toBool();
        };
        QVERIFY(canCancel());
        m_time.set(test::utc("2026-12-02T08:29:59Z")); // under way
        QVERIFY(canCancel());
        m_time.set(test::utc("2026-12-02T08:30:00Z")); // over
        QVERIFY(!canCancel());

        // The calendar file says when it was made.
        m_time.set(test::utc("2026-12-03T10:11:12Z"));
        const web::HttpResponse ics =
            api.handle(request("GET", "/api/v1/bookings/" + id + "/ics?token=" + token));
        QCOMPARE(ics.status, 200);
        QVERIFY2(ics.body.contains("\r\nDTSTAMP:20261203T101112Z\r\n"), ics.body.constData());

        // A second booking a second inside the notice is refused, naming the field.
        m_time.set(test::utc("2026-12-02T07:00:01Z"));
        const web::HttpResponse late = api.handle(
            request("POST", "/api/v1/users/alice/bookings", bookingBody("2026-12-02T09:00:00Z")));
        QCOMPARE(late.status, 422);
        const QJsonObject error =
            QJsonDocument::fromJson(late.body).object().value("error").toObject();
        QCOMPARE(error.value("field").toString(), QString("start"));
        QVERIFY2(error.value("message").toString().contains("notice"), late.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestBookingApi)
#include "tst_bookingapi.moc"
