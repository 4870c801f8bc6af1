#include "web/BookingApi.h"

#include "availability/AvailabilityService.h"
#include "booking/IcsCalendar.h"
#include "core/TimeFormat.h"
#include "domain/Validation.h"
#include "storage/Database.h"
#include "web/BookingRequestJson.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace slotdesk::web {
namespace {

HttpResponse notFound() {
    return HttpResponse::error(404, "not_found", QStringLiteral("Not found"));
}

HttpResponse methodNotAllowed(const QByteArray& allow) {
    auto response = HttpResponse::error(
        405, "method_not_allowed",
        QStringLiteral("Use %1 for this address").arg(QString::fromLatin1(allow)));
    response.setHeader("Allow", allow);
    return response;
}

HttpResponse badRequest(const QString& field, const QString& message) {
    return HttpResponse::error(400, "bad_request", message, field);
}

// The viewer's zone from the slots query: `timezone` (the data model's name), or `timeZone`, the
// name this API used before and still accepts.
QString zoneParameter(const QUrlQuery& q) {
    const QString name = q.hasQueryItem(QStringLiteral("timezone")) ? QStringLiteral("timezone")
                                                                    : QStringLiteral("timeZone");
    return q.queryItemValue(name, QUrl::FullyDecoded);
}

QString contentTypeFor(const QString& name) {
    static const QList<QPair<QString, QString>> types{
        {QStringLiteral(".html"), QStringLiteral("text/html; charset=utf-8")},
        {QStringLiteral(".css"), QStringLiteral("text/css; charset=utf-8")},
        {QStringLiteral(".js"), QStringLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral(".mjs"), QStringLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral(".json"), QStringLiteral("application/json; charset=utf-8")},
        {QStringLiteral(".svg"), QStringLiteral("image/svg+xml")},
        {QStringLiteral(".png"), QStringLiteral("image/png")},
        {QStringLiteral(".ico"), QStringLiteral("image/x-icon")},
        {QStringLiteral(".webmanifest"), QStringLiteral("application/manifest+json")},
    };
    for (const auto& [suffix, type] : types) {
        if (name.endsWith(suffix))
            return type;
    }
    return QStringLiteral("application/octet-stream");
}

// The pages' input limits are the server's own (domain/Validation.h), filled in as a page is
// served, so that a page never allows more than the server takes, nor less.
QByteArray withInputLimits(QByteArray html) {
    const QList<QPair<QByteArray, int>> limits{
        {"{{maxNameLength}}", validation::kMaxNameLength},
        {"{{maxEmailLength}}", validation::kMaxEmailLength},
        {"{{maxNotesLength}}", validation::kMaxNotesLength},
        {"{{maxReasonLength}}", validation::kMaxReasonLength},
    };
    for (const auto& [placeholder, limit] : limits)
        html.replace(placeholder, QByteArray::number(limit));
    return html;
}

} // namespace

BookingApi::BookingApi(storage::Database& database, const ServerConfig& config, core::Clock clock)
    : m_database(database)
    , m_config(config)
    , m_clock(std::move(clock))
    , m_slots(database, m_clock)
    , m_profiles(database)
    , m_bookings(database, m_clock)
    , m_links(config)
    , m_bookingLimiter(config.bookingPostsPerMinute, 60) {}

