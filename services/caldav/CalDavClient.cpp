#include "caldav/CalDavClient.h"

#include "integration/ProviderHttp.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <algorithm>

namespace slotdesk::caldav {

using integration::Failure;
using integration::ProviderReply;

namespace {

constexpr int kMaxRedirects = 5;

using Headers = QList<std::pair<QByteArray, QByteArray>>;

const QByteArray kXmlHeader = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");

QByteArray propfind(const QByteArray& props) {
    return kXmlHeader +
           "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" "
           "xmlns:cs=\"http://calendarserver.org/ns/\" xmlns:a=\"http://apple.com/ns/ical/\">"
           "<d:prop>" +
           props + "</d:prop></d:propfind>";
}

const QByteArray kCalendarProps =
    QByteArrayLiteral("<d:resourcetype/><d:displayname/><a:calendar-color/>"
                      "<c:supported-calendar-component-set/><cs:getctag/><d:sync-token/>"
                      "<d:supported-report-set/>");

QByteArray utcStamp(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray xmlEscaped(const QString& text) {
    return text.toHtmlEscaped().toUtf8();
}

bool isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString origin(const QUrl& url) {
    return url
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                  QUrl::RemoveUserInfo)
        .toString();
}

CalDavCalendar toCalendar(const QUrl& base, const DavResponse& response) {
    CalDavCalendar calendar;
    calendar.url = CalDavClient::resolve(base, response.href);
    calendar.displayName = response.displayName;
    calendar.color = response.color.left(7);
    if (!calendar.color.startsWith(QLatin1Char('#')) || calendar.color.size() != 7)
        calendar.color.clear();
    calendar.ctag = response.ctag;
    calendar.syncToken = response.syncToken;
    calendar.supportsSyncCollection = response.reports.contains(QLatin1String("sync-collection")) ||
                                      !response.syncToken.isEmpty();
    calendar.holdsEvents =
        !response.hasComponentSet || response.components.contains(QLatin1String("VEVENT"));
    if (calendar.displayName.isEmpty()) {
        const QStringList parts = calendar.url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        calendar.displayName = parts.isEmpty() ? calendar.url.host() : parts.last();
    }
    return calendar;
}

QVector<CalendarObject> objectsOf(const Multistatus& status, bool withData) {
    QVector<CalendarObject> objects;
    for (const DavResponse& response : status.responses) {
        if (response.status != 200 || response.isCalendar || response.href.endsWith(u'/'))
            continue;
        if (withData && response.calendarData.isEmpty())
            continue;
        objects.append({response.href, response.etag, response.calendarData});
    }
    return objects;
}

} // namespace

CalDavClient::CalDavClient(QNetworkAccessManager* network, CalDavAccount account, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_account(std::move(account)) {
    m_trustedOrigins.insert(origin(m_account.serverUrl));
}

int CalDavClient::requestCount(const QByteArray& verb) const {
    return m_requests.value(verb);
}

QUrl CalDavClient::resolve(const QUrl& base, const QString& href) {
    return base.resolved(QUrl(href, QUrl::TolerantMode));
}

void CalDavClient::trust(const QUrl& url) {
    if (url.scheme() == QLatin1String("https") || integration::isLoopback(url))
        m_trustedOrigins.insert(origin(url));
}

bool CalDavClient::mayAuthenticate(const QUrl& url) const {
    return m_trustedOrigins.contains(origin(url));
}

void CalDavClient::send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
                        const Headers& headers, Sent done, int redirects) {
    ++m_requests[verb];
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/xml, text/xml, text/calendar;q=0.9, */*;q=0.5");
    if (mayAuthenticate(url))
        request.setRawHeader(
            "Authorization",
            "Basic " + (m_account.username.toUtf8() + ':' + m_account.password).toBase64());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    integration::sendRequest(
        m_network, provider().name, request, verb, body, this,
        [this, verb, url, body, headers, done = std::move(done), redirects](ProviderReply reply) {
            const QByteArray location = reply.header("Location");
            if (isRedirect(reply.httpStatus) && !location.isEmpty()) {
                const QUrl next = url.resolved(QUrl::fromEncoded(location));
                const bool downgrade = url.scheme() == QLatin1String("https") &&
                                       next.scheme() != QLatin1String("https");
                if (redirects >= kMaxRedirects || downgrade || !next.isValid())
                    return done(ProviderReply::localFailure(
                                    Failure::Rejected,
                                    QStringLiteral("%1 redirected too often or to an unsafe "
                                                   "address")
                                        .arg(provider().name)),
                                url);
                // An https server that sends us elsewhere (iCloud's partition hosts) vouches for
                // the new origin; plain http only ever reaches this machine.
                if (mayAuthenticate(url) &&
                    (next.scheme() == QLatin1String("https") || integration::isLoopback(next)))
                    m_trustedOrigins.insert(origin(next));
                return send(verb, next, body, headers, done, redirects + 1);
            }
            if (reply.failure == Failure::Unauthorized)
                reply.message =
                    QStringLiteral("The CalDAV server rejected the username/password for %1")
                        .arg(m_account.serverUrl.toDisplayString());
            else if (!reply.ok() && (reply.httpStatus == 403 || reply.httpStatus == 409) &&
                     hasPrecondition(reply.data, ns::kDav, u"valid-sync-token"))
                reply.failure = Failure::FullSyncRequired;
            done(std::move(reply), url);
        });
}

void CalDavClient::report(
    const QByteArray& verb, const QUrl& url, int depth, const QByteArray& body,
    std::function<void(ProviderReply reply, QUrl finalUrl, Multistatus status)> done) {
    const Headers headers{{"Content-Type", "application/xml; charset=utf-8"},
                          {"Depth", QByteArray::number(depth)}};
    send(verb, url, body, headers,
         [done = std::move(done)](ProviderReply reply, const QUrl& finalUrl) {
             if (!reply.ok())
                 return done(std::move(reply), finalUrl, {});
             auto status = parseMultistatus(reply.data);
             if (!status)
                 return done(ProviderReply::localFailure(
                                 Failure::Rejected,
                                 QStringLiteral("%1 answered HTTP %2 but not with a WebDAV "
                                                "multistatus")
                                     .arg(provider().name)
                                     .arg(reply.httpStatus)),
                             finalUrl, {});
             done(std::move(reply), finalUrl, std::move(*status));
         });
}

void CalDavClient::discover(Done<Discovery> done) {
    QVector<QUrl> candidates{m_account.serverUrl};
    QUrl wellKnown = m_account.serverUrl;
    wellKnown.setPath(QStringLiteral("/.well-known/caldav"));
    if (m_account.serverUrl.path() == QLatin1String("/"))
        candidates.prepend(wellKnown);
    else
        candidates.append(wellKnown);
    findPrincipal(candidates, std::move(done));
}

void CalDavClient::findPrincipal(const QVector<QUrl>& candidates, Done<Discovery> done) {
    const QUrl url = candidates.first();
    const QVector<QUrl> rest = candidates.mid(1);
    report(
        "PROPFIND", url, 0,
        propfind("<d:current-user-principal/><c:calendar-home-set/><d:resourcetype/>"),
        [this, rest, done = std::move(done)](ProviderReply reply, const QUrl& finalUrl,
                                             const Multistatus& status) {
            Discovery discovery;
            for (const DavResponse& response : status.responses) {
                if (!response.homeHref.isEmpty())
                    discovery.homeUrl = resolve(finalUrl, response.homeHref);
                if (!response.principalHref.isEmpty())
                    discovery.principalUrl = resolve(finalUrl, response.principalHref);
            }
            if (reply.ok() && (!discovery.principalUrl.isEmpty() || !discovery.homeUrl.isEmpty()))
                return findHome(std::move(discovery), done);
            // The password refused, or the server down: another address won't help.
            if (!rest.isEmpty() && reply.failure != Failure::Unauthorized && !reply.isTransient())
                return findPrincipal(rest, done);
            if (reply.ok())
                reply = ProviderReply::localFailure(
                    Failure::NotFound,
                    QStringLiteral("No CalDAV account found at %1 (no current-user-principal)")
                        .arg(m_account.serverUrl.toDisplayString()));
            done(reply, {});
        });
}

void CalDavClient::findHome(Discovery discovery, Done<Discovery> done) {
    auto list = [this, done](Discovery found) {
        listCalendars(found.homeUrl, [found, done](const ProviderReply& reply,
                                                   QVector<CalDavCalendar> calendars) mutable {
            found.calendars = std::move(calendars);
            done(reply, reply.ok() ? found : Discovery{});
        });
    };
    if (!discovery.homeUrl.isEmpty())
        return list(std::move(discovery));
    report("PROPFIND", discovery.principalUrl, 0, propfind("<c:calendar-home-set/>"),
           [this, discovery, list, done](ProviderReply reply, const QUrl& finalUrl,
                                         const Multistatus& status) mutable {
               for (const DavResponse& response : status.responses)
                   if (!response.homeHref.isEmpty())
                       discovery.homeUrl = resolve(finalUrl, response.homeHref);
               if (reply.ok() && discovery.homeUrl.isEmpty())
                   reply = ProviderReply::localFailure(
                       Failure::NotFound,
                       QStringLiteral("The CalDAV account at %1 has no calendar-home-set")
                           .arg(m_account.serverUrl.toDisplayString()));
               if (!reply.ok())
                   return done(reply, {});
               list(std::move(discovery));
           });
}

void CalDavClient::listCalendars(const QUrl& homeUrl, Done<QVector<CalDavCalendar>> done) {
    report("PROPFIND", homeUrl, 1, propfind(kCalendarProps),
           [done = std::move(done)](const ProviderReply& reply, const QUrl& finalUrl,
                                    const Multistatus& status) {
               QVector<CalDavCalendar> calendars;
               for (const DavResponse& response : status.responses) {
                   if (!response.isCalendar || response.status != 200)
                       continue;
                   CalDavCalendar calendar = toCalendar(finalUrl, response);
                   if (calendar.holdsEvents)
                       calendars.append(calendar);
               }
               std::sort(calendars.begin(), calendars.end(), [](const auto& a, const auto& b) {
                   return a.displayName.localeAwareCompare(b.displayName) < 0;
               });
               done(reply, calendars);
           });
}

void CalDavClient::calendarState(const QUrl& calendarUrl, Done<CalDavCalendar> done) {
    report("PROPFIND", calendarUrl, 0, propfind(kCalendarProps),
           [done = std::move(done)](ProviderReply reply, const QUrl& finalUrl,
                                    const Multistatus& status) {
               if (reply.ok() && status.responses.isEmpty())
                   reply = ProviderReply::localFailure(
                       Failure::NotFound, QStringLiteral("The CalDAV calendar is gone"));
               done(reply,
                    reply.ok() ? toCalendar(finalUrl, status.responses.first()) : CalDavCalendar{});
           });
}

void CalDavClient::queryEvents(const QUrl& calendarUrl, const QDateTime& from, const QDateTime& to,
                               Done<QVector<CalendarObject>> done) {
    const QByteArray body =
        kXmlHeader +
        "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
        "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
        "<c:time-range start=\"" +
        utcStamp(from) + "\" end=\"" + utcStamp(to) +
        "\"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
    report("REPORT", calendarUrl, 1, body,
           [done = std::move(done)](const ProviderReply& reply, const QUrl&,
                                    const Multistatus& status) {
               done(reply, objectsOf(status, true));
           });
}

void CalDavClient::syncCollection(const QUrl& calendarUrl, const QString& syncToken,
                                  Done<SyncChanges> done) {
    const QByteArray body = kXmlHeader + "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" +
                            xmlEscaped(syncToken) +
                            "</d:sync-token><d:sync-level>1</d:sync-level>"
                            "<d:prop><d:getetag/></d:prop></d:sync-collection>";
    report("REPORT", calendarUrl, 0, body,
           [done = std::move(done)](ProviderReply reply, const QUrl&, const Multistatus& status) {
               SyncChanges changes;
               changes.syncToken = status.syncToken;
               for (const DavResponse& response : status.responses) {
                   if (response.status == 404)
                       changes.removedHrefs.append(response.href);
                   else if (!response.href.endsWith(u'/') && !response.etag.isEmpty())
                       changes.changed.append({response.href, response.etag, {}});
               }
               if (reply.ok() && changes.syncToken.isEmpty())
                   reply = ProviderReply::localFailure(
                       Failure::FullSyncRequired,
                       QStringLiteral("The CalDAV server's sync answer had no new token"));
               done(reply, changes);
           });
}

void CalDavClient::multiget(const QUrl& calendarUrl, const QStringList& hrefs,
                            Done<QVector<CalendarObject>> done) {
    QByteArray body = kXmlHeader + "<c:calendar-multiget xmlns:d=\"DAV:\" "
                                   "xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                                   "<d:prop><d:getetag/><c:calendar-data/></d:prop>";
    for (const QString& href : hrefs)
        body += "<d:href>" + xmlEscaped(href) + "</d:href>";
    body += "</c:calendar-multiget>";
    report("REPORT", calendarUrl, 1, body,
           [done = std::move(done)](const ProviderReply& reply, const QUrl&,
                                    const Multistatus& status) {
               done(reply, objectsOf(status, true));
           });
}

void CalDavClient::listEtags(const QUrl& calendarUrl, Done<QVector<CalendarObject>> done) {
    report("PROPFIND", calendarUrl, 1, propfind("<d:getetag/><d:resourcetype/>"),
           [done = std::move(done)](const ProviderReply& reply, const QUrl&,
                                    const Multistatus& status) {
               done(reply, objectsOf(status, false));
           });
}

void CalDavClient::put(const QUrl& objectUrl, const QByteArray& ics, const QString& etag,
                       Done<QString> done) {
    Headers headers{{"Content-Type", "text/calendar; charset=utf-8"}};
    if (etag.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("If-None-Match", "*"));
    else
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", etag.toUtf8()));
    send("PUT", objectUrl, ics, headers,
         [done = std::move(done)](const ProviderReply& reply, const QUrl&) {
             done(reply, QString::fromUtf8(reply.header("ETag")));
         });
}

void CalDavClient::remove(const QUrl& objectUrl, const QString& etag, Done<bool> done) {
    Headers headers;
    if (!etag.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", etag.toUtf8()));
    send("DELETE", objectUrl, {}, headers,
         [done = std::move(done)](const ProviderReply& reply, const QUrl&) {
             done(reply, reply.ok());
         });
}

void CalDavClient::get(const QUrl& objectUrl, Done<CalendarObject> done) {
    send("GET", objectUrl, {}, {},
         [done = std::move(done)](const ProviderReply& reply, const QUrl& finalUrl) {
             done(reply, CalendarObject{finalUrl.path(), QString::fromUtf8(reply.header("ETag")),
                                        reply.data});
         });
}

} // namespace slotdesk::caldav
