// slotdesk-cli availability add|list|remove|clear: the admin's weekly hours.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "availability/AvailabilityService.h"
#include "core/TimeFormat.h"
#include "domain/JsonFormat.h"
#include "domain/Validation.h"

#include <QJsonArray>

namespace slotdesk::cli {
namespace {

const char* const kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

QString describe(const AvailabilityBlock& b) {
    return QStringLiteral("%1  %2  %3-%4  %5%6")
        .arg(b.id, QString::fromLatin1(kDayNames[b.dayOfWeek]),
             timeformat::minutesToText(b.startMinute), timeformat::minutesToText(b.endMinute),
             b.timeZone, b.isActive ? QString() : QStringLiteral("  (inactive)"));
}

int add(CliContext& c) {
    const QStringList required{QStringLiteral("day"), QStringLiteral("from"), QStringLiteral("to")};
    if (const auto missing = missingOption(c, required); !missing.isEmpty())
        return c.usage(QStringLiteral("availability add needs --%1").arg(missing));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto day = validation::dayOfWeek(c.parser.value(QStringLiteral("day")));
    if (!day)
        return c.fail(day.error());
    auto hours = hoursOptions(c);
    if (!hours)
        return c.fail(hours.error());
    AvailabilityBlock block;
    block.userId = admin->id;
    block.dayOfWeek = *day;
    block.startMinute = hours->first;
    block.endMinute = hours->second;
    block.timeZone = zoneOption(c, *admin);
    if (block.startMinute >= block.endMinute)
        return c.fail(Error::validation(
            QStringLiteral("to"), QStringLiteral("The end time must be after the start time")));
    auto created = AvailabilityService(c.database()).add(block);
    if (!created)
        return c.fail(created.error());
    return c.print(json::toJson(*created), QStringLiteral("Added %1").arg(describe(*created)));
}

int list(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto blocks = AvailabilityService(c.database()).list(admin->id);
    if (!blocks)
        return c.fail(blocks.error());
    QJsonArray array;
    QStringList lines;
    for (const auto& b : *blocks) {
        array.append(json::toJson(b));
        lines.append(describe(b));
    }
    return c.print(array,
                   lines.isEmpty() ? QStringLiteral("No availability yet.") : lines.join(u'\n'));
}

int remove(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    const QString id = c.parser.positionalArguments().value(0);
    if (auto s = AvailabilityService(c.database()).remove(admin->id, id); !s)
        return c.fail(s.error());
    return c.print(QJsonObject{{QStringLiteral("removed"), id}},
                   QStringLiteral("Removed %1").arg(id));
}

int clear(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto removed = AvailabilityService(c.database()).clear(admin->id);
    if (!removed)
        return c.fail(removed.error());
    return c.print(QJsonObject{{QStringLiteral("removed"), *removed}},
                   QStringLiteral("Removed %1 availability block(s)").arg(*removed));
}

} // namespace

QList<Command> availabilityCommands() {
    Command addCommand{
        QStringLiteral("availability add"),
        {},
        0,
        QStringLiteral("Add weekly hours: --day mon..sun|0-6 --from HH:MM --to HH:MM"),
        {{QStringLiteral("day"), QStringLiteral("Day: mon..sun or 0-6 (0 = Sunday)."),
          QStringLiteral("DAY")},
         {QStringLiteral("from"), QStringLiteral("Start, HH:MM."), QStringLiteral("HH:MM")},
         {QStringLiteral("to"), QStringLiteral("End, HH:MM (24:00 allowed)."),
          QStringLiteral("HH:MM")},
         {QStringLiteral("timezone"),
          QStringLiteral("The block's time zone (default: the admin's)."), QStringLiteral("TZ")}},
        add,
        {}};
    Command listCommand{QStringLiteral("availability list"),
                        {},
                        0,
                        QStringLiteral("List the weekly hours"),
                        {},
                        list,
                        {}};
    Command removeCommand{QStringLiteral("availability remove"),
                          QStringLiteral("ID"),
                          1,
                          QStringLiteral("Remove one block"),
                          {},
                          remove,
                          QStringLiteral("Block id, as availability list prints it.")};
    Command clearCommand{QStringLiteral("availability clear"),
                         {},
                         0,
                         QStringLiteral("Remove every block"),
                         {},
                         clear,
                         {}};
    return {addCommand, listCommand, removeCommand, clearCommand};
}

} // namespace slotdesk::cli
