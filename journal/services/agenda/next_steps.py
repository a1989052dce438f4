"""Next steps: add, complete, reopen, snooze, reschedule."""

from __future__ import annotations

import datetime as dt

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.services.transaction import write
from journal.store.models import NextStep


def create_step(
    text: str,
    *,
    due: dt.date | None = None,
    due_time: dt.time | None = None,
    person_id: int | None = None,
    conversation_id: int | None = None,
    introduction_id: int | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> NextStep:
    """Create a step (call inside a transaction; `add` wraps it in one)."""
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError("A next step needs some text.")
    if due_time is not None and due is None:
        raise ValidationError("A next step with a time needs a date too.")
    return NextStep.create(
        text=text,
        due_date=due,
        due_time=due_time,
        person=person_id,
        conversation=conversation_id,
        introduction=introduction_id,
        created_at=clock.now(),
    )


def add(text: str, *, clock: Clock = SYSTEM_CLOCK, **links) -> int:
    with write():
        step = create_step(text, clock=clock, **links)
    return step.id


def _get(step_id: int) -> NextStep:
    step = NextStep.get_or_none(NextStep.id == step_id)
    if step is None:
        raise ValidationError(f"There is no next step {step_id}.")
    return step


def complete(step_id: int, *, clock: Clock = SYSTEM_CLOCK) -> None:
    with write():
        step = _get(step_id)
        step.done_at = clock.now()
        step.save()


def reopen(step_id: int) -> None:
    with write():
        step = _get(step_id)
        step.done_at = None
        step.save()


def snooze(step_id: int, until: dt.date) -> None:
    """Hide a step until `until`; its own due date is kept."""
    with write():
        step = _get(step_id)
        step.snoozed_until = until
        step.save()


def reschedule(step_id: int, due: dt.date, due_time: dt.time | None = None) -> None:
    """Give a step a new due date (a snooze on it is cleared)."""
    with write():
        step = _get(step_id)
        step.due_date = due
        step.due_time = due_time
        step.snoozed_until = None
        step.save()


def edit_text(step_id: int, text: str) -> None:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError("A next step needs some text.")
    with write():
        if not NextStep.update(text=text).where(NextStep.id == step_id).execute():
            raise ValidationError(f"There is no next step {step_id}.")


def delete(step_id: int) -> None:
    with write():
        NextStep.delete().where(NextStep.id == step_id).execute()
