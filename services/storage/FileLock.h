#pragma once
// FileLock: an advisory lock on a file (flock(2) on POSIX, LockFileEx on Windows), shared or
// exclusive, held for as long as the object lives. The kernel drops it when the process ends,
// however it ends (kill -9 included), so a lock is never left behind by a crash. Each FileLock
// opens the file itself: two locks in one process conflict like locks of two processes.

#include "core/Result.h"

#include <QString>

namespace slotdesk::storage {

class FileLock {
public:
    enum class Mode { Shared, Exclusive };

    // Locks `path` (created 0600 if missing), waiting up to `waitMs` for a conflicting holder
    // to let go (0: not at all). Conflict when it is still held then.
    static Result<FileLock> acquire(const QString& path, Mode mode, int waitMs);

    FileLock() = default;
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    [[nodiscard]] bool isLocked() const { return m_handle != kNoHandle; }
    void release();

private:
#ifdef Q_OS_WIN
    using Handle = void*;
#else
    using Handle = int;
#endif
    static constexpr Handle kNoHandle = Handle{};
    explicit FileLock(Handle handle)
        : m_handle(handle) {}

    Handle m_handle = kNoHandle;
};

} // namespace slotdesk::storage
