"""The Today view's list: what needs you now, grouped, with what each action needs.

Built on agenda(days=0) (overdue plus today) and the introduction cards; the agenda's contract
is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from peewee import fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage, next_forward
from journal.services import events, people
from journal.services.agenda import agenda
from journal.store.errors import ValidationError
from journal.store.models import DB, Introduction, NextStep, Person


class Group(StrEnum):
    STEPS = "steps"
    INTRODUCTIONS = "introductions"
    KEEP_IN_TOUCH = "keep_in_touch"

    @property
    def title(self) -> str:
        return {
            Group.STEPS: "Next steps due",
            Group.INTRODUCTIONS: "Introductions waiting on you",
            Group.KEEP_IN_TOUCH: "Keep in touch",
        }[self]


@dataclass(frozen=True)
class TodayItem:
    kind: ItemKind
    id: int  # the step, the introduction or the person
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

    @property
    def group(self) -> Group:
        return {
            ItemKind.NEXT_STEP: Group.STEPS,
            ItemKind.INTRODUCTION: Group.INTRODUCTIONS,
            ItemKind.KEEP_IN_TOUCH: Group.KEEP_IN_TOUCH,
        }[self.kind]

    @property
    def done_label(self) -> str:
        if self.kind is ItemKind.INTRODUCTION and self.stage is not None:
            target = next_forward(self.stage)
            return f"Advance to {target.label}" if target else "Done"  # as the Introductions view says
        if self.kind is ItemKind.KEEP_IN_TOUCH:
            return "Contacted"
        return "Done"


def _step_links(step_ids: list[int]) -> dict[int, tuple[int | None, int | None]]:
    """step id -> (person id, conversation id), in one query."""
    if not step_ids:
        return {}
    query = NextStep.select(NextStep.id, NextStep.person, NextStep.conversation).where(NextStep.id.in_(step_ids))
    return {row.id: (row.person_id, row.conversation_id) for row in query}


def _cadences(person_ids: list[int]) -> dict[int, int]:
    if not person_ids:
        return {}
    return dict(Person.select(Person.id, Person.cadence_days).where(Person.id.in_(person_ids)).tuples())


def _introductions_due(today: dt.date) -> tuple[list[TodayItem], set[int]]:
    """Open introductions with a step due by `today` (one item each, its earliest such step), and
    the ids of all those steps. One query over the due steps only, not over every offer."""
    introducer, target = Person.alias(), Person.alias()
    effective = fn.COALESCE(NextStep.snoozed_until, NextStep.due_date)
    rows = (
        NextStep.select(
            NextStep.id.alias("step_id"),
            NextStep.text,
            effective.alias("effective"),
            Introduction.id.alias("intro_id"),
            Introduction.stage,
            Introduction.stage_changed_on,
            Introduction.introducer.alias("introducer_id"),
            introducer.name.alias("introducer_name"),
            target.name.alias("target_name"),
        )
        .join(Introduction, on=(NextStep.introduction == Introduction.id))
        .join(introducer, on=(Introduction.introducer == introducer.id))
        .switch(Introduction)
        .join(target, on=(Introduction.target == target.id))
        .where(
            NextStep.done_at.is_null()
            & NextStep.due_date.is_null(False)
            & (effective <= today)
            & Introduction.stage.in_([s.value for s in Stage if not s.is_closed])
        )
        .order_by(effective, NextStep.id)
        .dicts()
    )
    items: dict[int, TodayItem] = {}
    step_ids: set[int] = set()
    for row in rows:
        step_ids.add(row["step_id"])
        if row["intro_id"] in items:
            continue
        due = _as_date(row["effective"])
        changed = _as_date(row["stage_changed_on"])
        items[row["intro_id"]] = TodayItem(
            ItemKind.INTRODUCTION,
            row["intro_id"],
            f"{row['introducer_name']} → {row['target_name']}",
            due,
            due < today,
            (row["introducer_name"], row["target_name"]),
            person_id=row["introducer_id"],
            step_id=row["step_id"],
            stage=Stage(row["stage"]),
            days_waiting=(today - changed).days,
            detail=row["text"],
        )
    return list(items.values()), step_ids


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def today_items(*, clock: Clock = SYSTEM_CLOCK) -> dict[Group, list[TodayItem]]:
    """Overdue and due-today steps, introductions whose next step is due, keep-in-touch due."""
    today = clock.today()
    due = agenda(0, clock=clock)
    # An introduction's steps show once, as the introduction (with its stage), not as steps.
    introductions, intro_step_ids = _introductions_due(today)
    links = _step_links([i.id for i in due if i.kind is ItemKind.NEXT_STEP and i.id not in intro_step_ids])
    cadences = _cadences([i.id for i in due if i.kind is ItemKind.KEEP_IN_TOUCH])

    groups: dict[Group, list[TodayItem]] = {g: [] for g in Group}
    groups[Group.INTRODUCTIONS] = introductions
    for item in due:
        if item.kind is ItemKind.NEXT_STEP and item.id in links:
            person_id, conversation_id = links[item.id]
            groups[Group.STEPS].append(
                TodayItem(
                    ItemKind.NEXT_STEP,
                    item.id,
                    item.title,
                    item.due,
                    item.overdue,
                    item.people,
                    person_id=person_id,
                    conversation_id=conversation_id,
                )
            )
        elif item.kind is ItemKind.KEEP_IN_TOUCH:
            groups[Group.KEEP_IN_TOUCH].append(
                TodayItem(
                    ItemKind.KEEP_IN_TOUCH,
                    item.id,
                    item.title,
                    item.due,
                    item.overdue,
                    item.people,
                    person_id=item.id,
                    cadence_days=cadences.get(item.id),
                )
            )
    return groups


def mark_contacted(person_id: int, *, clock: Clock = SYSTEM_CLOCK) -> dt.date:
    """"I was in touch" without logging a conversation: the reminder moves one cadence on."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError(f"There is no person {person_id}.")
    if not person.cadence_days:
        raise ValidationError(f"{person.name} has no keep-in-touch cadence.")
    until = clock.today() + dt.timedelta(days=person.cadence_days)
    people.snooze_keep_in_touch(person_id, until, clock=clock)
    return until


def snooze_introduction(intro_id: int, until: dt.date) -> None:
    """Move an introduction's open next step to `until`."""
    with DB.atomic():
        updated = (
            NextStep.update(snoozed_until=until)
            .where((NextStep.introduction == intro_id) & NextStep.done_at.is_null())
            .execute()
        )
        if not updated:
            raise ValidationError("This introduction has no open next step to snooze.")
    events.emit("introductions")
