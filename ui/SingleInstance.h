#pragma once
// SingleInstance: one SlotDesk window per user and database. The first launch listens on a
// local socket (QLocalServer) named after the user and the database; a second launch with the
// same database finds it, passes its request on (e.g. which page to show) and exits, so there
// is never a second booking server fighting for the port. A socket left behind by a crashed
// instance is noticed (nobody answers) and replaced.

#include <QObject>
#include <QString>

class QLocalServer;

namespace slotdesk::ui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // `key` names what must be unique (e.g. the database's display name).
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Asks a running instance to come forward with `message`. True when one answered: this
    // process should then exit.
    bool notifyRunning(const QString& message, int timeoutMs = 2000);
    // Becomes the running instance. False (with errorString()) when the socket can't be made.
    bool listen();
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString serverName() const { return m_name; }

signals:
    // Another launch asked for the window; `message` is what it passed (may be empty).
    void activationRequested(const QString& message);

private:
    QString m_name;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace slotdesk::ui
