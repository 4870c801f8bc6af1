// slotdesk-cli bookings list|show|create|approve|reject|cancel|reschedule.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "booking/BookingService.h"
#include "core/TimeFormat.h"
#include "core/ZonedTime.h"
#include "domain/JsonFormat.h"

#include <QJsonArray>

namespace slotdesk::cli {
namespace {

QString summaryLine(const Booking& b, const QString& zone) {
    return QStringLiteral("%1  %2  %3 min  %4  %5 <%6>")
        .arg(b.id, zonedtime::formatInZone(b.startTime, zone))
        .arg(b.startTime.secsTo(b.endTime) / 60)
        .arg(toText(b.status).leftJustified(9), b.attendeeName, b.attendeeEmail);
}

QString details(const Booking& b, const QString& adminZone) {
    QStringList lines{
        QStringLiteral("Booking    %1").arg(b.id),
        QStringLiteral("Status     %1%2")
            .arg(toText(b.status), b.statusReason.isEmpty()
                                       ? QString()
                                       : QStringLiteral(" (%1)").arg(b.statusReason)),
        QStringLiteral("When       %1 - %2 %3")
            .arg(zonedtime::formatInZone(b.startTime, adminZone),
                 zonedtime::formatInZone(b.endTime, adminZone).mid(11), adminZone),
        QStringLiteral("Attendee   %1 <%2>, %3 (%4 local)")
            .arg(b.attendeeName, b.attendeeEmail, b.timeZone,
                 zonedtime::formatInZone(b.startTime, b.timeZone)),
    };
    if (!b.title.isEmpty())
        lines.append(QStringLiteral("Title      %1").arg(b.title));
    if (!b.notes.isEmpty())
        lines.append(QStringLiteral("Notes      %1").arg(b.notes));
    if (b.requestedVideoProvider)
        lines.append(
            QStringLiteral("Video      %1 %2").arg(toText(*b.requestedVideoProvider), b.videoLink));
    lines.append(QStringLiteral("Created    %1").arg(timeformat::toRfc3339Utc(b.createdAt)));
    return lines.join(u'\n');
}

int list(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    storage::BookingFilter filter;
    if (c.parser.isSet(QStringLiteral("status"))) {
        const QString status = c.parser.value(QStringLiteral("status"));
        filter.status = bookingStatusFromString(status);
        if (!filter.status)
            return c.fail(Error::validation(
                QStringLiteral("status"),
                QStringLiteral(
                    "'%1' is not a status: use pending, confirmed, rejected or cancelled")
                    .arg(status)));
    }
    // Dates are the admin's calendar days, both inclusive.
    if (c.parser.isSet(QStringLiteral("from"))) {
        auto from =
            timeformat::parseDate(c.parser.value(QStringLiteral("from")), QStringLiteral("from"));
        if (!from)
            return c.fail(from.error());
        filter.startsFrom = zonedtime::startOfDay(*from, admin->timeZone);
    }
    if (c.parser.isSet(QStringLiteral("to"))) {
        auto to = timeformat::parseDate(c.parser.value(QStringLiteral("to")), QStringLiteral("to"));
        if (!to)
            return c.fail(to.error());
        filter.startsBefore = zonedtime::startOfDay(to->addDays(1), admin->timeZone);
    }
    auto bookings = BookingService(c.database(), c.clock()).list(admin->id, filter);
    if (!bookings)
        return c.fail(bookings.error());
    QJsonArray array;
    QStringList lines;
    for (const auto& b : *bookings) {
        array.append(json::toJson(b));
        lines.append(summaryLine(b, admin->timeZone));
    }
    return c.print(array, lines.isEmpty() ? QStringLiteral("No bookings.") : lines.join(u'\n'));
}

int show(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto booking = BookingService(c.database(), c.clock())
                       .find(admin->id, c.parser.positionalArguments().value(0));
    if (!booking)
        return c.fail(booking.error());
    return c.print(json::toJson(*booking), details(*booking, admin->timeZone));
}

// approve / reject / cancel differ only in the call and the word they print.
Command transitionCommand(const QString& verb, const QString& summary, const QString& done,
                          bool takesReason) {
    Command command{QStringLiteral("bookings %1").arg(verb),
                    QStringLiteral("ID"),
                    1,
                    summary,
                    {},
                    {},
                    QStringLiteral("Booking id, as bookings list prints it.")};
    if (takesReason)
        command.options.append({QStringLiteral("reason"),
                                QStringLiteral("Why (kept with the booking)."),
                                QStringLiteral("TEXT")});
    command.run = [verb, done, takesReason](CliContext& c) {
        auto admin = c.admin();
        if (!admin)
            return c.fail(admin.error());
        const QString id = c.parser.positionalArguments().value(0);
        const QString reason = takesReason ? c.parser.value(QStringLiteral("reason")) : QString();
        BookingService service(c.database(), c.clock());
        auto result = verb == QLatin1String("approve")  ? service.approve(admin->id, id)
                      : verb == QLatin1String("reject") ? service.reject(admin->id, id, reason)
                                                        : service.cancel(admin->id, id, reason);
        if (!result)
            return c.fail(result.error());
        return c.print(json::toJson(*result),
                       QStringLiteral("%1 %2").arg(done, summaryLine(*result, admin->timeZone)));
    };
    return command;
}

int create(CliContext& c) {
    const QStringList required{QStringLiteral("start"), QStringLiteral("duration"),
                               QStringLiteral("name"), QStringLiteral("email")};
    if (const auto missing = missingOption(c, required); !missing.isEmpty())
        return c.usage(QStringLiteral("bookings create needs --%1").arg(missing));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto start = startOption(c);
    if (!start)
        return c.fail(start.error());
    auto duration = durationOption(c);
    if (!duration)
        return c.fail(duration.error());
    BookingRequest request;
    request.start = *start;
    request.duration = *duration;
    request.name = c.parser.value(QStringLiteral("name"));
    request.email = c.parser.value(QStringLiteral("email"));
    request.notes = c.parser.value(QStringLiteral("notes"));
    request.timeZone = zoneOption(c, *admin);
    auto booking = BookingService(c.database(), c.clock()).create(*admin, request);
    if (!booking)
        return c.fail(booking.error());
    // The approval policy may have confirmed it at once.
    const QString done = booking->status == BookingStatus::Confirmed
                             ? QStringLiteral("Booked %1")
                             : QStringLiteral("Requested %1");
    return c.print(json::toJson(*booking), done.arg(summaryLine(*booking, admin->timeZone)));
}

// Moves a booking to --start (keeping its length unless --duration): a confirmed meeting stays
// confirmed, a request stays a request (BookingService::reschedule).
int reschedule(CliContext& c) {
    if (const auto missing = missingOption(c, {QStringLiteral("start")}); !missing.isEmpty())
        return c.usage(QStringLiteral("bookings reschedule needs --%1").arg(missing));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto start = startOption(c);
    if (!start)
        return c.fail(start.error());
    BookingService service(c.database(), c.clock());
    const QString id = c.parser.positionalArguments().value(0);
    auto original = service.find(admin->id, id);
    if (!original)
        return c.fail(original.error());
    auto duration = durationOption(c, int(original->startTime.secsTo(original->endTime) / 60));
    if (!duration)
        return c.fail(duration.error());
    auto moved = service.reschedule(admin->id, id, *start, *duration,
                                    c.parser.value(QStringLiteral("reason")));
    if (!moved)
        return c.fail(moved.error());
    return c.print(json::toJson(*moved),
                   QStringLiteral("Rescheduled %1 (was %2)")
                       .arg(summaryLine(*moved, admin->timeZone),
                            zonedtime::formatInZone(original->startTime, admin->timeZone)));
}

} // namespace

QList<Command> bookingCommands() {
    Command listCommand{
        QStringLiteral("bookings list"),
        {},
        0,
        QStringLiteral("List bookings [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]"),
        {{QStringLiteral("status"), QStringLiteral("pending, confirmed, rejected or cancelled."),
          QStringLiteral("S")},
         {QStringLiteral("from"), QStringLiteral("First day (your time zone), inclusive."),
          QStringLiteral("YYYY-MM-DD")},
         {QStringLiteral("to"), QStringLiteral("Last day (your time zone), inclusive."),
          QStringLiteral("YYYY-MM-DD")}},
        list,
        {}};
    Command createCommand{
        QStringLiteral("bookings create"),
        {},
        0,
        QStringLiteral("Book for someone: --start RFC3339 --duration MIN --name N --email E"),
        {{QStringLiteral("start"), QStringLiteral("Start, e.g. 2026-12-01T09:00:00+01:00."),
          QStringLiteral("RFC3339")},
         {QStringLiteral("duration"), QStringLiteral("Length in minutes (15-480)."),
          QStringLiteral("MIN")},
         {QStringLiteral("name"), QStringLiteral("Attendee's name."), QStringLiteral("N")},
         {QStringLiteral("email"), QStringLiteral("Attendee's email."), QStringLiteral("E")},
         {QStringLiteral("notes"), QStringLiteral("Notes for the meeting."), QStringLiteral("T")},
         {QStringLiteral("timezone"), QStringLiteral("Attendee's time zone (default: yours)."),
          QStringLiteral("TZ")}},
        create,
        {}};
    Command showCommand{QStringLiteral("bookings show"),
                        QStringLiteral("ID"),
                        1,
                        QStringLiteral("Show one booking"),
                        {},
                        show,
                        QStringLiteral("Booking id, as bookings list prints it.")};
    return {
        listCommand,
        createCommand,
        showCommand,
        transitionCommand(QStringLiteral("approve"), QStringLiteral("Confirm a pending booking"),
                          QStringLiteral("Confirmed"), false),
        transitionCommand(QStringLiteral("reject"), QStringLiteral("Reject a pending booking"),
                          QStringLiteral("Rejected"), true),
        transitionCommand(QStringLiteral("cancel"),
                          QStringLiteral("Cancel a booking (a pending request or a confirmed one)"),
                          QStringLiteral("Cancelled"), true),
        Command{QStringLiteral("bookings reschedule"),
                QStringLiteral("ID"),
                1,
                QStringLiteral("Move a booking: --start RFC3339 [--duration MIN]"),
                {{QStringLiteral("start"), QStringLiteral("New start, e.g. 2026-12-01T10:00:00Z."),
                  QStringLiteral("RFC3339")},
                 {QStringLiteral("duration"),
                  QStringLiteral("New length in minutes (default: the booking's)."),
                  QStringLiteral("MIN")},
                 {QStringLiteral("reason"), QStringLiteral("Why (told to the attendee)."),
                  QStringLiteral("TEXT")}},
                reschedule,
                QStringLiteral("Booking id, as bookings list prints it. A confirmed booking is "
                               "moved at once; a pending request stays a request.")}};
}

} // namespace slotdesk::cli
