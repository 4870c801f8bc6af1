#pragma once
// ProfileService: the admin's profile — creating it once, reading and editing it.

#include "core/Result.h"
#include "domain/Entities.h"

namespace slotdesk {
namespace storage {
class Database;
}

class ProfileService {
public:
    explicit ProfileService(storage::Database& database)
        : m_database(database) {}

    // Validates and creates the admin. Conflict when SlotDesk already has an admin.
    Result<User> initialize(const User& draft);
    // The admin; NotInitialized when there is none yet.
    Result<User> admin();
    // The admin whose booking page is /{username}; NotFound otherwise.
    Result<User> byUsername(const QString& username);
    Result<User> byId(const QString& id);
    Result<User> update(const User& user);

private:
    storage::Database& m_database;
};

} // namespace slotdesk
