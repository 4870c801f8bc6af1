#pragma once
// VideoIntegrationRepository: `video_integrations` (a connected Zoom account per user; the tokens
// are in the OS keychain under zoom::keychainKeyFor(id), never here) and `video_meetings` (the
// meeting made for a booking, kept so that a cancellation can delete it).

#include "core/Result.h"
#include "storage/Repository.h"
#include "video/VideoIntegrationStatus.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace slotdesk::storage {

struct VideoIntegration {
    QString id;
    QString userId;
    QString provider = QStringLiteral("zoom");
    QString accountEmail;
    VideoIntegrationStatus status = VideoIntegrationStatus::Connected;
    QString lastError;
};

struct VideoMeeting {
    QString bookingId;
    QString provider = QStringLiteral("zoom");
    QString meetingId;
    QString joinUrl;
    bool deleted = false;
};

class VideoIntegrationRepository : public Repository {
public:
    // `clock` stamps the rows and tells when a claim on a meeting has gone stale.
    using Repository::Repository;

    // Inserts or replaces the user's integration for its provider (assigns the id if unset).
    Result<VideoIntegration> save(VideoIntegration integration);
    Result<std::optional<VideoIntegration>> find(const QString& userId, const QString& provider);
    // Every user's integration with `provider` (for the service that works for all of them).
    Result<QVector<VideoIntegration>> listAll(const QString& provider);
    Status setStatus(const QString& id, VideoIntegrationStatus status, const QString& lastError);
    Status setAccountEmail(const QString& id, const QString& accountEmail);
    // Whether `userId` has Zoom work: a confirmed booking that asked for Zoom without a meeting,
    // a confirmed booking whose meeting was handed to it by a move and not updated yet, or a
    // cancelled/rejected booking whose meeting is not deleted yet.
    Result<bool> hasMeetingWork(const QString& userId);
    Status remove(const QString& userId, const QString& provider);

    // A confirmed booking of `userId` that asked for Zoom and has no meeting yet.
    struct MeetingOwed {
        QString bookingId;
        QString title;
        QString attendeeName;
        QDateTime startTime;
        QDateTime endTime;
        QString timeZone;
        QString meetingId; // meetingsToUpdate(): the meeting to move to this time
    };
    // The meetings `userId` owes Zoom: to create (oldest booking first) and to delete (the
    // meetings of cancelled or rejected bookings not deleted yet).
    Result<QVector<MeetingOwed>> meetingsToCreate(const QString& userId);
    // The meetings of `userId`'s confirmed bookings marked for update (handOverMeeting()).
    Result<QVector<MeetingOwed>> meetingsToUpdate(const QString& userId);
    Result<QVector<VideoMeeting>> meetingsToDelete(const QString& userId);

    // Several processes (a team's servers, a desktop next to `serve`) may pass over one user's
    // bookings at once: before asking Zoom for a meeting, a process claims the booking (a
    // video_meetings row with an empty meeting id, written under the database's write lock).
    // Only the first claim succeeds; saveMeeting() replaces it, releaseClaim() drops it after a
    // failed call, and a claim older than kClaimStaleMs (its process died) counts as work again.
    static constexpr qint64 kClaimStaleMs = 5 * 60 * 1000;
    Result<bool> claimMeeting(const QString& bookingId);
    Status releaseClaim(const QString& bookingId);

    // Replaces the booking's meeting row (a claim included). The booking's video link that goes
    // with a new meeting is BookingService::recordVideoMeeting()'s, which calls this.
    Status saveMeeting(const VideoMeeting& meeting);
    Result<std::optional<VideoMeeting>> meetingFor(const QString& bookingId);
    Status markMeetingDeleted(const QString& bookingId);

    // A move (BookingService, in its write transaction): the meeting of `fromBookingId`, if it
    // has one not deleted, becomes `toBookingId`'s, marked for update (Zoom is told the new time
    // by ZoomMeetingSync). Returns the meeting as handed over.
    Result<std::optional<VideoMeeting>> handOverMeeting(const QString& fromBookingId,
                                                        const QString& toBookingId);
    // Zoom has the booking's time: clears the mark — unless the meeting moved on meanwhile.
    Status markMeetingUpdated(const QString& bookingId, const QString& meetingId);
    // Zoom no longer knows the meeting: the row goes, so the booking is owed a new one.
    Status forgetMeeting(const QString& bookingId, const QString& meetingId);
};

} // namespace slotdesk::storage
