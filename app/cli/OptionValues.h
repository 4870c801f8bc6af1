#pragma once
// Option values several commands read the same way: --from/--to hours and --timezone.

#include "cli/CliContext.h"
#include "domain/Validation.h"

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

// --timezone, or the admin's own zone.
inline QString zoneOption(const CliContext& c, const User& admin) {
    return c.parser.isSet(QStringLiteral("timezone")) ? c.parser.value(QStringLiteral("timezone"))
                                                      : admin.timeZone;
}

} // namespace slotdesk::cli
