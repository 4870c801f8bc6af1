// slotdesk-cli slots, settings show|set, overrides add|list|remove: each a command of its own.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "availability/AvailabilityService.h"
#include "booking/SlotService.h"
#include "core/TimeFormat.h"
#include "core/ZonedTime.h"
#include "domain/JsonFormat.h"
#include "domain/Validation.h"

#include <QJsonArray>

#include <functional>

namespace slotdesk::cli {
namespace {

QString localClock(const QDateTime& utc, int offsetSeconds) {
    return utc.addSecs(offsetSeconds).toString(QStringLiteral("HH:mm"));
}

int listSlots(CliContext& c) {
    const QStringList required{QStringLiteral("from"), QStringLiteral("to")};
    if (const auto missing = missingOption(c, required); !missing.isEmpty())
        return c.usage(QStringLiteral("slots needs --%1").arg(missing));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto from =
        timeformat::parseDate(c.parser.value(QStringLiteral("from")), QStringLiteral("from"));
    if (!from)
        return c.fail(from.error());
    auto to = timeformat::parseDate(c.parser.value(QStringLiteral("to")), QStringLiteral("to"));
    if (!to)
        return c.fail(to.error());
    SlotRequest request{*from, *to, zoneOption(c, *admin), std::nullopt};
    if (c.parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        const int minutes = c.parser.value(QStringLiteral("duration")).toInt(&ok);
        if (!ok)
            return c.fail(Error::validation(QStringLiteral("duration"),
                                            QStringLiteral("The duration is a number of minutes")));
        request.duration = minutes;
    }
    auto listing = SlotService(c.database(), c.clock()).listSlots(*admin, request);
    if (!listing)
        return c.fail(listing.error());

    QJsonArray days;
    QStringList lines{QStringLiteral("Free %1-minute slots in %2:")
                          .arg(listing->duration)
                          .arg(listing->timeZone)};
    for (const auto& day : listing->days) {
        QJsonArray times;
        QStringList texts;
        for (const auto& slot : day.times) {
            times.append(
                QJsonObject{{QStringLiteral("start"),
                             timeformat::toRfc3339WithOffset(slot.start, slot.utcOffsetSeconds)},
                            {QStringLiteral("end"),
                             timeformat::toRfc3339WithOffset(slot.end, slot.utcOffsetSeconds)},
                            {QStringLiteral("startUtc"), timeformat::toRfc3339Utc(slot.start)}});
            texts.append(localClock(slot.start, slot.utcOffsetSeconds));
        }
        days.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                {QStringLiteral("slots"), times}});
        lines.append(QStringLiteral("%1 %2  %3")
                         .arg(day.date.toString(Qt::ISODate),
                              QLocale::c().dayName(day.date.dayOfWeek(), QLocale::ShortFormat),
                              texts.join(QStringLiteral(" "))));
    }
    if (listing->days.isEmpty())
        lines.append(QStringLiteral("(none)"));
    return c.print(QJsonObject{{QStringLiteral("timezone"), listing->timeZone},
                               {QStringLiteral("duration"), listing->duration},
                               {QStringLiteral("days"), days}},
                   lines.join(u'\n'));
}

// The settings keys, their JSON names, and how they read and write BookingSettings.
struct SettingKey {
    const char* key;
    const char* field;
    const char* unit; // what the value means, after it in `settings show`
    std::function<QJsonValue(const BookingSettings&)> get;
    std::function<Status(BookingSettings&, const QString& value)> set;
};

SettingKey numberKey(const char* key, const char* field, const char* unit,
                     int BookingSettings::*member) {
    return {key, field, unit, [member](const BookingSettings& s) { return QJsonValue(s.*member); },
            [member, field](BookingSettings& s, const QString& value) -> Status {
                bool ok = false;
                const int number = value.toInt(&ok);
                if (!ok)
                    return Error::validation(
                        QLatin1String(field),
                        QStringLiteral("'%1' is not a whole number").arg(displayValue(value)));
                s.*member = number;
                return success();
            }};
}

