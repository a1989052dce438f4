"""People and organisations: find, create, edit, archive, delete, cadence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.cadence import keep_in_touch_due
from journal.services import events
from journal.store.errors import ValidationError
from journal.store.models import (
    DB,
    ContactDetail,
    Conversation,
    Organisation,
    Participant,
    Person,
    PersonTag,
    Tag,
)


def clean_name(name: str) -> str:
    return " ".join((name or "").split())


def organisation_named(name: str) -> Organisation | None:
    """The organisation called `name` (case-insensitive), created if new; None for blank."""
    name = clean_name(name)
    if not name:
        return None
    org = Organisation.get_or_none(Organisation.name == name)
    return org or Organisation.create(name=name)


def find_by_name(name: str) -> Person | None:
    """The one active person called `name`; raises when the name is ambiguous."""
    name = clean_name(name)
    matches = list(
        Person.select()
        .where((fn.lower(Person.name) == name.lower()) & (Person.archived == False))  # noqa: E712
        .limit(2)
    )
    if len(matches) > 1:
        raise ValidationError(f"Several people are called {name!r}; pick one in the app or rename one.")
    if matches:
        return matches[0]
    return Person.get_or_none(fn.lower(Person.name) == name.lower())


def create_person(
    name: str,
    *,
    placeholder: bool = False,
    organisation: str = "",
    role: str = "",
    clock: Clock = SYSTEM_CLOCK,
    **fields,
) -> Person:
    name = clean_name(name)
    if not name:
        raise ValidationError("A person needs a name or a description.")
    now = clock.now()
    person = Person.create(
        name=name,
        is_placeholder=placeholder,
        organisation=organisation_named(organisation),
        role=role.strip(),
        created_at=now,
        updated_at=now,
        **fields,
    )
    return person


def resolve_person(name: str, *, clock: Clock = SYSTEM_CLOCK, placeholder: bool = False) -> tuple[Person, bool]:
    """(person, created): the person called `name`, or a new one."""
    found = find_by_name(name)
    if found is not None:
        return found, False
    return create_person(name, placeholder=placeholder, clock=clock), True


def last_contact(person_id: int) -> dt.date | None:
    value = (
        Conversation.select(fn.MAX(Conversation.occurred_at))
        .join(Participant)
        .where(Participant.person == person_id)
        .scalar()
    )
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.date()


def next_contact_due(person: Person) -> dt.date | None:
    return keep_in_touch_due(
        person.cadence_days,
        last_contact(person.id),
        person.cadence_set_on,
        person.keep_in_touch_snoozed_until,
    )


def set_cadence(person_id: int, days: int | None, *, clock: Clock = SYSTEM_CLOCK) -> None:
    if days is not None and days <= 0:
        raise ValidationError("A keep-in-touch cadence is a positive number of days.")
    with DB.atomic():
        Person.update(
            cadence_days=days,
            cadence_set_on=clock.today() if days else None,
            keep_in_touch_snoozed_until=None,
            updated_at=clock.now(),
        ).where(Person.id == person_id).execute()
    events.emit("people")


def snooze_keep_in_touch(person_id: int, until: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> None:
    with DB.atomic():
        Person.update(keep_in_touch_snoozed_until=until, updated_at=clock.now()).where(
            Person.id == person_id
        ).execute()
    events.emit("people")


def set_tags(person_id: int, names: list[str]) -> None:
    """Replace a person's tags with `names` (new tags are created)."""
    wanted = []
    for raw in names:
        name = clean_name(raw).lstrip("#")
        if name and name.casefold() not in {w.casefold() for w in wanted}:
            wanted.append(name)
    with DB.atomic():
        PersonTag.delete().where(PersonTag.person == person_id).execute()
        for name in wanted:
            tag = Tag.get_or_none(Tag.name == name) or Tag.create(name=name)
            PersonTag.create(person=person_id, tag=tag)
    events.emit("people")


def tags_of(person_id: int) -> list[str]:
    query = Tag.select(Tag.name).join(PersonTag).where(PersonTag.person == person_id).order_by(Tag.name)
    return [t.name for t in query]


def add_detail(person_id: int, kind: str, value: str, label: str = "") -> ContactDetail:
    from journal.domain.contact_details import normalize_detail

    if kind not in ContactDetail.KINDS:
        raise ValidationError(f"Unknown contact detail kind {kind!r}.")
    value = value.strip()
    if not value:
        raise ValidationError("A contact detail needs a value.")
    return ContactDetail.create(
        person=person_id, kind=kind, label=label.strip(), value=value, normalized=normalize_detail(kind, value)
    )


@dataclass(frozen=True)
class PersonSummary:
    id: int
    name: str
    organisation: str
    role: str
    is_placeholder: bool
    archived: bool


def list_people(include_archived: bool = False) -> list[PersonSummary]:
    query = (
        Person.select(Person, Organisation.name.alias("org_name"))
        .join(Organisation, JOIN.LEFT_OUTER)
        .order_by(fn.lower(Person.name))
    )
    if not include_archived:
        query = query.where(Person.archived == False)  # noqa: E712
    return [
        PersonSummary(p.id, p.name, p.org_name or "", p.role, p.is_placeholder, p.archived)
        for p in query.objects()
    ]
