#include "profile/ProfileService.h"

#include "domain/Validation.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"

#include <QStringList>

namespace slotdesk {

using storage::Transaction;

Result<User> ProfileService::initialize(const User& draft, bool additional) {
    if (auto s = validation::user(draft); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    storage::UserRepository users(db);
    auto existing = users.list();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty() && !additional)
        return Error::conflict(QStringLiteral("SlotDesk is already set up for '%1' (to add "
                                              "another admin to this database: --additional)")
                                   .arg(existing->constFirst().username),
                               QStringLiteral("username"));
    auto created = users.create(draft);
    if (!created)
        return created.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return created;
}

Result<QVector<User>> ProfileService::admins() {
    return storage::UserRepository(m_database.connection()).list();
}

Result<User> ProfileService::admin() {
    auto all = admins();
    if (!all)
        return all.error();
    if (all->isEmpty() && m_database.role() == storage::RowSecurity::Role::Admin)
        return Error{ErrorCode::NotInitialized,
                     QStringLiteral("This database role is bound to no admin (removed from the "
                                    "team?): ask the team owner (slotdesk-cli team list)"),
                     {}};
    if (all->isEmpty())
        return Error{
            ErrorCode::NotInitialized,
            QStringLiteral("SlotDesk has no admin yet: run 'slotdesk-cli init' or open SlotDesk"),
            {}};
    if (all->size() > 1) {
        QStringList names;
        for (const auto& user : *all)
            names.append(user.username);
        return Error::validation(QStringLiteral("user"),
                                 QStringLiteral("This database has several admins (%1): choose "
                                                "one with --user USERNAME")
                                     .arg(names.join(QStringLiteral(", "))));
    }
    return all->constFirst();
}

Result<User> ProfileService::admin(const QString& username) {
    if (username.isEmpty())
        return admin();
    auto found = storage::UserRepository(m_database.connection()).findByUsername(username);
    if (!found)
        return found.error();
    if (!found->has_value() && m_database.role() == storage::RowSecurity::Role::Admin)
        return Error::validation(QStringLiteral("user"),
                                 QStringLiteral("The database role you connect as is another "
                                                "admin's: it reaches only that admin's data, "
                                                "not '%1' (row-level security)")
                                     .arg(displayValue(username)));
    if (!found->has_value())
        return Error::validation(
            QStringLiteral("user"),
            QStringLiteral("No admin named '%1' in this database").arg(displayValue(username)));
    return **found;
}

Result<User> ProfileService::byUsername(const QString& username) {
    auto found = storage::UserRepository(m_database.connection()).findByUsername(username);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("No such booking page"));
    return **found;
}

Result<User> ProfileService::byId(const QString& id) {
    auto found = storage::UserRepository(m_database.connection()).findById(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("No such user"));
    return **found;
}

Result<User> ProfileService::update(const User& user) {
    if (auto s = validation::user(user); !s)
        return s.error();
    auto db = m_database.connection();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    auto updated = storage::UserRepository(db).update(user);
    if (!updated)
        return updated.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return updated;
}

} // namespace slotdesk
