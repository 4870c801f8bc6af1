#pragma once
// KeychainSecretStore: secrets by key in the OS keychain through QtKeychain (service "SlotDesk",
// one entry per key) with the insecure plaintext fallback switched off — OAuth tokens
// (OAuthTokenStore), Zoom's client secret, and next an SMTP or CalDAV password or a private
// ICS-feed URL. When the keychain is missing or locked the caller gets an error that says so;
// nothing is written anywhere else. Every call is asynchronous: `done` runs later on the event
// loop of `context`'s thread, never inside the call, and not at all if `context` is destroyed
// first. Any thread may call it; the keychain work itself runs on the application's main thread
// (QtKeychain is not safe to use from several), so that thread's event loop must be running.

#include "core/Result.h"

#include <QByteArray>
#include <QObject>

#include <functional>

namespace slotdesk::integration {

class KeychainSecretStore : public QObject {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);

    // The QtKeychain service name every entry is filed under.
    static QString serviceName();

    // NotFound when there is no entry; an Internal error when the keychain can't be used.
    void readSecret(const QString& key, QObject* context,
                    std::function<void(Result<QByteArray>)> done);
    void writeSecret(const QString& key, const QByteArray& secret, QObject* context,
                     std::function<void(Status)> done);
    // A missing entry counts as removed.
    void remove(const QString& key, QObject* context, std::function<void(Status)> done);
    // Whether the keychain answers at all (a read of an entry that doesn't exist).
    void probe(QObject* context, std::function<void(Status)> done);

    // The one-line explanation for a keychain failure (a QKeychain::Error and its text).
    static Error keychainError(int qkeychainError, const QString& detail);
};

} // namespace slotdesk::integration
