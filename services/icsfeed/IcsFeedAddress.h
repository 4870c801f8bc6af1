#pragma once
// IcsFeedAddress: the address of an admin's read-only ICS feed. Such an address usually carries
// its own secret (a token in the path or query: whoever has it reads the calendar), so it is
// kept in the OS keychain only, and everything else — the database, logs, messages — sees
// redacted(): scheme and host, nothing of the path.

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace slotdesk::icsfeed {

// `text` as a feed address: https (webcal:// is read as https), or http on a loopback address
// (a feed served on this machine). Errors name the field "url".
Result<QUrl> parseFeedUrl(const QString& text);

// "https://calendar.example.com/…": what may be shown and stored.
QString redacted(const QUrl& url);

// The keychain entry of the feed with this integration id.
QString keychainKeyFor(const QString& integrationId);

} // namespace slotdesk::icsfeed
