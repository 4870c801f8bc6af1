#include "calendar/TokenStore.h"

#include "calendar/GoogleConfig.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokenStore, "slotdesk.calendar.keychain")

namespace slotdesk::google {
namespace {

// Jobs have no parent on purpose: QtKeychain's Secret Service backend calls back into a job
// when D-Bus answers, even if the job was deleted meanwhile. A job therefore lives until it
// has finished (auto-delete); whoever asked is reached through a connection to `context` only.
template <typename JobType> JobType* newJob(const QString& key) {
    auto* job = new JobType(keychainService());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

TokenStore::TokenStore(QObject* parent)
    : QObject(parent) {}

Error TokenStore::keychainError(int qkeychainError, const QString& detail) {
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

void TokenStore::read(const QString& key, QObject* context,
                      std::function<void(Result<GoogleTokens>)> done) {
    readSecret(key, context, [done = std::move(done)](Result<QByteArray> data) {
        if (!data) {
            done(data.error());
            return;
        }
        auto tokens = GoogleTokens::fromJson(*data);
        if (!tokens) {
            done(Error::notFound(
                QStringLiteral("The Google tokens in the system keychain are unreadable: reconnect "
                               "Google Calendar")));
            return;
        }
        done(*tokens);
    });
}

void TokenStore::write(const QString& key, const GoogleTokens& tokens, QObject* context,
                       std::function<void(Status)> done) {
    writeSecret(key, tokens.toJson(), context, std::move(done));
}

void TokenStore::readSecret(const QString& key, QObject* context,
                            std::function<void(Result<QByteArray>)> done) {
    auto* job = newJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            if (j->error() != QKeychain::EntryNotFound)
                qCWarning(lcTokenStore) << "keychain read failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData());
    });
    job->start();
}

void TokenStore::writeSecret(const QString& key, const QByteArray& secret, QObject* context,
                             std::function<void(Status)> done) {
    auto* job = newJob<QKeychain::WritePasswordJob>(key);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcTokenStore) << "keychain write failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(success());
    });
    job->start();
}

void TokenStore::remove(const QString& key, QObject* context, std::function<void(Status)> done) {
    auto* job = newJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            qCWarning(lcTokenStore) << "keychain delete failed:" << j->error();
            done(keychainError(j->error(), j->errorString()));
            return;
        }
        done(success());
    });
    job->start();
}

void TokenStore::probe(QObject* context, std::function<void(Status)> done) {
    read(QStringLiteral("google-calendar/probe"), context,
         [done = std::move(done)](Result<GoogleTokens> result) {
             if (result || result.error().code == ErrorCode::NotFound)
                 done(success());
             else
                 done(result.error());
         });
}

} // namespace slotdesk::google
