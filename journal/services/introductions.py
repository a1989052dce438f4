"""Offered introductions and their pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.pipeline import Stage, TransitionError, check_transition, implied_step, next_forward
from journal.services import events
from journal.store.errors import ValidationError
from journal.services.transaction import write
from journal.store.models import Introduction, NextStep, Person

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
    events.emit("introductions")
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
    events.emit("introductions")
    return target


@dataclass(frozen=True)
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


def cards(stages: list[Stage] | None = None) -> list[IntroductionCard]:
    """Every introduction (optionally only some stages) with its open next step; 3 queries."""
    Introducer = Person.alias()
    Target = Person.alias()
    query = (
        Introduction.select(Introduction, Introducer.name.alias("introducer_name"), Target.name.alias("target_name"))
        .join(Introducer, on=(Introduction.introducer == Introducer.id))
        .switch(Introduction)
        .join(Target, on=(Introduction.target == Target.id))
        .order_by(Introduction.stage_changed_on, Introduction.id)
    )
    if stages:
        query = query.where(Introduction.stage.in_([s.value for s in stages]))
    rows = list(query.objects())
    steps: dict[int, NextStep] = {}
    if rows:
        effective = fn.COALESCE(NextStep.snoozed_until, NextStep.due_date)
        # The earliest-due open step; steps without a date come last.
        open_steps = (
            NextStep.select()
            .where(NextStep.introduction.in_([r.id for r in rows]) & NextStep.done_at.is_null())
            .order_by(effective.is_null(), effective, NextStep.id)
        )
        for step in open_steps:
            steps.setdefault(step.introduction_id, step)
    result = []
    for r in rows:
        step = steps.get(r.id)
        result.append(
            IntroductionCard(
                id=r.id,
                introducer_id=r.introducer_id,
                introducer=r.introducer_name,
                target_id=r.target_id,
                target=r.target_name,
                stage=Stage(r.stage),
                stage_changed_on=r.stage_changed_on,
                next_step_id=step.id if step else None,
                next_step=step.text if step else "",
                next_step_due=step.effective_due if step else None,
                notes=r.notes,
            )
        )
    return result
