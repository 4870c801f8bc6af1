// The CalDAV protocol client against a real Radicale (tests/support/RadicaleProcess): discovery
// from the bare server address (the /.well-known/caldav redirect) and from the principal,
// calendar names and colours, calendar-query over a time range, sync-collection after an edit
// and a delete (and a stale token), the ETag fallback, conditional PUT and DELETE (412), and a
// refused password.

#include "caldav/CalDavClient.h"
#include "caldav/DavMultistatus.h"
#include "support/RadicaleProcess.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace slotdesk;
using namespace slotdesk::caldav;
using integration::Failure;
using integration::ProviderReply;

namespace {

QByteArray icsEvent(const QString& uid, const QString& start, const QString& end,
                    const QByteArray& extra = {}) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" +
           uid.toUtf8() + "\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:" + start.toUtf8() +
           "\r\nDTEND:" + end.toUtf8() + "\r\nSUMMARY:" + uid.toUtf8() + "\r\n" + extra +
           "END:VEVENT\r\nEND:VCALENDAR\r\n";
}

// Runs one client call and waits for its answer.
template <typename T, typename Call> std::pair<ProviderReply, T> await(Call call) {
    std::optional<std::pair<ProviderReply, T>> answer;
    call([&](const ProviderReply& reply, T value) { answer.emplace(reply, std::move(value)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000))
        return {ProviderReply::localFailure(Failure::Network, QStringLiteral("no answer")), T{}};
    return std::move(*answer);
}

QStringList names(const QVector<CalendarObject>& objects) {
    QStringList out;
    for (const auto& object : objects)
        out.append(object.href.section(u'/', -1));
    out.sort();
    return out;
}

} // namespace

class TestCalDavClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::RadicaleProcess> m_server;
    QNetworkAccessManager m_network;

    CalDavAccount account(const QUrl& url, const QString& password = {}) {
        return {url, m_server->user(),
                (password.isEmpty() ? m_server->password() : password).toUtf8()};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<test::RadicaleProcess>(m_dir.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorText()));
        QVERIFY(m_server->makeCalendar(QStringLiteral("work"), QStringLiteral("Work"),
                                       QStringLiteral("#1E90FFFF")));
        QVERIFY(m_server->makeCalendar(QStringLiteral("family"), QStringLiteral("Family"),
                                       QStringLiteral("#FF8800")));
        // A task list: not a calendar that can block time.
        QCOMPARE(m_server
                     ->request("MKCALENDAR", QStringLiteral("/alice/tasks/"),
                               "<?xml version=\"1.0\"?><c:mkcalendar xmlns:d=\"DAV:\" "
                               "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
                               "<c:supported-calendar-component-set><c:comp name=\"VTODO\"/>"
                               "</c:supported-calendar-component-set></d:prop></d:set>"
                               "</c:mkcalendar>")
                     .status,
                 201);
    }
    void cleanupTestCase() { m_server.reset(); }

    void multistatusIsNamespaceAware();
    void discoversCalendarsWithNamesAndColours();
    void queriesSyncsAndFallsBack();
    void writesConditionally();
    void refusedPasswordIsUnauthorized();
};

void TestCalDavClient::multistatusIsNamespaceAware() {
    // Other prefixes, a property in a 404 propstat, a removed member.
    const QByteArray xml =
        "<?xml version=\"1.0\"?><X:multistatus xmlns:X=\"DAV:\" "
        "xmlns:Q=\"urn:ietf:params:xml:ns:caldav\" xmlns:A=\"http://apple.com/ns/ical/\">"
        "<X:response><X:href>/cal/</X:href><X:propstat><X:prop><X:resourcetype><X:collection/>"
        "<Q:calendar/></X:resourcetype><A:calendar-color>#00FF00</A:calendar-color>"
        "<X:displayname>Green</X:displayname></X:prop><X:status>HTTP/1.1 200 OK</X:status>"
        "</X:propstat><X:propstat><X:prop><X:displayname>Wrong</X:displayname><X:getetag>x"
        "</X:getetag></X:prop><X:status>HTTP/1.1 404 Not Found</X:status></X:propstat>"
        "</X:response><X:response><X:href>/cal/gone.ics</X:href><X:status>HTTP/1.1 404 Not "
        "Found</X:status></X:response><X:sync-token>tok-2</X:sync-token></X:multistatus>";
    auto status = parseMultistatus(xml);
    QVERIFY(status);
    QCOMPARE(status->responses.size(), 2);
    QVERIFY(status->responses[0].isCalendar);
    QCOMPARE(status->responses[0].displayName, QStringLiteral("Green"));
    QCOMPARE(status->responses[0].color, QStringLiteral("#00FF00"));
    QVERIFY(status->responses[0].etag.isEmpty());
    QCOMPARE(status->responses[1].status, 404);
    QCOMPARE(status->syncToken, QStringLiteral("tok-2"));
    // The same element names in another namespace are not DAV's.
    QVERIFY(!parseMultistatus("<multistatus xmlns=\"urn:other\"/>"));
    QVERIFY(!parseMultistatus("<d:multistatus xmlns:d=\"DAV:\"><d:response>"));
    QVERIFY(hasPrecondition("<error xmlns=\"DAV:\"><valid-sync-token/></error>", ns::kDav,
                            u"valid-sync-token"));
    QVERIFY(!hasPrecondition("<error xmlns=\"urn:x\"><valid-sync-token/></error>", ns::kDav,
                             u"valid-sync-token"));
}

