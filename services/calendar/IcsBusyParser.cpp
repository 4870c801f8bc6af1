#include "calendar/IcsBusyParser.h"

#include "domain/Validation.h"
#include "scheduling/SlotEngine.h"

#include <QDate>
#include <QHash>
#include <QSet>

#include <libical/ical.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slotdesk {
namespace {

using ComponentPtr = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

// Where the wall-clock fields of a DATE-TIME are: UTC, a VTIMEZONE of the data, or an IANA zone
// of the tz database. DATE values are always read in the calendar's zone.
struct Zone {
    bool utc = false;
    icaltimezone* vtimezone = nullptr;
    std::string iana;
};

// A DATE or DATE-TIME property value with its zone.
struct When {
    icaltimetype time{};
    Zone zone;
    [[nodiscard]] bool isDate() const { return time.is_date != 0; }
};

// Days since 1970-01-01 of a date's fields.
qint64 epochDays(const icaltimetype& t) {
    return QDate(1970, 1, 1).daysTo(QDate(t.year, t.month, t.day));
}

qint64 wallSeconds(const icaltimetype& t) {
    return epochDays(t) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

bool isIanaZone(const std::string& name) {
    return !name.empty() && validation::timeZone(QString::fromStdString(name)).ok();
}

// The UTC instant (seconds) the fields of `t` name in `zone`; a date is the start of that day
// in `dayZone`.
qint64 utcSeconds(const icaltimetype& t, const Zone& zone, const std::string& dayZone) {
    if (t.is_date != 0) {
        const auto local = scheduling::LocalTime(std::chrono::seconds(epochDays(t) * 86400));
        return scheduling::SlotEngine::toInstant(local, dayZone).time_since_epoch().count();
    }
    if (zone.utc)
        return wallSeconds(t);
    if (zone.vtimezone != nullptr) {
        icaltimetype wall = t;
        wall.zone = nullptr;
        return static_cast<qint64>(icaltime_as_timet_with_zone(wall, zone.vtimezone));
    }
    const auto local = scheduling::LocalTime(std::chrono::seconds(wallSeconds(t)));
    return scheduling::SlotEngine::toInstant(local, zone.iana).time_since_epoch().count();
}

// The key of an instance: its RECURRENCE-ID in UTC ("20260105T090000Z") or its date.
QString instanceKey(const icaltimetype& t, qint64 startUtc) {
    if (t.is_date != 0)
        return QDate(t.year, t.month, t.day).toString(QStringLiteral("yyyyMMdd"));
    return QDateTime::fromSecsSinceEpoch(startUtc, Qt::UTC)
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString textOf(const char* text) {
    return text ? QString::fromUtf8(text) : QString();
}

QString normalizedAddress(QString address) {
    address = address.trimmed().toLower();
    if (address.startsWith(QLatin1String("mailto:")))
        address.remove(0, 7);
    return address;
}

struct Occurrence {
    qint64 start = 0; // UTC seconds
    qint64 end = 0;
    QString key;
};

// The reading of one VCALENDAR's events.
class CalendarReader {
public:
    CalendarReader(icalcomponent* calendar, const IcsBusyParser::Options& options, std::string zone,
                   QSet<QString> own)
        : m_calendar(calendar)
        , m_options(options)
        , m_zone(std::move(zone))
        , m_own(std::move(own))
        , m_from(options.from.toSecsSinceEpoch())
        , m_to(options.to.toSecsSinceEpoch()) {}

    void read(QHash<QString, CalendarEvent>& events, int& skipped) {
        // Overrides (RECURRENCE-ID) by UID and instance key, then every series or single event.
        QHash<QString, QHash<QString, icalcomponent*>> overrides;
        std::vector<icalcomponent*> masters;
        for (icalcomponent* c =
                 icalcomponent_get_first_component(m_calendar, ICAL_VEVENT_COMPONENT);
             c != nullptr;
             c = icalcomponent_get_next_component(m_calendar, ICAL_VEVENT_COMPONENT)) {
            icalproperty* recurrenceId =
                icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
            if (recurrenceId == nullptr) {
                masters.push_back(c);
                continue;
            }
            const auto id = whenOf(recurrenceId, icalproperty_get_recurrenceid(recurrenceId));
            if (!id) {
                ++skipped;
                continue;
            }
            const QString key = instanceKey(id->time, utcSeconds(id->time, id->zone, m_zone));
            overrides[uidOf(c)].insert(key, c);
        }
        for (icalcomponent* master : masters) {
            const QString uid = uidOf(master);
            if (!readSeries(master, uid, overrides.take(uid), events))
                ++skipped;
        }
        // What remains overrides an instance of a series that isn't here (an invitation to
        // one instance of someone else's series): it stands alone.
        for (auto byUid = overrides.cbegin(); byUid != overrides.cend(); ++byUid) {
            for (auto it = byUid->cbegin(); it != byUid->cend(); ++it) {
                if (!readOverride(*it, byUid.key(), it.key(), std::nullopt, events))
                    ++skipped;
            }
        }
    }

private:
    // A DATE or DATE-TIME property's value and zone; std::nullopt when it has none.
    [[nodiscard]] std::optional<When> whenOf(icalproperty* property, icaltimetype time) const {
        if (icaltime_is_null_time(time) || !icaltime_is_valid_time(time))
            return std::nullopt;
        When when;
        when.time = time;
        if (time.is_date != 0)
            return when;
        if (icaltime_is_utc(time)) {
            when.zone.utc = true;
            return when;
        }
        icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
        const char* name = tzid ? icalparameter_get_tzid(tzid) : nullptr;
        if (name != nullptr) {
            when.zone.vtimezone = icalcomponent_get_timezone(m_calendar, name);
            if (when.zone.vtimezone != nullptr)
                return when;
            if (isIanaZone(name)) {
                when.zone.iana = name;
                return when;
            }
        }
        when.zone.iana = m_zone; // floating, or a TZID nobody defined: the calendar's zone
        return when;
    }

    [[nodiscard]] std::optional<When> startOf(icalcomponent* event) const {
        icalproperty* p = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
        return p ? whenOf(p, icalproperty_get_dtstart(p)) : std::nullopt;
    }

    // The event's length: whole days for an all-day event, seconds otherwise. Zero or less: the
    // event blocks nothing (a timed event without DTEND/DURATION ends when it starts).
    [[nodiscard]] qint64 lengthOf(icalcomponent* event, const When& start) const {
        if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
            const auto end = whenOf(p, icalproperty_get_dtend(p));
            if (!end)
                return 0;
            if (start.isDate())
                return epochDays(end->time) - epochDays(start.time);
            return utcSeconds(end->time, end->zone, m_zone) -
                   utcSeconds(start.time, start.zone, m_zone);
        }
        if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
            const icaldurationtype d = icalproperty_get_duration(p);
            if (d.is_neg != 0)
                return 0;
            if (start.isDate())
                return static_cast<qint64>(d.weeks) * 7 + d.days;
            return icaldurationtype_as_int(d);
        }
        return start.isDate() ? 1 : 0;
    }

    // An instance starting at the wall-clock `time` (in `zone`), `length` long.
    [[nodiscard]] Occurrence occurrence(const icaltimetype& time, const Zone& zone,
                                        qint64 length) const {
        Occurrence o;
        o.start = utcSeconds(time, zone, m_zone);
        if (time.is_date != 0) {
            icaltimetype endDay = time;
            icaltime_adjust(&endDay, static_cast<int>(length), 0, 0, 0);
            o.end = utcSeconds(endDay, zone, m_zone);
        } else {
            o.end = o.start + length;
        }
        o.key = instanceKey(time, o.start);
        return o;
    }

    [[nodiscard]] bool inWindow(const Occurrence& o) const {
        return o.end > o.start && o.end > m_from && o.start < m_to;
    }

    [[nodiscard]] bool busy(icalcomponent* event) const {
        if (icalproperty* p = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY)) {
            const icalproperty_transp transp = icalproperty_get_transp(p);
            if (transp == ICAL_TRANSP_TRANSPARENT || transp == ICAL_TRANSP_TRANSPARENTNOCONFLICT)
                return false;
        }
        for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
             p != nullptr; p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
            if (!m_own.contains(normalizedAddress(textOf(icalproperty_get_attendee(p)))))
                continue;
            icalparameter* partstat = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
            if (partstat && icalparameter_get_partstat(partstat) == ICAL_PARTSTAT_DECLINED)
                return false;
        }
        return true;
    }

    static QString uidOf(icalcomponent* event) {
        const QString uid = textOf(icalcomponent_get_uid(event));
        if (!uid.isEmpty())
            return uid;
        // No UID (a sloppy feed): the event's own text names it, so it keeps its id next time.
        char* text = icalcomponent_as_ical_string(event);
        return QStringLiteral("nouid-%1").arg(qHash(QByteArray(text)), 0, 16);
    }

    void store(icalcomponent* event, const QString& externalId, const Occurrence& o,
               QHash<QString, CalendarEvent>& events) const {
        CalendarEvent row;
        row.externalEventId = externalId;
        row.startTime = QDateTime::fromSecsSinceEpoch(o.start, Qt::UTC);
        row.endTime = QDateTime::fromSecsSinceEpoch(o.end, Qt::UTC);
        row.title = textOf(icalcomponent_get_summary(event));
        row.isBusy = busy(event);
        events.insert(externalId, row);
    }

    // An overridden instance: its own times (its master's length when it gives none).
    bool readOverride(icalcomponent* event, const QString& uid, const QString& key,
                      std::optional<qint64> masterLength, QHash<QString, CalendarEvent>& events) {
        if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED)
            return true;
        const auto start = startOf(event);
        if (!start)
            return false;
        const bool ownLength =
            icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) != nullptr ||
            icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY) != nullptr;
        const qint64 length = ownLength || !masterLength ? lengthOf(event, *start) : *masterLength;
        Occurrence o = occurrence(start->time, start->zone, length);
        if (inWindow(o))
            store(event, uid + u'/' + key, o, events);
        return true;
    }

    // A series (or a single event) with its overrides. False when it cannot be read.
    bool readSeries(icalcomponent* master, const QString& uid,
                    const QHash<QString, icalcomponent*>& overrides,
                    QHash<QString, CalendarEvent>& events) {
        if (icalcomponent_get_status(master) == ICAL_STATUS_CANCELLED)
            return true;
        const auto start = startOf(master);
        if (!start)
            return false;
        const qint64 length = lengthOf(master, *start);
        icalproperty* rrule = icalcomponent_get_first_property(master, ICAL_RRULE_PROPERTY);
        icalproperty* rdate = icalcomponent_get_first_property(master, ICAL_RDATE_PROPERTY);
        if (rrule == nullptr && rdate == nullptr) {
            const Occurrence o = occurrence(start->time, start->zone, length);
            if (inWindow(o))
                store(master, uid, o, events);
            return true;
        }
        std::vector<Occurrence> all;
        if (!expand(master, *start, length, all))
            return false;
        const auto excluded = exclusions(master);
        QSet<QString> seen;
        for (const Occurrence& o : all) {
            if (seen.contains(o.key) || excluded.contains(o.key))
                continue;
            seen.insert(o.key);
            if (icalcomponent* changed = overrides.value(o.key)) {
                if (!readOverride(changed, uid, o.key, length, events))
                    return false;
                continue;
            }
            if (inWindow(o))
                store(master, uid + u'/' + o.key, o, events);
        }
        // Overrides of instances the rule does not produce (moved in from outside): their own.
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
            if (!seen.contains(it.key()) && !readOverride(*it, uid, it.key(), length, events))
                return false;
        }
        return true;
    }

    // DTSTART, the RRULE's instances that may reach the window, and the RDATEs.
    bool expand(icalcomponent* master, const When& start, qint64 length,
                std::vector<Occurrence>& all) const {
        all.push_back(occurrence(start.time, start.zone, length));
        for (icalproperty* p = icalcomponent_get_first_property(master, ICAL_RRULE_PROPERTY);
             p != nullptr; p = icalcomponent_get_next_property(master, ICAL_RRULE_PROPERTY)) {
            if (!expandRule(icalproperty_get_rrule(p), start, length, all))
                return false;
        }
        for (icalproperty* p = icalcomponent_get_first_property(master, ICAL_RDATE_PROPERTY);
             p != nullptr; p = icalcomponent_get_next_property(master, ICAL_RDATE_PROPERTY)) {
            const icaldatetimeperiodtype value = icalproperty_get_rdate(p);
            if (!icaltime_is_null_time(value.time)) {
                const auto when = whenOf(p, value.time);
                if (when)
                    all.push_back(occurrence(when->time, when->zone, length));
                continue;
            }
            const auto periodStart = whenOf(p, value.period.start);
            if (!periodStart)
                continue;
            Occurrence o = occurrence(periodStart->time, periodStart->zone, length);
            if (!icaltime_is_null_time(value.period.end)) {
                if (const auto end = whenOf(p, value.period.end))
                    o.end = utcSeconds(end->time, end->zone, m_zone);
            } else {
                o.end = o.start + icaldurationtype_as_int(value.period.duration);
            }
            all.push_back(o);
        }
        return true;
    }

    // libical iterates the rule's wall-clock times; UNTIL is compared here, as an instant (an
    // UNTIL in UTC against times in a zone), and the walk stops at the window's end.
    bool expandRule(icalrecurrencetype rule, const When& start, qint64 length,
                    std::vector<Occurrence>& all) const {
        std::optional<qint64> until;
        std::optional<qint64> untilDay;
        if (!icaltime_is_null_time(rule.until)) {
            if (rule.until.is_date != 0)
                untilDay = epochDays(rule.until);
            else
                until = icaltime_is_utc(rule.until) ? wallSeconds(rule.until)
                                                    : utcSeconds(rule.until, start.zone, m_zone);
            rule.until = icaltime_null_time();
        }
        icaltimetype dtstart = start.time;
        dtstart.zone = nullptr;
        std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)> it(
            icalrecur_iterator_new(rule, dtstart), &icalrecur_iterator_free);
        if (!it)
            return false;
        for (int n = 0; n < m_options.maxInstancesPerEvent; ++n) {
            const icaltimetype next = icalrecur_iterator_next(it.get());
            if (icaltime_is_null_time(next))
                break;
            if (untilDay && epochDays(next) > *untilDay)
                break;
            const Occurrence o = occurrence(next, start.zone, length);
            if ((until && o.start > *until) || o.start >= m_to)
                break;
            all.push_back(o);
        }
        return true;
    }

    // The instance keys EXDATE removes; an EXDATE that is a date removes that day's instance.
    [[nodiscard]] QSet<QString> exclusions(icalcomponent* master) const {
        QSet<QString> keys;
        for (icalproperty* p = icalcomponent_get_first_property(master, ICAL_EXDATE_PROPERTY);
             p != nullptr; p = icalcomponent_get_next_property(master, ICAL_EXDATE_PROPERTY)) {
            const auto when = whenOf(p, icalproperty_get_exdate(p));
            if (!when)
                continue;
            keys.insert(instanceKey(when->time, utcSeconds(when->time, when->zone, m_zone)));
        }
        return keys;
    }

    icalcomponent* m_calendar;
    const IcsBusyParser::Options& m_options;
    std::string m_zone;
    QSet<QString> m_own;
    qint64 m_from;
    qint64 m_to;
};

