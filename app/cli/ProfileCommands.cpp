// slotdesk-cli init: create the admin profile (or, with --additional, another admin).

#include "cli/Command.h"

#include "domain/JsonFormat.h"
#include "profile/ProfileService.h"

namespace slotdesk::cli {

QList<Command> profileCommands() {
    Command init;
    init.name = QStringLiteral("init");
    init.summary = QStringLiteral("Create the admin profile");
    init.options = {
        {QStringLiteral("username"), QStringLiteral("URL name of the booking page (a-z, 0-9, -)."),
         QStringLiteral("U")},
        {QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("N")},
        {QStringLiteral("email"), QStringLiteral("Email address."), QStringLiteral("E")},
        {QStringLiteral("timezone"), QStringLiteral("IANA time zone, e.g. Europe/Berlin."),
         QStringLiteral("TZ")},
        {QStringLiteral("additional"),
         QStringLiteral("Add another admin to a database that has one already (a team's).")},
    };
    init.run = [](CliContext& c) {
        const QStringList required{QStringLiteral("username"), QStringLiteral("name"),
                                   QStringLiteral("email"), QStringLiteral("timezone")};
        if (const auto missing = missingOption(c, required); !missing.isEmpty())
            return c.usage(QStringLiteral("init needs --%1").arg(missing));
        User draft;
        draft.username = c.parser.value(QStringLiteral("username"));
        draft.name = c.parser.value(QStringLiteral("name"));
        draft.email = c.parser.value(QStringLiteral("email"));
        draft.timeZone = c.parser.value(QStringLiteral("timezone"));
        auto user = ProfileService(c.database())
                        .initialize(draft, c.parser.isSet(QStringLiteral("additional")));
        if (!user)
            return c.fail(user.error());
        return c.print(json::toJson(*user),
                       QStringLiteral("Created admin '%1' <%2> in %3. Booking page name: %4")
                           .arg(user->name, user->email, user->timeZone, user->username));
    };
    return {init};
}

} // namespace slotdesk::cli
