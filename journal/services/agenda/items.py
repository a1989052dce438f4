"""What is due: open next steps, keep-in-touch dates, stalled introductions, and (in the agenda
and the calendar) dates that matter and job changes to reconnect on."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import AgendaItem, ItemKind, in_window, is_overdue, sort_key
from journal.domain.cadence import keep_in_touch_due
from journal.domain.pipeline import Stage, is_stalled
from journal.errors import ValidationError
from journal.services.agenda import dates
from journal.store.models import DB

OPEN_STAGES = [s.value for s in Stage if not s.is_closed]


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.datetime.fromisoformat(str(value)).date()


_OPEN_STEPS = (
    "SELECT s.id, s.text, s.due_time, s.snoozed_until, p.name, coalesce(s.snoozed_until, s.due_date), "
    "s.person_id, s.conversation_id "
    "FROM next_step s{hint} LEFT JOIN person p ON p.id = s.person_id "
    "WHERE s.done_at IS NULL AND s.due_date IS NOT NULL"
)


def _as_time(value) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class OpenStep:
    """An open next step as the agenda reads it, with what the Today list also needs."""

    item: AgendaItem
    person_id: int | None
    conversation_id: int | None


def open_steps(start: dt.date | None, end: dt.date, now: dt.datetime) -> list[OpenStep]:
    """Open next steps falling due (snoozes applied) from `start` (None: any time before) to `end`."""
    # One raw query read with fetchall: a big calendar month holds thousands of open steps, and
    # building a model (or peewee row) per step cost most of a month switch.
    # Named, as SQLite's planner (without ANALYZE figures) prefers the done_at index: for one
    # calendar day that reads every open step (2.5 ms) instead of that day's (0.05 ms).
    sql = _OPEN_STEPS.format(hint=" INDEXED BY next_step_open_due") + " AND coalesce(s.snoozed_until, s.due_date) <= ?"
    params = [end.isoformat()]
    if start is not None:
        sql += " AND coalesce(s.snoozed_until, s.due_date) >= ?"
        params.append(start.isoformat())
    return _steps(DB.execute_sql(sql, params).fetchall(), now)


def open_steps_among(ids, end: dt.date, now: dt.datetime) -> list[OpenStep]:
    """Those of the steps `ids` that are open and fall due by `end` (snoozes applied)."""
    ids = [int(i) for i in ids]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    sql = _OPEN_STEPS.format(hint="") + f" AND coalesce(s.snoozed_until, s.due_date) <= ? AND s.id IN ({marks})"
    return _steps(DB.execute_sql(sql, [end.isoformat(), *ids]).fetchall(), now)


def _steps(rows, now: dt.datetime) -> list[OpenStep]:
    # Thousands of overdue steps share a few hundred days and times: each is parsed once.
    days: dict = {}
    times: dict = {}
    today = now.date()
    steps = []
    for step_id, text, due_time, snoozed_until, person_name, effective, person_id, conversation_id in rows:
        due = days.get(effective)
        if due is None:
            due = days[effective] = _as_date(effective)
        timed = None
        if snoozed_until is None and due_time is not None:
            timed = times.get(due_time)
            if timed is None:
                timed = times[due_time] = _as_time(due_time)
        item = AgendaItem(
            kind=ItemKind.NEXT_STEP,
            id=step_id,
            title=text,
            due=due,
            overdue=due < today if timed is None else is_overdue(due, timed, now),
            people=(person_name,) if person_name else (),
            due_time=timed,
        )
        steps.append(OpenStep(item, person_id, conversation_id))
    return steps


def _next_steps(start: dt.date | None, end: dt.date, now: dt.datetime) -> list[AgendaItem]:
    return [step.item for step in open_steps(start, end, now)]


def last_contacts(person_ids: list[int] | None = None) -> dict[int, dt.date]:
    """person id -> date of the latest conversation with them, in one query (of a table that
    triggers keep, see journal.store.last_contact)."""
    from journal.store import last_contact

    return last_contact.last_contacts(DB.obj, person_ids)


@dataclass(frozen=True, slots=True)
class KeepInTouch:
    item: AgendaItem
    cadence_days: int


def keep_in_touch_entries(start: dt.date | None, end: dt.date, today: dt.date) -> list[KeepInTouch]:
    """People whose keep-in-touch date falls from `start` (None: any time before) to `end`."""
    from journal.store import last_contact

    due_people = []
    for person_id, name, cadence_days, cadence_set_on, snoozed_until, last in last_contact.keep_in_touch_rows(DB.obj, start, end):
        due = keep_in_touch_due(cadence_days, last, cadence_set_on, snoozed_until)
        if due is None or due > end or (start is not None and due < start):
            continue
        item = AgendaItem(
            kind=ItemKind.KEEP_IN_TOUCH,
            id=person_id,
            title=f"Keep in touch with {name}",
            due=due,
            overdue=due < today,
            people=(name,),
        )
        due_people.append(KeepInTouch(item, cadence_days))
    return due_people


def keep_in_touch_items(start: dt.date | None, end: dt.date, today: dt.date) -> list[AgendaItem]:
    return [entry.item for entry in keep_in_touch_entries(start, end, today)]


# The stalled introductions themselves, not every open card: an open introduction is stalled when
# its earliest-due open step (snoozes applied) is overdue, so it is the earliest of its open steps
# due before today, found over the open-steps index. Reading every open card (17,800 of them in a
# journal of 100,000 people, each with its open step) cost 420 ms of a 870 ms agenda to keep 400.
_STALLED = (
    "SELECT i.id, a.name, b.name, i.stage, i.stage_changed_on, s.text, s.effective "
    "FROM (SELECT introduction_id, text, coalesce(snoozed_until, due_date) AS effective, "
    "row_number() OVER (PARTITION BY introduction_id ORDER BY coalesce(snoozed_until, due_date), id) AS n "
    "FROM next_step INDEXED BY next_step_open_due "
    "WHERE done_at IS NULL AND coalesce(snoozed_until, due_date) < ? AND introduction_id IS NOT NULL) s "
    "JOIN introduction i ON i.id = s.introduction_id "
    "JOIN person a ON a.id = i.introducer_id JOIN person b ON b.id = i.target_id "
    "WHERE s.n = 1 AND i.stage IN ({stages}) ORDER BY i.stage_changed_on, i.id"
)


def _stalled_introductions(today: dt.date) -> list[AgendaItem]:
    sql = _STALLED.format(stages=", ".join("?" * len(OPEN_STAGES)))
    items = []
    for intro_id, introducer, target, stage, changed_on, step_text, effective in DB.execute_sql(
        sql, [today.isoformat(), *OPEN_STAGES]
    ).fetchall():
        due = _as_date(effective)
        if not is_stalled(Stage(stage), due, today):  # the rule itself, should the text compare differ
            continue
        days = (today - _as_date(changed_on)).days
        items.append(
            AgendaItem(
                kind=ItemKind.INTRODUCTION,
                id=intro_id,
                title=f"Stalled: {introducer} → {target} ({stage} {days} days ago)",
                due=due,
                overdue=True,
                people=(introducer, target),
                detail=step_text,
            )
        )
    return items


def agenda(days: int = 7, *, clock: Clock = SYSTEM_CLOCK) -> list[AgendaItem]:
    """Everything overdue plus everything due in the next `days` days (today included)."""
    if days < 0:
        raise ValidationError("The agenda covers zero or more days.")
    now = clock.now()
    today = now.date()
    end = today + dt.timedelta(days=days)
    items = _next_steps(None, end, now) + keep_in_touch_items(None, end, today) + _stalled_introductions(today)
    items += dates.date_items(today, end) + dates.reconnect_items(today)
    return sorted((i for i in items if in_window(i.due, today, days)), key=sort_key)


def due_between(
    start: dt.date,
    end: dt.date,
    *,
    clock: Clock = SYSTEM_CLOCK,
    keep_in_touch: list[KeepInTouch] | None = None,
    with_dates: bool = False,
) -> list[AgendaItem]:
    """Next steps and keep-in-touch dates falling due from `start` to `end` inclusive (calendar).

    `keep_in_touch` (from all_keep_in_touch) spares re-reading every cadence for each range.
    `with_dates` adds the dates that matter on those days (those marked done too, flagged by
    their "done" fact): the calendar's, for a range of days, never "everything before today"."""
    now = clock.now()
    items = _next_steps(start, end, now) + [e.item for e in _keep_in_touch_in(start, end, now.date(), keep_in_touch)]
    if with_dates:
        items += dates.date_items(start, end, include_done=True)
    return sorted(items, key=sort_key)


