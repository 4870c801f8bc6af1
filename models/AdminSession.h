#pragma once
// AdminSession: the open database, its ChangeWatcher and the admin profile every view works
// for. It re-reads the profile whenever the database changes, so models that follow
// databaseChanged() always see the current admin (and time zone) first.

#include "domain/Entities.h"

#include <QObject>

#include <optional>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {

class ChangeWatcher;

class AdminSession : public QObject {
    Q_OBJECT
public:
    explicit AdminSession(storage::Database& database, QObject* parent = nullptr);
    // Works for the admin named `username` (a database with several admins needs one).
    AdminSession(storage::Database& database, QString username, QObject* parent = nullptr);

    [[nodiscard]] storage::Database& database() const { return m_database; }
    [[nodiscard]] ChangeWatcher* watcher() const { return m_watcher; }

    // The admin this session was opened for (--user); empty: the database's only admin.
    [[nodiscard]] QString username() const { return m_username; }
    [[nodiscard]] bool hasAdmin() const { return m_admin.has_value(); }
    // Valid only when hasAdmin().
    [[nodiscard]] const User& admin() const { return *m_admin; }
    [[nodiscard]] QString userId() const { return m_admin ? m_admin->id : QString(); }
    // The admin's IANA zone; "UTC" before there is an admin.
    [[nodiscard]] QString timeZone() const;

public slots:
    // Re-reads the profile (emitting adminChanged() if it differs), then databaseChanged().
    void refresh();

signals:
    void adminChanged();
    void databaseChanged();

private:
    bool reloadAdmin();

    storage::Database& m_database;
    QString m_username;
    ChangeWatcher* m_watcher = nullptr;
    std::optional<User> m_admin;
};

} // namespace slotdesk::models
