#include "domain/Validation.h"

#include <QRegularExpression>
#include <QStringList>

#include <date/tz.h>

#include <array>
#include <stdexcept>

namespace slotdesk::validation {
namespace {

bool hasControlCharacters(const QString& value, bool allowNewlines) {
    for (const QChar c : value) {
        if (allowNewlines && (c == u'\n' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

} // namespace

Status email(const QString& value, const QString& field) {
    // Deliberately pragmatic (RFC 5322's full grammar accepts things no mail server delivers):
    // dot-atom local part, a dotted domain of LDH labels.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
        R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)"));
    if (value.isEmpty())
        return Error::validation(field, QStringLiteral("An email address is required"));
    if (value.size() > kMaxEmailLength || !pattern.match(value).hasMatch() ||
        value.startsWith(u'.') || value.contains(QStringLiteral("..")) ||
        value.contains(QStringLiteral(".@")))
        return Error::validation(
            field, QStringLiteral("'%1' is not a valid email address").arg(displayValue(value)));
    return success();
}

Status language(const QString& value, const QString& field) {
    if (value == u"en" || value == u"de" || value == u"fr")
        return success();
    return Error::validation(
        field, QStringLiteral("%1 is en, de or fr, not '%2'").arg(field, displayValue(value)));
}

Status timeZone(const QString& value, const QString& field) {
    if (value.isEmpty())
        return Error::validation(field, QStringLiteral("A time zone is required"));
    try {
        (void)date::locate_zone(value.toStdString());
    } catch (const std::runtime_error&) {
        return Error::validation(
            field, QStringLiteral("'%1' is not an IANA time zone (e.g. Europe/Berlin)")
                       .arg(displayValue(value)));
    }
    return success();
}

Status username(const QString& value) {
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"));
    // Paths the booking server uses for itself can't be somebody's booking page.
    static const QStringList reserved{QStringLiteral("api"), QStringLiteral("booking"),
                                      QStringLiteral("assets"), QStringLiteral("static"),
                                      QStringLiteral("favicon.ico")};
    if (value.isEmpty())
        return Error::validation(QStringLiteral("username"),
                                 QStringLiteral("A username is required"));
    if (!pattern.match(value).hasMatch())
        return Error::validation(
            QStringLiteral("username"),
            QStringLiteral("'%1' is not a valid username: use 1-64 lower-case letters, digits and "
                           "inner hyphens")
                .arg(displayValue(value)));
    if (reserved.contains(value))
        return Error::validation(
            QStringLiteral("username"),
            QStringLiteral("'%1' is reserved; choose another username").arg(displayValue(value)));
    return success();
}

Status displayName(const QString& value, const QString& field) {
    if (value.trimmed().isEmpty())
        return Error::validation(field, QStringLiteral("A name is required"));
    if (value.size() > kMaxNameLength)
        return Error::validation(
            field, QStringLiteral("The name is longer than %1 characters").arg(kMaxNameLength));
    if (hasControlCharacters(value, false))
        return Error::validation(field, QStringLiteral("The name contains control characters"));
    return success();
}

Status optionalText(const QString& value, const QString& field, int maxLength) {
    if (value.size() > maxLength)
        return Error::validation(
            field, QStringLiteral("The text is longer than %1 characters").arg(maxLength));
    if (hasControlCharacters(value, true))
        return Error::validation(field, QStringLiteral("The text contains control characters"));
    return success();
}

Status wholeSecond(const QDateTime& instant, const QString& field) {
    if (instant.isValid() && instant.toMSecsSinceEpoch() % 1000 != 0)
        return Error::validation(
            field, QStringLiteral("Times are whole seconds: leave out the fraction of a second"));
    return success();
}

Status dayOfWeek(int value) {
    if (value < 0 || value > 6)
        return Error::validation(
            QStringLiteral("dayOfWeek"),
            QStringLiteral("Day %1 is out of range: use 0-6 (0 = Sunday) or mon..sun").arg(value));
    return success();
}

Status bookingLength(int minutes, const QString& field) {
    if (minutes < kMinBookingMinutes || minutes > kMaxBookingMinutes)
        return Error::validation(
            field,
            QStringLiteral("A booking lasts 15 minutes to 8 hours, not %1 minutes").arg(minutes));
    return success();
}

Result<int> timeOfDay(const QString& value, const QString& field, bool allowEndOfDay) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
    const auto match = pattern.match(value);
    const auto invalid = [&] {
        return Error::validation(
            field, QStringLiteral("'%1' is not a time of day: use HH:MM from 00:00 to %2")
                       .arg(displayValue(value),
                            allowEndOfDay ? QStringLiteral("24:00") : QStringLiteral("23:59")));
    };
    if (!match.hasMatch())
        return invalid();
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !allowEndOfDay)))
        return invalid();
    return hours * 60 + minutes;
}

