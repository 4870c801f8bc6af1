// slotdesk-cli: SlotDesk's headless admin tool. Composition root only: the commands live in cli/.

#include "cli/CliApplication.h"
#include "core/LogRedaction.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[]) {
    // Before anything can log: no token or forged line reaches a log (core/LogRedaction.h).
    slotdesk::installLogRedaction();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("SlotDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    slotdesk::cli::CliApplication cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
