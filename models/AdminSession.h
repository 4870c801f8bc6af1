#pragma once
// AdminSession: what every view of the window works from — the database (read and written on
// the session's DatabaseWorker thread, never on the GUI thread), its ChangeWatcher, the clock,
// and the admin profile. It re-reads the profile whenever the database changes, so models that
// follow databaseChanged() always see the current admin (and time zone) first.
//
// The profile arrives after construction: until isLoaded(), hasAdmin() is false and models
// show that they are loading. The first read emits adminChanged() and databaseChanged().

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"

#include <QObject>

#include <functional>
#include <optional>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::models {

class ChangeWatcher;
class DatabaseWorker;

class AdminSession : public QObject {
    Q_OBJECT
public:
    explicit AdminSession(storage::Database& database, QObject* parent = nullptr);
    // Works for the admin named `username` (a database with several admins needs one).
    AdminSession(storage::Database& database, QString username, QObject* parent = nullptr);
    // With the clock the views read "now" from (tests pass a ManualClock's).
    AdminSession(storage::Database& database, QString username, core::Clock clock,
                 QObject* parent = nullptr);

    // The GUI thread's own connection: for what runs on the GUI thread by design (the booking
    // endpoint, first-run onboarding). The window's reads and writes go through worker().
    [[nodiscard]] storage::Database& database() const { return m_database; }
    [[nodiscard]] DatabaseWorker* worker() const { return m_worker; }
    [[nodiscard]] ChangeWatcher* watcher() const { return m_watcher; }
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }

    // The admin this session was opened for (--user); empty: the database's only admin.
    [[nodiscard]] QString username() const { return m_username; }
    // Whether the profile has been read once (whether or not there is an admin yet).
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] bool hasAdmin() const { return m_admin.has_value(); }
    // Valid only when hasAdmin().
    [[nodiscard]] const User& admin() const { return *m_admin; }
    [[nodiscard]] QString userId() const { return m_admin ? m_admin->id : QString(); }
    // The admin's IANA zone; "UTC" before there is an admin.
    [[nodiscard]] QString timeZone() const;

    // Reads the admin's booking rules on the worker, then `done(rules)` here while `context`
    // still exists; nothing without an admin.
    void readBookingSettings(QObject* context,
                             std::function<void(Result<BookingSettings>)> done) const;

public slots:
    // Re-reads the profile (emitting adminChanged() if it differs), then databaseChanged().
    void refresh();

signals:
    void adminChanged();
    void databaseChanged();

private:
    void profileRead(Result<User> admin);

    storage::Database& m_database;
    QString m_username;
    core::Clock m_clock;
    DatabaseWorker* m_worker;
    ChangeWatcher* m_watcher;
    std::optional<User> m_admin;
    bool m_loaded = false;
    bool m_reading = false;
    bool m_readAgain = false;
};

} // namespace slotdesk::models
