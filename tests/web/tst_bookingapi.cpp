// BookingApi in this process, on a real database (SQLite, and PostgreSQL in the _postgres run),
// with a ManualClock: what the attendee's routes answer as time passes — slots leave the listing
// as they come inside the notice, the booking limit's window reopens after a minute to the
// second, a booking can be cancelled until it starts (and, with the admin's notice rule, until
// that many hours before — a late cancel is a 422 naming the rule), the profile says which
// policies apply, and the calendar file is stamped "now".
// (tst_webapi drives the real server process over sockets; time there is the system's.)

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "web/BookingApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace slotdesk;

class TestBookingApi : public test::SeededSuite {
    Q_OBJECT

    // Wednesday; the admin's notice is the default 120 minutes.
    core::ManualClock m_time{test::utc("2026-12-02T06:00:00Z")};

    web::ServerConfig config() const {
        web::ServerConfig c;
        c.publicUrl = QUrl(QStringLiteral("https://book.example.org"));
        return c;
    }
    static web::HttpRequest request(const QByteArray& method, const QString& target,
                                    const QByteArray& body = {}) {
        return test::apiRequest(method, target, body);
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
        QVERIFY(openSeeded("alice", "UTC"));
        // Wednesdays 08:00-10:00 UTC: four 30-minute slots.
        QVERIFY(AvailabilityService(*m_db)
                    .add({{}, m_admin.id, 3, 8 * 60, 10 * 60, "UTC", true, {}, {}})
                    .ok());
        m_time.set(test::utc("2026-12-02T06:00:00Z"));
    }
    void cleanup() { closeSeeded(); }

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

