#pragma once
// LogRedaction: what every log message goes through before it is written, whoever logged it —
// our categories and Qt's own (e.g. qt.network.* at debug level, OAuth redirects). Secrets
// are masked (token=…, access_token=…, "refresh_token":"…", Bearer …, a URL's password) and
// control characters are escaped, so a decoded path with CR/LF in it cannot forge a second line.

#include <QString>

namespace slotdesk {

// `message` with its secrets replaced by *** and its control characters (CR, LF, ESC, DEL,
// C1, Unicode line separators, bidi overrides) written as \r, \n, \xHH or \uHHHH; TAB is kept
// and line breaks at the end are dropped.
QString redactedLogMessage(const QString& message);

// `text` in double quotes, with control characters, quotes and backslashes escaped: for a
// value from outside (a request path) inside one of our own log lines.
QString logQuoted(const QString& text);

// Installs a Qt message handler that passes every message through redactedLogMessage() to the
// handler that was installed before (Qt's default one, or a test's). Call once, first thing in
// main(); later calls do nothing.
void installLogRedaction();

} // namespace slotdesk
