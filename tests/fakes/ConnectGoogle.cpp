#include "fakes/ConnectGoogle.h"

#include "calendar/CalendarSyncService.h"
#include "fakes/FakeGoogleServer.h"

#include <QSignalSpy>

namespace slotdesk::test {

bool connectGoogle(CalendarSyncService& service, FakeGoogleServer& google) {
    QSignalSpy url(&service, &CalendarSyncService::authorizationUrlReady);
    QSignalSpy connected(&service, &CalendarSyncService::connectFinished);
    QSignalSpy synced(&service, &CalendarSyncService::syncFinished);
    service.connectGoogle();
    if (!url.wait(10000)) {
        qWarning("no authorization URL");
        return false;
    }
    google.actAsBrowser(url.first().first().toUrl());
    if (connected.isEmpty() && !connected.wait(10000)) {
        qWarning("connecting did not finish");
        return false;
    }
    if (!connected.first().first().toBool()) {
        qWarning("connect failed: %s", qPrintable(connected.first().last().toString()));
        return false;
    }
    return !synced.isEmpty() || synced.wait(20000);
}

} // namespace slotdesk::test
