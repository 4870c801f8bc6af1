#pragma once
// Validation of the data model's rules. Each check returns a Status whose Error names the field
// (in the spec's camelCase) and says in one line what is wrong and what would be right.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QString>

namespace slotdesk::validation {

inline constexpr int kMinBookingMinutes = 15;
inline constexpr int kMaxBookingMinutes = 8 * 60;

Status email(const QString& value, const QString& field = QStringLiteral("email"));
Status timeZone(const QString& value, const QString& field = QStringLiteral("timeZone"));
Status username(const QString& value);
Status displayName(const QString& value, const QString& field = QStringLiteral("name"));
Status dayOfWeek(int value);
Status bookingLength(int minutes, const QString& field = QStringLiteral("duration"));
Status optionalText(const QString& value, const QString& field, int maxLength);

// "HH:MM" (00:00..23:59; "24:00" too when allowEndOfDay) → minutes after midnight.
Result<int> timeOfDay(const QString& value, const QString& field, bool allowEndOfDay);
// "mon".."sun" (any case, also full names) or "0".."6" (0 = Sunday) → 0..6.
Result<int> dayOfWeek(const QString& value);

Status availabilityBlock(const AvailabilityBlock& block);
Status user(const User& user);
Status bookingSettings(const BookingSettings& settings);
Status availabilityOverride(const AvailabilityOverride& entry);
// Field rules of a booking record (not the scheduling rules, which need the slot engine).
Status booking(const Booking& booking);

} // namespace slotdesk::validation
