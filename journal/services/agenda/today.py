"""The Today view's list: what needs you now, grouped, with what each action needs.

The same open steps and keep-in-touch dates as agenda(days=0) (overdue plus today), read with
what the list's actions need, and the introductions whose next step is due; then the dates that
matter from today to a few days ahead (until marked done), the job changes to reconnect on, and
what contact seen in mail and calendars suggests (a meeting to log, an introduction that moved on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from typing import TYPE_CHECKING

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import KIND_ORDER, ItemKind, is_overdue
from journal.domain.cadence import keep_in_touch_due
from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.services.agenda import dates
from journal.services.agenda.items import open_steps_among
from journal.services.scan import suggestions as scan_suggestions
from journal.services.scan.suggestions import Suggestion
from journal.store.models import DB

if TYPE_CHECKING:  # what logging and moving on need is loaded when one is done, not to list Today
    from journal.services.conversations.records import LogResult, PersonRef


class Group(StrEnum):
    STEPS = "steps"
    INTRODUCTIONS = "introductions"
    KEEP_IN_TOUCH = "keep_in_touch"
    DATES = "dates"
    RECONNECT = "reconnect"
    SUGGESTIONS = "suggestions"


class Suggested(StrEnum):
    """The kinds of a suggestion in Today. Not agenda kinds: nothing is due, nothing moves; each
    is logged (a meeting), acted on (a stage) or dismissed for good."""

    MEETING = scan_suggestions.MEETING
    STAGE = scan_suggestions.STAGE


@dataclass(frozen=True)
class TodayItem:
    kind: ItemKind | Suggested
    id: int  # the step, the introduction or the person (a suggestion's first person)
    title: str
    due: dt.date
    overdue: bool
    people: tuple[str, ...] = ()
    person_id: int | None = None
    conversation_id: int | None = None
    step_id: int | None = None  # an introduction's open step (what a snooze moves)
    stage: Stage | None = None
    days_waiting: int | None = None
    cadence_days: int | None = None
    detail: str = ""
    due_time: dt.time | None = None  # a timed step's time (its place in the list)
    # A date that matters: its kind ("birthday" ...), custom label and years on the day.
    date_kind: str = ""
    label: str = ""
    years: int | None = None
    # A job change: where to and as what, where from, whether a new role at the same place.
    organisation: str = ""
    role: str = ""
    previous: str = ""
    same_organisation: bool = False
    emails: tuple[str, ...] = ()
    # A suggestion: its key (what identifies it, as ints do the other kinds) and what it says.
    key: str = ""
    suggestion: Suggestion | None = None

    @property
    def ident(self) -> int | str:
        """What tells this item from the others of its kind: a suggestion's key, else the id."""
        return self.key or self.id

    @property
    def group(self) -> Group:
        return {
            ItemKind.NEXT_STEP: Group.STEPS,
            ItemKind.INTRODUCTION: Group.INTRODUCTIONS,
            ItemKind.KEEP_IN_TOUCH: Group.KEEP_IN_TOUCH,
            ItemKind.DATE: Group.DATES,
            ItemKind.RECONNECT: Group.RECONNECT,
            Suggested.MEETING: Group.SUGGESTIONS,
            Suggested.STAGE: Group.SUGGESTIONS,
        }[self.kind]

    @property
    def person(self) -> str:
        return self.people[0] if self.people else ""


_DEFAULTS = {f.name: f.default for f in fields(TodayItem) if f.default is not MISSING}
_new = object.__new__


def _item(kind, id, title, due, overdue, people=(), **values) -> TodayItem:
    """A TodayItem, as TodayItem(...) makes it, without the frozen class's __init__ (one
    object.__setattr__ per field, 25 of them): a big journal's Today builds thousands of these."""
    item = _new(TodayItem)
    attributes = item.__dict__
    attributes.update(_DEFAULTS, kind=kind, id=id, title=title, due=due, overdue=overdue, people=people)
    if values:
        unknown = values.keys() - _DEFAULTS.keys()
        if unknown:
            raise TypeError(f"TodayItem has no field {sorted(unknown)[0]!r}")
        attributes.update(values)
    return item


def _listed(kind, id, title, due, overdue, people, person_id, conversation_id=None, due_time=None, cadence_days=None) -> TodayItem:
    """_item for the thousands of steps and keep-in-touch rows: only the fields they carry."""
    item = _new(TodayItem)
    attributes = item.__dict__
    attributes.update(_DEFAULTS)
    attributes["kind"], attributes["id"], attributes["title"], attributes["due"] = kind, id, title, due
    attributes["overdue"], attributes["people"], attributes["person_id"] = overdue, people, person_id
    attributes["conversation_id"], attributes["due_time"], attributes["cadence_days"] = conversation_id, due_time, cadence_days
    return item


