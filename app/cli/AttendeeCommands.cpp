// slotdesk-cli attendee show|forget|retention: an attendee's personal data on request — all
// that is held about one e-mail address, erasing it — and the retention rule that anonymises it
// by itself some days after each meeting (privacy::AttendeePrivacy, docs/BACKUP.md).

#include "cli/Command.h"

#include "core/TimeFormat.h"
#include "domain/JsonFormat.h"
#include "privacy/AttendeePrivacy.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define SLOTDESK_ISATTY(f) _isatty(_fileno(f))
#else
#include <unistd.h>
#define SLOTDESK_ISATTY(f) isatty(fileno(f))
#endif

namespace slotdesk::cli {
namespace {

QJsonValue timeJson(const QDateTime& at) {
    return at.isValid() ? QJsonValue(timeformat::toRfc3339Utc(at)) : QJsonValue();
}

QJsonObject mailJson(const storage::MailOutboxEntry& m) {
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("kind"), m.kind},
            {QStringLiteral("recipient"), m.recipient},
            {QStringLiteral("language"), m.language},
            {QStringLiteral("status"), m.status},
            {QStringLiteral("createdAt"), timeJson(m.createdAt)},
            {QStringLiteral("sentAt"), timeJson(m.sentAt)}};
}

QJsonObject bookingJson(const privacy::AttendeeBooking& a) {
    QJsonObject o = json::toJson(a.booking);
    QJsonArray mails;
    for (const auto& m : a.mails)
        mails.append(mailJson(m));
    o.insert(QStringLiteral("mails"), mails);
    // Counts and times only; manage tokens do not expire (forgetting deletes them).
    o.insert(QStringLiteral("accessTokens"),
             QJsonObject{{QStringLiteral("manageLink"), !a.booking.manageTokenHash.isEmpty()},
                         {QStringLiteral("mailTokens"), a.accessTokens.count},
                         {QStringLiteral("oldestIssuedAt"), timeJson(a.accessTokens.oldest)},
                         {QStringLiteral("newestIssuedAt"), timeJson(a.accessTokens.newest)},
                         {QStringLiteral("expiresAt"), QJsonValue()}});
    return o;
}

QString bookingLine(const Booking& b) {
    return QStringLiteral("%1  %2  %3  %4 <%5>")
        .arg(b.id, timeformat::toRfc3339Utc(b.startTime), toText(b.status).leftJustified(9),
             b.attendeeName, b.attendeeEmail);
}

int showAttendee(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    const QString email = c.parser.positionalArguments().at(0);
    auto record = privacy::AttendeePrivacy(c.database(), c.clock()).show(admin->id, email);
    if (!record)
        return c.fail(record.error());
    QJsonArray bookings;
    QStringList lines;
    for (const auto& a : *record) {
        bookings.append(bookingJson(a));
        lines << bookingLine(a.booking);
        if (!a.booking.notes.isEmpty())
            lines << QStringLiteral("    notes: %1").arg(a.booking.notes);
        for (const auto& m : a.mails)
            lines << QStringLiteral("    mail %1 to %2: %3").arg(m.kind, m.recipient, m.status);
        lines << QStringLiteral("    manage link: %1, mail tokens: %2")
                     .arg(a.booking.manageTokenHash.isEmpty() ? QStringLiteral("no")
                                                              : QStringLiteral("yes"))
                     .arg(a.accessTokens.count);
    }
    if (lines.isEmpty())
        lines << QStringLiteral("Nothing is held about %1").arg(email);
    return c.print(
        QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("bookings"), bookings}},
        lines.join(u'\n'));
}

// Asks on the terminal; without one, only --yes confirms.
bool confirmed(CliContext& c, const QString& question) {
    if (c.parser.isSet(QStringLiteral("yes")))
        return true;
    if (!SLOTDESK_ISATTY(stdin))
        return false;
    c.out() << question << " [y/N] " << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y" || answer == u"yes";
}

