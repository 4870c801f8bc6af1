#include "support/ServerProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

namespace slotdesk::test {
namespace {

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ServerProcess::ServerProcess(QString cli, QStringList databaseArguments, const QString& logBase)
    : m_cli(std::move(cli))
    , m_databaseArguments(std::move(databaseArguments))
    , m_outPath(logBase + QStringLiteral(".out"))
    , m_errPath(logBase + QStringLiteral(".err")) {}

ServerProcess::~ServerProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool ServerProcess::start(const QStringList& extraArguments, const QProcessEnvironment& environment,
                          const QStringList& wrapper) {
    m_process.setProcessEnvironment(environment);
    m_process.setStandardOutputFile(m_outPath);
    m_process.setStandardErrorFile(m_errPath);
    QStringList arguments = m_databaseArguments;
    arguments +=
        {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    arguments += extraArguments;
    if (wrapper.isEmpty()) {
        m_process.start(m_cli, arguments);
    } else {
        m_process.start(wrapper.first(), wrapper.mid(1) + QStringList{m_cli} + arguments);
    }
    if (!m_process.waitForStarted(30000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral(R"(SlotDesk booking endpoint listening on http://127\.0\.0\.1:(\d+)\n)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        const auto match = listening.match(QString::fromUtf8(output()));
        if (match.hasMatch()) {
            m_port = match.captured(1).toUShort();
            return m_port != 0;
        }
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(20);
    }
    return false;
}

int ServerProcess::stop(int signal) {
    if (m_process.state() == QProcess::NotRunning)
        return -1;
    ::kill(static_cast<pid_t>(m_process.processId()), signal);
    if (!m_process.waitForFinished(60000)) {
        m_process.kill();
        m_process.waitForFinished(10000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray ServerProcess::output() const {
    return readFile(m_outPath);
}

QByteArray ServerProcess::errors() const {
    return readFile(m_errPath);
}

} // namespace slotdesk::test
