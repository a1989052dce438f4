"""Dates that matter and job changes as agenda items.

A date that matters (a PersonDate row) comes back every year: its item is the occurrence in a
range of days, worded for its kind ("Dana Smith's birthday (turns 40)"). Occurrences are read by
(month, day) over the person_date index, one range of days per month, never by walking every
person, so a month of the calendar costs the same with 100,000 people. 29 February falls on 28
February in common years (YearlyDate.in_year), so the 28th of a common February also reads the
29th.

Marking an occurrence done sets `acknowledged_on` to it: that year's item is gone, next year's
comes. A noticed job change (journal.services.people.jobs.recent_changes) is a reconnect item
until dismissed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from journal.domain.agenda import AgendaItem, ItemKind
from journal.domain.dates import DateValueError, YearlyDate
from journal.errors import ValidationError
from journal.services.people import jobs
from journal.services.transaction import write
from journal.store.models import DB, Job, PersonDate

DEFAULT_TODAY_DAYS = 7  # how far ahead Today lists dates unless Preferences say otherwise
MAX_TODAY_DAYS = 60
MAX_DAYS_BEFORE = 30

KIND_NOUNS = {
    "birthday": "birthday",
    "anniversary": "anniversary",
    "work_anniversary": "work anniversary",
    "custom": "date",
}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One date that matters on one day."""

    date_id: int
    person_id: int
    person: str
    kind: str
    label: str
    date: YearlyDate
    on: dt.date
    acknowledged: bool
    reminders: bool | None  # the person's choice; None follows Preferences

    @property
    def years(self) -> int | None:
        """The age turned or the years married, where the year is known (and not in the future)."""
        years = self.date.years_on(self.on)
        return years if years is not None and years > 0 else None


def date_title(person: str, kind: str, label: str, years: int | None) -> str:
    """The item's words in English (the window words it again, translated, from the facts)."""
    if kind == "birthday":
        return f"{person}'s birthday" + (f" (turns {years})" if years else "")
    if kind == "anniversary":
        if years:
            return f"{person}: {years} year{'s' if years != 1 else ''} married"
        return f"{person}'s anniversary"
    if kind == "work_anniversary":
        if years:
            return f"{person}: {years} year{'s' if years != 1 else ''} at work"
        return f"{person}'s work anniversary"
    label = label.strip()
    if not label:
        return f"{person}'s date" + (f" ({years} years)" if years else "")
    return f"{person}: {label}" + (f" ({years} years)" if years else "")


def summary_title(person: str, kind: str, label: str) -> str:
    """The words of a yearly calendar event (no age: it is the same every year)."""
    return date_title(person, kind, label, None)


def _month_ranges(start: dt.date, end: dt.date) -> list[tuple[int, int, int]]:
    """(month, first day, last day) of stored dates that can fall from `start` to `end`."""
    if (end - start).days >= 365:
        return [(month, 1, 31) for month in range(1, 13)]
    ranges: dict[int, tuple[int, int]] = {}
    day = start
    while day <= end:
        last_of_month = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        stop = min(end, last_of_month)
        first, last = day.day, stop.day
        if day.month == 2 and last == 28 and not calendar.isleap(day.year):
            last = 29  # 29 February falls on the 28th this year
        lo, hi = ranges.get(day.month, (first, last))
        ranges[day.month] = (min(lo, first), max(hi, last))
        day = stop + dt.timedelta(days=1)
    return [(month, lo, hi) for month, (lo, hi) in sorted(ranges.items())]


