#pragma once
// KeychainPasswordSource: the SMTP password of an admin in the OS keychain
// (integration::KeychainSecretStore, key "mail/smtp/<user id>") and nowhere else — not in
// SQLite, not in the settings file, never in a log line. The calls wait for the keychain in a
// local event loop of the calling thread: use them from the CLI, from a worker thread (the
// desktop's "Send test e-mail", a delivery runner), or anywhere a nested event loop is harmless.
// Widgets talk to KeychainSecretStore asynchronously under keychainKey() instead.

#include "mail/PasswordSource.h"

namespace slotdesk::mail {

class KeychainPasswordSource : public PasswordSource {
public:
    // The keychain entry that holds `userId`'s SMTP password.
    static QString keychainKey(const QString& userId);

    // NotFound when none is stored; an Internal error when the keychain can't be used.
    Result<QString> password(const QString& userId) const override;
    Status store(const QString& userId, const QString& password) const;
    // A missing entry counts as removed.
    Status remove(const QString& userId) const;
    // Whether a password is stored (false when none; an error when the keychain can't tell).
    Result<bool> isStored(const QString& userId) const;

    // The message for "no password stored for this admin".
    static Error missingPassword();
};

} // namespace slotdesk::mail
