#include "integration/KeychainSecretStore.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "slotdesk.integration.keychain")

namespace slotdesk::integration {
namespace {

// Jobs have no parent on purpose: QtKeychain's Secret Service backend calls back into a job
// when D-Bus answers, even if the job was deleted meanwhile. A job therefore lives until it
// has finished (auto-delete); whoever asked is reached through a connection to `context` only.
template <typename JobType> JobType* newJob(const QString& key) {
    auto* job = new JobType(KeychainSecretStore::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : QObject(parent) {}

QString KeychainSecretStore::serviceName() {
    return QStringLiteral("SlotDesk");
}

Error KeychainSecretStore::keychainError(int qkeychainError, const QString& detail) {
    const QString why = detail.simplified();
    switch (qkeychainError) {
    case QKeychain::EntryNotFound:
        return Error::notFound(
            QStringLiteral("No sign-in tokens for this account in the system keychain: "
                           "reconnect it on the Integrations page"));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {ErrorCode::Internal,
                QStringLiteral("The system keychain refused access (%1). SlotDesk keeps its "
                               "sign-in tokens and secrets only there: unlock your keyring and try "
                               "again.")
                    .arg(why),
                {}};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {ErrorCode::Internal,
                QStringLiteral("No system keychain is available (%1). SlotDesk keeps its "
                               "sign-in tokens and secrets only in the keychain: start a Secret "
                               "Service such as gnome-keyring or KWallet and try again.")
                    .arg(why),
                {}};
    default:
        return {ErrorCode::Internal,
                QStringLiteral("The system keychain could not be used (%1). SlotDesk keeps its "
                               "sign-in tokens and secrets only there: make sure a Secret Service "
                               "such as gnome-keyring or KWallet is running and unlocked, then "
                               "try again.")
                    .arg(why),
                {}};
    }
}

void KeychainSecretStore::readSecret(const QString& key, QObject* context,
                                     std::function<void(Result<QByteArray>)> done) {
    auto* job = newJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            if (j->error() != QKeychain::EntryNotFound)
                qCWarning(lcKeychain) << "keychain read failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData());
    });
    job->start();
}

void KeychainSecretStore::writeSecret(const QString& key, const QByteArray& secret,
                                      QObject* context, std::function<void(Status)> done) {
    auto* job = newJob<QKeychain::WritePasswordJob>(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcKeychain) << "keychain write failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(success());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, QObject* context,
                                 std::function<void(Status)> done) {
    auto* job = newJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            qCWarning(lcKeychain) << "keychain delete failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(success());
    });
    job->start();
}

void KeychainSecretStore::probe(QObject* context, std::function<void(Status)> done) {
    readSecret(QStringLiteral("slotdesk/keychain-probe"), context,
               [done = std::move(done)](const Result<QByteArray>& result) {
                   if (result || result.error().code == ErrorCode::NotFound)
                       done(success());
                   else
                       done(result.error());
               });
}

} // namespace slotdesk::integration
