#include "storage/DatabasePassword.h"

#include "storage/SqlSupport.h"

#include <QEventLoop>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace slotdesk::storage {
namespace {

const QString kService = QStringLiteral("SlotDesk");
constexpr int kKeychainTimeoutMs = 10000;

// Without a session bus (a server, a container) the Secret Service can't answer: don't try.
bool keychainReachable() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
#else
    return true;
#endif
}

// Runs `job` to completion; false on timeout.
bool runJob(QKeychain::Job* job) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    timeout.start(kKeychainTimeoutMs);
    job->start();
    loop.exec();
    return timeout.isActive();
}

} // namespace

QString DatabasePassword::savedUrl() {
    const QSettings settings(QStringLiteral("SlotDesk"), QStringLiteral("SlotDesk"));
    const QString text = settings.value(QLatin1String(kSettingsKey)).toString();
    if (text.isEmpty())
        return {};
    auto url = DatabaseUrl::parse(text);
    if (url && !url->password.isEmpty()) {
        qCWarning(lcStorage) << "ignoring the password in the saved database URL" << url->masked()
                             << "- keep it in the keychain or ~/.pgpass";
        url->password.clear();
        return url->masked();
    }
    return text;
}

QString DatabasePassword::fromKeychain(const DatabaseUrl& url) {
    if (!keychainReachable())
        return {};
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(url.keychainKey());
    if (!runJob(&job)) {
        qCDebug(lcStorage) << "the keychain did not answer; connecting without a stored password";
        return {};
    }
    if (job.error() != QKeychain::NoError) {
        if (job.error() != QKeychain::EntryNotFound)
            qCDebug(lcStorage) << "keychain read failed:" << job.errorString();
        return {};
    }
    return job.textData();
}

Status DatabasePassword::saveToKeychain(const DatabaseUrl& url, const QString& password) {
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(url.keychainKey());
    job.setTextData(password);
    if (!runJob(&job))
        return Error{ErrorCode::Internal, QStringLiteral("The system keychain did not answer"), {}};
    if (job.error() != QKeychain::NoError)
        return Error{ErrorCode::Internal,
                     QStringLiteral("The system keychain failed: %1").arg(job.errorString()),
                     {}};
    return success();
}

} // namespace slotdesk::storage
