#pragma once
// CliContext: what every slotdesk-cli command shares — the parsed options, the open database,
// the clock the services read "now" from, and the output conventions (text or --json on stdout,
// one-line errors on stderr, exit codes).

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <memory>

namespace slotdesk::cli {

enum ExitCode { Ok = 0, UserError = 1, InternalError = 2 };

class CliContext {
public:
    CliContext(QTextStream& out, QTextStream& err, core::Clock clock)
        : m_out(out)
        , m_err(err)
        , m_clock(std::move(clock)) {}

    QCommandLineParser parser;

    [[nodiscard]] bool json() const { return parser.isSet(QStringLiteral("json")); }
    // Opens --database URL, else --data-dir DIR, else $SLOTDESK_DATABASE_URL, the GUI's
    // database/url setting, $SLOTDESK_DATA_DIR, the default location — in that order.
    // A SQLite file with an older schema is backed up before it is upgraded.
    Status openDatabase();
    // The SQLite file the options select without opening it; empty for PostgreSQL.
    [[nodiscard]] QString sqliteFile() const;
    storage::Database& database() { return *m_database; }
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }
    // The admin whose data the command works on: --user, or the only one.
    Result<User> admin();

    int fail(const Error& error);                           // prints it, returns 1 or 2
    int usage(const QString& message);                      // a usage error: exit 1
    int print(const QJsonValue& json, const QString& text); // one of the two, per --json
    QTextStream& out() { return m_out; }

private:
    QTextStream& m_out;
    QTextStream& m_err;
    core::Clock m_clock;
    std::unique_ptr<storage::Database> m_database;
};

} // namespace slotdesk::cli
