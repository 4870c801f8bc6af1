#include "core/LeaseHolder.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace slotdesk {

LeaseHolder LeaseHolder::forThisProcess() {
    const qint64 pid = QCoreApplication::applicationPid();
    return {
        QStringLiteral("%1/%2").arg(pid).arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
        thisHost(), pid};
}

QString LeaseHolder::thisHost() {
    static const QString host = [] {
        QString name = QSysInfo::machineHostName();
#ifdef Q_OS_LINUX
        char target[64] = {};
        const ssize_t length = ::readlink("/proc/self/ns/pid", target, sizeof target - 1);
        if (length > 0)
            name += u'/' + QString::fromLatin1(target, int(length));
#endif
        return name;
    }();
    return host;
}

QString LeaseHolder::hostName() const {
    return host.section(u'/', 0, 0);
}

bool LeaseHolder::isGoneFromThisHost() const {
#ifdef Q_OS_UNIX
    if (pid <= 0 || host.isEmpty() || host != thisHost())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    return false;
#endif
}

} // namespace slotdesk
