#pragma once
// BookingApi: the attendee-facing routes — JSON API v1 (docs/API.md), the booking and manage
// pages, and their static assets. A function from request to response; the transport and the
// defences live in BookingServer and RequestPolicy.

#include "booking/BookingService.h"
#include "booking/SlotService.h"
#include "profile/ProfileService.h"
#include "web/HttpMessage.h"
#include "web/RateLimiter.h"
#include "web/ServerConfig.h"

namespace slotdesk::storage {
class Database;
}

namespace slotdesk::web {

class BookingApi {
public:
    BookingApi(storage::Database& database, const ServerConfig& config,
               SlotService::Clock clock = {});

    HttpResponse handle(const HttpRequest& request);

private:
    HttpResponse health() const;
    HttpResponse profile(const QString& username);
    HttpResponse slotList(const QString& username, const HttpRequest& request);
    HttpResponse createBooking(const QString& username, const HttpRequest& request);
    HttpResponse attendeeBooking(const QString& id, const HttpRequest& request);
    HttpResponse cancelBooking(const QString& id, const HttpRequest& request);
    HttpResponse calendarFile(const QString& id, const HttpRequest& request);
    HttpResponse page(const char* file, int status = 200) const;
    HttpResponse asset(const QString& name) const;

    QJsonObject attendeeView(const Booking& booking);
    QStringList connectedVideoProviders(const User& admin);

    storage::Database& m_database;
    ServerConfig m_config;
    SlotService::Clock m_clock;
    SlotService m_slots;
    ProfileService m_profiles;
    BookingService m_bookings;
    RateLimiter m_bookingLimiter;
};

} // namespace slotdesk::web
