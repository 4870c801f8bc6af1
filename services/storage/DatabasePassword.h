#pragma once
// DatabasePassword: where a PostgreSQL password may come from besides the URL — the OS keychain
// (QtKeychain, service "SlotDesk", key DatabaseUrl::keychainKey()) — and the database URL the GUI
// saved. Passwords never go to QSettings or a log; without one libpq falls back to PGPASSFILE /
// ~/.pgpass on its own.

#include "core/Result.h"
#include "storage/DatabaseUrl.h"

#include <QString>

namespace slotdesk::storage {

class DatabasePassword {
public:
    // QSettings SlotDesk/SlotDesk, key database/url; empty when unset. A password in it is
    // dropped (with a warning): settings are plain text.
    static QString savedUrl();
    static constexpr auto kSettingsKey = "database/url";

    // The password stored in the keychain for `url`; empty when there is none or no keychain
    // answers (within a few seconds). Blocks: call it before showing any window.
    static QString fromKeychain(const DatabaseUrl& url);
    // Stores `password` for `url` in the keychain (no plaintext fallback).
    static Status saveToKeychain(const DatabaseUrl& url, const QString& password);
};

} // namespace slotdesk::storage
