#pragma once
// RateLimiter: at most N events per key (a client address) in a sliding window. In memory, so
// limits reset when the server restarts; good enough to stop a script flooding the queue.

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace slotdesk::web {

class RateLimiter {
public:
    RateLimiter(int limit, int windowSeconds)
        : m_limit(limit)
        , m_windowMs(qint64(windowSeconds) * 1000) {}

    // Records an attempt at `nowMs`; 0 when allowed, else the seconds until one more is.
    int attempt(const QString& key, qint64 nowMs);

private:
    int m_limit;
    qint64 m_windowMs;
    QHash<QString, QList<qint64>> m_events;
};

} // namespace slotdesk::web
