#pragma once
// JSON views of the entities with the spec's field names; instants as RFC 3339 UTC.
// This is the admin's view (the CLI's --json); the attendee API has its own, narrower one.

#include "core/Error.h"
#include "domain/Entities.h"

#include <QJsonObject>

namespace slotdesk::json {

QJsonObject toJson(const User& user);
QJsonObject toJson(const Booking& booking);
QJsonObject toJson(const AvailabilityBlock& block);
QJsonObject toJson(const CalendarIntegration& integration);
// {"error": {"code", "message", "field"?}}
QJsonObject toJson(const Error& error);

} // namespace slotdesk::json