    void aBookingCanBeCancelledUntilItStarts() {
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
        m_time.set(test::utc("2026-12-02T08:00:00Z")); // starting
        QVERIFY(canCancel());
        m_time.set(test::utc("2026-12-02T08:00:01Z")); // under way
        QVERIFY(!canCancel());
        const QJsonObject started =
            QJsonDocument::fromJson(api.handle(request("GET", view)).body).object();
        QCOMPARE(started.value("cancelBlockedBy").toString(), QString("start"));
        const web::HttpResponse refused =
            api.handle(request("POST", "/api/v1/bookings/" + id + "/cancel?token=" + token, "{}"));
        QCOMPARE(refused.status, 422);

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

    // POST /api/v1/bookings/{id}/reschedule?token=T (issue 16): 404 for a wrong token or id
    // (byte for byte alike), 422 off the grid, in the past, inside the notice, 409 for a taken
    // slot and while a move waits, 201 with the new request; the slots listing counts the
    // original's own time as free for its move only.
    void rescheduleRouteContract() {
        web::BookingApi api(*m_db, config(), m_time.clock());
        const auto book = [&](const char* start, const char* email) {
            QJsonObject body = QJsonDocument::fromJson(bookingBody(start)).object();
            body.insert("email", email);
            const auto created = api.handle(
                request("POST", "/api/v1/users/alice/bookings", QJsonDocument(body).toJson()));
            const QJsonObject answer = QJsonDocument::fromJson(created.body).object();
            return std::pair{answer.value("id").toString(),
                             QUrlQuery(QUrl(answer.value("manageUrl").toString()))
                                 .queryItemValue(QStringLiteral("token"))};
        };
        const auto [id, token] = book("2026-12-02T08:00:00Z", "bob@example.com");
        QVERIFY(!id.isEmpty() && !token.isEmpty());
        BookingService admin(*m_db, m_time.clock());
        QVERIFY(admin.approve(m_admin.id, id).ok());
        QVERIFY(!book("2026-12-02T09:00:00Z", "carol@example.com").first.isEmpty());
        const auto move = [&](const QString& bookingId, const QString& withToken,
                              const char* start) {
            const QByteArray body = QJsonDocument(QJsonObject{{"start", start}, {"duration", 30}})
                                        .toJson(QJsonDocument::Compact);
            return api.handle(request(
                "POST", "/api/v1/bookings/" + bookingId + "/reschedule?token=" + withToken, body));
        };
        const auto errorOf = [](const web::HttpResponse& r) {
            return QJsonDocument::fromJson(r.body).object().value("error").toObject();
        };

        const web::HttpResponse wrongToken = move(id, "nope", "2026-12-02T08:30:00Z");
        QCOMPARE(wrongToken.status, 404);
        QCOMPARE(move("unknown", token, "2026-12-02T08:30:00Z").body, wrongToken.body);
        QCOMPARE(move(id, "", "2026-12-02T08:30:00Z").body, wrongToken.body);
        QCOMPARE(api.handle(request("GET", "/api/v1/bookings/" + id + "/reschedule?token=" + token))
                     .status,
                 405);

        const web::HttpResponse offGrid = move(id, token, "2026-12-02T08:10:00Z");
        QCOMPARE(offGrid.status, 422);
        QCOMPARE(errorOf(offGrid).value("field").toString(), QString("start"));
        const web::HttpResponse past = move(id, token, "2026-12-01T08:00:00Z");
        QCOMPARE(past.status, 422);
        QVERIFY2(errorOf(past).value("message").toString().contains("past"), past.body);
        const web::HttpResponse taken = move(id, token, "2026-12-02T09:00:00Z");
        QCOMPARE(taken.status, 409);
        QCOMPARE(errorOf(taken).value("field").toString(), QString("start"));
        QCOMPARE(api.handle(request("POST", "/api/v1/bookings/" + id + "/reschedule?token=" + token,
                                    "[1]"))
                     .status,
                 400);
        QCOMPARE(api.handle(request("POST", "/api/v1/bookings/" + id + "/reschedule?token=" + token,
                                    R"({"start":"2026-12-02T08:30:00Z"})"))
                     .status,
                 422);
        m_time.set(test::utc("2026-12-02T06:45:00Z")); // 08:30 is now inside the notice
        const web::HttpResponse late = move(id, token, "2026-12-02T08:30:00Z");
        QCOMPARE(late.status, 422);
        QVERIFY2(errorOf(late).value("message").toString().contains("notice"), late.body);
        m_time.set(test::utc("2026-12-02T06:00:00Z"));

        // The slots for the move: the original's own 08:00 is free for it, and for it alone.
        const QString listing = "/api/v1/users/alice/slots?from=2026-12-02&to=2026-12-02";
        QCOMPARE(starts(api.handle(request("GET", listing))),
                 (QStringList{"2026-12-02T08:30:00+00:00", "2026-12-02T09:30:00+00:00"}));
        const web::HttpResponse forMove =
            api.handle(request("GET", listing + "&reschedule=" + id + "&token=" + token));
        QCOMPARE(forMove.status, 200);
        QCOMPARE(starts(forMove),
                 (QStringList{"2026-12-02T08:00:00+00:00", "2026-12-02T08:30:00+00:00",
                              "2026-12-02T09:30:00+00:00"}));
        QCOMPARE(api.handle(request("GET", listing + "&reschedule=" + id + "&token=nope")).body,
                 wrongToken.body);
        QCOMPARE(starts(api.handle(request("GET", listing))).size(), 2);

        // The move: a pending request, opened by the original's token.
        const web::HttpResponse moved = move(id, token, "2026-12-02T08:30:00Z");
        QVERIFY2(moved.status == 201, moved.body.constData());
        const QJsonObject answer = QJsonDocument::fromJson(moved.body).object();
        const QString newId = answer.value("id").toString();
        QCOMPARE(answer.value("status").toString(), QString("pending"));
        QCOMPARE(answer.value("startTime").toString(), QString("2026-12-02T08:30:00Z"));
        QCOMPARE(answer.value("rescheduledFrom").toObject().value("id").toString(), id);
        QCOMPARE(answer.value("manageUrl").toString(),
                 "https://book.example.org/booking/" + newId + "?token=" + token);
        const auto view = [&](const QString& bookingId) {
            return QJsonDocument::fromJson(
                       api.handle(
                              request("GET", "/api/v1/bookings/" + bookingId + "?token=" + token))
                           .body)
                .object();
        };
        QJsonObject original = view(id);
        QCOMPARE(original.value("status").toString(), QString("confirmed"));
        QCOMPARE(original.value("rescheduledTo").toObject().value("id").toString(), newId);
        QCOMPARE(original.value("rescheduledTo").toObject().value("status").toString(),
                 QString("pending"));
        QCOMPARE(original.value("canReschedule").toBool(), false);
        QCOMPARE(view(newId).value("rescheduledFrom").toObject().value("id").toString(), id);

        // Moving the waiting request again: its time and the meeting's are free for that move.
        QCOMPARE(starts(api.handle(request("GET", listing))),
                 QStringList{"2026-12-02T09:30:00+00:00"});
        QCOMPARE(starts(api.handle(
                     request("GET", listing + "&reschedule=" + newId + "&token=" + token))),
                 (QStringList{"2026-12-02T08:00:00+00:00", "2026-12-02T08:30:00+00:00",
                              "2026-12-02T09:30:00+00:00"}));

        // One move at a time.
        const web::HttpResponse again = move(id, token, "2026-12-02T09:30:00Z");
        QCOMPARE(again.status, 409);
        QVERIFY2(errorOf(again).value("message").toString().contains("already waiting"),
                 again.body);

        // Approved: the original is cancelled, and its page leads to the new booking.
        QVERIFY(admin.approve(m_admin.id, newId).ok());
        original = view(id);
        QCOMPARE(original.value("status").toString(), QString("cancelled"));
        QCOMPARE(original.value("rescheduledTo").toObject().value("status").toString(),
                 QString("confirmed"));
        QCOMPARE(original.value("canReschedule").toBool(), false);
        QCOMPARE(view(newId).value("canReschedule").toBool(), true);
        // The calendar file of the new booking continues the original's event.
        const web::HttpResponse ics =
            api.handle(request("GET", "/api/v1/bookings/" + newId + "/ics?token=" + token));
        QCOMPARE(ics.status, 200);
        QVERIFY2(ics.body.contains(("\r\nUID:" + id + "@slotdesk\r\n").toUtf8()), ics.body);
    }

    // The admin's policies reach the attendee: the profile names them, "never" answers a request
    // with a confirmed booking, and the change notice holds to the second — exactly at the limit
    // the cancel goes through, a second inside it is a 422 whose message names the rule.
    void policiesReachTheAttendee() {
        AvailabilityService availability(*m_db);
        BookingSettings settings = *availability.settings(m_admin.id);
        settings.approvalPolicy = ApprovalPolicy::Never;
        settings.attendeeChangeNoticeHours = 2;
        settings.attendeeReschedule = false;
        QVERIFY(availability.saveSettings(settings).ok());
        web::BookingApi api(*m_db, config(), m_time.clock());

        const QJsonObject profile =
            QJsonDocument::fromJson(api.handle(request("GET", "/api/v1/users/alice")).body)
                .object();
        QCOMPARE(profile.value("approvalPolicy").toString(), QString("never"));
        QCOMPARE(profile.value("approvalWithinHours").toInt(), 24);
        QCOMPARE(profile.value("attendeeChangeNoticeHours").toInt(), 2);
        QCOMPARE(profile.value("attendeeReschedule").toBool(true), false);

        const auto book = [&](const char* start) {
            return api.handle(request("POST", "/api/v1/users/alice/bookings", bookingBody(start)));
        };
        const auto tokenOf = [](const QJsonObject& answer) {
            return QUrlQuery(QUrl(answer.value("manageUrl").toString()))
                .queryItemValue(QStringLiteral("token"));
        };
        const web::HttpResponse firstCreated = book("2026-12-02T09:00:00Z");
        QVERIFY2(firstCreated.status == 201, firstCreated.body.constData());
        const QJsonObject first = QJsonDocument::fromJson(firstCreated.body).object();
        const QString firstToken = tokenOf(first);
        QCOMPARE(first.value("status").toString(), QString("confirmed"));
        const web::HttpResponse secondCreated = book("2026-12-02T09:30:00Z");
        QVERIFY2(secondCreated.status == 201, secondCreated.body.constData());
        const QJsonObject second = QJsonDocument::fromJson(secondCreated.body).object();
        const QString secondToken = tokenOf(second);
        const auto path = [](const QJsonObject& booking, const QString& token,
                             const QString& action = {}) {
            return "/api/v1/bookings/" + booking.value("id").toString() + action +
                   "?token=" + token;
        };
        const auto view = [&](const QJsonObject& booking, const QString& token) {
            return QJsonDocument::fromJson(api.handle(request("GET", path(booking, token))).body)
                .object();
        };

        // 07:00: exactly two hours before the first.
        m_time.set(test::utc("2026-12-02T07:00:00Z"));
        QJsonObject shown = view(first, firstToken);
        QCOMPARE(shown.value("status").toString(), QString("confirmed"));
        QVERIFY(shown.value("canCancel").toBool());
        QVERIFY(shown.value("cancelBlockedBy").isNull());
        QCOMPARE(shown.value("attendeeChangeNoticeHours").toInt(), 2);
        QVERIFY(!shown.value("canReschedule").toBool(true));
        QCOMPARE(shown.value("rescheduleBlockedBy").toString(), QString("attendeeReschedule"));
        const web::HttpResponse cancelled =
            api.handle(request("POST", path(first, firstToken, "/cancel"), "{}"));
        QVERIFY2(cancelled.status == 200, cancelled.body.constData());
        QCOMPARE(QJsonDocument::fromJson(cancelled.body).object().value("status").toString(),
                 QString("cancelled"));

        // 07:30:01: a second inside the notice of the second one.
        m_time.set(test::utc("2026-12-02T07:30:01Z"));
        shown = view(second, secondToken);
        QVERIFY(!shown.value("canCancel").toBool(true));
        QCOMPARE(shown.value("cancelBlockedBy").toString(), QString("attendeeChangeNoticeHours"));
        const web::HttpResponse late =
            api.handle(request("POST", path(second, secondToken, "/cancel"), "{}"));
        QCOMPARE(late.status, 422);
        const QJsonObject error =
            QJsonDocument::fromJson(late.body).object().value("error").toObject();
        QCOMPARE(error.value("code").toString(), QString("validation"));
        QCOMPARE(error.value("field").toString(), QString("attendeeChangeNoticeHours"));
        QCOMPARE(error.value("message").toString(),
                 QString("Cancelling needs at least 2 hours' notice before the start"));
        QCOMPARE(view(second, secondToken).value("status").toString(), QString("confirmed"));
    }
};

QTEST_GUILESS_MAIN(TestBookingApi)
#include "tst_bookingapi.moc"
