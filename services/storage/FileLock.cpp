#include "storage/FileLock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>
#include <QtGlobal>

#ifdef Q_OS_WIN
#include <windows.h>
#endif
#include <cerrno>
#ifndef Q_OS_WIN
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

#include <utility>

namespace slotdesk::storage {
namespace {

#ifdef Q_OS_WIN
using Handle = void*;
Handle openForLocking(const QString& path) {
    const HANDLE h =
        CreateFileW(reinterpret_cast<const wchar_t*>(path.utf16()), GENERIC_READ | GENERIC_WRITE,
                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                    FILE_ATTRIBUTE_NORMAL, nullptr);
    return h == INVALID_HANDLE_VALUE ? nullptr : h;
}
bool tryLock(Handle h, FileLock::Mode mode) {
    OVERLAPPED at{};
    const DWORD flags = LOCKFILE_FAIL_IMMEDIATELY |
                        (mode == FileLock::Mode::Exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0);
    return LockFileEx(h, flags, 0, 1, 0, &at) != 0;
}
void closeHandle(Handle h) {
    CloseHandle(h); // releases the lock
}
#else
using Handle = int;
// A descriptor 0 is possible in theory; FileLock uses 0 as "none", so move it out of the way.
Handle openForLocking(const QString& path) {
    int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd == 0) {
        const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 1);
        ::close(fd);
        fd = moved;
    }
    return fd < 0 ? 0 : fd;
}
bool tryLock(Handle fd, FileLock::Mode mode) {
    const int operation = (mode == FileLock::Mode::Exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
    int rc = 0;
    do {
        rc = ::flock(fd, operation);
    } while (rc != 0 && errno == EINTR);
    return rc == 0;
}
void closeHandle(Handle fd) {
    ::close(fd); // releases the lock
}
#endif

} // namespace

Result<FileLock> FileLock::acquire(const QString& path, Mode mode, int waitMs) {
    const Handle handle = openForLocking(path);
    if (handle == kNoHandle)
        return Error::storage(
            QStringLiteral("Cannot open %1: %2").arg(path, qt_error_string(errno)));
    const QDeadlineTimer deadline(waitMs);
    while (!tryLock(handle, mode)) {
        if (deadline.hasExpired()) {
            closeHandle(handle);
            return Error::conflict(QStringLiteral("%1 is locked by another process").arg(path));
        }
        QThread::msleep(20);
    }
    return FileLock(handle);
}

FileLock::FileLock(FileLock&& other) noexcept
    : m_handle(std::exchange(other.m_handle, kNoHandle)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        release();
        m_handle = std::exchange(other.m_handle, kNoHandle);
    }
    return *this;
}

FileLock::~FileLock() {
    release();
}

void FileLock::release() {
    if (m_handle != kNoHandle)
        closeHandle(std::exchange(m_handle, kNoHandle));
}

} // namespace slotdesk::storage
