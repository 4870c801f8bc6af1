#pragma once
// CliApplication: slotdesk-cli's dispatcher — finds the command named on the command line,
// parses its options, opens the database and runs it. Returns the process exit code. The clock
// is the system's (a test may drive one).

#include "cli/Command.h"
#include "core/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace slotdesk::cli {

class CliApplication {
public:
    CliApplication(QTextStream& out, QTextStream& err, core::Clock clock = {});
    int run(const QStringList& arguments);

private:
    QString help() const;

    QTextStream& m_out;
    QTextStream& m_err;
    core::Clock m_clock;
    QList<Command> m_commands;
};

} // namespace slotdesk::cli
