// slotdesk-cli team ...: a team's admins as PostgreSQL login roles under row-level security
// (docs/DEPLOY.md). Run by the owner role, which may create roles.

#include "cli/Command.h"
#include "cli/OptionValues.h"

#include "profile/ProfileService.h"
#include "storage/TeamRepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace slotdesk::cli {
namespace {

using storage::RowSecurity;
using storage::TeamRepository;

Status requireTeamOwner(CliContext& c) {
    if (c.database().dialect() != storage::SqlDialect::PostgreSQL)
        return Error::validation(QStringLiteral("database"),
                                 QStringLiteral("Teams need a PostgreSQL database (--database "
                                                "URL); a SQLite file is one admin's"));
    if (c.database().role() != RowSecurity::Role::Owner)
        return Error::validation(QStringLiteral("database"),
                                 QStringLiteral("Only the owner role manages the team; this "
                                                "connection is an admin's or the endpoint's"));
    return success();
}

// The URL the new role connects with: the owner's without its password, under the new name.
QString urlFor(CliContext& c, const QString& role) {
    storage::DatabaseUrl url = c.database().url();
    url.user = role;
    url.password.clear();
    return url.masked();
}

// --password-stdin's line, or none; an empty line is refused.
Result<QString> passwordOption(CliContext& c) {
    if (!c.parser.isSet(QStringLiteral("password-stdin")))
        return QString();
    const QString password = passwordFromStdin();
    if (password.isEmpty())
        return Error::validation(QStringLiteral("password-stdin"),
                                 QStringLiteral("standard input gave no password"));
    return password;
}

// --role, else the username with - as _.
QString roleOption(const CliContext& c, const QString& username) {
    const QString given = c.parser.value(QStringLiteral("role"));
    return given.isEmpty() ? QString(username).replace(u'-', u'_') : given;
}

int addAdmin(CliContext& c) {
    if (auto s = requireTeamOwner(c); !s)
        return c.fail(s.error());
    const QStringList required{QStringLiteral("username"), QStringLiteral("name"),
                               QStringLiteral("email"), QStringLiteral("timezone")};
    if (const auto missing = missingOption(c, required); !missing.isEmpty())
        return c.usage(QStringLiteral("team add-admin needs --%1").arg(missing));
    const QString username = c.parser.value(QStringLiteral("username"));
    const QString role = roleOption(c, username);
    if (auto s = TeamRepository::validateRoleName(role); !s)
        return c.fail(s.error());
    auto password = passwordOption(c);
    if (!password)
        return c.fail(password.error());
    TeamRepository team(c.database().connection());
    auto exists = team.roleExists(role);
    if (!exists)
        return c.fail(exists.error());
    if (*exists)
        return c.fail(Error::conflict(
            QStringLiteral("The PostgreSQL role '%1' exists already: choose another with --role")
                .arg(role),
            QStringLiteral("role")));
    User draft;
    draft.username = username;
    draft.name = c.parser.value(QStringLiteral("name"));
    draft.email = c.parser.value(QStringLiteral("email"));
    draft.timeZone = c.parser.value(QStringLiteral("timezone"));
    auto user = ProfileService(c.database()).initialize(draft, true);
    if (!user)
        return c.fail(user.error());
    if (auto s = team.createRole(role, *password, RowSecurity::Role::Admin, user->id); !s) {
        // No admin without their role: the row just made goes again.
        (void)team.removeAdmin({user->id, {}, {}, {}, {}, {}}, true);
        return c.fail(s.error());
    }
    const QString url = urlFor(c, role);
    return c.print(QJsonObject{{QStringLiteral("username"), user->username},
                               {QStringLiteral("role"), role},
                               {QStringLiteral("url"), url}},
                   QStringLiteral("Added admin '%1' with the PostgreSQL role %2.\n"
                                  "Their desktop connects with: %3\n%4")
                       .arg(user->username, role, url,
                            password->isEmpty()
                                ? QStringLiteral("Give the role a password: slotdesk-cli team "
                                                 "set-password --username %1 --password-stdin")
                                      .arg(user->username)
                                : QStringLiteral("SlotDesk asks for the password once and keeps "
                                                 "it in the system keychain.")));
}

int addEndpoint(CliContext& c) {
    if (auto s = requireTeamOwner(c); !s)
        return c.fail(s.error());
    const QString role = c.parser.value(QStringLiteral("role"));
    if (role.isEmpty())
        return c.usage(QStringLiteral("team add-endpoint needs --role"));
    auto password = passwordOption(c);
    if (!password)
        return c.fail(password.error());
    if (auto s = TeamRepository(c.database().connection())
                     .createRole(role, *password, RowSecurity::Role::Endpoint);
        !s)
        return c.fail(s.error());
    const QString url = urlFor(c, role);
    return c.print(QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("url"), url}},
                   QStringLiteral("Added the booking endpoint's role %1.\n"
                                  "slotdesk-cli serve connects with: %2")
                       .arg(role, url));
}