// libical's line source, fgets-like: the next line of `data` (a TextCursor), at most size - 1
// bytes. Bounded by memchr rather than libical's own strchr over the rest of the text, which
// costs the whole remainder per line under ASan's strict string checks.
struct TextCursor {
    const char* pos;
    const char* end;
};

char* nextLine(char* buffer, size_t size, void* data) {
    auto* cursor = static_cast<TextCursor*>(data);
    if (cursor->pos >= cursor->end || size < 2)
        return nullptr;
    const auto room = std::min<size_t>(size - 1, static_cast<size_t>(cursor->end - cursor->pos));
    const auto* newline = static_cast<const char*>(std::memchr(cursor->pos, '\n', room));
    const size_t length = newline ? static_cast<size_t>(newline - cursor->pos) + 1 : room;
    std::memcpy(buffer, cursor->pos, length);
    buffer[length] = '\0';
    cursor->pos += length;
    return buffer;
}

icalcomponent* parseText(const QByteArray& text) {
    TextCursor cursor{text.constData(), text.constData() + text.size()};
    std::unique_ptr<icalparser, decltype(&icalparser_free)> parser(icalparser_new(),
                                                                   &icalparser_free);
    icalparser_set_gen_data(parser.get(), &cursor);
    return icalparser_parse(parser.get(), nextLine);
}

