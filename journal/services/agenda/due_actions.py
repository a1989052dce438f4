"""Acting on a due item (a next step or a keep-in-touch date) by its kind and id.

The calendar and the tray offer the same verbs on every due item; this maps each verb to the
service that owns the item, so a widget never needs to know which table an item lives in.
"""

from __future__ import annotations

import datetime as dt

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import AgendaItem, ItemKind
from journal.services.agenda import next_steps
from journal.services.people import records as people
from journal.services.conversations.records import PersonRef, log_conversation
from journal.errors import ValidationError

KEPT_IN_TOUCH_SUMMARY = "Kept in touch"


def _kind(item: AgendaItem | tuple[str, int]) -> tuple[ItemKind, int]:
    if isinstance(item, AgendaItem):
        return item.kind, item.id
    kind, item_id = item
    return ItemKind(kind), int(item_id)


def mark_done(item, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """A next step is completed; a keep-in-touch date is met by logging a contact today."""
    kind, item_id = _kind(item)
    if kind is ItemKind.NEXT_STEP:
        next_steps.complete(item_id, clock=clock)
    elif kind is ItemKind.KEEP_IN_TOUCH:
        log_conversation([PersonRef(id=item_id)], summary=KEPT_IN_TOUCH_SUMMARY, clock=clock)
    else:
        raise ValidationError("An introduction moves on by advancing it, not by marking it done.")


def reschedule(item, day: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """Move an item to `day` (a step keeps its time of day; keep-in-touch is snoozed to it)."""
    kind, item_id = _kind(item)
    if kind is ItemKind.NEXT_STEP:
        due_time = item.due_time if isinstance(item, AgendaItem) else None
        next_steps.reschedule(item_id, day, due_time)
    elif kind is ItemKind.KEEP_IN_TOUCH:
        if day < clock.today():
            raise ValidationError("A keep-in-touch date can only move to today or later.")
        natural = _keep_in_touch_natural_due(item_id)
        if natural is not None and day < natural:
            raise ValidationError(
                f"A keep-in-touch date can move later, not before {natural:%d %B %Y} when the cadence "
                "makes it due; log a conversation or change the cadence instead."
            )
        people.snooze_keep_in_touch(item_id, day, clock=clock)
    else:
        raise ValidationError("An introduction's date follows its next step; reschedule the step instead.")


def _keep_in_touch_natural_due(person_id: int) -> dt.date | None:
    from journal.domain.cadence import keep_in_touch_due
    from journal.store.models import Person

    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError(f"There is no person {person_id}.")
    return keep_in_touch_due(person.cadence_days, people.last_contact(person_id), person.cadence_set_on)


def snooze(item, days: int = 1, *, clock: Clock = SYSTEM_CLOCK) -> dt.date:
    """Hide an item until `days` days from today; returns the new date."""
    kind, item_id = _kind(item)
    until = clock.today() + dt.timedelta(days=days)
    if kind is ItemKind.NEXT_STEP:
        next_steps.snooze(item_id, until)
    elif kind is ItemKind.KEEP_IN_TOUCH:
        people.snooze_keep_in_touch(item_id, until, clock=clock)
    else:
        raise ValidationError("Snooze the introduction's next step instead.")
    return until


def step_date(step_id: int) -> dt.date | None:
    """The day a next step shows on in the calendar (its snooze, else its due date)."""
    from journal.store.models import NextStep

    step = NextStep.get_or_none(NextStep.id == step_id)
    if step is None:
        raise ValidationError(f"There is no next step {step_id}.")
    return step.snoozed_until or step.due_date


def open_target(item) -> tuple[str, int]:
    """(kind, id) for MainWindow.open_item: a keep-in-touch date opens its person."""
    kind, item_id = _kind(item)
    if kind is ItemKind.KEEP_IN_TOUCH:
        return "person", item_id
    return kind.value, item_id
