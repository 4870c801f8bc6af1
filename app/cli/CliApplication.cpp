#include "cli/CliApplication.h"

namespace slotdesk::cli {
namespace {

const QCommandLineOption
    kDataDir(QStringLiteral("data-dir"),
             QStringLiteral("Data directory (default: $SLOTDESK_DATA_DIR or the "
                            "platform's application data folder)."),
             QStringLiteral("DIR"));
const QCommandLineOption
    kDatabase(QStringLiteral("database"),
              QStringLiteral("A team's PostgreSQL database, postgresql://user@host:port/dbname "
                             "(default: $SLOTDESK_DATABASE_URL, the GUI's setting, else SQLite in "
                             "the data directory). Wins over --data-dir."),
              QStringLiteral("URL"));
const QCommandLineOption kUser(QStringLiteral("user"),
                               QStringLiteral("The admin to act as, when several share the "
                                              "database."),
                               QStringLiteral("USERNAME"));
const QCommandLineOption kJson(QStringLiteral("json"),
                               QStringLiteral("Print JSON instead of text."));
const QCommandLineOption kHelp(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                               QStringLiteral("Show help."));

// Whether `arg` is a global option whose value is the next argument.
bool takesGlobalValue(const QString& arg) {
    return arg == QLatin1String("--data-dir") || arg == QLatin1String("--database") ||
           arg == QLatin1String("--user");
}

// The words before the first option that aren't values of global options: the command's name.
QStringList leadingWords(const QStringList& arguments) {
    QStringList words;
    for (qsizetype i = 1; i < arguments.size() && words.size() < 2; ++i) {
        const QString& arg = arguments[i];
        if (takesGlobalValue(arg)) {
            ++i;
            continue;
        }
        if (arg.startsWith(u'-'))
            continue;
        words.append(arg);
    }
    return words;
}

} // namespace

QString missingOption(const CliContext& context, const QStringList& names) {
    for (const auto& name : names) {
        if (!context.parser.isSet(name) || context.parser.value(name).isEmpty())
            return name;
    }
    return {};
}

CliApplication::CliApplication(QTextStream& out, QTextStream& err, core::Clock clock)
    : m_out(out)
    , m_err(err)
    , m_clock(std::move(clock)) {
    m_commands += profileCommands();
    m_commands += availabilityCommands();
    m_commands += bookingCommands();
    m_commands += schedulingCommands();
    m_commands += serveCommands();
    m_commands += calendarCommands();
    m_commands += zoomCommands();
    m_commands += mailCommands();
    m_commands += backupCommands();
    m_commands += exportCommands();
    m_commands += attendeeCommands();
}

QString CliApplication::help() const {
    QString text = QStringLiteral(
        "Usage: slotdesk-cli COMMAND [options]\n\n"
        "SlotDesk's headless admin tool. Every command takes --data-dir DIR (or --database URL),\n"
        "--user USERNAME (when several admins share the database) and --json.\n"
        "Exit status: 0 success, 1 usage or validation error, 2 internal failure.\n\nCommands:\n");
    for (const auto& command : m_commands) {
        const QString head =
            command.arguments.isEmpty() ? command.name : command.name + u' ' + command.arguments;
        text += QStringLiteral("  %1  %2\n").arg(head.leftJustified(26), command.summary);
    }
    text += QStringLiteral("\n  --version                   Print the version.\n"
                           "  COMMAND --help              Options of one command.\n");
    return text;
}

int CliApplication::run(const QStringList& arguments) {
    const QStringList words = leadingWords(arguments);
    if (words.isEmpty()) {
        if (arguments.contains(QStringLiteral("--version")) ||
            arguments.contains(QStringLiteral("-v"))) {
            m_out << "slotdesk-cli " << SLOTDESK_VERSION << Qt::endl;
            return Ok;
        }
        if (arguments.contains(QStringLiteral("--help")) ||
            arguments.contains(QStringLiteral("-h"))) {
            m_out << help();
            return Ok;
        }
        m_err << help();
        return UserError;
    }

    const Command* command = nullptr;
    int wordCount = 0;
    for (const auto& candidate : m_commands) {
        const int n = static_cast<int>(candidate.name.count(u' ')) + 1;
        if (n <= words.size() && candidate.name == words.mid(0, n).join(u' ') && n > wordCount) {
            command = &candidate;
            wordCount = n;
        }
    }
    CliContext context(m_out, m_err, m_clock);
    if (!command)
        return context.usage(
            QStringLiteral("unknown command '%1'").arg(displayValue(words.join(u' '))));

    // Drop the command words; what's left is options and positional arguments.
    QStringList rest{arguments.value(0)};
    int skipped = 0;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (skipped < wordCount && arguments[i] == words[skipped] &&
            !takesGlobalValue(arguments[i - 1])) {
            ++skipped;
            continue;
        }
        rest.append(arguments[i]);
    }

    auto& parser = context.parser;
    parser.setApplicationDescription(command->summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    parser.addOption(kDataDir);
    parser.addOption(kDatabase);
    parser.addOption(kUser);
    parser.addOption(kJson);
    parser.addOption(kHelp);
    if (!command->arguments.isEmpty())
        parser.addPositionalArgument(command->arguments, command->argumentHelp);
    if (!parser.parse(rest))
        return context.usage(parser.errorText());
    if (parser.isSet(kHelp)) {
        QString usage = parser.helpText();
        usage.replace(QStringLiteral("[options]"), command->name + QStringLiteral(" [options]"));
        m_out << usage;
        return Ok;
    }
    const auto positional = parser.positionalArguments();
    if (command->positionalCount >= 0 && positional.size() != command->positionalCount) {
        if (positional.size() < command->positionalCount)
            return context.usage(
                QStringLiteral("%1 needs %2").arg(command->name, command->arguments));
        return context.usage(QStringLiteral("unexpected argument '%1'")
                                 .arg(positional.value(command->positionalCount)));
    }
    if (!command->opensDatabase)
        return command->run(context);
    if (auto opened = context.openDatabase(); !opened)
        return context.fail(opened.error());
    return command->run(context);
}

} // namespace slotdesk::cli
