#pragma once
// TokenStore: Google and Zoom tokens (and Zoom's client secret) in the OS keychain through
// QtKeychain (service "SlotDesk", one entry per key), with the insecure plaintext fallback
// switched off. When the
// keychain is missing or locked the caller gets an error that says so — nothing is written
// anywhere else. Every call is asynchronous; `done` runs later on the event loop, never inside
// the call, and not at all if `context` (or the store) is destroyed first.

#include "calendar/GoogleTokens.h"
#include "core/Result.h"

#include <QObject>

#include <functional>

namespace slotdesk::google {

class TokenStore : public QObject {
    Q_OBJECT
public:
    explicit TokenStore(QObject* parent = nullptr);

    // NotFound when there is no entry; an Internal error when the keychain can't be used.
    void read(const QString& key, QObject* context, std::function<void(Result<GoogleTokens>)> done);
    void write(const QString& key, const GoogleTokens& tokens, QObject* context,
               std::function<void(Status)> done);
    // The same for a plain secret (Zoom's OAuth client secret) instead of a token pair.
    void readSecret(const QString& key, QObject* context,
                    std::function<void(Result<QByteArray>)> done);
    void writeSecret(const QString& key, const QByteArray& secret, QObject* context,
                     std::function<void(Status)> done);
    // A missing entry counts as removed.
    void remove(const QString& key, QObject* context, std::function<void(Status)> done);
    // Whether the keychain answers at all (a read of an entry that doesn't exist).
    void probe(QObject* context, std::function<void(Status)> done);

    // The one-line explanation for a keychain failure.
    static Error keychainError(int qkeychainError, const QString& detail);
};

} // namespace slotdesk::google
