#pragma once
// quitOnSignals: SIGINT and SIGTERM end the event loop (QCoreApplication::quit()) instead of the
// process, so that `slotdesk-cli serve` and the desktop app shut down the way they do on Quit:
// destructors run, a calendar sync under way gives its lease back, claims are released.

class QObject;

namespace slotdesk {

// Installs the handlers (once per process); `parent` owns the notifier that sees the signal (a
// later call moves it to the new parent).
void quitOnSignals(QObject* parent);

} // namespace slotdesk
