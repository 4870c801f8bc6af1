#pragma once
// IcsBusyParser: iCalendar text (an ICS feed, a CalDAV calendar object) → the busy time it holds
// within a window, as CalendarEvent rows in UTC. Provider-neutral: ICS feeds and CalDAV read
// through it. Parsing is libical's; the expansion below is ours, so that every rule is explicit:
//
//   VEVENT with STATUS:CANCELLED                  → nothing (nor any of its instances)
//   TRANSP:TRANSPARENT                            → kept, not busy (as Google's transparent events)
//   the admin's own ATTENDEE with PARTSTAT=DECLINED → kept, not busy
//   RRULE, RDATE (dates, times, periods), EXDATE  → one row per instance in the window
//   an instance overridden by a VEVENT with the same UID and a RECURRENCE-ID
//                                                 → the override's times and status instead
//   DTSTART;VALUE=DATE (all-day)                  → busy for those whole days in the zone below
//   floating times (no Z, no TZID)                → wall-clock times in the zone below
//   TZID with a VTIMEZONE in the data             → that definition (libical's expansion)
//   TZID without one, an IANA name                → the tz database
//   no usable DTSTART, end <= start               → skipped (counted)
//
// "The zone below": the calendar's X-WR-TIMEZONE when it is an IANA zone, else the admin's.
// External ids: the UID for a single event, "UID/20260105T090000Z" (or "UID/20260105" for
// all-day) for an instance, the key of its RECURRENCE-ID, so an override replaces its instance.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <QVector>

namespace slotdesk {

class IcsBusyParser {
public:
    struct Options {
        QDateTime from; // the window, UTC: instances ending after `from` and starting before `to`
        QDateTime to;
        QString fallbackZone;     // the admin's zone; UTC when empty or unknown
        QStringList ownAddresses; // the admin's addresses (e-mail or mailto:), for PARTSTAT
        int maxInstancesPerEvent = 100'000; // a runaway rule (FREQ=SECONDLY) stops here
    };
    struct Outcome {
        QVector<CalendarEvent> events; // by start; calendarIntegrationId left empty
        int skipped = 0;               // VEVENTs that could not be read
        QString zone;                  // the zone floating and all-day times were read in
    };

    explicit IcsBusyParser(Options options);

    // Fails (Malformed) only when `text` is not iCalendar at all; a broken event is skipped.
    [[nodiscard]] Result<Outcome> parse(const QByteArray& text) const;

private:
    Options m_options;
};

} // namespace slotdesk
