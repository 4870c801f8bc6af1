#pragma once
// connectGoogle(): a CalendarSyncService connected to a FakeGoogleServer the way an admin does it
// — the loopback OAuth flow, the fake acting as the browser — and its first sync waited for.

namespace slotdesk {
class CalendarSyncService;
}

namespace slotdesk::test {

class FakeGoogleServer;

// True once connected and synced; false (and why, as a warning) otherwise. The service lives on
// this thread; the tokens go to the keychain (the caller forgets them afterwards).
bool connectGoogle(CalendarSyncService& service, FakeGoogleServer& google);

} // namespace slotdesk::test
