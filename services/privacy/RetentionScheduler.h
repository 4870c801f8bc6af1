#pragma once
// RetentionScheduler: applies the admins' retention rule (AttendeePrivacy::applyRetention) while
// SlotDesk runs — the window or `slotdesk-cli serve` — a minute after start and then every hour
// (a booking is anonymised within the hour its day comes), on a thread of its own with its own
// connection, so neither the window nor the booking endpoint waits. BackupScheduler's sibling;
// on both engines.

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class QThread;

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::privacy {

class RetentionScheduler : public QObject {
    Q_OBJECT
public:
    RetentionScheduler(const storage::Database& database, core::Clock clock,
                       QObject* parent = nullptr);
    ~RetentionScheduler() override; // waits for a run under way

    void start(std::chrono::milliseconds firstCheck = std::chrono::minutes(1),
               std::chrono::milliseconds interval = std::chrono::hours(1));

public slots:
    // One run now (unless one is under way).
    void checkNow();

signals:
    // After every run: how many bookings it anonymised, or what went wrong (`error` non-empty).
    void finished(int anonymised, const QString& error);

private:
    const storage::Database& m_database;
    core::Clock m_clock;
    QTimer m_timer;
    QThread* m_thread = nullptr;
};

} // namespace slotdesk::privacy