HttpResponse BookingApi::handle(const HttpRequest& request) {
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    const auto n = parts.size();

    if (n >= 2 && parts[0] == QLatin1String("api") && parts[1] == QLatin1String("v1")) {
        if (n == 3 && parts[2] == QLatin1String("health"))
            return get ? health() : methodNotAllowed("GET");
        if (n >= 4 && parts[2] == QLatin1String("users")) {
            if (n == 4)
                return get ? profile(parts[3]) : methodNotAllowed("GET");
            if (n == 5 && parts[4] == QLatin1String("slots"))
                return get ? slotList(parts[3], request) : methodNotAllowed("GET");
            if (n == 5 && parts[4] == QLatin1String("bookings"))
                return post ? createBooking(parts[3], request) : methodNotAllowed("POST");
        }
        if (n >= 4 && parts[2] == QLatin1String("bookings")) {
            if (n == 4)
                return get ? attendeeBooking(parts[3], request) : methodNotAllowed("GET");
            if (n == 5 && parts[4] == QLatin1String("cancel"))
                return post ? cancelBooking(parts[3], request) : methodNotAllowed("POST");
            if (n == 5 && parts[4] == QLatin1String("reschedule"))
                return post ? rescheduleBooking(parts[3], request) : methodNotAllowed("POST");
            if (n == 5 && parts[4] == QLatin1String("ics"))
                return get ? calendarFile(parts[3], request) : methodNotAllowed("GET");
        }
        return notFound();
    }
    if (!get)
        return methodNotAllowed("GET");
    if (n == 2 && parts[0] == QLatin1String("assets"))
        return asset(parts[1]);
    if (n == 2 && parts[0] == QLatin1String("booking"))
        return page("manage.html", Indexing::Refused);
    if (n == 1) {
        if (parts[0] == QLatin1String("favicon.ico"))
            return asset(QStringLiteral("favicon.svg"));
        auto user = m_profiles.byUsername(parts[0]);
        return page("booking.html", Indexing::Allowed, user ? 200 : 404);
    }
    if (n == 0) {
        // One admin: the root is their booking page.
        auto admin = m_profiles.admin();
        if (admin) {
            HttpResponse redirect;
            redirect.status = 302;
            redirect.setHeader("Location", m_links.redirectTarget(u'/' + admin->username).toUtf8());
            return redirect;
        }
    }
    return notFound();
}

HttpResponse BookingApi::health() const {
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                    {QStringLiteral("version"), QStringLiteral(SLOTDESK_VERSION)}});
}

HttpResponse BookingApi::profile(const QString& username) {
    auto user = m_profiles.byUsername(username);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? notFound()
                                                        : HttpResponse::error(user.error());
    auto settings = AvailabilityService(m_database).settings(user->id);
    if (!settings)
        return HttpResponse::error(settings.error());
    QJsonArray durations;
    for (int d : settings->durations)
        durations.append(d);
    QJsonArray videoProviders;
    for (const VideoProvider provider : m_bookings.videoProviders(*user))
        videoProviders.append(toText(provider));
    return HttpResponse::json(
        200, {{QStringLiteral("username"), user->username},
              {QStringLiteral("name"), user->name},
              {QStringLiteral("timezone"), user->timeZone},
              {QStringLiteral("durations"), durations},
              {QStringLiteral("defaultDuration"), settings->defaultDuration},
              {QStringLiteral("videoProviders"), videoProviders},
              {QStringLiteral("approvalPolicy"), toText(settings->approvalPolicy)},
              {QStringLiteral("approvalWithinHours"), settings->approvalWithinHours},
              {QStringLiteral("attendeeChangeNoticeHours"), settings->attendeeChangeNoticeHours},
              {QStringLiteral("attendeeReschedule"), settings->attendeeReschedule}});
}

Result<qint64> BookingApi::changeStamp() {
    if (m_passStamp)
        return *m_passStamp;
    auto stamp = m_database.changeStamp();
    if (stamp && m_stampPerPass)
        m_passStamp = *stamp;
    return stamp;
}

