#pragma once
// ChangeWatcher: notices when anyone — this window, slotdesk-cli, the booking endpoint in another
// process — commits to the database, by polling Database::changeStamp() on a timer. Models
// reload on changed(), so the window stays current without a manual refresh.

#include <QObject>
#include <QTimer>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {

class ChangeWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 500;

    explicit ChangeWatcher(storage::Database& database, QObject* parent = nullptr);

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    [[nodiscard]] int interval() const { return m_timer.interval(); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }

public slots:
    // Reads the stamp now and emits changed() if it moved. Call it right after a change of your
    // own to update every view at once instead of at the next tick.
    void check();

signals:
    void changed();

private:
    storage::Database& m_database;
    QTimer m_timer;
    qint64 m_stamp = 0;
    bool m_haveStamp = false;
};

} // namespace slotdesk::models
