#pragma once
// FeedServer: tests/support/feed_server.py (Python's http.server) on 127.0.0.1 and a free port,
// in a throwaway directory of its own: the feed it serves (with ETag and Last-Modified), the
// status to answer instead, and the log of the requests it got. For the ICS feed suites.

#include "support/ListeningProcess.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

namespace slotdesk::test {

class FeedServer {
public:
    // Starts the server; port() is 0 when it did not come up.
    FeedServer();

    [[nodiscard]] quint16 port() const { return m_server.port(); }
    // The feed's address, with `secret` in its path (as a secret feed link has).
    [[nodiscard]] QString url(const QString& secret) const;
    bool setFeed(const QByteArray& ics);
    // 200 serves the feed; any other status is answered instead.
    bool setStatus(int status);
    // The requests so far, oldest first.
    [[nodiscard]] QList<QJsonObject> requests() const;

private:
    bool write(const QString& name, const QByteArray& data);

    QTemporaryDir m_dir;
    ListeningProcess m_server;
};

} // namespace slotdesk::test
