#pragma once
// BookingApi: the attendee-facing routes — JSON API v1 (docs/API.md), the booking and manage
// pages, and their static assets. A function from request to response; the transport and the
// defences live in BookingServer and RequestPolicy.

#include "booking/BookingService.h"
#include "booking/SlotService.h"
#include "core/Clock.h"
#include "profile/ProfileService.h"
#include "web/HttpMessage.h"
#include "web/LinkBuilder.h"
#include "web/RateLimiter.h"
#include "web/ServerConfig.h"

#include <optional>

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::web {

class BookingApi {
public:
    // `clock` says what "now" is: the rate limit's window, the notice, what may still be
    // cancelled, the calendar file's stamp.
    BookingApi(storage::Database& database, const ServerConfig& config, core::Clock clock = {});

    HttpResponse handle(const HttpRequest& request);

    // Called before the event loop waits for more input. The database's change stamp (a query)
    // is then read at most once per pass of the loop rather than once per request: under load,
    // one read serves every request that arrived together. A change by another process shows
    // from the next pass on — well under a millisecond later; our own writes reset it at once;
    // booking re-checks the slot in its write transaction anyway. Until the first call every
    // read goes to the database.
    void newEventLoopPass() {
        m_passStamp.reset();
        m_stampPerPass = true;
    }

private:
    HttpResponse health() const;
    HttpResponse profile(const QString& username);
    HttpResponse slotList(const QString& username, const HttpRequest& request);
    HttpResponse createBooking(const QString& username, const HttpRequest& request);
    HttpResponse attendeeBooking(const QString& id, const HttpRequest& request);
    HttpResponse cancelBooking(const QString& id, const HttpRequest& request);
    HttpResponse rescheduleBooking(const QString& id, const HttpRequest& request);
    HttpResponse calendarFile(const QString& id, const HttpRequest& request);
    // An attendee page: page.html (what every page has around its <main>: the head, the footer,
    // the live region) with `file` as its <main> and `file`'s script (booking.html:
    // booking.js). A page reached through a secret link (Indexing::Refused) tells robots to keep
    // out.
    enum class Indexing { Allowed, Refused };
    HttpResponse page(const char* file, Indexing indexing, int status = 200) const;
    HttpResponse asset(const QString& name) const;

    // The attendee's view of their booking (docs/API.md): with what they may still change and
    // which rule stops them otherwise, and the bookings a move links it to.
    Result<QJsonObject> attendeeView(const Booking& booking);
    HttpResponse viewResponse(const Booking& booking, int status);
    // A booking the attendee's booking is linked to by a move, in brief; null when none.
    QJsonValue linkedBooking(const QString& userId, const QString& id);
    // 429 while `request`'s address is over the booking limit (new bookings and moves alike).
    std::optional<HttpResponse> rateLimited(const HttpRequest& request);
    Result<qint64> changeStamp();

    storage::Database& m_database;
    ServerConfig m_config;
    core::Clock m_clock;
    SlotService m_slots;
    ProfileService m_profiles;
    BookingService m_bookings;
    LinkBuilder m_links;
    RateLimiter m_bookingLimiter;
    std::optional<qint64> m_passStamp; // this pass's change stamp, once read
    bool m_stampPerPass = false;       // set by the first newEventLoopPass()
};

} // namespace slotdesk::web
