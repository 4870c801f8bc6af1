#pragma once
// ListeningProcess: a test server run as a child process (Radicale, the SMTP and feed servers of
// tests/support) — started, waited for until its output names the port of 127.0.0.1 it listens
// on and that port takes connections, and stopped (SIGTERM, SIGKILL if it lingers). What it
// prints (standard output and error) goes to a log file.

#include <QByteArray>
#include <QIODevice>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace slotdesk::test {

class ListeningProcess {
public:
    // `logFile` receives the server's output: anew at each start (Truncate) or after what the
    // earlier runs printed (Append).
    explicit ListeningProcess(QString logFile, QIODevice::OpenMode logMode = QIODevice::Truncate);
    ~ListeningProcess();
    ListeningProcess(const ListeningProcess&) = delete;
    ListeningProcess& operator=(const ListeningProcess&) = delete;

    // Starts `program arguments` (stopping a running one first) and waits up to 60 s until
    // `listening`, whose first group is the port, matches what this run printed and the port
    // accepts a connection. False, with the reason in errorText(), when it does not.
    bool start(const QString& program, const QStringList& arguments,
               const QRegularExpression& listening);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] quint16 port() const { return m_port; }
    // Why start() failed, with the end of the log.
    [[nodiscard]] QString errorText() const { return m_error; }
    // What the server printed (in Append mode, its earlier runs too).
    [[nodiscard]] QByteArray log() const;

private:
    QString m_logFile;
    QIODevice::OpenMode m_logMode;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace slotdesk::test