_OCCURRENCES = (
    "SELECT d.id, d.person_id, p.name, d.kind, d.label, d.month, d.day, d.year, d.acknowledged_on, p.date_reminders "
    "FROM person_date d JOIN person p ON p.id = d.person_id "
    "WHERE NOT p.archived AND ({where})"
)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def occurrences(start: dt.date, end: dt.date) -> list[Occurrence]:
    """Every active person's dates that matter falling from `start` to `end` (both included),
    by day then name."""
    if end < start:
        return []
    ranges = _month_ranges(start, end)
    where = " OR ".join("(d.month = ? AND d.day BETWEEN ? AND ?)" for _ in ranges)
    params: list = [value for r in ranges for value in r]
    sql = _OCCURRENCES.format(where=where)
    out = []
    for date_id, person_id, name, kind, label, month, day, year, acknowledged, reminders in DB.execute_sql(sql, params).fetchall():
        try:
            yearly = YearlyDate(month, day, year)
        except DateValueError:  # a row another tool wrote wrongly: left out, never a crash
            continue
        acknowledged = _as_date(acknowledged)
        for on in yearly.occurrences(start, end):
            out.append(
                Occurrence(
                    date_id, person_id, name, kind or "custom", label or "", yearly, on,
                    acknowledged is not None and acknowledged >= on,
                    None if reminders is None else bool(reminders),
                )
            )
    out.sort(key=lambda o: (o.on, o.person.casefold(), o.date_id))
    return out


# Counted over the (month, day) index alone, one range per month (SQLite reads an OR of ranges
# row by row, ten times slower), then the archived people's dates taken off: found from the
# archived index through each one's dates (joining every date to its person cost most of it).
_COUNT_RANGE = "SELECT month, day, count(*) FROM person_date WHERE month = ? AND day BETWEEN ? AND ? GROUP BY month, day"
_ARCHIVED_COUNTS = (
    "SELECT d.month, d.day, -count(*) FROM person p CROSS JOIN person_date d INDEXED BY person_date_person_id "
    "ON d.person_id = p.id WHERE p.archived = 1 AND ({where}) GROUP BY d.month, d.day"
)


