#include "mail/KeychainPasswordSource.h"

#include "integration/KeychainSecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace slotdesk::mail {
namespace {

constexpr int kKeychainTimeoutMs = 30000;

// Runs one asynchronous keychain call to its end in a local event loop; `call` gets the store,
// the context its callback is bound to, and a function that stores the outcome and ends the loop.
template <typename R, typename Call> R waitFor(Call call) {
    integration::KeychainSecretStore store;
    QEventLoop loop;
    std::optional<R> outcome;
    call(store, &loop, [&](R result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome) { // `done` never runs inside the call, but don't rely on it
        QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!outcome)
        return Error{ErrorCode::Internal,
                     QStringLiteral("The system keychain did not answer within %1 seconds: make "
                                    "sure it is running and unlocked")
                         .arg(kKeychainTimeoutMs / 1000),
                     {}};
    return std::move(*outcome);
}

} // namespace

QString KeychainPasswordSource::keychainKey(const QString& userId) {
    return QStringLiteral("mail/smtp/%1").arg(userId);
}

Error KeychainPasswordSource::missingPassword() {
    return Error::notFound(
        QStringLiteral("No SMTP password is stored in the system keychain: set one with "
                       "slotdesk-cli mail set --password-stdin or in Settings → E-mail"));
}

Result<QString> KeychainPasswordSource::password(const QString& userId) const {
    auto secret = waitFor<Result<QByteArray>>([&](auto& store, QObject* context, auto done) {
        store.readSecret(keychainKey(userId), context, std::move(done));
    });
    if (!secret)
        return secret.error().code == ErrorCode::NotFound ? missingPassword() : secret.error();
    return QString::fromUtf8(*secret);
}

Status KeychainPasswordSource::store(const QString& userId, const QString& password) const {
    if (password.isEmpty())
        return Error::validation(QStringLiteral("password"),
                                 QStringLiteral("The SMTP password is empty"));
    return waitFor<Status>([&](auto& store, QObject* context, auto done) {
        store.writeSecret(keychainKey(userId), password.toUtf8(), context, std::move(done));
    });
}

Status KeychainPasswordSource::remove(const QString& userId) const {
    return waitFor<Status>([&](auto& store, QObject* context, auto done) {
        store.remove(keychainKey(userId), context, std::move(done));
    });
}

Result<bool> KeychainPasswordSource::isStored(const QString& userId) const {
    auto found = password(userId);
    if (found)
        return true;
    if (found.error().code == ErrorCode::NotFound)
        return false;
    return found.error();
}

} // namespace slotdesk::mail
