#pragma once
// ZoomMeetingSync: one pass over a user's bookings that owe Zoom work — a confirmed booking that
// asked for Zoom and has no meeting yet gets one (POST /users/me/meetings; its join_url becomes
// the booking's video_link with video_provider 'zoom', the meeting id is kept in
// video_meetings), a meeting a move handed to a new booking (marked for update) is moved to its
// time (PATCH /meetings/{id}; one Zoom no longer knows is replaced by a new one), and a cancelled
// or rejected booking's meeting is deleted. A failed call never
// touches the booking's status: the pass stops, the integration shows the error (status 'error',
// or 'reauth_required' when the grant is gone) and the report says when to retry
// (integration::Backoff, at least the server's Retry-After). Run by ZoomService. Once a
// link is stored, the booking's pending Google Calendar insert (which waits for it) is made due.

#include "core/Clock.h"
#include "video/ZoomClient.h"

#include <QObject>
#include <QSet>

#include <chrono>
#include <functional>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::zoom {

struct ZoomSyncReport {
    int created = 0;
    int updated = 0; // meetings moved to their booking's new time
    int deleted = 0;
    bool ok = true;
    bool transient = false;
    QString message;
    std::chrono::milliseconds retryIn{0};
};

class ZoomMeetingSync : public QObject {
    Q_OBJECT
public:
    ZoomMeetingSync(storage::Database& database, QNetworkAccessManager* network,
                    integration::OAuthTokenStore* store, QObject* parent = nullptr);
    // Destroyed with a pass under way (the process is shutting down): the requests are aborted
    // and the bookings it had claimed are released, so the next pass (here or in another
    // process) need not wait for the claims to go stale.
    ~ZoomMeetingSync() override;

    // Where "now" comes from (default: the system clock).
    void setClock(core::Clock clock) { m_clock = std::move(clock); }

    // `failures` is how many passes in a row failed before (for the back-off).
    void run(const QString& userId, int failures, std::function<void(ZoomSyncReport)> done);

private:
    struct Work {
        enum class Kind { Create, Update, Delete };
        QString userId;
        QString bookingId;
        Kind kind = Kind::Create;
        MeetingRequest request;
        QString meetingId;
    };
    void next(std::shared_ptr<QList<Work>> work, std::shared_ptr<ZoomSyncReport> report,
              QString integrationId, int failures, std::shared_ptr<ZoomClient> client,
              std::function<void(ZoomSyncReport)> done);
    void fail(const QString& integrationId, const integration::ProviderReply& reply, int failures,
              ZoomSyncReport& report);

    storage::Database& m_database;
    QNetworkAccessManager* m_network;
    integration::OAuthTokenStore* m_store;
    core::Clock m_clock;
    QSet<QString> m_claims; // bookings claimed by a pass here whose meeting is not stored yet
};

} // namespace slotdesk::zoom
