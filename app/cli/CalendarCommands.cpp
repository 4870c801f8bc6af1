// slotdesk-cli calendar connect|status|sync|disconnect: the admin's Google Calendar;
// calendar add|list|remove: every calendar that blocks time (Google, CalDAV, ICS feeds);
// calendar use: which of an account's calendars block time and which receives bookings.
// The calendar service is asynchronous (keychain, network); a command runs a local event loop
// until the service reports back — there is no GUI thread here to keep responsive.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "caldav/CalDavConnector.h"
#include "calendar/CalendarChoices.h"
#include "calendar/CalendarSyncService.h"
#include "calendar/GoogleConfig.h"
#include "core/TimeFormat.h"
#include "domain/JsonFormat.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarSyncStateRepository.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QProcess>

#include <cstdio>

namespace slotdesk::cli {
namespace {

// The calendar code logs its progress and warnings; a command reports the outcome in one line
// instead. QT_LOGGING_RULES (which wins over this) brings the log back.
void quietLogs() {
    QLoggingCategory::setFilterRules(QStringLiteral(
        "slotdesk.calendar.*=false\nslotdesk.integration.*=false\nqt.networkauth.*=false"));
}

Error calendarFailure(const QString& message) {
    return Error{ErrorCode::Internal, message, {}};
}

// The admin's Google Calendar integration (connected or not), if there is one.
Result<std::optional<CalendarIntegration>> googleIntegration(CalendarSyncService& service) {
    auto all = service.integrations();
    if (!all)
        return all.error();
    for (const auto& integration : *all) {
        if (integration.type == CalendarType::GoogleCalendar)
            return std::optional<CalendarIntegration>(integration);
    }
    return std::optional<CalendarIntegration>{};
}

QString reportLine(const SyncReport& r) {
    if (!r.ran)
        return r.message;
    QString line = QStringLiteral("%1 sync: %2 page(s), %3 change(s)")
                       .arg(r.fullSync ? QStringLiteral("Full") : QStringLiteral("Incremental"))
                       .arg(r.pages)
                       .arg(r.items);
    if (r.removed > 0)
        line += QStringLiteral(" (%1 removed)").arg(r.removed);
    line += QStringLiteral(" in %1 ms").arg(r.elapsedMs);
    if (r.jobsDone + r.jobsFailed + r.jobsRescheduled > 0)
        line += QStringLiteral("; calendar writes: %1 done, %2 retrying, %3 failed")
                    .arg(r.jobsDone)
                    .arg(r.jobsRescheduled)
                    .arg(r.jobsFailed);
    return line;
}

QJsonObject reportJson(const SyncReport& r) {
    return {{QStringLiteral("ran"), r.ran},
            {QStringLiteral("ok"), r.ok},
            {QStringLiteral("fullSync"), r.fullSync},
            {QStringLiteral("pages"), r.pages},
            {QStringLiteral("items"), r.items},
            {QStringLiteral("removed"), r.removed},
            {QStringLiteral("jobsDone"), r.jobsDone},
            {QStringLiteral("jobsRescheduled"), r.jobsRescheduled},
            {QStringLiteral("jobsFailed"), r.jobsFailed},
            {QStringLiteral("elapsedMs"), r.elapsedMs},
            {QStringLiteral("message"), r.message}};
}

QJsonObject jobJson(const storage::CalendarJob& job) {
    QJsonObject object{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("bookingId"), job.bookingId},
        {QStringLiteral("action"), storage::jobActionText(job.action)},
        {QStringLiteral("state"), storage::jobStateText(job.state)},
        {QStringLiteral("attempts"), job.attempts},
        {QStringLiteral("nextAttemptAt"), timeformat::toRfc3339Utc(job.nextAttemptAt)}};
    object.insert(QStringLiteral("lastError"),
                  job.lastError.isEmpty() ? QJsonValue() : QJsonValue(job.lastError));
    return object;
}

// One calendar as `calendar list` and `calendar status` show it: its row, its stored events and
// when it is tried again after failures.
QJsonObject calendarJson(CliContext& c, const CalendarIntegration& i) {
    auto events = storage::CalendarEventRepository(c.database().connection()).count(i.id);
    auto state = storage::CalendarSyncStateRepository(c.database().connection()).get(i.id);
    QJsonObject object = json::toJson(i);
    object.insert(QStringLiteral("events"), events ? *events : 0);
    object.insert(QStringLiteral("retryAt"),
                  state && state->retryAt.isValid()
                      ? QJsonValue(timeformat::toRfc3339Utc(state->retryAt))
                      : QJsonValue());
    return object;
}

QString kindText(CalendarType type) {
    switch (type) {
    case CalendarType::GoogleCalendar:
        return QStringLiteral("Google Calendar");
    case CalendarType::IcsFeed:
        return QStringLiteral("ICS feed");
    case CalendarType::CalDav:
        return QStringLiteral("CalDAV");
    }
    return {};
}

QString calendarLine(CliContext& c, const CalendarIntegration& i) {
    const QJsonObject o = calendarJson(c, i);
    QString line =
        QStringLiteral("%1 %2 (%3): %4, %5 event(s), last sync %6")
            .arg(kindText(i.type), i.displayName.isEmpty() ? i.accountEmail : i.displayName,
                 i.sourceUrl.isEmpty() ? i.id : i.sourceUrl, toText(i.syncStatus))
            .arg(o.value(QStringLiteral("events")).toInt())
            .arg(i.lastSyncAt.isValid() ? timeformat::toRfc3339Utc(i.lastSyncAt)
                                        : QStringLiteral("never"));
    if (!i.syncError.isEmpty())
        line += QStringLiteral("; error: %1").arg(i.syncError);
    return line;
}

// A calendar being added (or Google being connected) and then its first sync, waited for in a
// local event loop: added() takes the service's answer about adding it, refused() a refusal that
// names no integration; either failure ends the wait, a success waits for the integration's
// first sync.
class AddAndSync {
public:
    explicit AddAndSync(CalendarSyncService& service) {
        QObject::connect(&service, &CalendarSyncService::syncFinished, &m_loop,
                         [this](bool, const QString& id) {
                             if (m_added && id == m_integrationId)
                                 end();
                         });
    }