void TestCalDavClient::discoversCalendarsWithNamesAndColours() {
    // From the bare server (/.well-known/caldav redirects to /) and from the principal.
    for (const QUrl& start : {m_server->baseUrl(), m_server->url(QStringLiteral("/alice/"))}) {
        CalDavClient client(&m_network, account(start));
        auto [reply, found] = await<Discovery>([&](auto done) { client.discover(done); });
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(found.principalUrl, m_server->url(QStringLiteral("/alice/")));
        QCOMPARE(found.homeUrl, m_server->url(QStringLiteral("/alice/")));
        QCOMPARE(found.calendars.size(), 2); // the task list is left out
        QCOMPARE(found.calendars[0].displayName, QStringLiteral("Family"));
        QCOMPARE(found.calendars[0].color, QStringLiteral("#FF8800"));
        QCOMPARE(found.calendars[1].displayName, QStringLiteral("Work"));
        QCOMPARE(found.calendars[1].color, QStringLiteral("#1E90FF")); // the alpha byte dropped
        QCOMPARE(found.calendars[1].url, m_server->url(QStringLiteral("/alice/work/")));
        QVERIFY(found.calendars[1].supportsSyncCollection);
        QVERIFY(!found.calendars[1].syncToken.isEmpty());
        QVERIFY(!found.calendars[1].ctag.isEmpty());
    }
    // The well-known address answered a redirect that was followed with PROPFIND intact.
    CalDavClient client(&m_network, account(m_server->baseUrl()));
    auto [reply, found] = await<Discovery>([&](auto done) { client.discover(done); });
    QVERIFY(reply.ok());
    QVERIFY(m_server->log().contains("PROPFIND request for '/.well-known/caldav'"));
}

