#pragma once
// A `slotdesk-cli serve` child process on 127.0.0.1 and a free port, its output captured in files
// (a pipe nobody reads could fill up and stall the server). Optionally started through a wrapper
// such as `prlimit --nofile=256:256 --`.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace slotdesk::test {

class ServerProcess {
public:
    // `cli`: the slotdesk-cli binary; `databaseArguments`: which database it serves
    // (`--data-dir DIR` or `--database URL`); LOGBASE.out and LOGBASE.err receive its output.
    ServerProcess(QString cli, QStringList databaseArguments, const QString& logBase);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts `serve --listen 127.0.0.1:0 EXTRA...` (through `wrapper...` when given) and waits
    // until it says where it listens.
    bool start(const QStringList& extraArguments = {},
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
               const QStringList& wrapper = {});
    // Sends `signal` and waits: the exit code, or -1 for a crash or a hang.
    int stop(int signal = 15 /* SIGTERM */);

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] QByteArray output() const;
    [[nodiscard]] QByteArray errors() const;

private:
    QString m_cli;
    QStringList m_databaseArguments;
    QString m_outPath;
    QString m_errPath;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace slotdesk::test