    void added(bool ok, const QString& integrationId, const QString& message) {
        m_added = ok;
        m_integrationId = integrationId;
        m_message = message;
        if (!ok)
            end();
    }
    void refused(const QString& message) {
        m_message = message;
        end();
    }
    // Runs `start` and waits, unless the answer has already come (a bad address is refused at
    // once).
    void wait(const std::function<void()>& start) {
        start();
        if (!m_ended)
            m_loop.exec();
    }

    // The loop the wait runs in: a context for the caller's own connections.
    [[nodiscard]] QObject* context() { return &m_loop; }
    [[nodiscard]] bool isAdded() const { return m_added; }
    [[nodiscard]] const QString& integrationId() const { return m_integrationId; }
    [[nodiscard]] const QString& message() const { return m_message; }

private:
    void end() {
        m_ended = true;
        m_loop.quit();
    }

    QEventLoop m_loop;
    bool m_added = false;
    bool m_ended = false;
    QString m_integrationId;
    QString m_message;
};

// Runs `start` (a disconnect or a removal) and waits for the service's disconnectFinished:
// whether it worked, and its message. A calendar that isn't there is answered at once.
std::pair<bool, QString> awaitDisconnect(CalendarSyncService& service,
                                         const std::function<void()>& start) {
    QEventLoop loop;
    bool answered = false;
    std::pair<bool, QString> answer{false, {}};
    QObject::connect(&service, &CalendarSyncService::disconnectFinished, &loop,
                     [&](bool done, const QString&, const QString& text) {
                         answered = true;
                         answer = {done, text};
                         loop.quit();
                     });
    start();
    if (!answered)
        loop.exec();
    return answer;
}

// A calendar command's own part: it runs with the service acting for the command's admin and
// their Google Calendar integration as it was when the command began (std::nullopt: none yet).
using CalendarCommand = int (*)(CliContext& c, CalendarSyncService& service,
                                const std::optional<CalendarIntegration>& integration);

// What every calendar command starts with: the progress logs quietened, the admin found, the
// calendar service acting for them (--user), their integration read. `command` runs only when
// all of that worked.
std::function<int(CliContext&)> calendarCommand(CalendarCommand command) {
    return [command](CliContext& c) {
        quietLogs();
        auto admin = c.admin();
        if (!admin)
            return c.fail(admin.error());
        CalendarSyncService service(c.database(), c.clock());
        service.setAdminUsername(c.parser.value(QStringLiteral("user")));
        auto integration = googleIntegration(service);
        if (!integration)
            return c.fail(integration.error());
        return command(c, service, *integration);
    };
}

int connectCalendar(CliContext& c, CalendarSyncService& service,
                    const std::optional<CalendarIntegration>&) {
    if (auto client = google::ClientCredentials::load(); !client)
        return c.fail(client.error());
    const bool openBrowser = !c.parser.isSet(QStringLiteral("no-browser"));

    QTextStream err(stderr);
    AddAndSync connecting(service);
    QObject::connect(&service, &CalendarSyncService::authorizationUrlReady, connecting.context(),
                     [&](const QUrl& url) {
                         // In --json mode stdout carries only the JSON answer.
                         QTextStream& to = c.json() ? err : c.out();
                         to << "Open this address in a browser to connect Google Calendar:\n  "
                            << url.toString(QUrl::FullyEncoded) << Qt::endl;
                         if (openBrowser)
                             QProcess::startDetached(QStringLiteral("xdg-open"),
                                                     {url.toString(QUrl::FullyEncoded)});
                     });
    // A successful connect is followed by a first sync; report both.
    QObject::connect(
        &service, &CalendarSyncService::connectFinished, connecting.context(),
        [&](bool ok, const QString& id, const QString& text) { connecting.added(ok, id, text); });
    connecting.wait([&] { service.connectGoogle(); });
    if (!connecting.isAdded())
        return c.fail(calendarFailure(connecting.message()));

    const QString& integrationId = connecting.integrationId();
    const QString& message = connecting.message();
    const auto report = service.lastReport(integrationId);
    auto integration = googleIntegration(service);
    QJsonObject json{{QStringLiteral("message"), message}};
    if (integration && integration->has_value())
        json.insert(QStringLiteral("integration"), json::toJson(**integration));
    QString text = message;
    if (report) {
        json.insert(QStringLiteral("sync"), reportJson(*report));
        text += u'\n' + (report->ok ? reportLine(*report)
                                    : QStringLiteral("First sync failed: ") + report->message);
    }
    return c.print(json, text);
}

int status(CliContext& c, CalendarSyncService& service,
           const std::optional<CalendarIntegration>& integration) {
    auto jobs = service.calendarJobs();
    if (!jobs)
        return c.fail(jobs.error());

    QJsonObject json;
    QStringList lines;
    if (!integration) {
        json.insert(QStringLiteral("integration"), QJsonValue());
        lines.append(QStringLiteral("Google Calendar: not connected "
                                    "(slotdesk-cli calendar connect)"));
    } else {
        const CalendarIntegration& i = *integration;
        const QJsonObject object = calendarJson(c, i);
        json.insert(QStringLiteral("integration"), object);
        lines.append(
            QStringLiteral("Google Calendar: %1%2")
                .arg(toText(i.syncStatus), i.accountEmail.isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (%1)").arg(i.accountEmail)));
        lines.append(QStringLiteral("Last sync:       %1")
                         .arg(i.lastSyncAt.isValid() ? timeformat::toRfc3339Utc(i.lastSyncAt)
                                                     : QStringLiteral("never")));
        lines.append(QStringLiteral("Synced events:   %1")
                         .arg(object.value(QStringLiteral("events")).toInt()));
        if (!i.syncError.isEmpty())
            lines.append(QStringLiteral("Error:           %1").arg(i.syncError));
        if (const QJsonValue retryAt = object.value(QStringLiteral("retryAt")); retryAt.isString())
            lines.append(QStringLiteral("Next retry:      %1").arg(retryAt.toString()));
    }
    auto all = service.integrations();
    if (!all)
        return c.fail(all.error());
    QJsonArray calendars;
    for (const auto& other : *all) {
        calendars.append(calendarJson(c, other));
        if (other.type != CalendarType::GoogleCalendar)
            lines.append(calendarLine(c, other));
    }
    json.insert(QStringLiteral("calendars"), calendars);
    QJsonArray jobArray;
    for (const auto& job : *jobs) {
        jobArray.append(jobJson(job));
        lines.append(
            QStringLiteral("Calendar %1 for booking %2: %3, %4 attempt(s)%5")
                .arg(storage::jobActionText(job.action), job.bookingId,
                     job.state == storage::CalendarJobState::Pending ? QStringLiteral("pending")
                                                                     : QStringLiteral("failed"))
                .arg(job.attempts)
                .arg(job.lastError.isEmpty() ? QString()
                                             : QStringLiteral(" (%1)").arg(job.lastError)));
    }
    json.insert(QStringLiteral("calendarJobs"), jobArray);
    return c.print(json, lines.join(u'\n'));
}

int sync(CliContext& c, CalendarSyncService& service,
         const std::optional<CalendarIntegration>& integration) {
    if (!integration || integration->syncStatus == SyncStatus::Disconnected)
        return c.fail(Error::validation(
            QStringLiteral("calendar"),
            QStringLiteral("Google Calendar is not connected (slotdesk-cli calendar connect)")));
    const QString id = integration->id;
    QEventLoop loop;
    QObject::connect(&service, &CalendarSyncService::syncFinished, &loop,
                     [&](bool, const QString& finishedId) {
                         if (finishedId == id)
                             loop.quit();
                     });
    service.syncNow(id);
    loop.exec();
    // 0 only when this process synced: another process holding the lease is the caller's to
    // wait out (1), anything else that kept the sync from running or succeeding is ours (2).
    const auto report = service.lastReport(id);
    if (!report)
        return c.fail(calendarFailure(QStringLiteral("The sync did not run")));
    if (!report->ok)
        return c.fail(calendarFailure(report->message));
    if (!report->ran)
        return c.fail(
            Error{report->leaseBusy ? ErrorCode::Conflict : ErrorCode::Internal,
                  report->message + (report->leaseBusy
                                         ? QStringLiteral("; try again when it has finished")
                                         : QString()),
                  {}});
    return c.print(reportJson(*report), reportLine(*report));
}

int disconnectCalendar(CliContext& c, CalendarSyncService& service,
                       const std::optional<CalendarIntegration>& integration) {
    if (!integration)
        return c.fail(Error::validation(QStringLiteral("calendar"),
                                        QStringLiteral("Google Calendar is not connected")));
    const auto [ok, message] =
        awaitDisconnect(service, [&] { service.disconnectIntegration(integration->id); });
    if (!ok)
        return c.fail(calendarFailure(message));
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

// The outcome of adding a calendar (and its first sync) in one answer.
int printAdded(CliContext& c, const QString& integrationId, const QString& message,
               const QJsonArray& calendars = {}) {
    QJsonObject json{{QStringLiteral("message"), message}};
    if (!calendars.isEmpty())
        json.insert(QStringLiteral("calendars"), calendars);
    auto found = storage::CalendarIntegrationRepository(c.database().connection())
                     .findById(c.admin()->id, integrationId);
    QString text = message;
    if (found && found->has_value()) {
        json.insert(QStringLiteral("integration"), calendarJson(c, **found));
        text += u'\n' + calendarLine(c, **found);
    }
    return c.print(json, text);
}

// calendar add caldav --url URL --username U --password-stdin: discovers the account, lists
// the calendars found (all block time, none receives bookings), saves it, syncs it once.
int addCalDav(CliContext& c, CalendarSyncService& service) {
    if (c.parser.positionalArguments().size() != 1)
        return c.usage(QStringLiteral("calendar add caldav takes --url, --username and "
                                      "--password-stdin, no further arguments"));
    if (!c.parser.isSet(QStringLiteral("password-stdin")))
        return c.fail(Error::validation(QStringLiteral("password"),
                                        QStringLiteral("Give the password on standard input "
                                                       "with --password-stdin")));
    const QString password = passwordFromStdin();
    AddAndSync adding(service);
    QString field;
    QObject::connect(
        &service.calDav(), &caldav::CalDavConnector::added, adding.context(),
        [&](bool ok, const QString& id, const QString& failedField, const QString& text) {
            field = failedField;
            adding.added(ok, id, text);
        });
    QObject::connect(&service, &CalendarSyncService::calendarAdded, adding.context(),
                     [&](bool ok, const QString&, const QString& text) {
                         // refused before the account was tried
                         if (!ok && adding.message().isEmpty())
                             adding.refused(text);
                     });
    adding.wait([&] {
        service.addCalDav(c.parser.value(QStringLiteral("url")),
                          c.parser.value(QStringLiteral("username")), password,
                          c.parser.value(QStringLiteral("name")));
    });
    const QString& integrationId = adding.integrationId();
    const QString& message = adding.message();
    if (!adding.isAdded()) // the server unreachable or not CalDAV: field "server", exit 2
        return c.fail(field == QLatin1String("server") || field.isEmpty()
                          ? Error{ErrorCode::Internal, message, field}
                          : Error::validation(field, message));
    QStringList lines{message};
    QJsonArray listed;
    auto calendars =
        storage::IntegrationCalendarRepository(c.database().connection()).list(integrationId);
    if (calendars) {
        for (const auto& calendar : *calendars) {
            lines.append(QStringLiteral("  %1  %2%3 (%4)")
                             .arg(calendar.id, calendar.displayName,
                                  calendar.color.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" %1").arg(calendar.color),
                                  calendar.blocksTime ? QStringLiteral("blocks time")
                                                      : QStringLiteral("does not block time")));
            listed.append(QJsonObject{{QStringLiteral("id"), calendar.id},
                                      {QStringLiteral("name"), calendar.displayName},
                                      {QStringLiteral("color"), calendar.color},
                                      {QStringLiteral("blocksTime"), calendar.blocksTime}});
        }
    }
    lines.append(QStringLiteral("Approved bookings go to a calendar only once you choose it: "
                                "slotdesk-cli calendar use ID --write on"));
    return printAdded(c, integrationId, lines.join(u'\n'), listed);
}

int addCalendar(CliContext& c, CalendarSyncService& service,
                const std::optional<CalendarIntegration>&) {
    const QStringList args = c.parser.positionalArguments();
    const QString kind = args.value(0);
    if (kind == QLatin1String("caldav"))
        return addCalDav(c, service);
    if (kind != QLatin1String("ics"))
        return c.fail(Error::validation(
            QStringLiteral("kind"),
            QStringLiteral("Unknown calendar kind '%1': use `calendar add ics URL` or `calendar "
                           "add caldav --url URL --username USER --password-stdin`")
                .arg(displayValue(kind))));
    if (args.size() != 2)
        return c.fail(Error::validation(QStringLiteral("url"),
                                        QStringLiteral("Give the feed's address: calendar add "
                                                       "ics URL")));
    // Adding is followed by a first sync; report both.
    AddAndSync adding(service);
    QObject::connect(
        &service, &CalendarSyncService::calendarAdded, adding.context(),
        [&](bool ok, const QString& id, const QString& text) { adding.added(ok, id, text); });
    adding.wait([&] { service.addIcsFeed(args.value(1), c.parser.value(QStringLiteral("name"))); });
    if (!adding.isAdded())
        return c.fail(Error::validation(QStringLiteral("url"), adding.message()));
    return printAdded(c, adding.integrationId(), adding.message());
}

// One of an integration's calendars (an integration_calendars row) as `calendar list` and
// `calendar use` show it; never its sync token.
QJsonObject choiceJson(const storage::IntegrationCalendar& k) {
    return {{QStringLiteral("id"), k.id},
            {QStringLiteral("integrationId"), k.integrationId},
            {QStringLiteral("remoteId"), k.remoteId},
            {QStringLiteral("displayName"), k.displayName},
            {QStringLiteral("color"), k.color.isEmpty() ? QJsonValue() : QJsonValue(k.color)},
            {QStringLiteral("blocksTime"), k.blocksTime},
            {QStringLiteral("receivesBookings"), k.receivesBookings},
            {QStringLiteral("lastSyncAt"), k.lastSyncAt.isValid()
                                               ? QJsonValue(timeformat::toRfc3339Utc(k.lastSyncAt))
                                               : QJsonValue()}};
}

QString onOff(bool on) {
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

QString choiceLine(const storage::IntegrationCalendar& k) {
    return QStringLiteral("%1  %2: busy %3, write %4, last sync %5")
        .arg(k.id, k.displayName.isEmpty() ? k.remoteId : k.displayName, onOff(k.blocksTime),
             onOff(k.receivesBookings),
             k.lastSyncAt.isValid() ? timeformat::toRfc3339Utc(k.lastSyncAt)
                                    : QStringLiteral("never"));
}

int listCalendars(CliContext& c, CalendarSyncService& service,
                  const std::optional<CalendarIntegration>&) {
    auto all = service.integrations();
    if (!all)
        return c.fail(all.error());
    CalendarChoices choices(c.database(), c.clock());
    QJsonArray calendars;
    QStringList lines;
    for (const auto& i : *all) {
        auto own = choices.calendars(i.userId, i.id);
        if (!own)
            return c.fail(own.error());
        QJsonObject object = calendarJson(c, i);
        QJsonArray ownJson;
        lines.append(i.id + QStringLiteral("  ") + calendarLine(c, i));
        for (const auto& k : *own) {
            ownJson.append(choiceJson(k));
            lines.append(QStringLiteral("    ") + choiceLine(k));
        }
        object.insert(QStringLiteral("calendars"), ownJson);
        calendars.append(object);
    }
    if (lines.isEmpty())
        lines.append(QStringLiteral("No calendars (slotdesk-cli calendar connect, calendar add "
                                    "ics URL, calendar add caldav)"));
    return c.print(QJsonObject{{QStringLiteral("calendars"), calendars}}, lines.join(u'\n'));
}

// --busy / --write: on, off, or not given (std::nullopt).
Result<std::optional<bool>> onOffOption(const CliContext& c, const QString& name) {
    if (!c.parser.isSet(name))
        return std::optional<bool>{};
    const QString value = c.parser.value(name).trimmed().toLower();
    if (value != QLatin1String("on") && value != QLatin1String("off"))
        return Error::validation(
            name, QStringLiteral("--%1 must be on or off, not %2").arg(name, displayValue(value)));
    return std::optional<bool>(value == QLatin1String("on"));
}

int useCalendar(CliContext& c) {
    auto admin = c.admin();
    if (!admin)
        return c.fail(admin.error());
    auto busy = onOffOption(c, QStringLiteral("busy"));
    if (!busy)
        return c.fail(busy.error());
    auto write = onOffOption(c, QStringLiteral("write"));
    if (!write)
        return c.fail(write.error());
    if (!*busy && !*write)
        return c.fail(Error::validation(
            QStringLiteral("busy"), QStringLiteral("Give --busy on|off and/or --write on|off")));
    const QString id = c.parser.positionalArguments().value(0);
    auto chosen = CalendarChoices(c.database(), c.clock()).choose(admin->id, id, *busy, *write);
    if (!chosen)
        return c.fail(chosen.error());
    return c.print(choiceJson(*chosen), choiceLine(*chosen));
}

int removeCalendar(CliContext& c, CalendarSyncService& service,
                   const std::optional<CalendarIntegration>&) {
    const QString id = c.parser.positionalArguments().value(0);
    const auto [ok, message] = awaitDisconnect(service, [&] { service.removeCalendar(id); });
    if (!ok)
        return c.fail(Error::notFound(message));
    return c.print(QJsonObject{{QStringLiteral("message"), message}}, message);
}

} // namespace

QList<Command> calendarCommands() {
    return {
        {QStringLiteral("calendar connect"),
         {},
         0,
         QStringLiteral("Connect Google Calendar (OAuth in the browser) [--no-browser]"),
         {{QStringLiteral("no-browser"),
           QStringLiteral("Only print the authorization address; don't open a browser.")}},
         calendarCommand(connectCalendar),
         {}},
        {QStringLiteral("calendar status"),
         {},
         0,
         QStringLiteral("Google Calendar connection, last sync, pending calendar writes"),
         {},
         calendarCommand(status),
         {}},
        {QStringLiteral("calendar sync"),
         {},
         0,
         QStringLiteral("Sync busy times and pending calendar writes now"),
         {},
         calendarCommand(sync),
         {}},
        {QStringLiteral("calendar disconnect"),
         {},
         0,
         QStringLiteral("Revoke access, forget tokens and synced events"),
         {},
         calendarCommand(disconnectCalendar),
         {}},
        {QStringLiteral("calendar add"),
         QStringLiteral("ics URL | caldav"),
         -1,
         QStringLiteral("Add a read-only ICS feed, or a CalDAV account (--url URL --username U "
                        "--password-stdin), whose events block time [--name NAME]"),
         {{QStringLiteral("name"), QStringLiteral("What to call the calendar."),
           QStringLiteral("NAME")},
          {QStringLiteral("url"),
           QStringLiteral("caldav: the server's address (https://; see docs/CALDAV.md)."),
           QStringLiteral("URL")},
          {QStringLiteral("username"), QStringLiteral("caldav: the user name."),
           QStringLiteral("USER")},
          {QStringLiteral("password-stdin"),
           QStringLiteral("caldav: read the password (or app password) from standard input into "
                          "the system keychain.")}},
         calendarCommand(addCalendar),
         QStringLiteral("ics and the feed's https:// or webcal:// address (kept in the system "
                        "keychain only), or caldav")},
        {QStringLiteral("calendar list"),
         {},
         0,
         QStringLiteral("Every calendar integration and its calendars: id, status, busy, write"),
         {},
         calendarCommand(listCalendars),
         {}},
        {QStringLiteral("calendar use"),
         QStringLiteral("ID"),
         1,
         QStringLiteral("Choose whether a synced calendar blocks time and whether it receives "
                        "bookings [--busy on|off] [--write on|off]"),
         {{QStringLiteral("busy"),
           QStringLiteral("on: its events block time (read in full at the next sync); off: its "
                          "events are dropped now."),
           QStringLiteral("on|off")},
          {QStringLiteral("write"),
           QStringLiteral("on: approved bookings go to this calendar (instead of the one that "
                          "had them); off: to none."),
           QStringLiteral("on|off")}},
         [](CliContext& c) {
             quietLogs();
             return useCalendar(c);
         },
         QStringLiteral("A calendar's id (the indented ids of calendar list)")},
        {QStringLiteral("calendar remove"),
         QStringLiteral("ID"),
         1,
         QStringLiteral("Remove a calendar with its events (Google: as calendar disconnect)"),
         {},
         calendarCommand(removeCalendar),
         QStringLiteral("The calendar's id (calendar list)")},
    };
}

} // namespace slotdesk::cli
