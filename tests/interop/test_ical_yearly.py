"""Dates that matter in the .ics export: one all-day VEVENT each, repeating every year, read
back with the icalendar library and expanded with dateutil's RRULE reader."""

from __future__ import annotations

import datetime as dt
import io

from dateutil.rrule import rrulestr
from icalendar import Calendar

from journal.interop.ical import YearlyEntry, write_calendar
from journal.services.interchange.calendar_export import export_ics
from journal.store.models import Person, PersonDate

REMINDER = dt.time(9, 0)


def _events(data: str) -> dict[str, object]:
    return {str(e.get("uid")): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _occurrences(event, first_year: int, last_year: int) -> list[dt.date]:
    start = event.get("dtstart").dt
    rule = event.get("rrule").to_ical().decode()
    expanded = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time.min))
    window = expanded.between(dt.datetime(first_year, 1, 1), dt.datetime(last_year, 12, 31, 23, 59), inc=True)
    return [d.date() for d in window]


def test_dates_are_yearly_all_day_transparent_events_with_stable_uids(db, clock):
    dana = Person.create(name="Dana Smith")
    birthday = PersonDate.create(person=dana, kind="birthday", month=4, day=2, year=1986)
    anniversary = PersonDate.create(person=dana, kind="anniversary", month=6, day=20)
    custom = PersonDate.create(person=dana, kind="custom", label="Name day", month=7, day=26)
    PersonDate.create(person=Person.create(name="Gone", archived=True), month=1, day=1)
    stream = io.StringIO()
    count = export_ics(stream, clock=clock, reminder_time=REMINDER)
    assert count == 3
    data = stream.getvalue()
    events = _events(data)
    assert set(events) == {f"date-{d.id}@contact-journal" for d in (birthday, anniversary, custom)}
    event = events[f"date-{birthday.id}@contact-journal"]
    assert str(event.get("summary")) == "Dana Smith's birthday"
    assert event.get("dtstart").dt == dt.date(1986, 4, 2)  # a date: VALUE=DATE, all day
    assert event.get("dtend").dt == dt.date(1986, 4, 3)
    assert "DTSTART;VALUE=DATE:19860402" in data
    assert str(event.get("transp")) == "TRANSPARENT"
    assert event.get("rrule").to_ical() == b"FREQ=YEARLY"
    assert "Since 1986" in str(event.get("description"))
    no_year = events[f"date-{anniversary.id}@contact-journal"]
    assert str(no_year.get("summary")) == "Dana Smith's anniversary"
    assert no_year.get("dtstart").dt == dt.date(2024, 6, 20)  # a recent (leap) year: 2026's clock
    assert str(events[f"date-{custom.id}@contact-journal"].get("summary")) == "Dana Smith: Name day"
    # The same journal exported again gives the same UIDs (a calendar app updates, not copies).
    again = io.StringIO()
    export_ics(again, clock=clock, reminder_time=REMINDER)
    assert set(_events(again.getvalue())) == set(events)


def test_29_february_is_the_last_day_of_february_every_year(db, clock):
    leap = PersonDate.create(person=Person.create(name="Lea Leap"), kind="birthday", month=2, day=29, year=2004)
    no_year = PersonDate.create(person=Person.create(name="Noa Leap"), kind="birthday", month=2, day=29)
    stream = io.StringIO()
    export_ics(stream, clock=clock, reminder_time=REMINDER)
    events = _events(stream.getvalue())
    for date_id in (leap.id, no_year.id):
        event = events[f"date-{date_id}@contact-journal"]
        rule = event.get("rrule")
        assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [2], [-1])
        # A leap year and three common years.
        assert _occurrences(event, 2027, 2030) == [
            dt.date(2027, 2, 28), dt.date(2028, 2, 29), dt.date(2029, 2, 28), dt.date(2030, 2, 28),
        ]
    assert events[f"date-{no_year.id}@contact-journal"].get("dtstart").dt == dt.date(2024, 2, 29)


def test_an_ordinary_date_falls_on_its_day_in_leap_and_common_years(db):
    entry = YearlyEntry(uid="date-1@contact-journal", summary="X", start=dt.date(1990, 3, 1))
    data = write_calendar([], now=dt.datetime(2026, 3, 11, 9, 30), yearly=[entry]).decode()
    (event,) = _events(data).values()
    assert _occurrences(event, 2027, 2030) == [dt.date(y, 3, 1) for y in range(2027, 2031)]
    assert "\r\n" in data and "BEGIN:VEVENT" in data and "BEGIN:VTODO" not in data
