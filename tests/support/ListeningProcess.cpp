#include "support/ListeningProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>

namespace slotdesk::test {
namespace {

constexpr int kStartTimeoutMs = 60'000;

bool accepts(quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    const bool connected = socket.waitForConnected(1000);
    socket.abort();
    return connected;
}

} // namespace

ListeningProcess::ListeningProcess(QString logFile, QIODevice::OpenMode logMode)
    : m_logFile(std::move(logFile))
    , m_logMode(logMode) {}

ListeningProcess::~ListeningProcess() {
    stop();
}

bool ListeningProcess::start(const QString& program, const QStringList& arguments,
                             const QRegularExpression& listening) {
    stop();
    m_error.clear();
    m_port = 0;
    const qint64 logStart = m_logMode & QIODevice::Append ? QFileInfo(m_logFile).size() : 0;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_logFile, m_logMode);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(30000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kStartTimeoutMs && isRunning()) {
        if (m_port == 0) {
            const auto match = listening.match(QString::fromUtf8(log().mid(logStart)));
            if (match.hasMatch())
                m_port = match.captured(1).toUShort();
        }
        if (m_port != 0 && accepts(m_port))
            return true;
        m_process.waitForFinished(100);
    }
    m_port = 0;
    m_error = QStringLiteral("%1 did not start: %2")
                  .arg(program, QString::fromUtf8(log().mid(logStart).right(2000)));
    return false;
}

void ListeningProcess::stop() {
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(15000);
    }
}

QByteArray ListeningProcess::log() const {
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace slotdesk::test
