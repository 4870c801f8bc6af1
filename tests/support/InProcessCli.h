#pragma once
// slotdesk-cli run in the test's own process, through CliApplication — the entry point the
// binary's main() calls — with a test's clock: its exit code and what it printed.

#include "cli/CliApplication.h"
#include "core/Clock.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace slotdesk::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// `arguments` after the program name (database options included).
inline CliRun runCliInProcess(const core::Clock& clock, const QStringList& arguments) {
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = cli::CliApplication(out, err, clock)
                       .run(QStringList{QStringLiteral("slotdesk-cli")} + arguments);
    out.flush();
    err.flush();
    return run;
}

} // namespace slotdesk::test
