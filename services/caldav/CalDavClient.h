#pragma once
// CalDavClient: the CalDAV protocol (RFC 4791, RFC 6578, RFC 6764) over QtNetwork for one
// account — discovery (the /.well-known/caldav redirect, current-user-principal,
// calendar-home-set, the calendars in the home with name, colour, components, ctag and
// sync-token), reading calendar objects (a calendar-query REPORT over a time range, a
// sync-collection REPORT from a token, a calendar-multiget, the members' ETags) and writing one
// (PUT with If-None-Match / If-Match, DELETE). Basic authentication is sent with every request
// to the server's own origin (and any an https redirect leads to); redirects are followed by
// hand (at most 5) so that PROPFIND and REPORT keep their method and body. Every answer is an
// integration::ProviderReply: callers decide on `failure` (401 Unauthorized: the password was
// refused; 5xx, network: transient; FullSyncRequired: the sync token is no longer valid).
// All calls are asynchronous; `done` runs on the event loop, not at all once `context` is gone.

#include "caldav/CalDavAccount.h"
#include "caldav/DavMultistatus.h"
#include "integration/ProviderReply.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <functional>

class QNetworkAccessManager;

namespace slotdesk::caldav {

struct CalDavCalendar {
    QUrl url; // the collection, absolute
    QString displayName;
    QString color; // "#RRGGBB" (an alpha byte dropped); empty when the server has none
    QString ctag;
    QString syncToken;
    bool supportsSyncCollection = false;
    bool holdsEvents = true; // VEVENT among its components (or the server did not say)
};

struct Discovery {
    QUrl principalUrl;
    QUrl homeUrl;
    QVector<CalDavCalendar> calendars; // the home's calendars that hold events, by name
};

struct CalendarObject {
    QString href; // path as the server names it
    QString etag;
    QByteArray data; // iCalendar text; empty for a listing of ETags
};

struct SyncChanges {
    QVector<CalendarObject> changed; // href and etag; fetch the data with multiget()
    QStringList removedHrefs;
    QString syncToken; // the new token
};

class CalDavClient : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const integration::ProviderReply& reply, T value)>;

    CalDavClient(QNetworkAccessManager* network, CalDavAccount account, QObject* parent = nullptr);

    // From the account's address to the calendars: first that address itself, then
    // /.well-known/caldav on its host (RFC 6764), whichever names a current-user-principal.
    void discover(Done<Discovery> done);
    // The calendars in a calendar home (PROPFIND Depth 1).
    void listCalendars(const QUrl& homeUrl, Done<QVector<CalDavCalendar>> done);
    // One calendar's current ctag and sync-token (PROPFIND Depth 0).
    void calendarState(const QUrl& calendarUrl, Done<CalDavCalendar> done);
    // The VEVENT objects overlapping [from, to), with their data (calendar-query REPORT).
    void queryEvents(const QUrl& calendarUrl, const QDateTime& from, const QDateTime& to,
                     Done<QVector<CalendarObject>> done);
    // What changed since `syncToken` (sync-collection REPORT, RFC 6578). A token the server no
    // longer knows answers Failure::FullSyncRequired.
    void syncCollection(const QUrl& calendarUrl, const QString& syncToken, Done<SyncChanges> done);
    // These objects with their data (calendar-multiget REPORT).
    void multiget(const QUrl& calendarUrl, const QStringList& hrefs,
                  Done<QVector<CalendarObject>> done);
    // Every member's href and ETag (PROPFIND Depth 1): the fallback for servers without
    // sync-collection.
    void listEtags(const QUrl& calendarUrl, Done<QVector<CalendarObject>> done);

    // PUT `ics` at `objectUrl`: a new object (`etag` empty: If-None-Match: *) or a replacement
    // of the version with `etag` (If-Match). The value is the new ETag when the server says.
    // An existing object on create, or a changed one on replace, answers HTTP 412.
    void put(const QUrl& objectUrl, const QByteArray& ics, const QString& etag, Done<QString> done);
    // DELETE, If-Match `etag` unless empty. 404 means it was gone already.
    void remove(const QUrl& objectUrl, const QString& etag, Done<bool> done);
    // GET one object: its data and ETag.
    void get(const QUrl& objectUrl, Done<CalendarObject> done);

    // Sends the password to `url`'s origin too (https or this machine only): a calendar the
    // authenticated discovery found on another host (iCloud's partition servers).
    void trust(const QUrl& url);

    // `href` (a path or a URL in an answer to a request to `base`) as an absolute URL.
    static QUrl resolve(const QUrl& base, const QString& href);

    // Requests sent so far (redirects count), by method: for tests and the report.
    [[nodiscard]] int requestCount(const QByteArray& verb) const;

private:
    using Sent = std::function<void(integration::ProviderReply reply, QUrl finalUrl)>;
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body,
              const QList<std::pair<QByteArray, QByteArray>>& headers, Sent done,
              int redirects = 0);
    void
    report(const QByteArray& verb, const QUrl& url, int depth, const QByteArray& body,
           std::function<void(integration::ProviderReply reply, QUrl finalUrl, Multistatus status)>
               done);
    void findPrincipal(const QVector<QUrl>& candidates, Done<Discovery> done);
    void findHome(Discovery discovery, Done<Discovery> done);
    [[nodiscard]] bool mayAuthenticate(const QUrl& url) const;

    QNetworkAccessManager* m_network;
    CalDavAccount m_account;
    QSet<QString> m_trustedOrigins; // where the password may go
    QHash<QByteArray, int> m_requests;
};

} // namespace slotdesk::caldav