_OPEN_STAGES = tuple(s.value for s in Stage if not s.is_closed)

# Every open step due by today (snoozes applied) over the open steps' index by due day, with its
# person and, when it belongs to an open introduction, that introduction and its two people: the
# steps and the introductions waiting on you in one pass over those steps (~1,400 in the big
# journal). The same rows as agenda.items.open_steps(None, today), read here into Today's items
# directly instead of into agenda items first.
_DUE_STEPS = (
    "SELECT s.id, s.text, s.due_time, s.snoozed_until, p.name, coalesce(s.snoozed_until, s.due_date), "
    "s.person_id, s.conversation_id, i.id, i.stage, i.stage_changed_on, i.introducer_id, a.name, b.name "
    "FROM next_step s INDEXED BY next_step_open_due "
    "LEFT JOIN person p ON p.id = s.person_id "
    f"LEFT JOIN introduction i ON i.id = s.introduction_id AND i.stage IN ({', '.join('?' * len(_OPEN_STAGES))}) "
    "LEFT JOIN person a ON a.id = i.introducer_id LEFT JOIN person b ON b.id = i.target_id "
    "WHERE s.done_at IS NULL AND s.due_date IS NOT NULL AND coalesce(s.snoozed_until, s.due_date) <= ?"
)


def _due_steps(now: dt.datetime) -> tuple[list[TodayItem], list[TodayItem]]:
    """(plain steps, introductions): the open steps due by today, an open introduction's shown
    once as the introduction by its earliest due step (a step of a closed one stays a step)."""
    today = now.date()
    rows = DB.execute_sql(_DUE_STEPS, [*_OPEN_STAGES, today.isoformat()]).fetchall()
    steps: list[TodayItem] = []
    earliest: dict[int, tuple] = {}  # introduction -> (its earliest due step's day and id, the row)
    next_step, overdue_at = ItemKind.NEXT_STEP, is_overdue
    for row in rows:
        (step_id, text, due_time, snoozed_until, person_name, effective, person_id, conversation_id,
         intro_id, _stage, _changed, _introducer_id, introducer_name, target_name) = row
        due = _as_date(effective)
        if intro_id is not None and introducer_name is not None and target_name is not None:
            key = (due, step_id)
            if intro_id not in earliest or key < earliest[intro_id][0]:
                earliest[intro_id] = (key, row)
            continue
        timed = _as_time(due_time) if snoozed_until is None else None
        steps.append(_listed(
            next_step, step_id, text, due, overdue_at(due, timed, now), (person_name,) if person_name else (),
            person_id, conversation_id=conversation_id, due_time=timed,
        ))
    introductions = []
    for (due, step_id), row in sorted(earliest.values(), key=lambda entry: entry[0]):
        text, intro_id, stage, stage_changed_on, introducer_id, introducer_name, target_name = row[1], *row[8:]
        introductions.append(_item(
            ItemKind.INTRODUCTION,
            intro_id,
            f"{introducer_name} → {target_name}",
            due,
            due < today,
            (introducer_name, target_name),
            person_id=introducer_id,
            step_id=step_id,
            stage=Stage(stage),
            days_waiting=(today - _as_date(stage_changed_on)).days,
            detail=text,
        ))
    return steps, introductions


def _keep_in_touch_due(today: dt.date) -> list[TodayItem]:
    """The people due for contact by today, as agenda.items.keep_in_touch_entries(None, today)
    gives them, read into Today's items directly (thousands of them in a big journal)."""
    from journal.store import last_contact

    items = []
    kind, due_on = ItemKind.KEEP_IN_TOUCH, keep_in_touch_due
    for person_id, name, cadence_days, cadence_set_on, snoozed_until, last in last_contact.keep_in_touch_rows(DB.obj, None, today):
        due = due_on(cadence_days, last, cadence_set_on, snoozed_until)
        if due is None or due > today:
            continue
        items.append(_listed(kind, person_id, f"Keep in touch with {name}", due, due < today, (name,), person_id, cadence_days=cadence_days))
    return items


_KEEP_ORDER = KIND_ORDER[ItemKind.KEEP_IN_TOUCH]


def _keep_sort_key(item: TodayItem) -> tuple:
    """sort_key of the keep-in-touch agenda item (untimed, of its kind)."""
    return (item.due, dt.time.max, _KEEP_ORDER, item.title.casefold())