const std::vector<SettingKey>& settingKeys() {
    static const std::vector<SettingKey> keys{
        numberKey("default-duration", "defaultDuration", "min", &BookingSettings::defaultDuration),
        numberKey("slot-interval", "slotInterval", "min (0 = the meeting length)",
                  &BookingSettings::slotInterval),
        numberKey("buffer-before", "bufferBefore", "min", &BookingSettings::bufferBefore),
        numberKey("buffer-after", "bufferAfter", "min", &BookingSettings::bufferAfter),
        numberKey("minimum-notice", "minimumNotice", "min", &BookingSettings::minimumNotice),
        numberKey("horizon", "horizonDays", "days", &BookingSettings::horizonDays),
        numberKey("max-per-day", "maxBookingsPerDay", "bookings (0 = no cap)",
                  &BookingSettings::maxBookingsPerDay),
        numberKey("max-per-week", "maxBookingsPerWeek", "bookings, Monday to Sunday (0 = no cap)",
                  &BookingSettings::maxBookingsPerWeek),
        numberKey("max-per-month", "maxBookingsPerMonth", "bookings (0 = no cap)",
                  &BookingSettings::maxBookingsPerMonth),
        {"approval", "approvalPolicy", "(always, never or short-notice)",
         [](const BookingSettings& s) { return QJsonValue(toText(s.approvalPolicy)); },
         [](BookingSettings& s, const QString& value) -> Status {
             const auto policy = approvalPolicyFromString(value);
             if (!policy)
                 return Error::validation(
                     QStringLiteral("approvalPolicy"),
                     QStringLiteral("'%1' is not one of always, never, short-notice")
                         .arg(displayValue(value)));
             s.approvalPolicy = *policy;
             return success();
         }},
        numberKey("approval-within", "approvalWithinHours",
                  "hours (short-notice: a start less than this ahead needs approval)",
                  &BookingSettings::approvalWithinHours),
        numberKey("change-notice", "attendeeChangeNoticeHours",
                  "hours before the start attendees may cancel or move (0 = until the start)",
                  &BookingSettings::attendeeChangeNoticeHours),
        {"attendee-reschedule", "attendeeReschedule", "(on or off)",
         [](const BookingSettings& s) { return QJsonValue(s.attendeeReschedule); },
         [](BookingSettings& s, const QString& value) -> Status {
             const QString v = value.toLower();
             if (v == QLatin1String("on") || v == QLatin1String("true") ||
                 v == QLatin1String("yes") || v == QLatin1String("1"))
                 s.attendeeReschedule = true;
             else if (v == QLatin1String("off") || v == QLatin1String("false") ||
                      v == QLatin1String("no") || v == QLatin1String("0"))
                 s.attendeeReschedule = false;
             else
                 return Error::validation(
                     QStringLiteral("attendeeReschedule"),
                     QStringLiteral("'%1' is not on or off").arg(displayValue(value)));
             return success();
         }},
    };
    return keys;
}

QString durationsText(const QList<int>& durations) {
    QStringList parts;
    for (int d : durations)
        parts.append(QString::number(d));
    return parts.join(u',');
}

int showSettings(CliContext& c, BookingSettings settings) {
    QJsonObject json;
    QStringList lines;
    for (const auto& key : settingKeys()) {
        const QJsonValue value = key.get(settings);
        json.insert(QLatin1String(key.field), value);
        const QString text = value.isBool()     ? QLatin1String(value.toBool() ? "on" : "off")
                             : value.isString() ? value.toString()
                                                : QString::number(value.toInt());
        lines.append(QStringLiteral("%1 %2 %3")
                         .arg(QString::fromLatin1(key.key).leftJustified(20), text,
                              QLatin1String(key.unit)));
    }
    QJsonArray durations;
    for (int d : settings.durations)
        durations.append(d);
    json.insert(QStringLiteral("durations"), durations);
    lines.insert(1, QStringLiteral("%1 %2 min")
                        .arg(QStringLiteral("durations").leftJustified(20),
                             durationsText(settings.durations)));
    return c.print(json, lines.join(u'\n'));
}

// The settings an admin works with, read fresh for each command.
Result<BookingSettings> currentSettings(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return admin.error();
    return AvailabilityService(c.database()).settings(admin->id);
}

