#include "video/ZoomMeetingSync.h"

#include "booking/BookingService.h"
#include "integration/Backoff.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/VideoIntegrationRepository.h"

namespace slotdesk::zoom {

using integration::Failure;
using integration::ProviderReply;
using storage::VideoIntegrationRepository;

ZoomMeetingSync::ZoomMeetingSync(storage::Database& database, QNetworkAccessManager* network,
                                 integration::OAuthTokenStore* store, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_network(network)
    , m_store(store) {}

ZoomMeetingSync::~ZoomMeetingSync() {
    // A meeting request may have reached Zoom before it was aborted; a later pass then makes a
    // second one. Keeping the claim would not prevent that (it goes stale after
    // kClaimStaleMs), only delay the booking's link and calendar event.
    for (const QString& bookingId : std::as_const(m_claims))
        (void)VideoIntegrationRepository(m_database.connection()).releaseClaim(bookingId);
}

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
    VideoIntegrationRepository meetings(m_database.connection());
    auto toCreate = meetings.meetingsToCreate(userId);
    auto toUpdate = meetings.meetingsToUpdate(userId);
    auto toDelete = meetings.meetingsToDelete(userId);
    if (!toCreate || !toUpdate || !toDelete) {
        report.ok = false;
        report.message = (!toCreate   ? toCreate.error()
                          : !toUpdate ? toUpdate.error()
                                      : toDelete.error())
                             .message;
        done(report);
        return;
    }
    const auto owedWork = [&userId](const VideoIntegrationRepository::MeetingOwed& owed,
                                    Work::Kind kind) {
        Work w;
        w.userId = userId;
        w.bookingId = owed.bookingId;
        w.kind = kind;
        w.meetingId = owed.meetingId;
        w.request.topic = owed.title.isEmpty()
                              ? QStringLiteral("Meeting with %1").arg(owed.attendeeName)
                              : owed.title;
        w.request.start = owed.startTime;
        w.request.durationMinutes = int(owed.startTime.secsTo(owed.endTime) / 60);
        w.request.timeZone = owed.timeZone;
        return w;
    };
    for (const auto& owed : *toCreate)
        work->append(owedWork(owed, Work::Kind::Create));
    for (const auto& owed : *toUpdate)
        work->append(owedWork(owed, Work::Kind::Update));
    for (const auto& meeting : *toDelete) {
        Work w;
        w.kind = Work::Kind::Delete;
        w.userId = userId;
        w.bookingId = meeting.bookingId;
        w.meetingId = meeting.meetingId;
        work->append(w);
    }
    auto client = std::make_shared<ZoomClient>(Endpoints::fromEnvironment(), m_network, m_store,
                                               keychainKeyFor((*integration)->id));
    client->setClock(m_clock);
    next(work, std::make_shared<ZoomSyncReport>(), (*integration)->id, failures, client,
         std::move(done));
}

void ZoomMeetingSync::fail(const QString& integrationId, const ProviderReply& reply, int failures,
                           ZoomSyncReport& report) {
    report.ok = false;
    report.transient = reply.isTransient();
    report.message = reply.message;
    if (report.transient)
        report.retryIn = integration::Backoff::delay(failures + 1, reply.retryAfter);
    (void)VideoIntegrationRepository(m_database.connection())
        .setStatus(integrationId,
                   reply.failure == Failure::AuthRevoked ? VideoIntegrationStatus::ReauthRequired
                                                         : VideoIntegrationStatus::Error,
                   reply.message);
}

void ZoomMeetingSync::next(std::shared_ptr<QList<Work>> work,
                           std::shared_ptr<ZoomSyncReport> report, QString integrationId,
                           int failures, std::shared_ptr<ZoomClient> client,
                           std::function<void(ZoomSyncReport)> done) {
    if (work->isEmpty()) {
        (void)VideoIntegrationRepository(m_database.connection())
            .setStatus(integrationId, VideoIntegrationStatus::Connected, {});
        done(*report);
        return;
    }
    const Work w = work->takeFirst();
    if (w.kind == Work::Kind::Create) {
        // Another process may be making this meeting right now: only the claim's winner asks.
        auto claimed =
            VideoIntegrationRepository(m_database.connection()).claimMeeting(w.bookingId);
        if (!claimed || !*claimed) {
            next(work, report, integrationId, failures, client, std::move(done));
            return;
        }
        m_claims.insert(w.bookingId);
        client->createMeeting(
            w.request, this,
            [this, w, work, report, integrationId, failures, client,
             done = std::move(done)](ProviderReply reply, Meeting meeting) mutable {
                m_claims.remove(w.bookingId);
                if (!reply.ok()) {
                    (void)VideoIntegrationRepository(m_database.connection())
                        .releaseClaim(w.bookingId);
                    fail(integrationId, reply, failures, *report);
                    done(*report);
                    return;
                }
                if (auto saved =
                        BookingService(m_database)
                            .recordVideoMeeting(w.userId, {w.bookingId, QStringLiteral("zoom"),
                                                           meeting.id, meeting.joinUrl, false});
                    !saved)
                    qWarning("Zoom meeting %s for booking %s could not be stored: %s",
                             qPrintable(meeting.id), qPrintable(w.bookingId),
                             qPrintable(saved.error().message));
                // The Google event waits for this link (CalendarSyncRun::runInsert): send it now.
                (void)storage::CalendarJobRepository(m_database.connection())
                    .makeDue(w.bookingId, storage::CalendarJobAction::Insert, m_clock.now());
                ++report->created;
                next(work, report, integrationId, failures, client, std::move(done));
            });
    } else if (w.kind == Work::Kind::Update) {
        client->updateMeeting(
            w.meetingId, w.request, this,
            [this, w, work, report, integrationId, failures, client,
             done = std::move(done)](ProviderReply reply) mutable {
                VideoIntegrationRepository meetings(m_database.connection(), m_clock);
                if (reply.failure == Failure::NotFound) {
                    // Deleted at Zoom: the booking gets a new meeting (and link), now.
                    (void)meetings.forgetMeeting(w.bookingId, w.meetingId);
                    Work create = w;
                    create.kind = Work::Kind::Create;
                    create.meetingId.clear();
                    work->prepend(create);
                } else if (!reply.ok()) {
                    fail(integrationId, reply, failures, *report);
                    done(*report);
                    return;
                } else {
                    (void)meetings.markMeetingUpdated(w.bookingId, w.meetingId);
                    ++report->updated;
                }
                next(work, report, integrationId, failures, client, std::move(done));
            });
    } else {
        client->deleteMeeting(w.meetingId, this,
                              [this, w, work, report, integrationId, failures, client,
                               done = std::move(done)](ProviderReply reply) mutable {
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

} // namespace slotdesk::zoom
