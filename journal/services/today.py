"""The Today view's list: what needs you now, grouped, with what each action needs.

Built on agenda(days=0) (overdue plus today) and the introduction cards; the agenda's contract
is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.agenda import ItemKind
from journal.domain.pipeline import Stage, next_forward
from journal.services import events, people
from journal.services.agenda import agenda
from journal.services.introductions import cards
from journal.store.errors import ValidationError
from journal.store.models import DB, NextStep, Person


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
            return f"Mark {target.value}" if target else "Done"
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


def today_items(*, clock: Clock = SYSTEM_CLOCK) -> dict[Group, list[TodayItem]]:
    """Overdue and due-today steps, introductions whose next step is due, keep-in-touch due."""
    today = clock.today()
    due = agenda(0, clock=clock)
    open_stages = [s for s in Stage if not s.is_closed]
    intro_cards = [c for c in cards(open_stages) if c.next_step_due is not None and c.next_step_due <= today]
    # An introduction's own step shows once, as the introduction (with its stage), not as a step.
    intro_step_ids = {c.next_step_id for c in intro_cards}
    links = _step_links([i.id for i in due if i.kind is ItemKind.NEXT_STEP and i.id not in intro_step_ids])
    cadences = _cadences([i.id for i in due if i.kind is ItemKind.KEEP_IN_TOUCH])

    groups: dict[Group, list[TodayItem]] = {g: [] for g in Group}
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
    for card in sorted(intro_cards, key=lambda c: (c.next_step_due, c.id)):
        groups[Group.INTRODUCTIONS].append(
            TodayItem(
                ItemKind.INTRODUCTION,
                card.id,
                f"{card.introducer} → {card.target}",
                card.next_step_due,
                card.next_step_due < today,
                (card.introducer, card.target),
                person_id=card.introducer_id,
                step_id=card.next_step_id,
                stage=card.stage,
                days_waiting=card.days_in_stage(today),
                detail=card.next_step,
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
