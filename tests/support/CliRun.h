#pragma once
// CliRun: what one slotdesk-cli command left behind — its exit code and what it printed — for the
// suites that run the CLI, in process or as the real binary.

#include <QProcess>
#include <QString>

namespace slotdesk::test {

struct CliRun {
    int exitCode = -1; // -1: it crashed, or did not end
    QString out;
    QString err;

    // A finished `process` (one that crashed or still runs reads as exit code -1).
    static CliRun of(QProcess& process) {
        const bool ended =
            process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit;
        return {ended ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
};

} // namespace slotdesk::test