def date_counts(start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """day -> how many dates that matter fall on it (the month grid's yearly marks)."""
    return dates.counts(start, end)


class KeepInTouchDates(list):
    """Every keep-in-touch date (KeepInTouch entries) sorted by due date, so that a range of days
    is found by bisection: a month switch of a journal of 100,000 people with cadences reads the
    month's few entries instead of walking every one."""

    def __init__(self, entries) -> None:
        super().__init__(sorted(entries, key=lambda e: e.item.due))
        self._dues = [e.item.due for e in self]
        per_day: dict[dt.date, tuple[int, int]] = {}
        for e in self:
            n, late = per_day.get(e.item.due, (0, 0))
            per_day[e.item.due] = (n + 1, late + e.item.overdue)
        self._days = list(per_day)  # in order, as the entries are
        self._per_day = list(per_day.values())

    def between(self, start: dt.date, end: dt.date) -> list[KeepInTouch]:
        """The entries due from `start` to `end` (both included), in due order."""
        return self[bisect.bisect_left(self._dues, start) : bisect.bisect_right(self._dues, end)]

    def counts_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, int, int]]:
        """(day, entries due, of which overdue) for each day from `start` to `end` with any: a
        month of thousands of keep-in-touch dates is counted by day once, not entry by entry."""
        lo, hi = bisect.bisect_left(self._days, start), bisect.bisect_right(self._days, end)
        return [(day, n, late) for day, (n, late) in zip(self._days[lo:hi], self._per_day[lo:hi], strict=True)]


