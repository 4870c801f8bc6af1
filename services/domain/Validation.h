#pragma once
// Validation of the data model's rules. Each check returns a Status whose Error names the field
// (in the spec's camelCase) and says in one line what is wrong and what would be right.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QString>

namespace slotdesk::validation {

inline constexpr int kMinBookingMinutes = 15;
inline constexpr int kMaxBookingMinutes = 8 * 60;
// Text limits, in UTF-16 code units (what QString::size() and an HTML maxlength count). The
// attendee pages get these very numbers from the server (BookingApi fills them in).
inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxEmailLength = 254;
inline constexpr int kMaxNotesLength = 2000;
inline constexpr int kMaxReasonLength = 500; // why a booking was cancelled or rejected
// Upper bounds of the booking policies (BookingSettings); the database's CHECKs say the same.
inline constexpr int kMaxBookingsPerDay = 100;
inline constexpr int kMaxBookingsPerWeek = 500;
inline constexpr int kMaxBookingsPerMonth = 2000;
inline constexpr int kMaxApprovalWithinHours = 720;       // 30 days
inline constexpr int kMaxAttendeeChangeNoticeHours = 720; // 30 days

Status email(const QString& value, const QString& field = QStringLiteral("email"));
Status timeZone(const QString& value, const QString& field = QStringLiteral("timezone"));
// A language SlotDesk writes to attendees in: "en", "de" or "fr".
Status language(const QString& value, const QString& field = QStringLiteral("language"));
Status username(const QString& value);
Status displayName(const QString& value, const QString& field = QStringLiteral("name"));
Status dayOfWeek(int value);
Status bookingLength(int minutes, const QString& field = QStringLiteral("duration"));
Status optionalText(const QString& value, const QString& field, int maxLength);
// A booking's instants are whole seconds: slots are, and a fraction would let two bookings
// overlap by less than the second the slot engine looks at.
Status wholeSecond(const QDateTime& instant, const QString& field);

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
