#!/usr/bin/python3
"""Validates an iCalendar file with Python's `icalendar` (an independent parser) and prints what
the tests check, as JSON. Exits 1 with the reason on stderr when the file is not one valid
VCALENDAR with exactly one VEVENT carrying UID, DTSTAMP, DTSTART and DTEND, or when its lines are
not CRLF-terminated and folded at 75 octets. With --calendar the file may hold any number of
VEVENTs (each with those properties), as `slotdesk-cli export --ics` writes it, and the report
lists them under "events".

  check_ics.py [--calendar] FILE.ics
"""

import json
import sys

import icalendar


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(1)


def param(prop, name):
    value = prop.params.get(name)
    return str(value) if value is not None else None


def event_report(event):
    organizer = event.get("ORGANIZER")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    return {
        "uid": str(event["UID"]),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
        "summary": str(event.get("SUMMARY", "")),
        "description": str(event.get("DESCRIPTION", "")),
        "location": str(event.get("LOCATION", "")),
        "dtstart": event.decoded("DTSTART").isoformat(),
        "dtend": event.decoded("DTEND").isoformat(),
        "organizer": {"value": str(organizer), "cn": param(organizer, "CN")} if organizer else None,
        "attendees": [{"value": str(a), "cn": param(a, "CN"), "partstat": param(a, "PARTSTAT"),
                       "rsvp": param(a, "RSVP"), "role": param(a, "ROLE")} for a in attendees],
        "alarms": [{"action": str(a.get("ACTION", "")),
                    "trigger_minutes": int(a.decoded("TRIGGER").total_seconds() // 60)}
                   for a in event.walk("VALARM")],
    }


def main():
    whole_calendar = sys.argv[1] == "--calendar"
    with open(sys.argv[-1], "rb") as f:
        data = f.read()
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail("line %d: a bare CR or LF" % number)
        if len(line) > 75:
            fail("line %d: %d octets, more than 75" % (number, len(line)))
        line.decode("utf-8")  # raises on a fold inside a UTF-8 sequence
    calendar = icalendar.Calendar.from_ical(data)
    errors = [e for c in calendar.walk() for e in c.errors]
    if errors:
        fail("parse errors: %r" % errors)
    for required in ("VERSION", "PRODID"):
        if required not in calendar:
            fail("VCALENDAR without " + required)
    events = calendar.walk("VEVENT")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND"):
            if required not in event:
                fail("VEVENT without " + required)
    head = {"method": str(calendar.get("METHOD", "")), "version": str(calendar["VERSION"])}
    if whole_calendar:
        result = dict(head, events=[event_report(e) for e in events])
    else:
        if len(events) != 1:
            fail("%d VEVENTs, expected 1" % len(events))
        result = dict(head, **event_report(events[0]))
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
