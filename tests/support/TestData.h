#pragma once
// Test fixtures shared by the suites: a seeded admin and bookings written straight through the
// repositories, and a digest of the database file for "nothing changed" assertions.

#include "booking/BookingService.h"
#include "domain/Entities.h"
#include "storage/Database.h"
#include "web/HttpMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace slotdesk::test {

User makeUser(const QString& username = QStringLiteral("alice"));
// Creates the admin through the repository (QVERIFY-style failure: throws nothing, returns {}).
User seedAdmin(storage::Database& db, const QString& username = QStringLiteral("alice"),
               const QString& timeZone = QStringLiteral("Europe/Berlin"));
// Weekly hours for `userId`: `startMinute`..`endMinute` in `zone` on each of `days` (0 = Sunday)
// — all day, every day unless said otherwise. False when one cannot be stored.
bool seedAvailability(storage::Database& db, const QString& userId, const QString& zone,
                      const QList<int>& days = {0, 1, 2, 3, 4, 5, 6}, int startMinute = 0,
                      int endMinute = 1440);
// A SlotDesk database (SQLite) in `dataDir` with `username` seeded as its admin.
Result<std::unique_ptr<storage::Database>>
openSeededIn(const QString& dataDir, const QString& username = QStringLiteral("alice"));
Booking makeBooking(const QString& userId, const QDateTime& start, int minutes = 30,
                    BookingStatus status = BookingStatus::Pending);
Booking seedBooking(storage::Database& db, const QString& userId, const QDateTime& start,
                    int minutes = 30, BookingStatus status = BookingStatus::Pending);
// A request from Bob (bob@example.com, America/New_York, with notes) for `minutes` at `start`.
BookingRequest makeRequest(const QDateTime& start, int minutes = 30);
// `request` made through `service` for `admin`, then approved: the confirmed booking, or an
// empty one (and why, as a warning).
Booking requestAndApprove(BookingService& service, const User& admin,
                          const BookingRequest& request);
// The mails queued for booking `bookingId` as "KIND:RECIPIENT", sorted.
QStringList queuedMails(storage::Database& db, const QString& bookingId);
QDateTime utc(const char* rfc3339);
// A connected Google Calendar of `userId` as connecting leaves it: the integration (active, its
// tokens under `keychainKey`) and its primary calendar, which blocks time and receives bookings.
CalendarIntegration seedGoogle(storage::Database& db, const QString& userId,
                               const QString& keychainKey);
// E-mail set up for `userId` (smtp.example.org, from bookings@example.org), so that bookings owe
// mails. False when it cannot be stored.
bool seedMailSettings(storage::Database& db, const QString& userId);
// A request to the booking API as the endpoint hands it over: `target` (path and query) asked
// for with `method` from 192.0.2.7.
web::HttpRequest apiRequest(const QByteArray& method, const QString& target,
                            const QByteArray& body = {});
// Every byte of the SQLite database `db` keeps: its file and the -wal, -shm and -journal beside
// it. Equal before and after: nothing was written.
QByteArray databaseBytes(const storage::Database& db);
// SHA-256 of the file: equal digests before and after mean byte-for-byte unchanged.
QByteArray fileDigest(const QString& path);
// The permission bits of `path` as stat() reports them (e.g. 0600), or -1 when it isn't there.
int fileMode(const QString& path);

} // namespace slotdesk::test
