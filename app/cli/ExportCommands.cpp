// slotdesk-cli export|import: one admin's data as a versioned JSON document
// (storage::AdminDataTransfer, docs/BACKUP.md) — to move from SQLite to PostgreSQL or keep a
// portable copy — and the confirmed bookings as one iCalendar file (export --ics).

#include "cli/Command.h"

#include "booking/IcsCalendar.h"
#include "storage/AdminDataTransfer.h"
#include "storage/BookingRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace slotdesk::cli {
namespace {

// Written whole or not at all, readable by its owner only: it holds attendees' personal data.
Status writePrivateFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return Error::storage(QStringLiteral("Cannot write %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!file.commit())
        return Error::storage(QStringLiteral("Cannot write %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    return success();
}

// The VEVENT lines of one IcsCalendar object, for a calendar that holds many.
QByteArray eventOf(const QByteArray& calendar) {
    const qsizetype begin = calendar.indexOf("BEGIN:VEVENT");
    const QByteArray end = "END:VEVENT\r\n";
    const qsizetype last = calendar.indexOf(end, begin);
    return begin < 0 || last < 0 ? QByteArray() : calendar.mid(begin, last + end.size() - begin);
}

int exportIcs(CliContext& c, const User& admin, const QString& to) {
    storage::BookingFilter confirmed;
    confirmed.status = BookingStatus::Confirmed;
    storage::BookingRepository repository(c.database().connection());
    auto bookings = repository.list(admin.id, confirmed);
    if (!bookings)
        return c.fail(bookings.error());
    QByteArray calendar;
    for (const Booking& b : *bookings) {
        // A moved booking continues its original's event (the UID its invitations carry), so
        // a calendar that has it updates the event instead of adding a second.
        auto event = repository.firstOfChain(admin.id, b.id);
        if (!event)
            return c.fail(event.error());
        const QByteArray one = IcsCalendar::forBooking(
            b, admin, c.clock().now(), IcsCalendar::Method::Publish, 15, {}, *event);
        if (calendar.isEmpty())
            calendar = one.left(one.indexOf("BEGIN:VEVENT"));
        calendar += eventOf(one);
    }
    if (calendar.isEmpty()) // no bookings: an empty calendar all the same
        calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SlotDesk//SlotDesk//EN\r\n"
                   "METHOD:PUBLISH\r\n";
    calendar += "END:VCALENDAR\r\n";
    if (auto s = writePrivateFile(to, calendar); !s)
        return c.fail(s.error());
    const QString message = QStringLiteral("Wrote %1 confirmed booking(s) to %2")
                                .arg(bookings->size())
                                .arg(QDir::toNativeSeparators(to));
    return c.print(
        QJsonObject{{QStringLiteral("bookings"), bookings->size()}, {QStringLiteral("file"), to}},
        message);
}

int exportData(CliContext& c) {
    const QString to = c.parser.value(QStringLiteral("to"));
    if (to.isEmpty())
        return c.usage(QStringLiteral("export needs --to FILE"));
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    if (c.parser.isSet(QStringLiteral("ics")))
        return exportIcs(c, *admin, to);
    auto document = storage::AdminDataTransfer::exportAdmin(c.database().connection(), admin->id,
                                                            c.clock().now());
    if (!document)
        return c.fail(document.error());
    if (auto s = writePrivateFile(to, QJsonDocument(*document).toJson(QJsonDocument::Indented)); !s)
        return c.fail(s.error());
    const auto data = document->value(QStringLiteral("data")).toObject();
    const QString message = QStringLiteral("Exported %1's data (%2 booking(s)) to %3")
                                .arg(admin->username)
                                .arg(data.value(QStringLiteral("bookings")).toArray().size())
                                .arg(QDir::toNativeSeparators(to));
    return c.print(QJsonObject{{QStringLiteral("file"), to}}, message);
}

int importData(CliContext& c) {
    const QString from = c.parser.positionalArguments().value(0);
    QFile file(from);
    if (!file.open(QIODevice::ReadOnly))
        return c.fail(
            Error::notFound(QStringLiteral("Cannot read %1: %2")
                                .arg(QDir::toNativeSeparators(from), file.errorString())));
    QJsonParseError parseError;
    const auto json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!json.isObject())
        return c.fail(
            Error::malformed(QStringLiteral("%1 is not a JSON object: %2")
                                 .arg(QDir::toNativeSeparators(from), parseError.errorString())));
    const bool dryRun = c.parser.isSet(QStringLiteral("dry-run"));
    auto entries = storage::AdminDataTransfer::importAdmin(
        c.database().connection(), json.object(), c.parser.isSet(QStringLiteral("merge")), dryRun);
    if (!entries)
        return c.fail(entries.error());
    QJsonArray rows;
    QStringList lines;
    int added = 0;
    for (const auto& e : *entries) {
        rows.append(QJsonObject{
            {QStringLiteral("table"), e.table},
            {QStringLiteral("id"), e.key},
            {QStringLiteral("action"), e.added ? QStringLiteral("add") : QStringLiteral("skip")}});
        lines << QStringLiteral("%1 %2 %3")
                     .arg(e.added ? QStringLiteral("add ") : QStringLiteral("skip"), e.table,
                          e.key);
        added += e.added ? 1 : 0;
    }
    lines << QStringLiteral("%1: %2 row(s) %3, %4 skipped (already there)")
                 .arg(dryRun ? QStringLiteral("Dry run") : QStringLiteral("Imported"))
                 .arg(added)
                 .arg(dryRun ? QStringLiteral("would be added") : QStringLiteral("added"))
                 .arg(entries->size() - added);
    return c.print(QJsonObject{{QStringLiteral("dryRun"), dryRun}, {QStringLiteral("rows"), rows}},
                   lines.join(u'\n'));
}

} // namespace

QList<Command> exportCommands() {
    return {
        {QStringLiteral("export"),
         {},
         0,
         QStringLiteral("Write the admin's data as JSON (--to FILE), or --ics: confirmed bookings"),
         {{QStringLiteral("to"), QStringLiteral("The file to write."), QStringLiteral("FILE")},
          {QStringLiteral("ics"),
           QStringLiteral("Write the confirmed bookings as one iCalendar file instead.")}},
         exportData,
         {}},
        {QStringLiteral("import"),
         QStringLiteral("FILE"),
         1,
         QStringLiteral("Read an export into an empty database, or --merge [--dry-run]"),
         {{QStringLiteral("merge"),
           QStringLiteral("Add what the database lacks (by id) and skip what it has.")},
          {QStringLiteral("dry-run"),
           QStringLiteral("List what would be added and skipped; change nothing.")}},
         importData,
         QStringLiteral("A file written by slotdesk-cli export.")},
    };
}

} // namespace slotdesk::cli