HttpResponse BookingApi::slotList(const QString& username, const HttpRequest& request) {
    const auto& q = request.query;
    // For an attendee moving their booking (`reschedule=ID&token=T`): its own time counts as
    // free. Such listings depend on the token, so they bypass the cached renderings.
    const bool forMove = q.hasQueryItem(QStringLiteral("reschedule"));
    // The busiest route: its serialised answer is kept in SlotService's cache under the request
    // as received, which spares the lookups, the engine and the JSON. The stamp is read once per
    // pass of the event loop (see newEventLoopPass()).
    const QString cacheKey =
        QStringList{username, q.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                    q.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), zoneParameter(q),
                    q.hasQueryItem(QStringLiteral("duration"))
                        ? q.queryItemValue(QStringLiteral("duration"))
                        : QStringLiteral("-")}
            .join(u'\n');
    const auto stamp = changeStamp();
    if (stamp && !forMove) {
        if (auto cached = m_slots.cachedRendering(cacheKey, *stamp)) {
            HttpResponse response;
            response.body = std::move(*cached);
            response.setHeader("Content-Type", "application/json; charset=utf-8");
            return response;
        }
    }

    auto user = m_profiles.byUsername(username);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? notFound()
                                                        : HttpResponse::error(user.error());
    QStringList moving;
    if (forMove) {
        auto booking = m_bookings.findForAttendee(
            q.queryItemValue(QStringLiteral("reschedule"), QUrl::FullyDecoded),
            q.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded));
        if (!booking)
            return booking.error().code == ErrorCode::NotFound
                       ? notFound()
                       : HttpResponse::error(booking.error());
        if (booking->userId != user->id)
            return notFound();
        auto replaced = m_bookings.replacedByMove(*booking);
        if (!replaced)
            return HttpResponse::error(replaced.error());
        moving = *replaced;
    }
    auto from = timeformat::parseDate(q.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                                      QStringLiteral("from"));
    if (!from)
        return badRequest(from.error().field, from.error().message);
    auto to = timeformat::parseDate(q.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded),
                                    QStringLiteral("to"));
    if (!to)
        return badRequest(to.error().field, to.error().message);
    SlotRequest slotRequest{*from, *to, zoneParameter(q), std::nullopt};
    if (slotRequest.timeZone.isEmpty())
        slotRequest.timeZone = user->timeZone;
    if (q.hasQueryItem(QStringLiteral("duration"))) {
        bool ok = false;
        const int duration = q.queryItemValue(QStringLiteral("duration")).toInt(&ok);
        if (!ok)
            return badRequest(QStringLiteral("duration"),
                              QStringLiteral("duration must be a whole number of minutes"));
        if (auto offered = m_bookings.checkOfferedDuration(user->id, duration); !offered)
            return HttpResponse::error(offered.error());
        slotRequest.duration = duration;
    }
    auto listing = m_slots.listSlots(*user, slotRequest, moving);
    if (!listing)
        return HttpResponse::error(listing.error());
    QJsonArray days;
    for (const auto& day : listing->days) {
        QJsonArray times;
        for (const auto& slot : day.times)
            times.append(
                QJsonObject{{QStringLiteral("start"),
                             timeformat::toRfc3339WithOffset(slot.start, slot.utcOffsetSeconds)},
                            {QStringLiteral("end"),
                             timeformat::toRfc3339WithOffset(slot.end, slot.utcOffsetSeconds)}});
        days.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                {QStringLiteral("slots"), times}});
    }
    HttpResponse response =
        HttpResponse::json(200, {{QStringLiteral("timezone"), listing->timeZone},
                                 {QStringLiteral("duration"), listing->duration},
                                 {QStringLiteral("days"), days}});
    if (stamp && !forMove)
        m_slots.keepRendering(cacheKey, *stamp, *listing, response.body);
    return response;
}

std::optional<HttpResponse> BookingApi::rateLimited(const HttpRequest& request) {
    const int wait = m_bookingLimiter.attempt(request.remoteAddress.toString(), m_clock.nowMs());
    if (!wait)
        return std::nullopt;
    auto response = HttpResponse::error(
        429, "rate_limited",
        QStringLiteral("Too many booking requests; try again in %1 seconds").arg(wait));
    response.setHeader("Retry-After", QByteArray::number(wait));
    return response;
}

HttpResponse BookingApi::createBooking(const QString& username, const HttpRequest& request) {
    if (auto limited = rateLimited(request))
        return *limited;
    auto user = m_profiles.byUsername(username);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? notFound()
                                                        : HttpResponse::error(user.error());

    auto parsed = BookingRequestJson::parseBooking(request.body);
    if (!parsed)
        return HttpResponse::error(parsed.error());
    BookingRequest booking = std::move(*parsed);
    booking.maxOpenRequestsPerEmail = m_config.maxOpenRequestsPerEmail;

    QString token;
    auto created = m_bookings.createForAttendee(*user, booking, &token);
    m_passStamp.reset();
    if (!created)
        return HttpResponse::error(created.error());
    // Committed: only now is the attendee told.
    const QString manageUrl = m_links.manageLink(request, created->id, token);
    return HttpResponse::json(
        201, {{QStringLiteral("id"), created->id},
              {QStringLiteral("status"), toText(created->status)},
              {QStringLiteral("startTime"), timeformat::toRfc3339Utc(created->startTime)},
              {QStringLiteral("endTime"), timeformat::toRfc3339Utc(created->endTime)},
              {QStringLiteral("manageUrl"), manageUrl}});
}

