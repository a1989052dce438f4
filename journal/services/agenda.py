"""What is due: open next steps, keep-in-touch dates and stalled introductions."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import AgendaItem, ItemKind, in_window, is_overdue, sort_key
from journal.domain.cadence import keep_in_touch_due
from journal.domain.pipeline import Stage, is_stalled
from journal.store.errors import ValidationError
from journal.store.models import DB, Introduction, NextStep, Person

OPEN_STAGES = [s.value for s in Stage if not s.is_closed]


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.datetime.fromisoformat(str(value)).date()


def _next_steps(start: dt.date | None, end: dt.date, now: dt.datetime) -> list[AgendaItem]:
    due = fn.COALESCE(NextStep.snoozed_until, NextStep.due_date)
    query = (
        NextStep.select(
            NextStep.id, NextStep.text, NextStep.due_time, NextStep.snoozed_until, Person.name, due.alias("effective")
        )
        .join(Person, JOIN.LEFT_OUTER, on=(NextStep.person == Person.id))
        .where(NextStep.done_at.is_null() & NextStep.due_date.is_null(False) & (due <= end))
    )
    if start is not None:
        query = query.where(due >= start)
    items = []
    # Plain tuples: a big calendar month holds thousands of steps, and building a model
    # instance per row cost most of a month switch.
    for step_id, text, due_time, snoozed_until, person_name, effective in query.tuples():
        effective = _as_date(effective)
        timed = due_time if snoozed_until is None else None
        items.append(
            AgendaItem(
                kind=ItemKind.NEXT_STEP,
                id=step_id,
                title=text,
                due=effective,
                overdue=is_overdue(effective, timed, now),
                people=(person_name,) if person_name else (),
                due_time=timed,
            )
        )
    return items


def last_contacts(person_ids: list[int] | None = None) -> dict[int, dt.date]:
    """person id -> date of the latest conversation with them, in one query (of a table that
    triggers keep, see journal.store.last_contact)."""
    from journal.store import last_contact

    return last_contact.last_contacts(DB.obj, person_ids)


def keep_in_touch_items(start: dt.date | None, end: dt.date, today: dt.date) -> list[AgendaItem]:
    from journal.store import last_contact

    items = []
    for person_id, name, cadence_days, cadence_set_on, snoozed_until, last in last_contact.keep_in_touch_rows(DB.obj, start, end):
        due = keep_in_touch_due(cadence_days, last, cadence_set_on, snoozed_until)
        if due is None or due > end or (start is not None and due < start):
            continue
        items.append(
            AgendaItem(
                kind=ItemKind.KEEP_IN_TOUCH,
                id=person_id,
                title=f"Keep in touch with {name}",
                due=due,
                overdue=due < today,
                people=(name,),
            )
        )
    return items


def _stalled_introductions(today: dt.date) -> list[AgendaItem]:
    from journal.services.introductions import cards

    items = []
    for card in cards([Stage(s) for s in OPEN_STAGES]):
        if not is_stalled(card.stage, card.next_step_due, today):
            continue
        days = card.days_in_stage(today)
        items.append(
            AgendaItem(
                kind=ItemKind.INTRODUCTION,
                id=card.id,
                title=f"Stalled: {card.introducer} → {card.target} ({card.stage.value} {days} days ago)",
                due=card.next_step_due,
                overdue=True,
                people=(card.introducer, card.target),
                detail=card.next_step,
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
    return sorted((i for i in items if in_window(i.due, today, days)), key=sort_key)


def due_between(start: dt.date, end: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> list[AgendaItem]:
    """Next steps and keep-in-touch dates falling due from `start` to `end` inclusive (calendar)."""
    now = clock.now()
    items = _next_steps(start, end, now) + keep_in_touch_items(start, end, now.date())
    return sorted(items, key=sort_key)