void TestCalDavClient::queriesSyncsAndFallsBack() {
    const QUrl work = m_server->url(QStringLiteral("/alice/work/"));
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("in"),
                             icsEvent(QStringLiteral("in"), QStringLiteral("20270310T090000Z"),
                                      QStringLiteral("20270310T100000Z")))
                 .isEmpty());
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("late"),
                             icsEvent(QStringLiteral("late"), QStringLiteral("20290310T090000Z"),
                                      QStringLiteral("20290310T100000Z")))
                 .isEmpty());
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("edit"),
                             icsEvent(QStringLiteral("edit"), QStringLiteral("20270311T090000Z"),
                                      QStringLiteral("20270311T100000Z")))
                 .isEmpty());
    CalDavClient client(&m_network, account(m_server->baseUrl()));

    // calendar-query: only what overlaps the window, with its data.
    auto [queried, objects] = await<QVector<CalendarObject>>([&](auto done) {
        client.queryEvents(work, QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC),
                           QDateTime(QDate(2028, 1, 1), QTime(0, 0), Qt::UTC), done);
    });
    QVERIFY2(queried.ok(), qPrintable(queried.message));
    QCOMPARE(names(objects), (QStringList{QStringLiteral("edit.ics"), QStringLiteral("in.ics")}));
    QVERIFY(objects[0].data.contains("BEGIN:VEVENT"));
    QVERIFY(!objects[0].etag.isEmpty());

    // sync-collection from the current token: an edit and a delete.
    auto [stated, state] =
        await<CalDavCalendar>([&](auto done) { client.calendarState(work, done); });
    QVERIFY(stated.ok());
    QVERIFY(!m_server
                 ->putObject(QStringLiteral("work"), QStringLiteral("edit"),
                             icsEvent(QStringLiteral("edit"), QStringLiteral("20270311T120000Z"),
                                      QStringLiteral("20270311T130000Z")))
                 .isEmpty());
    QVERIFY(m_server->removeObject(QStringLiteral("work"), QStringLiteral("in")));
    auto [synced, changes] =
        await<SyncChanges>([&](auto done) { client.syncCollection(work, state.syncToken, done); });
    QVERIFY2(synced.ok(), qPrintable(synced.message));
    QCOMPARE(changes.changed.size(), 1);
    QVERIFY(changes.changed[0].href.endsWith(QLatin1String("/edit.ics")));
    QCOMPARE(changes.removedHrefs.size(), 1);
    QVERIFY(changes.removedHrefs[0].endsWith(QLatin1String("/in.ics")));
    QVERIFY(changes.syncToken != state.syncToken);
    auto [fetched, data] = await<QVector<CalendarObject>>(
        [&](auto done) { client.multiget(work, {changes.changed[0].href}, done); });
    QVERIFY(fetched.ok());
    QCOMPARE(data.size(), 1);
    QVERIFY(data[0].data.contains("DTSTART:20270311T120000Z"));

    // A token the server does not know: a full sync is required.
    auto [stale, none] = await<SyncChanges>([&](auto done) {
        client.syncCollection(work, QStringLiteral("http://radicale.org/ns/sync/0000"), done);
    });
    QCOMPARE(stale.failure, Failure::FullSyncRequired);

    // The fallback: every member's ETag.
    auto [listed, etags] =
        await<QVector<CalendarObject>>([&](auto done) { client.listEtags(work, done); });
    QVERIFY(listed.ok());
    QCOMPARE(names(etags), (QStringList{QStringLiteral("edit.ics"), QStringLiteral("late.ics")}));
    QVERIFY(etags[0].data.isEmpty());
    QVERIFY(client.requestCount("REPORT") >= 3);
}

void TestCalDavClient::writesConditionally() {
    const QUrl object = m_server->url(QStringLiteral("/alice/family/booking-1.ics"));
    const QByteArray ics = icsEvent(QStringLiteral("booking-1"), QStringLiteral("20270401T090000Z"),
                                    QStringLiteral("20270401T093000Z"));
    CalDavClient client(&m_network, account(m_server->baseUrl()));
    auto [created, etag] = await<QString>([&](auto done) { client.put(object, ics, {}, done); });
    QVERIFY2(created.ok(), qPrintable(created.message));
    QVERIFY(!etag.isEmpty());
    // Created again (a retry): 412, nothing overwritten.
    auto [again, none] = await<QString>([&](auto done) { client.put(object, ics, {}, done); });
    QCOMPARE(again.httpStatus, 412);
    // Replaced with the right ETag; a stale one is refused.
    QByteArray moved = ics;
    moved.replace("20270401T09", "20270402T09");
    auto [updated, newEtag] =
        await<QString>([&](auto done) { client.put(object, moved, etag, done); });
    QVERIFY2(updated.ok(), qPrintable(updated.message));
    auto [stale, unused] = await<QString>([&](auto done) { client.put(object, ics, etag, done); });
    QCOMPARE(stale.httpStatus, 412);
    auto [got, current] = await<CalendarObject>([&](auto done) { client.get(object, done); });
    QVERIFY(got.ok());
    QVERIFY(current.data.contains("20270402T090000Z"));
    auto [removed, ok] = await<bool>([&](auto done) { client.remove(object, newEtag, done); });
    QVERIFY2(removed.ok() && ok, qPrintable(removed.message));
    auto [gone, notOk] = await<bool>([&](auto done) { client.remove(object, {}, done); });
    QCOMPARE(gone.failure, Failure::NotFound);
}

void TestCalDavClient::refusedPasswordIsUnauthorized() {
    CalDavClient client(&m_network, account(m_server->baseUrl(), QStringLiteral("wrong")));
    auto [reply, found] = await<Discovery>([&](auto done) { client.discover(done); });
    QCOMPARE(reply.failure, Failure::Unauthorized);
    QVERIFY(!reply.isTransient());
    QCOMPARE(reply.message,
             QStringLiteral("The CalDAV server rejected the username/password for %1")
                 .arg(m_server->baseUrl().toString()));
    QVERIFY(!reply.message.contains(QStringLiteral("wrong")));
    QVERIFY(found.calendars.isEmpty());
}

QTEST_GUILESS_MAIN(TestCalDavClient)
#include "tst_caldavclient.moc"
