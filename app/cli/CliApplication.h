#pragma once
// CliApplication: slotdesk-cli's dispatcher — finds the command named on the command line,
// parses its options, opens the database and runs it. Returns the process exit code.

#include "cli/Command.h"

#include <QStringList>
#include <QTextStream>

namespace slotdesk::cli {

class CliApplication {
public:
    CliApplication(QTextStream& out, QTextStream& err);
    int run(const QStringList& arguments);

private:
    QString help() const;

    QTextStream& m_out;
    QTextStream& m_err;
    QList<Command> m_commands;
};

} // namespace slotdesk::cli