int settingsShow(CliContext& c) {
    auto current = currentSettings(c);
    if (!current)
        return c.fail(current.error());
    return showSettings(c, *current);
}

// Every key `settings set` takes: each listed (CLI) name, then the JSON name `settings show --json`
// prints for it.
QStringList knownSettingKeys() {
    QStringList names{QStringLiteral("durations")};
    for (const auto& k : settingKeys())
        names.append(QLatin1String(k.key));
    for (const auto& k : settingKeys())
        names.append(QLatin1String(k.field));
    return names;
}

int settingsSet(CliContext& c) {
    auto current = currentSettings(c);
    if (!current)
        return c.fail(current.error());
    const auto args = c.parser.positionalArguments();
    const QString key = args.at(0);
    const QString value = args.at(1);
    BookingSettings changed = *current;
    if (key == QLatin1String("durations")) {
        changed.durations.clear();
        for (const auto& part : value.split(u',')) {
            bool ok = false;
            changed.durations.append(part.trimmed().toInt(&ok));
            if (!ok)
                return c.fail(Error::validation(
                    QStringLiteral("durations"),
                    QStringLiteral("Give minutes separated by commas, e.g. 15,30,60")));
        }
    } else {
        auto match =
            std::find_if(settingKeys().begin(), settingKeys().end(), [&](const SettingKey& k) {
                return key == QLatin1String(k.key) || key == QLatin1String(k.field);
            });
        if (match == settingKeys().end())
            return c.usage(
                QStringLiteral("unknown setting '%1'; known: %2")
                    .arg(displayValue(key), knownSettingKeys().join(QStringLiteral(", "))));
        if (auto s = match->set(changed, value); !s)
            return c.fail(s.error());
        // Choosing a new default length offers it too.
        if (QLatin1String(match->field) == QLatin1String("defaultDuration") &&
            !changed.durations.contains(changed.defaultDuration) && changed.durations.size() == 1)
            changed.durations = {changed.defaultDuration};
    }
    auto saved = AvailabilityService(c.database()).saveSettings(changed);
    if (!saved)
        return c.fail(saved.error());
    return showSettings(c, *saved);
}

QString describe(const AvailabilityOverride& o) {
    const QString hours =
        o.isUnavailable() ? QStringLiteral("unavailable")
                          : QStringLiteral("%1-%2").arg(timeformat::minutesToText(*o.startMinute),
                                                        timeformat::minutesToText(*o.endMinute));
    return QStringLiteral("%1  %2  %3  %4")
        .arg(o.id, o.date.toString(Qt::ISODate), hours, o.timeZone);
}

QJsonObject toJson(const AvailabilityOverride& o) {
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("date"), o.date.toString(Qt::ISODate)},
            {QStringLiteral("timezone"), o.timeZone},
            {QStringLiteral("startTime"),
             o.startMinute ? QJsonValue(timeformat::minutesToText(*o.startMinute)) : QJsonValue()},
            {QStringLiteral("endTime"),
             o.endMinute ? QJsonValue(timeformat::minutesToText(*o.endMinute)) : QJsonValue()},
            {QStringLiteral("unavailable"), o.isUnavailable()}};
}

int overridesList(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto all = AvailabilityService(c.database()).overrides(admin->id);
    if (!all)
        return c.fail(all.error());
    QJsonArray array;
    QStringList lines;
    for (const auto& o : *all) {
        array.append(toJson(o));
        lines.append(describe(o));
    }
    return c.print(array,
                   lines.isEmpty() ? QStringLiteral("No date overrides.") : lines.join(u'\n'));
}

int overridesRemove(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    const QString id = c.parser.positionalArguments().at(0);
    if (auto s = AvailabilityService(c.database()).removeOverride(admin->id, id); !s)
        return c.fail(s.error());
    return c.print(QJsonObject{{QStringLiteral("removed"), id}},
                   QStringLiteral("Removed %1").arg(id));
}

