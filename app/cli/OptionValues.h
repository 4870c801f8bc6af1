#pragma once
// Option values several commands read the same way: --from/--to hours, --start, --duration and
// --timezone, --password-stdin.

#include "cli/CliContext.h"
#include "core/TimeFormat.h"
#include "domain/Validation.h"

#include <QTextStream>

#include <cstdio>
#include <utility>

namespace slotdesk::cli {

// --from HH:MM and --to HH:MM (24:00 allowed as the end) as minutes after midnight.
inline Result<std::pair<int, int>> hoursOptions(const CliContext& c) {
    auto from = validation::timeOfDay(c.parser.value(QStringLiteral("from")),
                                      QStringLiteral("from"), false);
    if (!from)
        return from.error();
    auto to =
        validation::timeOfDay(c.parser.value(QStringLiteral("to")), QStringLiteral("to"), true);
    if (!to)
        return to.error();
    return std::pair{*from, *to};
}

// --start RFC3339, a whole second.
inline Result<QDateTime> startOption(const CliContext& c) {
    return timeformat::parseRfc3339WholeSeconds(c.parser.value(QStringLiteral("start")),
                                                QStringLiteral("start"));
}

// --duration MIN, or `fallback` when it is not given.
inline Result<int> durationOption(const CliContext& c, int fallback = 0) {
    if (!c.parser.isSet(QStringLiteral("duration")))
        return fallback;
    bool ok = false;
    const int minutes = c.parser.value(QStringLiteral("duration")).toInt(&ok);
    if (!ok)
        return Error::validation(QStringLiteral("duration"),
                                 QStringLiteral("The duration is a number of minutes"));
    return minutes;
}

// --timezone, or the admin's own zone.
inline QString zoneOption(const CliContext& c, const User& admin) {
    return c.parser.isSet(QStringLiteral("timezone")) ? c.parser.value(QStringLiteral("timezone"))
                                                      : admin.timeZone;
}

// One line of standard input without its line ending (--password-stdin); leading and trailing
// spaces are part of a password.
inline QString passwordFromStdin() {
    QString line = QTextStream(stdin).readLine();
    while (line.endsWith(u'\r') || line.endsWith(u'\n'))
        line.chop(1);
    return line;
}

} // namespace slotdesk::cli
