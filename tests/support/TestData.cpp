#include "support/TestData.h"

#include "calendar/GoogleCalendarList.h"
#include "storage/CalendarIntegrationRepository.h"
#include "support/TestDatabase.h"

#include "availability/AvailabilityService.h"
#include "storage/BookingRepository.h"
#include "storage/UserRepository.h"

#include <QCryptographicHash>
#include <QFile>

#include <sys/stat.h>

namespace slotdesk::test {

User makeUser(const QString& username) {
    User u;
    u.username = username;
    u.name = QStringLiteral("Alice Admin");
    u.email = username + QStringLiteral("@example.org");
    u.timeZone = QStringLiteral("Europe/Berlin");
    return u;
}

User seedAdmin(storage::Database& db, const QString& username, const QString& timeZone) {
    User u = makeUser(username);
    u.timeZone = timeZone;
    if (db.role() == storage::RowSecurity::Role::Admin)
        return seedAdminAsOwner(db, u);
    auto created = storage::UserRepository(db.connection()).create(u);
    return created ? *created : User{};
}

Result<std::unique_ptr<storage::Database>> openSeededIn(const QString& dataDir,
                                                        const QString& username) {
    auto db = storage::Database::openInDirectory(dataDir);
    if (!db)
        return db.error();
    if (auto created = storage::UserRepository((*db)->connection()).create(makeUser(username));
        !created)
        return created.error();
    return db;
}

bool seedAvailability(storage::Database& db, const QString& userId, const QString& zone,
                      const QList<int>& days, int startMinute, int endMinute) {
    AvailabilityService availability(db);
    for (const int day : days) {
        AvailabilityBlock block;
        block.userId = userId;
        block.dayOfWeek = day;
        block.startMinute = startMinute;
        block.endMinute = endMinute;
        block.timeZone = zone;
        if (auto added = availability.add(block); !added) {
            qWarning("cannot add weekly hours: %s", qPrintable(added.error().message));
            return false;
        }
    }
    return true;
}

Booking makeBooking(const QString& userId, const QDateTime& start, int minutes,
                    BookingStatus status) {
    Booking b;
    b.userId = userId;
    b.startTime = start;
    b.endTime = start.addSecs(minutes * 60);
    b.attendeeName = QStringLiteral("Bob Attendee");
    b.attendeeEmail = QStringLiteral("bob@example.com");
    b.notes = QStringLiteral("Quarterly review");
    b.timeZone = QStringLiteral("America/New_York");
    b.status = status;
    return b;
}

Booking seedBooking(storage::Database& db, const QString& userId, const QDateTime& start,
                    int minutes, BookingStatus status) {
    auto created = storage::BookingRepository(db.connection())
                       .create(makeBooking(userId, start, minutes, status));
    return created ? *created : Booking{};
}

QDateTime utc(const char* rfc3339) {
    auto dt = QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate);
    return dt.toUTC();
}

QByteArray databaseBytes(const storage::Database& db) {
    QByteArray all;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile file(db.filePath() + QString::fromLatin1(suffix));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QByteArray fileDigest(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

int fileMode(const QString& path) {
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

CalendarIntegration seedGoogle(storage::Database& db, const QString& userId,
                               const QString& keychainKey) {
    CalendarIntegration google;
    google.userId = userId;
    google.keychainKey = keychainKey;
    google.syncStatus = SyncStatus::Active;
    auto created = storage::CalendarIntegrationRepository(db.connection()).create(google);
    if (!created)
        qFatal("seedGoogle: %s", qPrintable(created.error().message));
    auto primary = google::ensurePrimaryCalendar(db.connection(), core::Clock(), *created);
    if (!primary || !primary->receivesBookings)
        qFatal("seedGoogle: no primary calendar receiving bookings");
    return *created;
}

} // namespace slotdesk::test
