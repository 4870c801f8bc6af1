#pragma once
// ProfileService: the admins' profiles — creating, choosing, reading and editing them. A desktop
// has one admin; a team's shared database has one per person.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QVector>

namespace slotdesk {
namespace storage {
class Database;
}

class ProfileService {
public:
    explicit ProfileService(storage::Database& database)
        : m_database(database) {}

    // Validates and creates an admin. Conflict when SlotDesk already has an admin, unless
    // `additional` (another admin in a shared database).
    Result<User> initialize(const User& draft, bool additional = false);
    // The only admin; NotInitialized when there is none yet, a Validation error (field "user")
    // listing them when several share the database.
    Result<User> admin();
    // The admin named `username`, or admin() when it is empty; a Validation error (field
    // "user") when there is no such admin.
    Result<User> admin(const QString& username);
    // Every admin, oldest first.
    Result<QVector<User>> admins();
    // The admin whose booking page is /{username}; NotFound otherwise.
    Result<User> byUsername(const QString& username);
    Result<User> byId(const QString& id);
    Result<User> update(const User& user);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
