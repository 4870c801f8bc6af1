#pragma once
// Test fixtures shared by the suites: a seeded admin and bookings written straight through the
// repositories, and a digest of the database file for "nothing changed" assertions.

#include "domain/Entities.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace slotdesk::test {

User makeUser(const QString& username = QStringLiteral("alice"));
// Creates the admin through the repository (QVERIFY-style failure: throws nothing, returns {}).
User seedAdmin(storage::Database& db, const QString& username = QStringLiteral("alice"),
               const QString& timeZone = QStringLiteral("Europe/Berlin"));
Booking makeBooking(const QString& userId, const QDateTime& start, int minutes = 30,
                    BookingStatus status = BookingStatus::Pending);
Booking seedBooking(storage::Database& db, const QString& userId, const QDateTime& start,
                    int minutes = 30, BookingStatus status = BookingStatus::Pending);
QDateTime utc(const char* rfc3339);
// SHA-256 of the file: equal digests before and after mean byte-for-byte unchanged.
QByteArray fileDigest(const QString& path);
// The permission bits of `path` as stat() reports them (e.g. 0600), or -1 when it isn't there.
int fileMode(const QString& path);

} // namespace slotdesk::test