def _as_time(value) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value))


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def today_items(*, clock: Clock = SYSTEM_CLOCK, date_days: int = dates.DEFAULT_TODAY_DAYS) -> dict[Group, list[TodayItem]]:
    """Overdue and due-today steps, introductions whose next step is due, keep-in-touch due,
    the dates that matter from today to `date_days` ahead not yet done, and job changes.

    Few reads in all (the due steps with their introductions, keep-in-touch people, dates by
    month and day, noticed jobs, and the suggestions' small tables): a big journal's Today list
    holds thousands of rows, and it is the first thing the window shows.
    """
    now = clock.now()
    today = now.date()
    # An introduction's steps show once, as the introduction (with its stage), not as steps.
    steps, introductions = _due_steps(now)
    steps.sort(key=step_sort_key)
    keep = _keep_in_touch_due(today)
    keep.sort(key=_keep_sort_key)
    return {
        Group.STEPS: steps,
        Group.INTRODUCTIONS: introductions,
        Group.KEEP_IN_TOUCH: keep,
        Group.DATES: [date_item(o) for o in dates.upcoming(today, date_days)],
        Group.RECONNECT: [reconnect_item(r) for r in dates.reconnects(today)],
        Group.SUGGESTIONS: today_suggestions(clock=clock),
    }


def today_suggestions(*, clock: Clock = SYSTEM_CLOCK) -> list[TodayItem]:
    """The suggestions group alone, newest first: what the list reads again after a suggestion
    is dismissed, logged or scanned, without reading the rest. Reads only the scan's tables
    (the meetings of the last weeks, the stage hints, the decisions) and their people."""
    return [suggestion_item(s) for s in scan_suggestions.suggestions(clock=clock)]


def suggestion_item(s: Suggestion) -> TodayItem:
    stage = Stage(s.stage) if s.stage else None
    return _item(
        Suggested(s.kind), s.person_ids[0] if s.person_ids else 0, s.title, s.date, False, s.people,
        person_id=s.person_ids[0] if s.person_ids else None, stage=stage, detail=s.summary,
        key=s.key, suggestion=s,
    )


def log_suggested_meeting(key: str, participants: list[PersonRef], *, clock: Clock = SYSTEM_CLOCK, **log) -> LogResult:
    """Log the conversation a meeting suggested and mark the suggestion logged: one operation,
    so one undo takes both back. `log` is log_conversation's (when, channel, summary, ...)."""
    if not key.startswith(f"{scan_suggestions.MEETING}:"):
        raise ValidationError(f"{key!r} is not a meeting's suggestion.")
    from journal.services.conversations.records import log_conversation

    result = log_conversation(participants, clock=clock, **log)
    scan_suggestions.mark_logged(key, clock=clock)
    return result


def accept_stage(key: str, introduction_id: int, stage: Stage | str, *, clock: Clock = SYSTEM_CLOCK) -> Stage:
    """Move the introduction to the stage a message suggested and mark the suggestion logged,
    as one operation (the move records the stage's date and the step it implies)."""
    if not key.startswith(f"{scan_suggestions.STAGE}:"):
        raise ValidationError(f"{key!r} is not an introduction's suggestion.")
    from journal.services.pipeline import introductions

    moved = introductions.advance(introduction_id, Stage(stage), clock=clock)
    scan_suggestions.mark_logged(key, clock=clock)
    return moved


def date_item(o: dates.Occurrence) -> TodayItem:
    return _item(
        ItemKind.DATE, o.date_id, dates.date_title(o.person, o.kind, o.label, o.years), o.on, False, (o.person,),
        person_id=o.person_id, date_kind=o.kind, label=o.label, years=o.years,
    )


def reconnect_item(r: dates.Reconnect) -> TodayItem:
    return _item(
        ItemKind.RECONNECT, r.job_id, dates.reconnect_title(r.person, r.organisation, r.role, r.same_organisation),
        r.noticed_on, False, (r.person,), person_id=r.person_id,
        organisation=r.organisation, role=r.role, previous=r.previous, same_organisation=r.same_organisation,
        emails=r.emails,
    )


def _step_item(step) -> TodayItem:
    item = step.item
    return _listed(
        ItemKind.NEXT_STEP, item.id, item.title, item.due, item.overdue, item.people,
        step.person_id, conversation_id=step.conversation_id, due_time=item.due_time,
    )


def step_sort_key(item: TodayItem) -> tuple:
    """Where a step sits among Today's steps (the order today_items gives them)."""
    return (item.due, item.due_time or dt.time.max, 1, item.title.casefold())


def today_steps(step_ids, *, clock: Clock = SYSTEM_CLOCK) -> list[TodayItem]:
    """The Today items of those of `step_ids` that are open and due by today, in one query: what
    the list patches in after a change to a few steps (not an introduction's) instead of reading
    everything again."""
    now = clock.now()
    return sorted((_step_item(s) for s in open_steps_among(step_ids, now.date(), now)), key=step_sort_key)
