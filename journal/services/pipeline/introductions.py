"""Offered introductions and their pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.pipeline import Stage, TransitionError, check_transition, implied_step, next_forward
from journal.errors import ValidationError
from journal.services.transaction import write
from journal.store.models import DB, Introduction, NextStep, Person

STAGE_DATE_FIELD = {
    Stage.OFFERED: "offered_on",
    Stage.ASKED: "asked_on",
    Stage.INTRODUCED: "introduced_on",
    Stage.MET: "met_on",
    Stage.THANKED: "thanked_on",
    Stage.DECLINED: "closed_on",
    Stage.LAPSED: "closed_on",
}


def _create_implied_step(intro: Introduction, stage: Stage, on: dt.date, now: dt.datetime) -> NextStep | None:
    step = implied_step(stage, intro.introducer.name, intro.target.name, on)
    if step is None:
        return None
    # The step is about whoever you act towards: the target once introduced, else the introducer.
    person = intro.target if stage is Stage.INTRODUCED else intro.introducer
    return NextStep.create(
        text=step.text,
        due_date=step.due,
        person=person,
        conversation=intro.conversation,
        introduction=intro,
        created_at=now,
    )


def create_offer(
    introducer: Person,
    target: Person,
    *,
    conversation_id: int | None = None,
    notes: str = "",
    clock: Clock = SYSTEM_CLOCK,
    offered_on: dt.date | None = None,
) -> Introduction:
    """Record that `introducer` offered to connect you with `target` (call inside a transaction)."""
    if introducer.id == target.id:
        raise ValidationError(f"{introducer.name} cannot be introduced to themselves.")
    on = offered_on or clock.today()
    intro = Introduction.create(
        introducer=introducer,
        target=target,
        conversation=conversation_id,
        stage=Stage.OFFERED.value,
        offered_on=on,
        stage_changed_on=on,
        notes=notes.strip(),
        created_at=clock.now(),
    )
    _create_implied_step(intro, Stage.OFFERED, on, clock.now())
    return intro


def offer(
    introducer_id: int, target_id: int, *, notes: str = "", clock: Clock = SYSTEM_CLOCK
) -> int:
    with write():
        introducer = Person.get_or_none(Person.id == introducer_id)
        target = Person.get_or_none(Person.id == target_id)
        if introducer is None or target is None:
            raise ValidationError("That person is no longer in the journal.")
        intro = create_offer(introducer, target, notes=notes, clock=clock)
    return intro.id


def advance(intro_id: int, target: Stage | None = None, *, clock: Clock = SYSTEM_CLOCK, on: dt.date | None = None) -> Stage:
    """Move an introduction to `target` (default: the next stage forward).

    Records the stage's date, completes the open steps of the stage it leaves and creates the
    next step the new stage implies, all in one transaction.
    """
    with write():
        intro = Introduction.get_or_none(Introduction.id == intro_id)
        if intro is None:
            raise ValidationError(f"There is no introduction {intro_id}.")
        current = Stage(intro.stage)
        if target is not None:
            try:
                target = Stage(target)
            except ValueError:
                raise ValidationError(f"There is no stage {target!r}.") from None
        if target is None:
            target = next_forward(current)
            if target is None:
                raise ValidationError("This introduction is already at the end of its pipeline.")
        try:
            check_transition(current, target)
        except TransitionError as exc:
            raise ValidationError(str(exc)) from exc
        day = on or clock.today()
        now = clock.now()
        if target is Stage.OFFERED:
            # Reopening a declined or lapsed offer: the day it was first offered stays.
            intro.closed_on = None
        else:
            setattr(intro, STAGE_DATE_FIELD[target], day)
        intro.stage = target.value
        intro.stage_changed_on = day
        intro.save()
        NextStep.update(done_at=now).where(
            (NextStep.introduction == intro.id) & NextStep.done_at.is_null()
        ).execute()
        _create_implied_step(intro, target, day, now)
    return target


@dataclass(frozen=True, slots=True)
class IntroductionCard:
    id: int
    introducer_id: int
    introducer: str
    target_id: int
    target: str
    stage: Stage
    stage_changed_on: dt.date
    next_step_id: int | None
    next_step: str
    next_step_due: dt.date | None
    notes: str

    def days_in_stage(self, today: dt.date) -> int:
        return (today - self.stage_changed_on).days

    def stalled(self, today: dt.date) -> bool:
        from journal.domain.pipeline import is_stalled

        return is_stalled(self.stage, self.next_step_due, today)


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def cards(stages: list[Stage] | None = None, *, with_notes: bool = True) -> list[IntroductionCard]:
    """Every introduction (optionally only some stages) with its open next step; 2 queries.
    Without `with_notes`, each card's notes are "" (the board reads them with `notes_of` when a
    card's tooltip shows: a big journal's 25,000 notes were 3 MB held, 2 MB more to sort).

    Raw rows read one by one: Today and the pipeline ask for thousands of cards at start-up,
    and a model instance per introduction and per step was most of their cost.
    """
    where, params = "", []
    if stages:
        where = f" WHERE i.stage IN ({', '.join('?' * len(stages))})"
        params = [s.value for s in stages]
    steps: dict[int, tuple] = {}
    # The earliest-due open step of each; steps without a date come last.
    for intro_id, step_id, text, effective in DB.execute_sql(
        "SELECT s.introduction_id, s.id, s.text, coalesce(s.snoozed_until, s.due_date) AS effective "
        "FROM next_step s JOIN introduction i ON i.id = s.introduction_id "
        f"{where.replace(' WHERE ', ' WHERE s.done_at IS NULL AND ') if where else ' WHERE s.done_at IS NULL'} "
        "ORDER BY effective IS NULL, effective, s.id",
        params,
    ):
        if intro_id not in steps:
            steps[intro_id] = (step_id, text, _day(effective))
    # Read row by row, each person's name and each day made once: a big journal's 25,000 cards
    # held 14.5 MiB (20 MiB at the peak) as fetched rows with a string and a date per card.
    names: dict[str, str] = {}
    days: dict = {}
    stages = {stage.value: stage for stage in Stage}

    def day(value):
        found = days.get(value)
        if found is None:
            found = days[value] = _day(value)
        return found

    notes_column = "i.notes" if with_notes else "''"
    result = []
    for intro_id, introducer_id, introducer, target_id, target, stage, changed_on, notes in DB.execute_sql(
        "SELECT i.id, i.introducer_id, a.name, i.target_id, b.name, i.stage, i.stage_changed_on, "
        f"{notes_column} "
        "FROM introduction i JOIN person a ON a.id = i.introducer_id JOIN person b ON b.id = i.target_id"
        f"{where} ORDER BY i.stage_changed_on, i.id",
        params,
    ):
        step = steps.get(intro_id)
        result.append(
            IntroductionCard(
                id=intro_id,
                introducer_id=introducer_id,
                introducer=names.setdefault(introducer, introducer),
                target_id=target_id,
                target=names.setdefault(target, target),
                stage=stages[stage],
                stage_changed_on=day(changed_on),
                next_step_id=step[0] if step else None,
                next_step=step[1] if step else "",
                next_step_due=step[2] if step else None,
                notes=notes,
            )
        )
    return result


def notes_of(intro_id: int) -> str:
    """One introduction's notes ("" when it has none or is gone)."""
    row = DB.execute_sql("SELECT notes FROM introduction WHERE id = ?", [intro_id]).fetchone()
    return (row[0] or "") if row else ""