int forgetAttendee(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    const QString email = c.parser.positionalArguments().at(0);
    privacy::AttendeePrivacy privacy(c.database(), c.clock());
    auto record = privacy.show(admin->id, email);
    if (!record)
        return c.fail(record.error());
    if (record->isEmpty())
        return c.print(QJsonObject{{QStringLiteral("email"), email},
                                   {QStringLiteral("anonymised"), 0},
                                   {QStringLiteral("cancelled"), QJsonArray()}},
                       QStringLiteral("Nothing is held about %1").arg(email));
    auto future = privacy.toCancel(admin->id, email);
    if (!future)
        return c.fail(future.error());
    QString question = QStringLiteral("Erase %1's name, e-mail and notes from %2 booking(s)")
                           .arg(email)
                           .arg(record->size());
    if (!future->isEmpty())
        question += QStringLiteral(" and cancel %1 future one(s)").arg(future->size());
    if (!confirmed(c, question + QStringLiteral("? This cannot be undone.")))
        return c.fail(Error::conflict(QStringLiteral(
            "Not forgotten: this cannot be undone, confirm with --yes (no terminal to ask on)")));
    auto outcome = privacy.forget(admin->id, email);
    if (!outcome)
        return c.fail(outcome.error());
    QString message = QStringLiteral("Forgot %1: anonymised %2 booking(s), cancelled %3")
                          .arg(email)
                          .arg(outcome->anonymised)
                          .arg(outcome->cancelled.size());
    if (!outcome->compacted)
        message += QStringLiteral("\nWarning: another program has the database open, so "
                                  "SQLite's write-ahead log still holds the old rows until it "
                                  "closes; run `attendee forget` again then");
    return c.print(
        QJsonObject{{QStringLiteral("email"), email},
                    {QStringLiteral("anonymised"), outcome->anonymised},
                    {QStringLiteral("cancelled"), QJsonArray::fromStringList(outcome->cancelled)},
                    {QStringLiteral("compacted"), outcome->compacted}},
        message);
}

int retention(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    const auto args = c.parser.positionalArguments();
    if (args.size() > 1)
        return c.usage(QStringLiteral("unexpected argument '%1'").arg(args.at(1)));
    privacy::AttendeePrivacy privacy(c.database(), c.clock());
    if (!args.isEmpty()) {
        int days = 0;
        bool ok = args.at(0) == u"off";
        if (!ok)
            days = args.at(0).toInt(&ok);
        if (!ok)
            return c.fail(Error::validation(
                QStringLiteral("retentionDays"),
                QStringLiteral("Give a number of days, or off (was '%1')").arg(args.at(0))));
        if (auto s = privacy.setRetentionDays(admin->id, days); !s)
            return c.fail(s.error());
    }
    auto days = privacy.retentionDays(admin->id);
    if (!days)
        return c.fail(days.error());
    const QString text =
        *days == 0 ? QStringLiteral("Retention: off (attendee data is kept until forgotten)")
                   : QStringLiteral("Retention: attendee data is anonymised %1 day(s) after "
                                    "each meeting ends")
                         .arg(*days);
    return c.print(QJsonObject{{QStringLiteral("retentionDays"), *days}}, text);
}

} // namespace

QList<Command> attendeeCommands() {
    const QString emailHelp = QStringLiteral("The attendee's e-mail address (any case).");
    return {
        {QStringLiteral("attendee show"),
         QStringLiteral("EMAIL"),
         1,
         QStringLiteral("Everything held about one attendee: bookings, mails, manage tokens"),
         {},
         showAttendee,
         emailHelp},
        {QStringLiteral("attendee forget"),
         QStringLiteral("EMAIL"),
         1,
         QStringLiteral("Erase an attendee's data; cancels their future bookings (asks first)"),
         {{QStringLiteral("yes"), QStringLiteral("Do not ask (needed without a terminal).")}},
         forgetAttendee,
         emailHelp},
        {QStringLiteral("attendee retention"),
         QStringLiteral("[DAYS|off]"),
         -1,
         QStringLiteral("Show or set: anonymise attendee data DAYS days after each meeting"),
         {},
         retention,
         QStringLiteral("DAYS from 1 to 36500; off (or 0) keeps attendee data until forgotten.")},
    };
}

} // namespace slotdesk::cli
