#include "privacy/RetentionScheduler.h"

#include "privacy/AttendeePrivacy.h"
#include "storage/Database.h"

#include <QThread>

namespace slotdesk::privacy {

RetentionScheduler::RetentionScheduler(const storage::Database& database, core::Clock clock,
                                       QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock)) {
    connect(&m_timer, &QTimer::timeout, this, &RetentionScheduler::checkNow);
}

RetentionScheduler::~RetentionScheduler() {
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void RetentionScheduler::start(std::chrono::milliseconds firstCheck,
                               std::chrono::milliseconds interval) {
    QTimer::singleShot(firstCheck, this, &RetentionScheduler::checkNow);
    m_timer.start(interval);
}

void RetentionScheduler::checkNow() {
    if (m_thread)
        return;
    auto outcome = std::make_shared<Result<int>>(0);
    m_thread = QThread::create([database = &m_database, clock = m_clock, outcome] {
        // A connection of this thread's own (a QSqlDatabase belongs to the thread that opens it).
        auto db = database->openAgain();
        if (!db) {
            *outcome = db.error();
            return;
        }
        *outcome = AttendeePrivacy(**db, clock).applyRetention();
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (!*outcome) {
            qCWarning(lcPrivacy).noquote()
                << QStringLiteral("Retention: attendee data not anonymised: %1")
                       .arg(outcome->error().message);
            emit finished(0, outcome->error().message);
            return;
        }
        if (**outcome > 0)
            qCInfo(lcPrivacy).noquote()
                << QStringLiteral("Retention: anonymised the attendee data of %1 booking(s)")
                       .arg(**outcome);
        emit finished(**outcome, {});
    });
    m_thread->start();
}

} // namespace slotdesk::privacy
