#pragma once
// Command: one slotdesk-cli command ("bookings approve"), its options and what it does.
// Each group of commands lives in its own source file and contributes a list of these.

#include "cli/CliContext.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>

namespace slotdesk::cli {

struct Command {
    QString name;            // the words that select it, space-separated
    QString arguments;       // positional synopsis, e.g. "ID"; empty for none
    int positionalCount = 0; // -1: any number (the command checks them itself)
    QString summary;         // one line for --help
    QList<QCommandLineOption> options;
    std::function<int(CliContext&)> run; // called with the database open
    QString argumentHelp;                // what the positional arguments are, for --help
    // false: run without an open database (the command opens it, or works on the file, itself)
    bool opensDatabase = true;
};

QList<Command> profileCommands();
QList<Command> availabilityCommands();
QList<Command> bookingCommands();
QList<Command> schedulingCommands();
QList<Command> serveCommands();
QList<Command> calendarCommands();
QList<Command> zoomCommands();
QList<Command> mailCommands();
QList<Command> backupCommands();
QList<Command> exportCommands();
QList<Command> attendeeCommands();

// The first of `names` not given on the command line, or an empty string.
QString missingOption(const CliContext& context, const QStringList& names);

} // namespace slotdesk::cli
