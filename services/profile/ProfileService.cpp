#include "profile/ProfileService.h"

#include "domain/Validation.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"

namespace slotdesk {

using storage::Transaction;

Result<User> ProfileService::initialize(const User& draft) {
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
    if (!existing->isEmpty())
        return Error::conflict(QStringLiteral("SlotDesk is already set up for '%1'")
                                   .arg(existing->constFirst().username),
                               QStringLiteral("username"));
    auto created = users.create(draft);
    if (!created)
        return created.error();
    if (auto s = tx->commit(); !s)
        return s.error();
    return created;
}

Result<User> ProfileService::admin() {
    storage::UserRepository users(m_database.connection());
    auto all = users.list();
    if (!all)
        return all.error();
    if (all->isEmpty())
        return Error{
            ErrorCode::NotInitialized,
            QStringLiteral("SlotDesk has no admin yet: run 'slotdesk-cli init' or open SlotDesk"),
            {}};
    return all->constFirst();
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