QJsonValue BookingApi::linkedBooking(const QString& userId, const QString& id) {
    if (id.isEmpty())
        return QJsonValue();
    auto linked = m_bookings.find(userId, id);
    if (!linked)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("id"), linked->id},
                       {QStringLiteral("status"), toText(linked->status)},
                       {QStringLiteral("startTime"), timeformat::toRfc3339Utc(linked->startTime)},
                       {QStringLiteral("endTime"), timeformat::toRfc3339Utc(linked->endTime)}};
}

Result<QJsonObject> BookingApi::attendeeView(const Booking& b) {
    QJsonObject host;
    if (auto user = m_profiles.byId(b.userId))
        host = {{QStringLiteral("name"), user->name}, {QStringLiteral("username"), user->username}};
    // Whether the attendee may still cancel or move it, and if not which rule stops them (the
    // field of checkAttendeeChange()'s error), so the manage page can say why.
    const bool live = b.status == BookingStatus::Pending || b.status == BookingStatus::Confirmed;
    const auto settings = AvailabilityService(m_database).settings(b.userId);
    if (!settings)
        return settings.error();
    const QDateTime now = m_clock.now();
    const auto allowed = [&](AttendeeChange change) -> std::pair<bool, QJsonValue> {
        if (!live)
            return {false, QJsonValue()};
        const Status check = BookingService::checkAttendeeChange(*settings, b, change, now);
        if (check)
            return {true, QJsonValue()};
        return {false, QJsonValue(check.error().field)};
    };
    const auto [canCancel, cancelBlockedBy] = allowed(AttendeeChange::Cancel);
    // A move also needs no other move waiting for approval (BookingService::checkMovable()).
    const Status movable = live ? m_bookings.checkMovable(b, true) : Status(success());
    const bool canReschedule = live && movable.ok();
    const QJsonValue rescheduleBlockedBy = live && !movable.ok() && !movable.error().field.isEmpty()
                                               ? QJsonValue(movable.error().field)
                                               : QJsonValue();
    const auto provider = b.videoProvider ? b.videoProvider : b.requestedVideoProvider;
    QJsonObject view{
        {QStringLiteral("id"), b.id},
        {QStringLiteral("status"), toText(b.status)},
        {QStringLiteral("startTime"), timeformat::toRfc3339Utc(b.startTime)},
        {QStringLiteral("endTime"), timeformat::toRfc3339Utc(b.endTime)},
        {QStringLiteral("duration"), int(b.startTime.secsTo(b.endTime) / 60)},
        {QStringLiteral("timezone"), b.timeZone},
        {QStringLiteral("attendeeName"), b.attendeeName},
        {QStringLiteral("attendeeEmail"), b.attendeeEmail},
        {QStringLiteral("notes"), b.notes.isEmpty() ? QJsonValue() : QJsonValue(b.notes)},
        {QStringLiteral("videoProvider"), provider ? QJsonValue(toText(*provider)) : QJsonValue()},
        {QStringLiteral("videoLink"),
         b.videoLink.isEmpty() ? QJsonValue() : QJsonValue(b.videoLink)},
        {QStringLiteral("host"), host},
        {QStringLiteral("attendeeChangeNoticeHours"), settings->attendeeChangeNoticeHours},
        {QStringLiteral("canCancel"), canCancel},
        {QStringLiteral("cancelBlockedBy"), cancelBlockedBy},
        {QStringLiteral("canReschedule"), canReschedule},
        {QStringLiteral("rescheduleBlockedBy"), rescheduleBlockedBy},
        // The bookings this one replaces and was replaced by.
        {QStringLiteral("rescheduledFrom"), linkedBooking(b.userId, b.rescheduledFromId)},
        {QStringLiteral("rescheduledTo"), linkedBooking(b.userId, b.rescheduledToId)}};
    return view;
}

