#include "support/FeedServer.h"

#include <QFile>
#include <QJsonDocument>

namespace slotdesk::test {

FeedServer::FeedServer()
    : m_server(m_dir.filePath(QStringLiteral("server.log"))) {
    static const QRegularExpression listening(QStringLiteral(R"(PORT (\d+)\n)"));
    if (!m_server.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/feed_server.py"), m_dir.path()},
                        listening))
        qWarning("FeedServer: %s", qPrintable(m_server.errorText()));
}

QString FeedServer::url(const QString& secret) const {
    return QStringLiteral("http://127.0.0.1:%1/feeds/%2.ics").arg(port()).arg(secret);
}

bool FeedServer::setFeed(const QByteArray& ics) {
    return write(QStringLiteral("feed.ics"), ics);
}

bool FeedServer::setStatus(int status) {
    if (status == 200)
        return QFile::remove(m_dir.filePath(QStringLiteral("status")));
    return write(QStringLiteral("status"), QByteArray::number(status));
}

QList<QJsonObject> FeedServer::requests() const {
    QFile file(m_dir.filePath(QStringLiteral("requests.jsonl")));
    QList<QJsonObject> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd())
        out.append(QJsonDocument::fromJson(file.readLine()).object());
    return out;
}

bool FeedServer::write(const QString& name, const QByteArray& data) {
    QFile file(m_dir.filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace slotdesk::test
