#pragma once
// The persistent entities of the data model (shared/spec/data-model.md), as plain values.
// Instants are QDateTime in UTC; availability times are minutes after local midnight.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace slotdesk {

enum class BookingStatus { Pending, Confirmed, Rejected, Cancelled };
enum class VideoProvider { GoogleMeet, Zoom };
enum class SyncStatus { Active, Error, Disconnected };
enum class CalendarType { GoogleCalendar, CalDav, IcsFeed };
// When an attendee's request needs the admin's approval: always (a request waits), never (the
// admin's standing rule confirms it at once), or only when its start is less than
// BookingSettings::approvalWithinHours away (later ones are confirmed at once).
enum class ApprovalPolicy { Always, Never, ShortNotice };

QString toText(BookingStatus status);
QString toText(VideoProvider provider);
QString toText(SyncStatus status);
QString toText(CalendarType type);
std::optional<BookingStatus> bookingStatusFromString(const QString& text);
std::optional<VideoProvider> videoProviderFromString(const QString& text);
std::optional<SyncStatus> syncStatusFromString(const QString& text);
std::optional<CalendarType> calendarTypeFromString(const QString& text);
QString toText(ApprovalPolicy policy); // "always", "never", "short-notice"
std::optional<ApprovalPolicy> approvalPolicyFromString(const QString& text);

struct User {
    QString id;
    QString username;
    QString email;
    QString name;
    QString timeZone;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct Booking {
    QString id;
    QString userId;
    QString title;
    QDateTime startTime;
    QDateTime endTime;
    QString attendeeName;
    QString attendeeEmail;
    QString notes;
    // The video platform the attendee asked for. The meeting itself exists only once a provider
    // has created it; then videoProvider and videoLink are set together (the spec's rule).
    std::optional<VideoProvider> requestedVideoProvider;
    std::optional<VideoProvider> videoProvider;
    QString videoLink;
    BookingStatus status = BookingStatus::Pending;
    QString timeZone; // the attendee's zone
    QString calendarEventId;
    // The calendar (integration_calendars id) calendarEventId is in: a move or a cancel changes
    // the event there, whichever calendar receives new bookings by then.
    QString eventCalendarId;
    QString statusReason;    // why it was rejected or cancelled, if anyone said
    QString manageTokenHash; // SHA-256 hex of the attendee's manage token
    // The language the attendee booked in ("en", "de", "fr"): their e-mails are written in it.
    QString language = QStringLiteral("en");
    // iCalendar SEQUENCE of the booking's event (one UID per booking): raised by BookingService
    // with every change an attendee's calendar should take over (status, video link).
    int sequence = 0;
    // A reschedule is a new booking linked to the one it moves (BookingService::reschedule):
    // the new booking names its original, the original the newest move asked for — while it is
    // live, a move waiting for approval or declined; once cancelled, the move that replaced it
    // (cancelling it otherwise clears the link).
    QString rescheduledFromId;
    QString rescheduledToId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct AvailabilityBlock {
    QString id;
    QString userId;
    int dayOfWeek = 0;   // 0 = Sunday ... 6 = Saturday
    int startMinute = 0; // minutes after local midnight, 0..1439
    int endMinute = 0;   // 1..1440 (1440 = midnight at the end of the day)
    QString timeZone;
    bool isActive = true;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// No token lives here: tokens are in the OS keychain under `keychainKey`.
struct CalendarIntegration {
    QString id;
    QString userId;
    CalendarType type = CalendarType::GoogleCalendar;
    QString keychainKey;
    QString accountEmail;
    QDateTime tokenExpiresAt;
    QString calendarId = QStringLiteral("primary");
    QString syncToken;
    QDateTime lastSyncAt;
    SyncStatus syncStatus = SyncStatus::Disconnected;
    QString syncError;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Calendars beyond Google (ICS feeds, CalDAV): what the admin calls it, where it is (a
    // feed's address without its secret parts: the whole address is in the keychain), the
    // CalDAV user, and the validators of the last answer for a conditional GET.
    QString displayName;
    QString sourceUrl;
    QString username;
    QString httpEtag;
    QString httpLastModified;
};

struct CalendarEvent {
    QString id;
    QString calendarIntegrationId;
    QString externalEventId;
    QDateTime startTime;
    QDateTime endTime;
    QString title;
    bool isBusy = true;
    QDateTime syncedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    // The integration's calendar it came from (integration_calendars id); empty for an
    // integration with one implicit calendar (an ICS feed).
    QString integrationCalendarId;
};

// The admin's booking rules (beyond the spec's minimum). Lengths and buffers in minutes.
struct BookingSettings {
    QString userId;
    int defaultDuration = 30;  // 15..480
    QList<int> durations{30};  // lengths an attendee may pick; contains defaultDuration
    int slotInterval = 0;      // minutes between slot starts; 0 = the meeting length
    int bufferBefore = 0;      // free minutes required before existing busy time
    int bufferAfter = 0;       // ... and after it
    int minimumNotice = 120;   // minutes
    int horizonDays = 60;      // how far ahead attendees may book
    int maxBookingsPerDay = 0; // 0 = no cap
    // Caps per ISO week (Monday to Sunday) and calendar month in the admin's zone; 0 = no cap.
    // Like the daily cap they count pending and confirmed bookings.
    int maxBookingsPerWeek = 0;
    int maxBookingsPerMonth = 0;
    ApprovalPolicy approvalPolicy = ApprovalPolicy::Always;
    int approvalWithinHours = 24; // ShortNotice: a start less than this far away needs approval
    // How long before the start an attendee may still cancel or reschedule a confirmed meeting,
    // in hours; 0 = any time before the start.
    int attendeeChangeNoticeHours = 0;
    bool attendeeReschedule = true; // whether attendees may move their own bookings
    QDateTime updatedAt;
};

// How an admin's e-mails leave: their SMTP server and sender, and what they want sent. The SMTP
// password is not here: it lives in the OS keychain only.
struct MailSettings {
    QString userId;
    QString host;
    int port = 587;
    QString security = QStringLiteral("starttls"); // "tls", "starttls" or "none" (loopback only)
    QString username;                              // empty: no AUTH
    QString caFile; // PEM CAs to trust instead of the system's (a self-hosted server's own CA)
    QString fromAddress;
    QString fromName;                        // empty: the admin's name
    QString language = QStringLiteral("en"); // of the admin's own notices
    int reminderMinutes = 1440;              // before a confirmed meeting; 0 = no reminder
    bool adminNotices = true;                // new requests and cancellations to the admin
    QDateTime updatedAt;
};

// One exception to the weekly hours on a local date (in `timeZone`). Without hours the date is
// unavailable; with hours, all of that date's rows together replace its weekly blocks.
struct AvailabilityOverride {
    QString id;
    QString userId;
    QDate date;
    QString timeZone;
    std::optional<int> startMinute;
    std::optional<int> endMinute;
    QDateTime createdAt;
    QDateTime updatedAt;

    [[nodiscard]] bool isUnavailable() const { return !startMinute.has_value(); }
};

} // namespace slotdesk
