#pragma once
// SingleInstance: one SlotDesk window per user and database. The running instance holds a lock
// file and listens on a local socket (QLocalServer), both named after the user and the
// database. A later launch with the same database passes its request (e.g. which page to show)
// over the socket and exits, so there is never a second booking server fighting for the port.
// The lock decides who may (re)create the socket: a socket left behind by a crashed instance
// is replaced only by whoever holds the lock (QLockFile notices the dead owner), never while a
// live instance is merely slow to answer, and two launches at the same moment can't both win.

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace slotdesk::ui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // `key` names what must be unique (e.g. the canonical database location).
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    enum class Role {
        Primary,   // this process is the running instance (errorString() if unguarded)
        Forwarded, // a running instance took `message`: exit
        Unanswered // one holds the lock but didn't answer within the time: exit with a message
    };
    Role claim(const QString& message, int timeoutMs = 10000);

    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString serverName() const { return m_name; }

signals:
    // Another launch asked for the window; `message` is what it passed (may be empty).
    void activationRequested(const QString& message);

private:
    bool notifyRunning(const QString& message, int timeoutMs);
    void listen();

    QString m_name;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer* m_server = nullptr;
};

} // namespace slotdesk::ui