int list(CliContext& c) {
    if (auto s = requireTeamOwner(c); !s)
        return c.fail(s.error());
    auto members = TeamRepository(c.database().connection()).members();
    if (!members)
        return c.fail(members.error());
    QJsonArray array;
    QString text;
    for (const auto& m : *members) {
        array.append(QJsonObject{{QStringLiteral("username"), m.username},
                                 {QStringLiteral("name"), m.name},
                                 {QStringLiteral("email"), m.email},
                                 {QStringLiteral("timezone"), m.timeZone},
                                 {QStringLiteral("role"), m.dbRole}});
        text +=
            QStringLiteral("%1  %2 <%3>  role: %4\n")
                .arg(m.username, m.name, m.email,
                     m.dbRole.isEmpty() ? QStringLiteral("(none: the owner's only)") : m.dbRole);
    }
    if (members->isEmpty())
        text = QStringLiteral("No admins yet: slotdesk-cli team add-admin ...");
    return c.print(array, text);
}

Result<storage::TeamMember> memberOption(CliContext& c) {
    const QString username = c.parser.value(QStringLiteral("username"));
    if (username.isEmpty())
        return Error::validation(QStringLiteral("username"), QStringLiteral("give --username"));
    auto member = TeamRepository(c.database().connection()).member(username);
    if (!member)
        return member.error();
    if (!member->has_value())
        return Error::validation(
            QStringLiteral("username"),
            QStringLiteral("No admin named '%1' in this database").arg(displayValue(username)));
    return **member;
}

int removeAdmin(CliContext& c) {
    if (auto s = requireTeamOwner(c); !s)
        return c.fail(s.error());
    auto member = memberOption(c);
    if (!member)
        return c.fail(member.error());
    const bool keep = c.parser.isSet(QStringLiteral("keep-data"));
    const bool remove = c.parser.isSet(QStringLiteral("delete-data"));
    if (keep == remove)
        return c.usage(QStringLiteral("say what happens to %1's bookings: --keep-data (they stay, "
                                      "reachable by the owner) or --delete-data (export them "
                                      "first: slotdesk-cli --user %1 export FILE)")
                           .arg(member->username));
    if (auto s = TeamRepository(c.database().connection()).removeAdmin(*member, remove); !s)
        return c.fail(s.error());
    return c.print(QJsonObject{{QStringLiteral("username"), member->username},
                               {QStringLiteral("role"), member->dbRole},
                               {QStringLiteral("dataKept"), keep}},
                   QStringLiteral("Removed %1's role %2; %3.")
                       .arg(member->username,
                            member->dbRole.isEmpty() ? QStringLiteral("(none)") : member->dbRole,
                            keep ? QStringLiteral("their data stays")
                                 : QStringLiteral("their data is deleted")));
}

int setPassword(CliContext& c) {
    if (auto s = requireTeamOwner(c); !s)
        return c.fail(s.error());
    auto member = memberOption(c);
    if (!member)
        return c.fail(member.error());
    if (member->dbRole.isEmpty())
        return c.fail(Error::validation(QStringLiteral("username"),
                                        QStringLiteral("%1 has no role of their own: "
                                                       "team add-admin makes one")
                                            .arg(member->username)));
    if (!c.parser.isSet(QStringLiteral("password-stdin")))
        return c.usage(QStringLiteral("team set-password reads the password from standard input "
                                      "(--password-stdin)"));
    auto password = passwordOption(c);
    if (!password)
        return c.fail(password.error());
    if (auto s = TeamRepository(c.database().connection()).setPassword(member->dbRole, *password);
        !s)
        return c.fail(s.error());
    return c.print(
        QJsonObject{{QStringLiteral("role"), member->dbRole}},
        QStringLiteral("Set the password of %1's role %2.").arg(member->username, member->dbRole));
}

} // namespace

QList<Command> teamCommands() {
    const QCommandLineOption username(QStringLiteral("username"),
                                      QStringLiteral("The admin's booking page name."),
                                      QStringLiteral("U"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the role's password from one line of standard input."));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("The PostgreSQL login role to create."),
                                  QStringLiteral("NAME"));
    Command add{
        QStringLiteral("team add-admin"),
        {},
        0,
        QStringLiteral("Add an admin with a PostgreSQL login role of their own"),
        {username,
         {QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("N")},
         {QStringLiteral("email"), QStringLiteral("Email address."), QStringLiteral("E")},
         {QStringLiteral("timezone"), QStringLiteral("IANA time zone."), QStringLiteral("TZ")},
         role,
         passwordStdin},
        addAdmin,
        {}};
    Command endpoint{QStringLiteral("team add-endpoint"),
                     {},
                     0,
                     QStringLiteral("Add the least-privilege role slotdesk-cli serve runs as"),
                     {role, passwordStdin},
                     addEndpoint,
                     {}};
    Command listing{QStringLiteral("team list"),
                    {},
                    0,
                    QStringLiteral("List the admins and their roles"),
                    {},
                    list,
                    {}};
    Command remove{
        QStringLiteral("team remove-admin"),
        {},
        0,
        QStringLiteral("Drop an admin's role [--keep-data | --delete-data]"),
        {username,
         {QStringLiteral("keep-data"),
          QStringLiteral("Keep their bookings and settings (the owner still reaches them).")},
         {QStringLiteral("delete-data"),
          QStringLiteral("Delete the admin and everything of theirs (export it first).")}},
        removeAdmin,
        {}};
    Command password{QStringLiteral("team set-password"),
                     {},
                     0,
                     QStringLiteral("Set an admin role's password (from standard input)"),
                     {username, passwordStdin},
                     setPassword,
                     {}};
    return {add, endpoint, listing, remove, password};
}

} // namespace slotdesk::cli
