#include "backup/BackupScheduler.h"

#include "backup/BackupService.h"
#include "storage/Database.h"

#include <QThread>

namespace slotdesk::backup {

BackupScheduler::BackupScheduler(const storage::Database& database, core::Clock clock,
                                 QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock)) {
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::checkNow);
}

BackupScheduler::~BackupScheduler() {
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool BackupScheduler::isAvailable() const {
    return m_database.dialect() == storage::SqlDialect::SQLite;
}

QString BackupScheduler::databaseFile() const {
    return m_database.filePath();
}

void BackupScheduler::start(std::chrono::milliseconds firstCheck,
                            std::chrono::milliseconds interval) {
    if (!isAvailable())
        return;
    QTimer::singleShot(firstCheck, this, &BackupScheduler::checkNow);
    m_timer.start(interval);
}

void BackupScheduler::checkNow() {
    run(Job::IfDue);
}

void BackupScheduler::backUpNow() {
    run(Job::Manual);
}

void BackupScheduler::run(Job job) {
    if (m_thread || !isAvailable())
        return;
    auto error = std::make_shared<QString>();
    auto ran = std::make_shared<bool>(false);
    m_thread = QThread::create([database = &m_database, clock = m_clock, job, error, ran] {
        // A connection of this thread's own (a QSqlDatabase belongs to the thread that opens it).
        auto db = database->openAgain();
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
    });
    connect(m_thread, &QThread::finished, this, [this, error, ran] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (*ran)
            emit finished(*error);
    });
    emit started();
    m_thread->start();
}

} // namespace slotdesk::backup
