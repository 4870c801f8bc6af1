#!/usr/bin/python3
"""An independent expansion of an iCalendar file's busy time, for the calendar suites to compare
SlotDesk's libical-based IcsBusyParser against: Python's `icalendar` reads the file,
`dateutil.rrule` expands RRULE (on wall-clock times) and `dateutil.tz` (the system tz database,
not the file's VTIMEZONE) turns wall-clock times into UTC. Handles what the suites use: RRULE,
RDATE (date-times), EXDATE, RECURRENCE-ID overrides, STATUS:CANCELLED, TRANSP:TRANSPARENT,
all-day and floating times (in ZONE). Prints, as JSON, every instance overlapping the window:

  expand_ics.py FILE.ics FROM TO ZONE     FROM/TO: UTC epoch seconds; ZONE: an IANA zone
  → [{"start": s, "end": s, "busy": true|false}, ...] sorted by start, end
"""

import datetime
import json
import sys

import icalendar
from dateutil import rrule, tz

UTC = datetime.timezone.utc


def wall_and_zone(prop, default_zone):
    """The wall-clock value (naive datetime or date) of a DATE/DATE-TIME property and its zone."""
    value = prop.dt
    if isinstance(value, datetime.datetime):
        tzid = prop.params.get("TZID")
        if value.tzinfo is not None and tzid is None:
            return value.astimezone(UTC).replace(tzinfo=None), UTC
        zone = tz.gettz(str(tzid)) if tzid is not None else default_zone
        return value.replace(tzinfo=None), zone or default_zone
    return value, default_zone


def instant(wall, zone):
    if isinstance(wall, datetime.datetime):
        return int(wall.replace(tzinfo=zone).astimezone(UTC).timestamp())
    midnight = datetime.datetime(wall.year, wall.month, wall.day)
    return int(midnight.replace(tzinfo=zone).astimezone(UTC).timestamp())


def values(component, name):
    prop = component.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    out = []
    for p in props:
        for dt in p.dts:
            dt.params = p.params
            out.append(dt)
    return out


def length_of(event, start_wall, zone):
    if event.get("DTEND") is not None:
        end_wall, end_zone = wall_and_zone(event["DTEND"], zone)
        return instant(end_wall, end_zone) - instant(start_wall, zone)
    if event.get("DURATION") is not None:
        return int(event.decoded("DURATION").total_seconds())
    return 86400 if not isinstance(start_wall, datetime.datetime) else 0


def instances(event, default_zone):
    """[(recurrence key, start, end)] of a master event, EXDATEs removed."""
    start_wall, zone = wall_and_zone(event["DTSTART"], default_zone)
    length = length_of(event, start_wall, zone)
    starts = [start_wall]
    if event.get("RRULE") is not None:
        rule = event["RRULE"].to_ical().decode()
        starts = list(rrule.rrulestr(rule, dtstart=start_wall))
    for rdate in values(event, "RDATE"):
        wall, rzone = wall_and_zone(rdate, default_zone)
        starts.append(wall)
    excluded = set()
    for exdate in values(event, "EXDATE"):
        wall, ezone = wall_and_zone(exdate, default_zone)
        excluded.add(instant(wall, ezone))
    out = []
    for wall in starts:
        begin = instant(wall, zone)
        if begin not in excluded:
            out.append((begin, begin, begin + length))
    return out


def main():
    path, window_from, window_to, zone_name = sys.argv[1:5]
    window_from, window_to = int(window_from), int(window_to)
    default_zone = tz.gettz(zone_name)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = [c for c in calendar.walk("VEVENT")]
    overrides = {}
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            wall, zone = wall_and_zone(event["RECURRENCE-ID"], default_zone)
            overrides[(str(event["UID"]), instant(wall, zone))] = event
    busy = []

    def add(event, begin, end):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            return
        if end > window_from and begin < window_to and end > begin:
            transparent = str(event.get("TRANSP", "")).upper() == "TRANSPARENT"
            busy.append({"start": begin, "end": end, "busy": not transparent})

    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        uid = str(event["UID"])
        for key, begin, end in instances(event, default_zone):
            changed = overrides.get((uid, key))
            if changed is None:
                add(event, begin, end)
                continue
            wall, zone = wall_and_zone(changed["DTSTART"], default_zone)
            start = instant(wall, zone)
            add(changed, start, start + length_of(changed, wall, zone))
    busy.sort(key=lambda b: (b["start"], b["end"]))
    json.dump(busy, sys.stdout)


if __name__ == "__main__":
    main()