def all_keep_in_touch(*, clock: Clock = SYSTEM_CLOCK) -> KeepInTouchDates:
    """Every keep-in-touch date, once, for a view that asks about many ranges (the calendar);
    good until the journal or the day changes."""
    today = clock.today()
    return KeepInTouchDates(keep_in_touch_entries(None, dt.date.max - dt.timedelta(days=1), today))


def _keep_in_touch_in(start, end, today, known: list[KeepInTouch] | None) -> list[KeepInTouch]:
    if known is None:
        return keep_in_touch_entries(start, end, today)
    if isinstance(known, KeepInTouchDates):
        return known.between(start, end)
    return [e for e in known if start <= e.item.due <= end]


_DUE_COUNTS = (
    "SELECT coalesce(snoozed_until, due_date) AS day, count(*), "
    "sum(CASE WHEN coalesce(snoozed_until, due_date) < :today THEN 1 "
    "WHEN coalesce(snoozed_until, due_date) = :today AND snoozed_until IS NULL AND due_time IS NOT NULL "
    "AND due_time < :now THEN 1 ELSE 0 END) "
    "FROM next_step WHERE done_at IS NULL AND due_date IS NOT NULL "
    "AND coalesce(snoozed_until, due_date) BETWEEN :start AND :end GROUP BY day"
)


def due_counts(
    start: dt.date, end: dt.date, *, clock: Clock = SYSTEM_CLOCK, keep_in_touch: list[KeepInTouch] | None = None
) -> dict[dt.date, tuple[int, int]]:
    """day -> (items due, of which overdue) from `start` to `end`: what due_between would list,
    counted. The month grid shows only counts, so a month of thousands of open steps is counted
    by SQLite over the open-steps index instead of read row by row."""
    now = clock.now()
    today = now.date()
    # Dates are stored as ISO text and times as HH:MM:SS[.ffffff], so text order is time order
    # (the same rule as domain.agenda.is_overdue).
    params = {"today": today.isoformat(), "now": now.time().isoformat(), "start": start.isoformat(), "end": end.isoformat()}
    counts: dict[dt.date, tuple[int, int]] = {}
    for day, total, overdue in DB.execute_sql(_DUE_COUNTS, params).fetchall():
        counts[_as_date(day)] = (total, overdue or 0)
    if isinstance(keep_in_touch, KeepInTouchDates):
        for day, n, late in keep_in_touch.counts_between(start, end):
            total, overdue = counts.get(day, (0, 0))
            counts[day] = (total + n, overdue + late)
        return counts
    for entry in _keep_in_touch_in(start, end, today, keep_in_touch):
        total, overdue = counts.get(entry.item.due, (0, 0))
        counts[entry.item.due] = (total + 1, overdue + entry.item.overdue)
    return counts


def open_item(key: str, *, clock: Clock = SYSTEM_CLOCK) -> AgendaItem | None:
    """The open step or keep-in-touch date a key ("next_step:12") names, as the agenda shows it;
    None when it is done, gone or not dated."""
    kind, _, raw = key.partition(":")
    if not raw.isdigit():
        return None
    now = clock.now()
    if kind == ItemKind.NEXT_STEP.value:
        steps = _steps(DB.execute_sql(_OPEN_STEPS.format(hint="") + " AND s.id = ?", [int(raw)]).fetchall(), now)
        return steps[0].item if steps else None
    if kind == ItemKind.KEEP_IN_TOUCH.value:
        return next((e.item for e in all_keep_in_touch(clock=clock) if e.item.id == int(raw)), None)
    return None

