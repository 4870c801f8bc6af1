#include "backup/BackupScheduler.h"

#include "backup/BackupService.h"
#include "storage/Database.h"

namespace slotdesk::backup {

bool BackupScheduler::isAvailable() const {
    return database().dialect() == storage::SqlDialect::SQLite;
}

QString BackupScheduler::databaseFile() const {
    return database().filePath();
}

void BackupScheduler::checkNow() {
    run(Job::IfDue);
}

void BackupScheduler::backUpNow() {
    run(Job::Manual);
}

void BackupScheduler::run(Job job) {
    auto error = std::make_shared<QString>();
    auto ran = std::make_shared<bool>(false);
    const bool running = runOnThread(
        [clock = clock(), job, error, ran](Connection db) {
            if (!db) {
                *error = db.error().message;
                *ran = true;
                qCWarning(lcBackup).noquote()
                    << QStringLiteral("No backup: cannot open the database: %1").arg(*error);
                return;
            }
            BackupService service((*db)->filePath(), clock);
            if (job == Job::Manual) {
                auto made = service.create((*db)->connection(), QStringLiteral("manual"));
                *ran = true;
                if (!made)
                    *error = made.error().message;
                return;
            }
            auto made = service.runIfDue((*db)->connection());
            if (!made) {
                *ran = true;
                *error = made.error().message;
            } else {
                *ran = made->has_value();
            }
        },
        [this, error, ran] {
            if (*ran)
                emit finished(*error);
        });
    if (running)
        emit started();
}

} // namespace slotdesk::backup
