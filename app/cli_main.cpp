// slotdesk-cli: SlotDesk's headless admin tool. Composition root only: the commands live in cli/.

#include "cli/CliApplication.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("SlotDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLOTDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    slotdesk::cli::CliApplication cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
