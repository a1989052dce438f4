"""Acting on a due item, whatever its kind: one path for Today, the calendar, the tray and a
notification, so each verb means the same everywhere.

- Done: a next step is completed; an introduction moves to its next stage (which creates the
  step that stage implies); a keep-in-touch reminder is met ("I was in touch"), moving it one
  cadence on. Logging the conversation instead is the Log dialog's (Today offers both).
- Snooze: hidden until a day; an introduction's open step is what moves.
- Reschedule: a step (or an introduction's step) gets a new due date; a keep-in-touch date can
  only move later than its cadence makes it, and not into the past.
- A date that matters: Done marks that year's occurrence done (gone until next year). It comes
  back every year on its day, so it is neither snoozed nor moved (the views offer neither).
- A job change (reconnect): Done dismisses it; it has no day to snooze or move either.

Each is a plain service function; run it through journal.services.operations to have it undone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import AgendaItem, ItemKind
from journal.errors import ValidationError
from journal.services.agenda import next_steps
from journal.services.transaction import write
from journal.store.models import NextStep, Person


def _people():
    """The people service, loaded by the first verb that needs it (listing Today does not)."""
    from journal.services.people import records

    return records


def _kind(item) -> tuple[ItemKind, int]:
    """(kind, id) of an AgendaItem, a Today item, or a (kind, id) pair."""
    if isinstance(item, tuple):
        kind, item_id = item
        return ItemKind(kind), int(item_id)
    return item.kind, item.id


@dataclass(frozen=True)
class Outcome:
    """What a verb did, for the status line: the new date, or an offer's new stage."""

    kind: ItemKind
    id: int
    until: dt.date | None = None
    stage: str = ""


def _open_intro_steps(intro_id: int):
    return NextStep.select().where((NextStep.introduction == intro_id) & NextStep.done_at.is_null())


YEARLY_KINDS = frozenset({ItemKind.DATE, ItemKind.RECONNECT})


def can_move(item) -> bool:
    """Whether Snooze and Reschedule apply to `item` (not to dates that matter nor job changes)."""
    return _kind(item)[0] not in YEARLY_KINDS


def _refuse_move(kind: ItemKind) -> None:
    if kind is ItemKind.DATE:
        raise ValidationError("A date that matters comes back on its day each year: it cannot be snoozed or moved.")
    if kind is ItemKind.RECONNECT:
        raise ValidationError("A job change has no date to snooze or move: dismiss it instead.")


def mark_done(item, *, clock: Clock = SYSTEM_CLOCK) -> Outcome:
    kind, item_id = _kind(item)
    if kind is ItemKind.DATE:
        from journal.services.agenda import dates

        on = item.due if hasattr(item, "due") else dates.occurrence_of(item_id, clock.today())
        dates.acknowledge(item_id, on)
        return Outcome(kind, item_id, until=on)
    if kind is ItemKind.RECONNECT:
        from journal.services.people import jobs

        jobs.dismiss(item_id)
        return Outcome(kind, item_id)
    if kind is ItemKind.NEXT_STEP:
        next_steps.complete(item_id, clock=clock)
        return Outcome(kind, item_id)
    if kind is ItemKind.INTRODUCTION:
        from journal.services.pipeline import introductions

        stage = introductions.advance(item_id, clock=clock)
        return Outcome(kind, item_id, stage=stage.value)
    return Outcome(kind, item_id, until=mark_contacted(item_id, clock=clock))


def mark_contacted(person_id: int, *, clock: Clock = SYSTEM_CLOCK) -> dt.date:
    """"I was in touch" without logging a conversation: the reminder moves one cadence on."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError(f"There is no person {person_id}.")
    if not person.cadence_days:
        raise ValidationError(f"{person.name} has no keep-in-touch cadence.")
    until = clock.today() + dt.timedelta(days=person.cadence_days)
    _people().snooze_keep_in_touch(person_id, until, clock=clock)
    return until


def snooze_until(item, until: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> Outcome:
    """Hide an item until `until`."""
    kind, item_id = _kind(item)
    _refuse_move(kind)
    if until < clock.today():
        raise ValidationError("Snooze to today or a later day.")
    if kind is ItemKind.NEXT_STEP:
        next_steps.snooze(item_id, until)
    elif kind is ItemKind.INTRODUCTION:
        with write():
            if not NextStep.update(snoozed_until=until).where(NextStep.id.in_(_open_intro_steps(item_id).select(NextStep.id))).execute():
                raise ValidationError("This introduction has no open next step to snooze.")
    else:
        _people().snooze_keep_in_touch(item_id, until, clock=clock)
    return Outcome(kind, item_id, until=until)


def snooze(item, days: int = 1, *, clock: Clock = SYSTEM_CLOCK) -> Outcome:
    """Hide an item until `days` days from today."""
    return snooze_until(item, clock.today() + dt.timedelta(days=days), clock=clock)


def reschedule(item, day: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> Outcome:
    """Move an item to `day` (a step keeps its time of day; keep-in-touch is snoozed to it)."""
    kind, item_id = _kind(item)
    _refuse_move(kind)
    if kind is ItemKind.NEXT_STEP:
        due_time = item.due_time if isinstance(item, AgendaItem) else _step(item_id).due_time
        next_steps.reschedule(item_id, day, due_time)
    elif kind is ItemKind.INTRODUCTION:
        steps = list(_open_intro_steps(item_id))
        if not steps:
            raise ValidationError("This introduction has no open next step to move.")
        with write():
            for step in steps:
                next_steps.reschedule(step.id, day, step.due_time)
    else:
        if day < clock.today():
            raise ValidationError("A keep-in-touch date can only move to today or later.")
        natural = _keep_in_touch_natural_due(item_id)
        if natural is not None and day < natural:
            raise ValidationError(
                f"A keep-in-touch date can move later, not before {natural:%d %B %Y} when the cadence "
                "makes it due; log a conversation or change the cadence instead."
            )
        _people().snooze_keep_in_touch(item_id, day, clock=clock)
    return Outcome(kind, item_id, until=day)


def _keep_in_touch_natural_due(person_id: int) -> dt.date | None:
    from journal.domain.cadence import keep_in_touch_due

    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError(f"There is no person {person_id}.")
    return keep_in_touch_due(person.cadence_days, _people().last_contact(person_id), person.cadence_set_on)


def _step(step_id: int) -> NextStep:
    step = NextStep.get_or_none(NextStep.id == step_id)
    if step is None:
        raise ValidationError(f"There is no next step {step_id}.")
    return step


def step_date(step_id: int) -> dt.date | None:
    """The day a next step shows on in the calendar (its snooze, else its due date)."""
    step = _step(step_id)
    return step.snoozed_until or step.due_date


def open_target(item) -> tuple[str, int]:
    """(kind, id) for MainWindow.open_item: a keep-in-touch date, a date that matters and a job
    change open their person."""
    kind, item_id = _kind(item)
    if kind is ItemKind.KEEP_IN_TOUCH:
        return "person", item_id
    if kind in YEARLY_KINDS:
        from journal.services.agenda import dates

        person_id = getattr(item, "person_id", None)
        if person_id is None and isinstance(item, AgendaItem):
            person_id = item.fact("person_id")
        return "person", person_id if person_id is not None else dates.person_of(kind, item_id)
    return kind.value, item_id
