#pragma once
// CalDavConnector: a CalDAV account and its calendars as stored — adding one is what the CLI's
// `calendar add caldav` and the Integrations page's "Add calendar… → CalDAV" call (through
// CalendarSyncService).
//   discover(): "test connection" — the account's calendars (names, colours), nothing stored;
//   add(): discovers again, puts the password in the keychain (caldav/<id>), then in one
//          transaction the integration (type 'caldav', source_url = the server address,
//          calendar_id = the calendar home, username) and its calendars (integration_calendars:
//          every calendar blocks time unless listed in `notBlocking`, none receives bookings).
//   saveCalendars(): the rows of the calendars found in the home, also after each sync pass's
//          listing (CalDavSyncRun): new ones added, names and colours as the server has them.
// A failure names its field: "url", "username", "password" (the server refused them), or
// "server" (it could not be reached, or it is no CalDAV server).

#include "caldav/CalDavClient.h"
#include "calendar/CalendarList.h"
#include "domain/Entities.h"

#include <QObject>

class QNetworkAccessManager;

namespace slotdesk::storage {
class Database;
}
namespace slotdesk::integration {
class KeychainSecretStore;
}

namespace slotdesk::caldav {

class CalDavConnector : public QObject {
    Q_OBJECT
public:
    CalDavConnector(storage::Database& database, core::Clock clock,
                    integration::KeychainSecretStore* secrets, QNetworkAccessManager* network,
                    QObject* parent = nullptr);

    void discover(const QString& url, const QString& username, const QString& password);
    // `name`: what to call the account (default "USER on HOST"); `notBlocking`: URLs of
    // discovered calendars that should not block time.
    void add(const User& admin, const QString& url, const QString& username,
             const QString& password, const QString& name = {},
             const QStringList& notBlocking = {});

    // The integration_calendars rows of the calendars `found` in the account's home: a calendar
    // not stored yet is added, blocking time when its URL is in `blocking` (when the account is
    // added: all but those the admin left out; later: none, as with Google's new calendars),
    // receiving no bookings. Call inside a write Transaction.
    static Result<CalendarListChange>
    saveCalendars(const QSqlDatabase& db, const core::Clock& clock, const QString& integrationId,
                  const QVector<CalDavCalendar>& found, const QStringList& blocking = {});
    // The account's calendar home as stored with it (its calendarId); empty for an account
    // added before the home was kept.
    static QUrl homeUrl(const CalendarIntegration& integration);

signals:
    void discovered(bool ok, const QString& field, const QString& message,
                    const slotdesk::caldav::Discovery& discovery);
    void added(bool ok, const QString& integrationId, const QString& field, const QString& message);

private:
    using Found = std::function<void(const QString& field, const QString& message,
                                     const CalDavAccount& account, const Discovery& discovery)>;
    void find(const QString& url, const QString& username, const QString& password, Found done);
    Result<CalendarIntegration> save(const QString& id, const User& admin,
                                     const CalDavAccount& account, const Discovery& discovery,
                                     const QString& name, const QStringList& notBlocking);

    storage::Database& m_database;
    core::Clock m_clock;
    integration::KeychainSecretStore* m_secrets;
    QNetworkAccessManager* m_network;
};

} // namespace slotdesk::caldav
