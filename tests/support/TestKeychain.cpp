#include "support/TestKeychain.h"

#include "integration/KeychainSecretStore.h"
#include "integration/OAuthTokenStore.h"

#include <QObject>
#include <QTest>

#include <optional>

namespace slotdesk::test {

namespace {

QString probeKeychain() {
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("No D-Bus session bus: the keychain tests need an unlocked Secret "
                              "Service (run them through tools/test.sh, which starts "
                              "dbus-run-session and gnome-keyring)");
    // A write, not only a read: reading a missing entry "succeeds" even when the Secret Service
    // has no usable (unlocked) collection to write to.
    QObject context;
    integration::OAuthTokenStore store;
    const QString key = QStringLiteral("test/keychain-probe");
    std::optional<Status> written;
    store.writeSecret(key, QByteArrayLiteral("probe"), &context,
                      [&written](Status status) { written = std::move(status); });
    if (!QTest::qWaitFor([&written] { return written.has_value(); }, 30'000))
        return QStringLiteral("The Secret Service did not answer within 30 s");
    if (!*written)
        return QStringLiteral("No unlocked Secret Service: %1").arg(written->error().message);
    std::optional<Status> removed;
    store.remove(key, &context, [&removed](Status status) { removed = std::move(status); });
    (void)QTest::qWaitFor([&removed] { return removed.has_value(); }, 30'000);
    return {};
}

} // namespace

QString keychainUnavailable() {
    static const QString why = probeKeychain();
    return why;
}

bool keychainRequired() {
    return qEnvironmentVariableIntValue("SLOTDESK_TEST_REQUIRE_KEYCHAIN") != 0;
}

Result<integration::OAuthTokens> keychainTokens(const QString& key) {
    QObject context;
    integration::OAuthTokenStore store;
    std::optional<Result<integration::OAuthTokens>> result;
    store.read(key, &context,
               [&result](Result<integration::OAuthTokens> r) { result = std::move(r); });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 10'000);
    return result.value_or(Error::notFound(QStringLiteral("The keychain did not answer")));
}

QString keychainSecret(const QString& key) {
    integration::KeychainSecretStore store;
    std::optional<QString> value;
    store.readSecret(key, &store, [&value](Result<QByteArray> secret) {
        value = secret ? QString::fromUtf8(*secret) : QStringLiteral("<none>");
    });
    (void)QTest::qWaitFor([&value] { return value.has_value(); }, 10'000);
    return value.value_or(QStringLiteral("<no answer>"));
}

bool forgetKeychainEntries(QStringList& keys) {
    QObject context;
    integration::OAuthTokenStore store;
    bool forgotten = true;
    for (const auto& key : std::exchange(keys, {})) {
        std::optional<Status> removed;
        store.remove(key, &context, [&removed](Status s) { removed = std::move(s); });
        forgotten = QTest::qWaitFor([&removed] { return removed.has_value(); }, 10'000) &&
                    *removed && forgotten;
    }
    return forgotten;
}

bool writeKeychainSecret(const QString& key, const QByteArray& secret, QStringList& written) {
    integration::KeychainSecretStore store;
    std::optional<Status> stored;
    store.writeSecret(key, secret, &store, [&stored](Status s) { stored = std::move(s); });
    written.append(key);
    return QTest::qWaitFor([&stored] { return stored.has_value(); }, 10'000) && *stored;
}

} // namespace slotdesk::test
