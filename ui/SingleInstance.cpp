#include "ui/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QThread>

namespace slotdesk::ui {
namespace {

// One line of UTF-8 each way: the request, then "ok".
constexpr char kAck[] = "ok\n";

QString userName() {
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent) {
    // Short and free of path characters: socket names become file names on Unix.
    const QByteArray digest =
        QCryptographicHash::hash((userName() + u'\n' + key).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    m_name = QStringLiteral("slotdesk-") + QString::fromLatin1(digest);
}

SingleInstance::~SingleInstance() = default;

SingleInstance::Role SingleInstance::claim(const QString& message, int timeoutMs) {
    m_lock = std::make_unique<QLockFile>(QDir::temp().filePath(m_name + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0); // stale only when its owner is gone, however old
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (notifyRunning(message, 1000))
            return Role::Forwarded;
        if (m_lock->tryLock(0)) {
            listen();
            return Role::Primary;
        }
        // Held by a live instance that is starting up (or busy): ask again.
        if (waited.elapsed() > timeoutMs)
            return Role::Unanswered;
        QThread::msleep(200);
    }
}

bool SingleInstance::notifyRunning(const QString& message, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray line = message.toUtf8();
    line.replace('\n', ' ');
    socket.write(line + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine() == kAck;
}

void SingleInstance::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // We hold the lock, so a socket by this name was left by an instance that died.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name)) {
        m_error = m_server->errorString();
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QString message = QString::fromUtf8(socket->readLine()).trimmed();
                socket->write(kAck);
                socket->flush();
                socket->disconnectFromServer();
                emit activationRequested(message);
            });
        }
    });
}

} // namespace slotdesk::ui