int overridesAdd(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    if (!c.parser.isSet(QStringLiteral("date")))
        return c.usage(QStringLiteral("overrides add needs --date"));
    const bool unavailable = c.parser.isSet(QStringLiteral("unavailable"));
    const bool hasHours =
        c.parser.isSet(QStringLiteral("from")) || c.parser.isSet(QStringLiteral("to"));
    if (unavailable == hasHours)
        return c.usage(
            QStringLiteral("overrides add needs either --unavailable or --from and --to"));
    auto date =
        timeformat::parseDate(c.parser.value(QStringLiteral("date")), QStringLiteral("date"));
    if (!date)
        return c.fail(date.error());
    AvailabilityOverride entry;
    entry.userId = admin->id;
    entry.date = *date;
    entry.timeZone = zoneOption(c, *admin);
    if (hasHours) {
        auto hours = hoursOptions(c);
        if (!hours)
            return c.fail(hours.error());
        entry.startMinute = hours->first;
        entry.endMinute = hours->second;
    }
    auto created = AvailabilityService(c.database()).addOverride(entry);
    if (!created)
        return c.fail(created.error());
    return c.print(toJson(*created), QStringLiteral("Added %1").arg(describe(*created)));
}

} // namespace

QList<Command> schedulingCommands() {
    const QCommandLineOption timezone(QStringLiteral("timezone"),
                                      QStringLiteral("IANA time zone (default: the admin's)."),
                                      QStringLiteral("TZ"));
    Command slotsCommand{
        QStringLiteral("slots"),
        {},
        0,
        QStringLiteral(
            "Free slots: --from YYYY-MM-DD --to YYYY-MM-DD [--timezone TZ] [--duration MIN]"),
        {{QStringLiteral("from"), QStringLiteral("First day, inclusive."),
          QStringLiteral("YYYY-MM-DD")},
         {QStringLiteral("to"), QStringLiteral("Last day, inclusive (at most 62 days)."),
          QStringLiteral("YYYY-MM-DD")},
         timezone,
         {QStringLiteral("duration"), QStringLiteral("Meeting length in minutes."),
          QStringLiteral("MIN")}},
        listSlots,
        {}};
    const QString keys = knownSettingKeys().join(QStringLiteral(", "));
    Command settingsShowCommand{
        QStringLiteral("settings show"),
        {},
        0,
        QStringLiteral("Booking rules: lengths, buffers, notice, horizon, caps, approval, "
                       "attendee changes"),
        {},
        settingsShow,
        {}};
    Command settingsSetCommand{QStringLiteral("settings set"),
                               QStringLiteral("KEY VALUE"),
                               2,
                               QStringLiteral("Change one booking rule (KEY as settings show "
                                              "lists it, or its --json name)"),
                               {},
                               settingsSet,
                               QStringLiteral("KEY is one of %1; VALUE is a whole number "
                                              "(durations: minutes separated by commas; "
                                              "approval: always, never or short-notice; "
                                              "attendee-reschedule: on or off).")
                                   .arg(keys)};
    Command overridesAddCommand{
        QStringLiteral("overrides add"),
        {},
        0,
        QStringLiteral("Add a date override: --date D (--unavailable | --from HH:MM --to HH:MM)"),
        {{QStringLiteral("date"), QStringLiteral("The day, in the override's time zone."),
          QStringLiteral("YYYY-MM-DD")},
         {QStringLiteral("unavailable"), QStringLiteral("No bookings at all that day.")},
         {QStringLiteral("from"), QStringLiteral("Start, HH:MM."), QStringLiteral("HH:MM")},
         {QStringLiteral("to"), QStringLiteral("End, HH:MM (24:00 allowed)."),
          QStringLiteral("HH:MM")},
         timezone},
        overridesAdd,
        {}};
    Command overridesListCommand{QStringLiteral("overrides list"),
                                 {},
                                 0,
                                 QStringLiteral("List the date overrides"),
                                 {},
                                 overridesList,
                                 {}};
    Command overridesRemoveCommand{QStringLiteral("overrides remove"),
                                   QStringLiteral("ID"),
                                   1,
                                   QStringLiteral("Remove a date override"),
                                   {},
                                   overridesRemove,
                                   QStringLiteral("Override id, as overrides list prints it.")};
    return {slotsCommand,        settingsShowCommand,  settingsSetCommand,
            overridesAddCommand, overridesListCommand, overridesRemoveCommand};
}

} // namespace slotdesk::cli