Result<int> dayOfWeek(const QString& value) {
    static const std::array<const char*, 7> shortNames{"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};
    static const std::array<const char*, 7> longNames{"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};
    const QString lower = value.trimmed().toLower();
    for (int day = 0; day < 7; ++day) {
        if (lower == QLatin1String(shortNames[static_cast<std::size_t>(day)]) ||
            lower == QLatin1String(longNames[static_cast<std::size_t>(day)]))
            return day;
    }
    bool isNumber = false;
    const int number = lower.toInt(&isNumber);
    if (!isNumber)
        return Error::validation(
            QStringLiteral("dayOfWeek"),
            QStringLiteral("'%1' is not a day: use mon..sun or 0-6 (0 = Sunday)")
                .arg(displayValue(value)));
    if (auto status = dayOfWeek(number); !status)
        return status.error();
    return number;
}

Status availabilityBlock(const AvailabilityBlock& block) {
    if (auto s = dayOfWeek(block.dayOfWeek); !s)
        return s;
    if (block.startMinute < 0 || block.startMinute > 1439)
        return Error::validation(QStringLiteral("startTime"),
                                 QStringLiteral("The start time must be between 00:00 and 23:59"));
    if (block.endMinute < 1 || block.endMinute > 1440)
        return Error::validation(QStringLiteral("endTime"),
                                 QStringLiteral("The end time must be between 00:01 and 24:00"));
    if (block.startMinute >= block.endMinute)
        return Error::validation(QStringLiteral("endTime"),
                                 QStringLiteral("The end time must be after the start time"));
    return timeZone(block.timeZone, QStringLiteral("timezone"));
}

namespace {

Status inRange(int value, int low, int high, const QString& field, const QString& unit) {
    if (value < low || value > high)
        return Error::validation(field, QStringLiteral("%1 must be between %2 and %3 %4, not %5")
                                            .arg(field)
                                            .arg(low)
                                            .arg(high)
                                            .arg(unit)
                                            .arg(value));
    return success();
}

} // namespace

Status bookingSettings(const BookingSettings& s) {
    const QString minutes = QStringLiteral("minutes");
    if (auto r = bookingLength(s.defaultDuration, QStringLiteral("defaultDuration")); !r)
        return r;
    if (s.durations.isEmpty() || s.durations.size() > 10)
        return Error::validation(QStringLiteral("durations"),
                                 QStringLiteral("Offer between 1 and 10 meeting lengths"));
    for (int d : s.durations) {
        if (auto r = bookingLength(d, QStringLiteral("durations")); !r)
            return r;
    }
    if (!s.durations.contains(s.defaultDuration))
        return Error::validation(
            QStringLiteral("defaultDuration"),
            QStringLiteral("The default length (%1 minutes) must be one of the offered lengths")
                .arg(s.defaultDuration));
    if (s.slotInterval != 0) {
        if (auto r = inRange(s.slotInterval, 5, 480, QStringLiteral("slotInterval"), minutes); !r)
            return r;
    }
    if (auto r = inRange(s.bufferBefore, 0, 480, QStringLiteral("bufferBefore"), minutes); !r)
        return r;
    if (auto r = inRange(s.bufferAfter, 0, 480, QStringLiteral("bufferAfter"), minutes); !r)
        return r;
    if (auto r = inRange(s.minimumNotice, 0, 43200, QStringLiteral("minimumNotice"), minutes); !r)
        return r;
    if (auto r =
            inRange(s.horizonDays, 1, 365, QStringLiteral("horizonDays"), QStringLiteral("days"));
        !r)
        return r;
    const QString bookings = QStringLiteral("bookings");
    const QString hours = QStringLiteral("hours");
    const struct {
        int value;
        int low;
        int high;
        const char* field;
        const QString& unit;
    } ranges[] = {
        {s.maxBookingsPerDay, 0, kMaxBookingsPerDay, "maxBookingsPerDay", bookings},
        {s.maxBookingsPerWeek, 0, kMaxBookingsPerWeek, "maxBookingsPerWeek", bookings},
        {s.maxBookingsPerMonth, 0, kMaxBookingsPerMonth, "maxBookingsPerMonth", bookings},
        {s.approvalWithinHours, 1, kMaxApprovalWithinHours, "approvalWithinHours", hours},
        {s.attendeeChangeNoticeHours, 0, kMaxAttendeeChangeNoticeHours, "attendeeChangeNoticeHours",
         hours},
    };
    for (const auto& r : ranges) {
        if (auto status = inRange(r.value, r.low, r.high, QLatin1String(r.field), r.unit); !status)
            return status;
    }
    return success();
}

Status availabilityOverride(const AvailabilityOverride& o) {
    if (!o.date.isValid())
        return Error::validation(QStringLiteral("date"),
                                 QStringLiteral("A valid date is required"));
    if (o.startMinute.has_value() != o.endMinute.has_value())
        return Error::validation(QStringLiteral("endTime"),
                                 QStringLiteral("Give both a start and an end time, or neither"));
    if (o.startMinute) {
        AvailabilityBlock asBlock;
        asBlock.startMinute = *o.startMinute;
        asBlock.endMinute = *o.endMinute;
        asBlock.timeZone = o.timeZone;
        return availabilityBlock(asBlock);
    }
    return timeZone(o.timeZone, QStringLiteral("timezone"));
}

Status user(const User& u) {
    if (auto s = username(u.username); !s)
        return s;
    if (auto s = displayName(u.name); !s)
        return s;
    if (auto s = email(u.email); !s)
        return s;
    return timeZone(u.timeZone, QStringLiteral("timezone"));
}

Status booking(const Booking& b) {
    if (!b.startTime.isValid())
        return Error::validation(QStringLiteral("startTime"),
                                 QStringLiteral("A start time is required"));
    if (!b.endTime.isValid() || b.startTime >= b.endTime)
        return Error::validation(QStringLiteral("endTime"),
                                 QStringLiteral("The end time must be after the start time"));
    if (b.startTime.timeSpec() != Qt::UTC || b.endTime.timeSpec() != Qt::UTC)
        return Error::validation(QStringLiteral("startTime"),
                                 QStringLiteral("Booking times must be in UTC"));
    if (auto s = wholeSecond(b.startTime, QStringLiteral("startTime")); !s)
        return s;
    if (auto s = wholeSecond(b.endTime, QStringLiteral("endTime")); !s)
        return s;
    const auto minutes = b.startTime.secsTo(b.endTime) / 60;
    if (b.startTime.secsTo(b.endTime) % 60 != 0 || minutes < kMinBookingMinutes ||
        minutes > kMaxBookingMinutes)
        return Error::validation(
            QStringLiteral("duration"),
            QStringLiteral("A booking lasts 15 minutes to 8 hours, not %1 minutes").arg(minutes));
    if (auto s = displayName(b.attendeeName, QStringLiteral("attendeeName")); !s)
        return s;
    if (auto s = email(b.attendeeEmail, QStringLiteral("attendeeEmail")); !s)
        return s;
    if (auto s = optionalText(b.title, QStringLiteral("title"), 200); !s)
        return s;
    if (auto s = optionalText(b.notes, QStringLiteral("notes"), kMaxNotesLength); !s)
        return s;
    if (auto s = language(b.language); !s)
        return s;
    if (b.videoProvider && b.videoLink.isEmpty())
        return Error::validation(
            QStringLiteral("videoLink"),
            QStringLiteral("A video link is required when a video provider is set"));
    if (!b.videoLink.isEmpty() && !b.videoLink.startsWith(QStringLiteral("https://")))
        return Error::validation(QStringLiteral("videoLink"),
                                 QStringLiteral("The video link must be an https:// URL"));
    return timeZone(b.timeZone, QStringLiteral("timezone"));
}

} // namespace slotdesk::validation