HttpResponse BookingApi::viewResponse(const Booking& booking, int status) {
    auto view = attendeeView(booking);
    if (!view)
        return HttpResponse::error(view.error());
    return HttpResponse::json(status, *view);
}

HttpResponse BookingApi::attendeeBooking(const QString& id, const HttpRequest& request) {
    auto booking =
        m_bookings.findForAttendee(id, request.query.queryItemValue(QStringLiteral("token")));
    if (!booking)
        return booking.error().code == ErrorCode::NotFound ? notFound()
                                                           : HttpResponse::error(booking.error());
    return viewResponse(*booking, 200);
}

HttpResponse BookingApi::cancelBooking(const QString& id, const HttpRequest& request) {
    const auto reason = BookingRequestJson::parseCancelReason(request.body);
    if (!reason)
        return HttpResponse::error(reason.error());
    auto cancelled = m_bookings.cancelForAttendee(
        id, request.query.queryItemValue(QStringLiteral("token")), *reason);
    m_passStamp.reset();
    if (!cancelled)
        return cancelled.error().code == ErrorCode::NotFound
                   ? notFound()
                   : HttpResponse::error(cancelled.error());
    return viewResponse(*cancelled, 200);
}

HttpResponse BookingApi::rescheduleBooking(const QString& id, const HttpRequest& request) {
    if (auto limited = rateLimited(request))
        return *limited;
    auto parsed = BookingRequestJson::parseReschedule(request.body);
    if (!parsed)
        return HttpResponse::error(parsed.error());
    const QString token = request.query.queryItemValue(QStringLiteral("token"));
    auto moved = m_bookings.rescheduleForAttendee(id, token, *parsed);
    m_passStamp.reset();
    if (!moved)
        return moved.error().code == ErrorCode::NotFound ? notFound()
                                                         : HttpResponse::error(moved.error());
    // The same token opens the new booking (it is one of its original's).
    auto body = attendeeView(*moved);
    if (!body)
        return HttpResponse::error(body.error());
    body->insert(QStringLiteral("manageUrl"), m_links.manageLink(request, moved->id, token));
    return HttpResponse::json(201, *body);
}

HttpResponse BookingApi::calendarFile(const QString& id, const HttpRequest& request) {
    auto booking =
        m_bookings.findForAttendee(id, request.query.queryItemValue(QStringLiteral("token")));
    if (!booking)
        return booking.error().code == ErrorCode::NotFound ? notFound()
                                                           : HttpResponse::error(booking.error());
    auto host = m_profiles.byId(booking->userId);
    if (!host)
        return HttpResponse::error(host.error());
    auto eventId = m_bookings.eventBookingId(*booking);
    if (!eventId)
        return HttpResponse::error(eventId.error());
    HttpResponse response;
    response.body = IcsCalendar::forBooking(*booking, *host, m_clock.now(),
                                            IcsCalendar::Method::Publish, 15, {}, *eventId);
    response.setHeader("Content-Type", "text/calendar; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"slotdesk-booking.ics\"");
    return response;
}

HttpResponse BookingApi::page(const char* file, Indexing indexing, int status) const {
    HttpResponse response = asset(QStringLiteral("page.html"));
    const HttpResponse content = asset(QString::fromLatin1(file));
    if (response.status != 200 || content.status != 200)
        return notFound();
    QByteArray script(file);
    script.replace(".html", ".js");
    response.body.replace("{{robots}}",
                          indexing == Indexing::Refused
                              ? "\n  <meta name=\"robots\" content=\"noindex, nofollow\">"
                              : "");
    response.body.replace("{{script}}", script);
    response.body.replace("{{main}}", content.body);
    response.status = status;
    return response;
}

HttpResponse BookingApi::asset(const QString& name) const {
    static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!safeName.match(name).hasMatch() || name.contains(QStringLiteral("..")))
        return notFound();
    QFile file(QStringLiteral(":/web/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return notFound();
    HttpResponse response;
    response.body = file.readAll();
    if (name.endsWith(QLatin1String(".html")))
        response.body = withInputLimits(std::move(response.body));
    response.setHeader("Content-Type", contentTypeFor(name).toLatin1());
    response.setHeader("Cache-Control", "no-cache");
    return response;
}

} // namespace slotdesk::web
