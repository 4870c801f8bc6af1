#include "integration/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

#include <memory>
#include <optional>

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

// Runs a `JobType` job for `key` — prepared by `setUp` — on the application's main thread, and
// `done(answer(job))` on `context`'s thread once it has finished. QtKeychain queues the jobs of
// the whole process in one object, which belongs to the thread of the first job and must not be
// used from another; SlotDesk reaches the keychain from several threads (the window, the
// desktop's service thread, the mail delivery), so every job is made, run and finished on one.
template <typename JobType, typename Outcome>
void runOnMainThread(const QString& key, std::function<void(JobType*)> setUp,
                     std::function<Outcome(QKeychain::Job*)> answer, QObject* context,
                     std::function<void(Outcome)> done) {
    auto outcome = std::make_shared<std::optional<Outcome>>();
    // Made here, so that it is tied to `context` while that surely exists; it ends on the main
    // thread once the job has answered, and its end hands the outcome to `context`'s thread
    // (nothing, if `context` has gone meanwhile).
    auto* relay = new QObject;
    QObject::connect(relay, &QObject::destroyed, context, [outcome, done = std::move(done)] {
        if (*outcome)
            done(std::move(**outcome));
    });
    relay->moveToThread(QCoreApplication::instance()->thread());
    QMetaObject::invokeMethod(
        relay, [relay, key, setUp = std::move(setUp), answer = std::move(answer), outcome] {
            auto* job = newJob<JobType>(key);
            if (setUp)
                setUp(job);
            QObject::connect(job, &QKeychain::Job::finished, relay,
                             [relay, answer, outcome](QKeychain::Job* finished) {
                                 *outcome = answer(finished);
                                 relay->deleteLater();
                             });
            job->start();
        });
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
    runOnMainThread<QKeychain::ReadPasswordJob, Result<QByteArray>>(
        key, {},
        [](QKeychain::Job* job) -> Result<QByteArray> {
            if (job->error() != QKeychain::NoError) {
                if (job->error() != QKeychain::EntryNotFound)
                    qCWarning(lcKeychain) << "keychain read failed:" << job->error();
                return keychainError(job->error(), job->errorString());
            }
            return static_cast<QKeychain::ReadPasswordJob*>(job)->binaryData();
        },
        context, std::move(done));
}

void KeychainSecretStore::writeSecret(const QString& key, const QByteArray& secret,
                                      QObject* context, std::function<void(Status)> done) {
    runOnMainThread<QKeychain::WritePasswordJob, Status>(
        key, [secret](QKeychain::WritePasswordJob* job) { job->setBinaryData(secret); },
        [](QKeychain::Job* job) -> Status {
            if (job->error() != QKeychain::NoError) {
                qCWarning(lcKeychain) << "keychain write failed:" << job->error();
                return keychainError(job->error(), job->errorString());
            }
            return success();
        },
        context, std::move(done));
}

void KeychainSecretStore::remove(const QString& key, QObject* context,
                                 std::function<void(Status)> done) {
    runOnMainThread<QKeychain::DeletePasswordJob, Status>(
        key, {},
        [](QKeychain::Job* job) -> Status {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
                qCWarning(lcKeychain) << "keychain delete failed:" << job->error();
                return keychainError(job->error(), job->errorString());
            }
            return success();
        },
        context, std::move(done));
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
