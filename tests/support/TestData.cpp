#include "support/TestData.h"

#include "calendar/GoogleCalendarList.h"
#include "storage/CalendarIntegrationRepository.h"
#include "support/TestDatabase.h"

#include "availability/AvailabilityService.h"
#include "storage/BookingRepository.h"
#include "storage/MailOutboxRepository.h"
#include "storage/MailSettingsRepository.h"
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

BookingRequest makeRequest(const QDateTime& start, int minutes) {
    BookingRequest r;
    r.start = start;
    r.duration = minutes;
    r.name = QStringLiteral("Bob Example");
    r.email = QStringLiteral("bob@example.com");
    r.notes = QStringLiteral("Quarterly review");
    r.timeZone = QStringLiteral("America/New_York");
    return r;
}

Booking requestAndApprove(BookingService& service, const User& admin,
                          const BookingRequest& request) {
    auto created = service.create(admin, request);
    if (!created) {
        qWarning("cannot book: %s", qPrintable(created.error().message));
        return {};
    }
    auto approved = service.approve(admin.id, created->id);
    if (!approved)
        qWarning("cannot approve: %s", qPrintable(approved.error().message));
    return approved ? *approved : Booking{};
}

QStringList queuedMails(storage::Database& db, const QString& bookingId) {
    const auto entries = storage::MailOutboxRepository(db.connection()).listForBooking(bookingId);
    if (!entries)
        return {QStringLiteral("<unreadable: %1>").arg(entries.error().message)};
    QStringList mails;
    for (const auto& entry : *entries)
        mails.append(entry.kind + u':' + entry.recipient);
    mails.sort();
    return mails;
}

bool seedMailSettings(storage::Database& db, const QString& userId) {
    MailSettings mail;
    mail.userId = userId;
    mail.host = QStringLiteral("smtp.example.org");
    mail.fromAddress = QStringLiteral("bookings@example.org");
    return storage::MailSettingsRepository(db.connection()).save(mail).ok();
}

web::HttpRequest apiRequest(const QByteArray& method, const QString& target,
                            const QByteArray& body) {
    const QUrl url(QStringLiteral("http://localhost") + target);
    web::HttpRequest r;
    r.method = method;
    r.path = url.path();
    r.query = QUrlQuery(url);
    r.body = body;
    r.remoteAddress = QHostAddress(QStringLiteral("192.0.2.7"));
    return r;
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
