#pragma once
// ChangeWatcher: notices when anyone — this window, slotdesk-cli, the booking endpoint in another
// process — commits to the database, by polling Database::changeStamp() on a timer. The stamp is
// read on the DatabaseWorker's thread, so a slow database never holds up the window. Models
// reload on changed(), so the window stays current without a manual refresh.

#include <QObject>
#include <QTimer>

namespace slotdesk::models {

class DatabaseWorker;

class ChangeWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 500;

    // Reads the first stamp at once: changes are counted from then on.
    explicit ChangeWatcher(DatabaseWorker* worker, QObject* parent = nullptr);

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    [[nodiscard]] int interval() const { return m_timer.interval(); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    [[nodiscard]] bool isActive() const { return m_timer.isActive(); }

public slots:
    // Reads the stamp (after every job posted to the worker so far) and emits changed() if it
    // moved. Call it right after a change of your own to update every view at once instead of
    // at the next tick.
    void check();

signals:
    void changed();

private:
    DatabaseWorker* m_worker;
    QTimer m_timer;
    qint64 m_stamp = 0;
    bool m_haveStamp = false;
    bool m_baseline = true;   // the first read: what changes are counted from
    bool m_reading = false;   // a read is under way
    bool m_readAgain = false; // check() was called meanwhile: that read may predate its cause
};

} // namespace slotdesk::models
