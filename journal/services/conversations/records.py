"""Logging a conversation: one atomic operation that may also create people, offers and steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal.clock import SYSTEM_CLOCK, Clock
from journal.errors import ValidationError
from journal.services.agenda.next_steps import create_step
from journal.services.people.records import clean_name, resolve_person
from journal.services.pipeline.introductions import create_offer
from journal.services.transaction import write
from journal.store.models import CHANNELS, Conversation, Participant, Person


@dataclass(frozen=True)
class PersonRef:
    """A participant: an existing person by id, or a name (found or created)."""

    id: int | None = None
    name: str = ""

    @classmethod
    def named(cls, name: str) -> PersonRef:
        return cls(name=name)


@dataclass(frozen=True)
class OfferDraft:
    """'<introducer> offered to introduce me to <target>'.

    The target is a person or just a description ("her sister-in-law, CMO at X"), which
    becomes a placeholder person to fill in later. With no introducer, the first participant.
    """

    target: PersonRef
    introducer: PersonRef | None = None
    notes: str = ""
    target_is_description: bool = False


@dataclass(frozen=True)
class StepDraft:
    text: str
    due: dt.date | None = None
    due_time: dt.time | None = None
    person: PersonRef | None = None


@dataclass(frozen=True)
class LogResult:
    conversation_id: int
    people_created: list[int] = field(default_factory=list)
    introduction_ids: list[int] = field(default_factory=list)
    next_step_ids: list[int] = field(default_factory=list)


def _resolve(ref: PersonRef, clock: Clock, created: list[int], placeholder: bool = False) -> Person:
    if ref.id is not None:
        person = Person.get_or_none(Person.id == ref.id)
        if person is None:
            raise ValidationError(f"There is no person {ref.id}.")
        return person
    if not clean_name(ref.name):
        raise ValidationError("A participant needs a name.")
    person, was_created = resolve_person(ref.name, clock=clock, placeholder=placeholder)
    if was_created:
        created.append(person.id)
    return person


def log_conversation(
    participants: list[PersonRef],
    *,
    when: dt.datetime | None = None,
    channel: str = "other",
    summary: str = "",
    notes: str = "",
    offers: list[OfferDraft] = (),
    next_steps: list[StepDraft] = (),
    clock: Clock = SYSTEM_CLOCK,
    new_people_cadence_days: int | None = None,
) -> LogResult:
    """Create the conversation with everything it implies, or nothing at all.

    `new_people_cadence_days` (the user's default cadence) is given to participants this call
    creates; offered targets you have not met yet get none.
    """
    if not participants:
        raise ValidationError("A conversation needs at least one person.")
    if channel not in CHANNELS:
        raise ValidationError(f"Unknown channel {channel!r}; use one of: {', '.join(CHANNELS)}.")
    when = when or clock.now()
    if when > clock.now() + dt.timedelta(days=1):
        raise ValidationError("A conversation cannot be logged in the future.")
    created: list[int] = []
    with write():
        people: list[Person] = []
        for ref in participants:
            person = _resolve(ref, clock, created)
            if person.id not in {p.id for p in people}:
                people.append(person)
        if new_people_cadence_days and created:
            Person.update(cadence_days=new_people_cadence_days, cadence_set_on=clock.today()).where(
                Person.id.in_(created)
            ).execute()
        conversation = Conversation.create(
            occurred_at=when, channel=channel, summary=summary.strip(), notes=notes.strip(), created_at=clock.now()
        )
        for person in people:
            Participant.create(conversation=conversation, person=person)
        # Logging contact resets each participant's keep-in-touch clock: a snooze no longer applies.
        Person.update(keep_in_touch_snoozed_until=None).where(Person.id.in_([p.id for p in people])).execute()
        intro_ids = []
        for draft in offers:
            introducer = _resolve(draft.introducer, clock, created) if draft.introducer else people[0]
            target = _resolve(draft.target, clock, created, placeholder=draft.target_is_description)
            intro = create_offer(
                introducer,
                target,
                conversation_id=conversation.id,
                notes=draft.notes,
                clock=clock,
                offered_on=when.date(),
            )
            intro_ids.append(intro.id)
        step_ids = []
        for draft in next_steps:
            person = _resolve(draft.person, clock, created) if draft.person else (people[0] if len(people) == 1 else None)
            step = create_step(
                draft.text,
                due=draft.due,
                due_time=draft.due_time,
                person_id=person.id if person else None,
                conversation_id=conversation.id,
                clock=clock,
            )
            step_ids.append(step.id)
    return LogResult(conversation.id, created, intro_ids, step_ids)


def update_conversation(
    conversation_id: int,
    *,
    participant_ids: list[int],
    when: dt.datetime,
    channel: str,
    summary: str,
    notes: str,
    clock: Clock = SYSTEM_CLOCK,
) -> None:
    if not participant_ids:
        raise ValidationError("A conversation needs at least one person.")
    if channel not in CHANNELS:
        raise ValidationError(f"Unknown channel {channel!r}.")
    if when > clock.now() + dt.timedelta(days=1):
        raise ValidationError("A conversation cannot be logged in the future.")
    with write():
        updated = Conversation.update(
            occurred_at=when, channel=channel, summary=summary.strip(), notes=notes.strip()
        ).where(Conversation.id == conversation_id).execute()
        if not updated:
            raise ValidationError(f"There is no conversation {conversation_id}.")
        Participant.delete().where(Participant.conversation == conversation_id).execute()
        for pid in dict.fromkeys(participant_ids):
            Participant.create(conversation=conversation_id, person=pid)


def delete_conversation(conversation_id: int) -> None:
    """Delete a conversation; its offers and next steps stay, unlinked. As an operation it is
    undone like any other: the conversation comes back with its people and links."""
    with write():
        if not Conversation.delete().where(Conversation.id == conversation_id).execute():
            raise ValidationError("This conversation no longer exists; it may have been deleted.")
