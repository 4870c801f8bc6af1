#pragma once
// DavMultistatus: a WebDAV 207 Multi-Status answer (RFC 4918) read into the few properties the
// CalDAV client asks for — namespace-aware (DAV:, urn:ietf:params:xml:ns:caldav,
// http://calendarserver.org/ns/, http://apple.com/ns/ical/), whatever prefixes the server picks.
// A property counts only from a <propstat> whose status is 2xx (servers list the ones they lack
// under 404). Hrefs are kept as the server wrote them (percent-encoded paths or full URLs).

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace slotdesk::caldav {

struct DavResponse {
    QString href;
    int status = 200; // the <response>'s own <status> (sync-collection: 404 = removed member)
    QString etag;
    QByteArray calendarData;
    QString displayName;
    QString color; // Apple's calendar-color: "#RRGGBB" or "#RRGGBBAA"
    QString ctag;  // calendarserver.org's getctag
    QString syncToken;
    QString principalHref; // current-user-principal
    QString homeHref;      // calendar-home-set (the first one)
    bool isCalendar = false;
    bool hasComponentSet = false; // false: the server did not say (any component allowed)
    QStringList components;       // supported-calendar-component-set: "VEVENT", "VTODO", ...
    QStringList reports;          // supported-report-set, local names: "sync-collection", ...
};

struct Multistatus {
    QVector<DavResponse> responses;
    QString syncToken; // the answer's own <sync-token> (a sync-collection REPORT)
};

namespace ns {
inline constexpr char16_t kDav[] = u"DAV:";
inline constexpr char16_t kCalDav[] = u"urn:ietf:params:xml:ns:caldav";
inline constexpr char16_t kCalendarServer[] = u"http://calendarserver.org/ns/";
inline constexpr char16_t kApple[] = u"http://apple.com/ns/ical/";
} // namespace ns

// Malformed when `xml` is not a well-formed DAV:multistatus document.
Result<Multistatus> parseMultistatus(const QByteArray& xml);

// Whether an error body (<DAV:error>) names the precondition `name` in namespace `nameSpace`,
// e.g. DAV: valid-sync-token (RFC 6578: the sync token is no longer valid).
bool hasPrecondition(const QByteArray& xml, QStringView nameSpace, QStringView name);

} // namespace slotdesk::caldav
