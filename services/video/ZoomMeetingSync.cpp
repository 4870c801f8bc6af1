#include "video/ZoomMeetingSync.h"

#include "calendar/SyncBackoff.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/SqlSupport.h"
#include "video/VideoIntegrationRepository.h"

#include <QSqlQuery>

namespace slotdesk::video {

using storage::exec;
using storage::execNoRows;

ZoomMeetingSync::ZoomMeetingSync(storage::Database& database, QNetworkAccessManager* network,
                                 google::TokenStore* store, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_network(network)
    , m_store(store) {}

void ZoomMeetingSync::run(const QString& userId, int failures,
                          std::function<void(ZoomSyncReport)> done) {
    ZoomSyncReport report;
    VideoIntegrationRepository repo(m_database.connection());
    auto integration = repo.find(userId, QStringLiteral("zoom"));
    if (!integration || !*integration) {
        report.message = QStringLiteral("Zoom is not connected");
        done(report);
        return;
    }
    auto work = std::make_shared<QList<Work>>();
    auto toCreate =
        exec(m_database.connection(),
             QStringLiteral("SELECT b.id, b.title, b.attendee_name, b.start_time, b.end_time, "
                            "b.timezone FROM bookings b WHERE b.user_id = ? AND b.status = "
                            "'confirmed' AND b.requested_video_provider = 'zoom' AND NOT EXISTS "
                            "(SELECT 1 FROM video_meetings m WHERE m.booking_id = b.id) "
                            "ORDER BY b.start_time"),
             {userId});
    auto toDelete = exec(
        m_database.connection(),
        QStringLiteral("SELECT m.booking_id, m.meeting_id FROM video_meetings m JOIN bookings b "
                       "ON b.id = m.booking_id WHERE b.user_id = ? AND b.status IN "
                       "('cancelled', 'rejected') AND m.deleted_at IS NULL"),
        {userId});
    if (!toCreate || !toDelete) {
        report.ok = false;
        report.message = (!toCreate ? toCreate.error() : toDelete.error()).message;
        done(report);
        return;
    }
    while (toCreate->next()) {
        Work w;
        w.bookingId = toCreate->value(0).toString();
        const QString title = toCreate->value(1).toString();
        w.request.topic = title.isEmpty()
                              ? QStringLiteral("Meeting with %1").arg(toCreate->value(2).toString())
                              : title;
        const qint64 start = toCreate->value(3).toLongLong();
        w.request.start = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
        w.request.durationMinutes = int((toCreate->value(4).toLongLong() - start) / 60'000);
        w.request.timeZone = toCreate->value(5).toString();
        work->append(w);
    }
    while (toDelete->next()) {
        Work w;
        w.create = false;
        w.bookingId = toDelete->value(0).toString();
        w.meetingId = toDelete->value(1).toString();
        work->append(w);
    }
    auto client =
        std::make_shared<zoom::ZoomClient>(zoom::Endpoints::fromEnvironment(), m_network, m_store,
                                           zoom::keychainKeyFor((*integration)->id));
    next(work, std::make_shared<ZoomSyncReport>(), (*integration)->id, failures, client,
         std::move(done));
}

void ZoomMeetingSync::fail(const QString& integrationId, const zoom::GoogleReply& reply,
                           int failures, ZoomSyncReport& report) {
    report.ok = false;
    report.transient = reply.isTransient();
    report.message = reply.message;
    if (report.transient)
        report.retryIn = google::SyncBackoff::delay(failures + 1, reply.retryAfter);
    (void)VideoIntegrationRepository(m_database.connection())
        .setStatus(integrationId,
                   reply.failure == zoom::Failure::AuthRevoked ? QStringLiteral("reauth_required")
                                                               : QStringLiteral("error"),
                   reply.message);
}

void ZoomMeetingSync::next(std::shared_ptr<QList<Work>> work,
                           std::shared_ptr<ZoomSyncReport> report, QString integrationId,
                           int failures, std::shared_ptr<zoom::ZoomClient> client,
                           std::function<void(ZoomSyncReport)> done) {
    if (work->isEmpty()) {
        (void)VideoIntegrationRepository(m_database.connection())
            .setStatus(integrationId, QStringLiteral("connected"), {});
        done(*report);
        return;
    }
    const Work w = work->takeFirst();
    if (w.create) {
        client->createMeeting(
            w.request, this,
            [this, w, work, report, integrationId, failures, client,
             done = std::move(done)](zoom::GoogleReply reply, zoom::Meeting meeting) mutable {
                if (!reply.ok()) {
                    fail(integrationId, reply, failures, *report);
                    done(*report);
                    return;
                }
                VideoIntegrationRepository repo(m_database.connection());
                (void)repo.saveMeeting(
                    {w.bookingId, QStringLiteral("zoom"), meeting.id, meeting.joinUrl, false});
                (void)execNoRows(m_database.connection(),
                                 QStringLiteral("UPDATE bookings SET video_provider = 'zoom', "
                                                "video_link = ?, updated_at = ? WHERE id = ?"),
                                 {meeting.joinUrl, storage::nowMs(), w.bookingId});
                // The Google event waits for this link (CalendarSyncRun::runInsert): send it now.
                (void)storage::CalendarJobRepository(m_database.connection())
                    .makeDue(w.bookingId, storage::CalendarJobAction::Insert,
                             QDateTime::currentDateTimeUtc());
                ++report->created;
                next(work, report, integrationId, failures, client, std::move(done));
            });
    } else {
        client->deleteMeeting(w.meetingId, this,
                              [this, w, work, report, integrationId, failures, client,
                               done = std::move(done)](zoom::GoogleReply reply) mutable {
                                  if (!reply.ok()) {
                                      fail(integrationId, reply, failures, *report);
                                      done(*report);
                                      return;
                                  }
                                  (void)VideoIntegrationRepository(m_database.connection())
                                      .markMeetingDeleted(w.bookingId);
                                  ++report->deleted;
                                  next(work, report, integrationId, failures, client,
                                       std::move(done));
                              });
    }
}

} // namespace slotdesk::video