QString calendarZoneOf(icalcomponent* calendar) {
    for (icalproperty* p = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY);
         p != nullptr; p = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
        if (qstrcmp(icalproperty_get_x_name(p), "X-WR-TIMEZONE") == 0)
            return textOf(icalproperty_get_x(p)).trimmed();
    }
    return {};
}

} // namespace

IcsBusyParser::IcsBusyParser(Options options)
    : m_options(std::move(options)) {}

Result<IcsBusyParser::Outcome> IcsBusyParser::parse(const QByteArray& text) const {
    icalerror_set_errors_are_fatal(0);
    ComponentPtr root(parseText(text), &icalcomponent_free);
    if (!root)
        return Error::malformed(QStringLiteral("The calendar data is not iCalendar"));
    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
        calendars.push_back(root.get());
    } else {
        for (icalcomponent* c =
                 icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
             c != nullptr;
             c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
            calendars.push_back(c);
    }
    if (calendars.empty())
        return Error::malformed(QStringLiteral("The calendar data holds no VCALENDAR"));

    QSet<QString> own;
    for (const QString& address : m_options.ownAddresses)
        own.insert(normalizedAddress(address));
    const QString fallback = validation::timeZone(m_options.fallbackZone).ok()
                                 ? m_options.fallbackZone
                                 : QStringLiteral("UTC");
    Outcome outcome;
    QHash<QString, CalendarEvent> events;
    for (icalcomponent* calendar : calendars) {
        const QString declared = calendarZoneOf(calendar);
        outcome.zone = validation::timeZone(declared).ok() ? declared : fallback;
        CalendarReader(calendar, m_options, outcome.zone.toStdString(), own)
            .read(events, outcome.skipped);
    }
    outcome.events = events.values();
    std::sort(outcome.events.begin(), outcome.events.end(),
              [](const CalendarEvent& a, const CalendarEvent& b) {
                  return a.startTime != b.startTime ? a.startTime < b.startTime
                                                    : a.externalEventId < b.externalEventId;
              });
    return outcome;
}

} // namespace slotdesk