def counts(start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """day -> how many dates that matter fall on it (active people's), counted by SQLite per
    (month, day) over the index: the month grid of a journal of 100,000 birthdays reads some
    forty figures, not twelve thousand rows."""
    if end < start:
        return {}
    ranges = _month_ranges(start, end)
    where = " OR ".join("(d.month = ? AND d.day BETWEEN ? AND ?)" for _ in ranges)
    params = [value for r in ranges for value in r]
    out: dict[dt.date, int] = {}
    rows = DB.execute_sql(" UNION ALL ".join([_COUNT_RANGE] * len(ranges)), params).fetchall()
    rows += DB.execute_sql(_ARCHIVED_COUNTS.format(where=where), params).fetchall()
    for month, day, n in rows:
        try:
            yearly = YearlyDate(month, day)
        except DateValueError:
            continue
        for on in yearly.occurrences(start, end):
            out[on] = out.get(on, 0) + n
    return {on: n for on, n in out.items() if n > 0}


def as_item(occurrence: Occurrence) -> AgendaItem:
    o = occurrence
    years = o.years
    return AgendaItem(
        kind=ItemKind.DATE,
        id=o.date_id,
        title=date_title(o.person, o.kind, o.label, years),
        due=o.on,
        overdue=False,
        people=(o.person,),
        facts=(
            ("person_id", o.person_id),
            ("person", o.person),
            ("date_kind", o.kind),
            ("label", o.label),
            ("years", years),
            ("date", o.date.text()),
            ("done", o.acknowledged),
        ),
    )


def date_items(start: dt.date, end: dt.date, *, include_done: bool = False) -> list[AgendaItem]:
    """The date items from `start` to `end`; those marked done left out unless `include_done`."""
    return [as_item(o) for o in occurrences(start, end) if include_done or not o.acknowledged]


def upcoming(today: dt.date, days: int = DEFAULT_TODAY_DAYS) -> list[Occurrence]:
    """What Today lists: the dates from today to `days` days ahead, not yet marked done."""
    days = max(0, min(int(days), MAX_TODAY_DAYS))
    return [o for o in occurrences(today, today + dt.timedelta(days=days)) if not o.acknowledged]


def reminder_items(
    start: dt.date, end: dt.date, *, default_on: bool = True, days_before: int = 0
) -> list[AgendaItem]:
    """Dates whose reminder day (`days_before` their occurrence) falls from `start` to `end`,
    for people whose reminders are on (None: `default_on`), not yet marked done. The item's
    `due` is the occurrence itself."""
    days_before = max(0, min(int(days_before), MAX_DAYS_BEFORE))
    lead = dt.timedelta(days=days_before)
    found = occurrences(start, end + lead)
    return [
        as_item(o)
        for o in found
        if not o.acknowledged
        and (default_on if o.reminders is None else o.reminders)
        and start <= o.on - lead <= end
    ]


def any_dates() -> bool:
    return PersonDate.select(PersonDate.id).exists()


# --- acting on them -------------------------------------------------------------------------


def occurrence_of(date_id: int, today: dt.date) -> dt.date:
    """The occurrence Today means for a date named only by its id: the next on or after today."""
    row = PersonDate.get_or_none(PersonDate.id == date_id)
    if row is None:
        raise ValidationError("This date is no longer in the journal.")
    return YearlyDate(row.month, row.day, row.year).next_on_or_after(today)


def acknowledge(date_id: int, on: dt.date) -> None:
    """The occurrence on `on` is done (wished, sent a card): its item is gone until next year."""
    with write():
        if not PersonDate.update(acknowledged_on=on).where(PersonDate.id == date_id).execute():
            raise ValidationError("This date is no longer in the journal.")


def person_of(kind: ItemKind, item_id: int) -> int | None:
    """The person a date or a job change belongs to."""
    if kind is ItemKind.DATE:
        row = PersonDate.get_or_none(PersonDate.id == item_id)
    elif kind is ItemKind.RECONNECT:
        row = Job.get_or_none(Job.id == item_id)
    else:
        return None
    return row.person_id if row is not None else None


# --- job changes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reconnect:
    job_id: int
    person_id: int
    person: str
    organisation: str
    role: str
    previous: str
    same_organisation: bool  # a new role where they were
    noticed_on: dt.date
    emails: tuple[str, ...]


def reconnect_title(person: str, organisation: str, role: str, same_organisation: bool) -> str:
    if same_organisation and role:
        return f"{person} is now {role}" + (f" at {organisation}" if organisation else "")
    if organisation and role:
        return f"{person} moved to {organisation} as {role}"
    if organisation:
        return f"{person} moved to {organisation}"
    return f"{person} is now {role}" if role else f"{person} changed jobs"


def reconnects(today: dt.date) -> list[Reconnect]:
    """Noticed job changes not dismissed (jobs.recent_changes), with whether each is a new role
    at the same organisation: one more query, over those people's jobs."""
    changes = jobs.recent_changes(today)
    if not changes:
        return []
    people = sorted({c.person_id for c in changes})
    job_ids = [c.job_id for c in changes]
    current: dict[int, int | None] = {}
    last_ended: dict[int, int | None] = {}
    for job in (
        Job.select(Job.id, Job.person, Job.organisation, Job.ended_on)
        .where(Job.person.in_(people) & (Job.ended_on.is_null(False) | Job.id.in_(job_ids)))
        .order_by(Job.ended_on.is_null(False), Job.ended_on, Job.id)
    ):
        if job.ended_on is None:
            current[job.id] = job.organisation_id
        else:
            last_ended[job.person_id] = job.organisation_id
    out = []
    for c in changes:
        org_id = current.get(c.job_id)
        same = org_id is not None and c.person_id in last_ended and last_ended[c.person_id] == org_id
        out.append(
            Reconnect(
                c.job_id, c.person_id, c.person, c.organisation, c.role, c.previous, same, c.noticed_on, tuple(c.emails)
            )
        )
    return out


def reconnect_item(r: Reconnect) -> AgendaItem:
    return AgendaItem(
        kind=ItemKind.RECONNECT,
        id=r.job_id,
        title=reconnect_title(r.person, r.organisation, r.role, r.same_organisation),
        due=r.noticed_on,
        overdue=False,
        people=(r.person,),
        detail=f"Previously at {r.previous}" if r.previous else "",
        facts=(
            ("person_id", r.person_id),
            ("person", r.person),
            ("organisation", r.organisation),
            ("role", r.role),
            ("previous", r.previous),
            ("same_organisation", r.same_organisation),
            ("noticed_on", r.noticed_on.isoformat()),
        ),
    )


def reconnect_items(today: dt.date) -> list[AgendaItem]:
    return [reconnect_item(r) for r in reconnects(today)]
