"""iCalendar (RFC 5545) to-dos: writing the journal's due items as VTODO, and reading them back;
and dates that matter as yearly all-day events (VEVENT with RRULE:FREQ=YEARLY).

Each to-do and event carries a UID that never changes for its item, so importing a newer export
into a calendar app updates what it already has instead of adding copies. No Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from icalendar import Alarm, Calendar, Event, Todo

from journal import APP_NAME, __version__

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
UID_DOMAIN = "contact-journal"
NEEDS_ACTION = "NEEDS-ACTION"
COMPLETED = "COMPLETED"


def uid_for(key: str) -> str:
    """The stable UID of an item whose key is e.g. 'next_step:12'."""
    return f"{key}@{UID_DOMAIN}"


@dataclass(frozen=True)
class TodoEntry:
    key: str
    summary: str
    due: dt.date | None = None
    due_time: dt.time | None = None
    status: str = NEEDS_ACTION
    completed_at: dt.datetime | None = None  # local time
    description: str = ""
    categories: tuple[str, ...] = field(default=())
    alarm_at: dt.datetime | None = None  # local time

    @property
    def uid(self) -> str:
        return uid_for(self.key)


@dataclass(frozen=True)
class YearlyEntry:
    """A date that matters as an all-day event every year from `start` (a 29 February on the
    last day of February each year, so the 28th in common years)."""

    uid: str
    summary: str
    start: dt.date
    description: str = ""
    categories: tuple[str, ...] = field(default=())

    @property
    def rule(self) -> dict:
        if self.start.month == 2 and self.start.day == 29:
            return {"FREQ": "YEARLY", "BYMONTH": 2, "BYMONTHDAY": -1}
        return {"FREQ": "YEARLY"}


def _event(entry: YearlyEntry, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("summary", entry.summary)
    event.add("dtstart", entry.start)  # a date: VALUE=DATE, all day
    event.add("dtend", entry.start + dt.timedelta(days=1))
    event.add("rrule", entry.rule)
    event.add("transp", "TRANSPARENT")  # a birthday does not make anyone busy
    if entry.description:
        event.add("description", entry.description)
    if entry.categories:
        event.add("categories", list(entry.categories))
    return event


def _utc(local: dt.datetime) -> dt.datetime:
    """A naive local time as an aware UTC time (naive values are taken as this machine's zone)."""
    if local.tzinfo is None:
        local = local.astimezone()
    return local.astimezone(dt.UTC).replace(microsecond=0)


def _todo(entry: TodoEntry, stamp: dt.datetime) -> Todo:
    todo = Todo()
    todo.add("uid", entry.uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", entry.summary)
    todo.add("status", entry.status)
    if entry.description:
        todo.add("description", entry.description)
    if entry.categories:
        todo.add("categories", list(entry.categories))
    if entry.due is not None:
        # A date-only item is due on a day (VALUE=DATE); a timed one at a floating local time.
        todo.add("due", dt.datetime.combine(entry.due, entry.due_time) if entry.due_time else entry.due)
    if entry.status == COMPLETED:
        todo.add("percent-complete", 100)
        if entry.completed_at is not None:
            todo.add("completed", _utc(entry.completed_at))
    elif entry.alarm_at is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", _utc(entry.alarm_at), parameters={"VALUE": "DATE-TIME"})
        todo.add_component(alarm)
    return todo


def write_calendar(entries: list[TodoEntry], *, now: dt.datetime, yearly: list[YearlyEntry] = ()) -> bytes:
    """The VCALENDAR holding one VTODO per entry and one yearly VEVENT per `yearly` entry, as
    bytes with CRLF line ends."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", APP_NAME)
    stamp = _utc(now)
    for entry in entries:
        calendar.add_component(_todo(entry, stamp))
    for entry in yearly:
        calendar.add_component(_event(entry, stamp))
    return calendar.to_ical()


@dataclass(frozen=True)
class ReadTodo:
    uid: str
    summary: str
    status: str
    due: dt.date | dt.datetime | None
    alarms: tuple[dt.datetime, ...]


def read_todos(data: bytes | str) -> list[ReadTodo]:
    """The to-dos of an iCalendar file (used to check an export and by tests)."""
    calendar = Calendar.from_ical(data)
    result = []
    for todo in calendar.walk("VTODO"):
        due = todo.get("due")
        alarms = tuple(a.get("trigger").dt for a in todo.walk("VALARM") if a.get("trigger") is not None)
        result.append(
            ReadTodo(
                uid=str(todo.get("uid")),
                summary=str(todo.get("summary", "")),
                status=str(todo.get("status", "")),
                due=due.dt if due is not None else None,
                alarms=alarms,
            )
        )
    return result
