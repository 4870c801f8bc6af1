#pragma once
// TestKeychain: whether the suites that store tokens can reach an unlocked Secret Service.
// tools/test.sh runs them in a private D-Bus session with an unlocked gnome-keyring and sets
// SLOTDESK_TEST_REQUIRE_KEYCHAIN=1, so there a missing or locked keychain fails the suite
// instead of skipping it: a broken keyring in CI must not pass as green.

#include "core/Result.h"
#include "integration/OAuthTokens.h"

#include <QString>
#include <QStringList>

// In init() or a test function (of a file that includes QTest): skips the test when no keychain
// answers, or fails it under SLOTDESK_TEST_REQUIRE_KEYCHAIN=1.
#define SLOTDESK_REQUIRE_TEST_KEYCHAIN()                                                           \
    do {                                                                                           \
        if (const QString why = slotdesk::test::keychainUnavailable(); !why.isEmpty()) {           \
            if (slotdesk::test::keychainRequired())                                                \
                QFAIL(qPrintable(why + QStringLiteral(" (SLOTDESK_TEST_REQUIRE_KEYCHAIN=1: this "  \
                                                      "run promised a working keychain)")));       \
            QSKIP(qPrintable(why));                                                                \
        }                                                                                          \
    } while (false)

namespace slotdesk::test {

// Why the keychain can't be used (no D-Bus session bus, or the Secret Service doesn't answer or
// is locked), or an empty string. Asked once per process; the answer is kept.
QString keychainUnavailable();
// Whether SLOTDESK_TEST_REQUIRE_KEYCHAIN=1 is set.
bool keychainRequired();
// The tokens SlotDesk left in the keychain entry `key` (waits up to 10 s for the keychain).
Result<integration::OAuthTokens> keychainTokens(const QString& key);
// The secret in the keychain entry `key` as text: "<none>" when there is none, "<no answer>" when
// the keychain does not answer within 10 s.
QString keychainSecret(const QString& key);
// Removes the keychain entries `keys` (empties the list), waiting up to 10 s for each: what a
// suite's cleanup() does so as to leave nothing in the keyring. False if one did not go.
bool forgetKeychainEntries(QStringList& keys);
// Stores `secret` in the keychain entry `key` (a feed's address, a CalDAV password) as
// KeychainSecretStore does, waiting up to 10 s; adds `key` to `written` for
// forgetKeychainEntries(). False if it was not stored.
bool writeKeychainSecret(const QString& key, const QByteArray& secret, QStringList& written);

} // namespace slotdesk::test
