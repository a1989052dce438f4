"""People and organisations: find, create, edit, archive, delete, cadence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peewee import JOIN, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.cadence import keep_in_touch_due
from journal.errors import ValidationError
from journal.services.people import jobs
from journal.services.people.naming import clean_name, organisation_named
from journal.services.transaction import write
from journal.store.models import (
    DB,
    ContactDetail,
    Conversation,
    Job,
    Organisation,
    Participant,
    Person,
    PersonTag,
    Tag,
)


def _same_name(name: str) -> list[Person]:
    """People called `name`, ignoring case in every script (SQLite's lower() folds ASCII only)."""
    if name.isascii():
        query = Person.select().where(fn.lower(Person.name) == name.lower())
    else:
        query = Person.select().where(fn.length(Person.name) == len(name))
    folded = name.casefold()
    return [p for p in query.order_by(Person.id) if p.name.casefold() == folded]


def find_by_name(name: str) -> Person | None:
    """The one active person called `name` (else an archived one); raises when it is ambiguous."""
    name = clean_name(name)
    matches = _same_name(name)
    active = [p for p in matches if not p.archived]
    if len(active) > 1:
        raise ValidationError(f"Several people are called {name!r}; pick one in the app or rename one.")
    if active:
        return active[0]
    return matches[0] if matches else None


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
    with write():  # a savepoint when called inside a bigger change
        person = Person.create(
            name=name,
            is_placeholder=placeholder,
            organisation=organisation_named(organisation),
            role=role.strip(),
            created_at=now,
            updated_at=now,
            **fields,
        )
        if person.organisation_id or person.role:
            Job.create(person=person, organisation=person.organisation_id, role=person.role)
    return person


def resolve_person(name: str, *, clock: Clock = SYSTEM_CLOCK, placeholder: bool = False) -> tuple[Person, bool]:
    """(person, created): the person called `name`, or a new one."""
    found = find_by_name(name)
    if found is not None:
        return found, False
    return create_person(name, placeholder=placeholder, clock=clock), True


def last_conversation(person_id: int) -> dt.date | None:
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


def last_contact(person_id: int) -> dt.date | None:
    """The latest contact with the person: a conversation, or an e-mail a scan saw."""
    from journal.store import last_contact as stored

    return stored.last_contacts(DB.obj, [person_id]).get(person_id)


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
    with write():
        changed = Person.update(
            cadence_days=days,
            cadence_set_on=clock.today() if days else None,
            keep_in_touch_snoozed_until=None,
            updated_at=clock.now(),
        ).where(Person.id == person_id).execute()
        if not changed:
            raise ValidationError(f"There is no person {person_id}.")


def snooze_keep_in_touch(person_id: int, until: dt.date, *, clock: Clock = SYSTEM_CLOCK) -> None:
    with write():
        changed = Person.update(keep_in_touch_snoozed_until=until, updated_at=clock.now()).where(
            Person.id == person_id
        ).execute()
        if not changed:
            raise ValidationError(f"There is no person {person_id}.")


def set_tags(person_id: int, names: list[str]) -> None:
    """Replace a person's tags with `names` (new tags are created)."""
    wanted = []
    for raw in names:
        name = clean_name(raw).lstrip("#")
        if name and name.casefold() not in {w.casefold() for w in wanted}:
            wanted.append(name)
    with write():
        PersonTag.delete().where(PersonTag.person == person_id).execute()
        for name in wanted:
            tag = Tag.get_or_none(Tag.name == name) or Tag.create(name=name)
            PersonTag.create(person=person_id, tag=tag)


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
    with write():
        detail = ContactDetail.create(
            person=person_id, kind=kind, label=label.strip(), value=value, normalized=normalize_detail(kind, value)
        )
    return detail


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


# --- editing, archiving, deleting ------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PersonChanges:
    """Everything the detail pane edits; `emails`, `phones` and `tags` replace the old lists."""

    name: str
    is_placeholder: bool = False
    organisation: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str = ""
    website: str = ""
    location: str = ""
    how_met: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    cadence_days: int | None = None
    # A new organisation or role is a job change (the old job kept and ended); False corrects
    # the current job in place (a typo).
    job_change: bool = True
    nickname: str | None = None  # None: leave as it is
    date_reminders: bool | None | object = ...  # ...: leave as it is; None follows Preferences


def validate_changes(changes: PersonChanges) -> None:
    """Raise ValidationError naming the first field a user must fix."""
    if not clean_name(changes.name):
        raise ValidationError("A person needs a name or a description.")
    for email in changes.emails:
        if not _EMAIL.match(email.strip()):
            raise ValidationError(f"{email.strip()!r} is not an e-mail address (like name@example.com).")
    for phone in changes.phones:
        if sum(ch.isdigit() for ch in phone) < 3:
            raise ValidationError(f"{phone.strip()!r} is not a phone number.")
    if changes.cadence_days is not None and changes.cadence_days <= 0:
        raise ValidationError("A keep-in-touch cadence is a positive number of days.")


def _replace_details(person_id: int, kind: str, values: tuple[str, ...]) -> None:
    """Keep the details that stay (and their labels), drop the removed ones, add the new ones."""
    from journal.domain.contact_details import normalize_detail

    wanted: dict[str, str] = {}
    for value in values:
        value = value.strip()
        if value:
            wanted.setdefault(normalize_detail(kind, value), value)
    existing = list(ContactDetail.select().where((ContactDetail.person == person_id) & (ContactDetail.kind == kind)))
    kept = set()
    for detail in existing:
        if detail.normalized in wanted and detail.normalized not in kept:
            kept.add(detail.normalized)
            if detail.value != wanted[detail.normalized]:
                detail.value = wanted[detail.normalized]
                detail.save()
        else:
            detail.delete_instance()
    for normalized, value in wanted.items():
        if normalized not in kept:
            ContactDetail.create(person=person_id, kind=kind, value=value, normalized=normalized)


def update_person(person_id: int, changes: PersonChanges, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """Save the detail pane in one transaction: fields, contact details, tags and cadence."""
    validate_changes(changes)
    with write():
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise ValidationError("This person no longer exists; it may have been deleted.")
        person.name = clean_name(changes.name)
        person.is_placeholder = changes.is_placeholder
        if changes.nickname is not None:
            person.nickname = clean_name(changes.nickname)
        if changes.date_reminders is not ...:
            person.date_reminders = changes.date_reminders
        person.linkedin = changes.linkedin.strip()
        person.website = changes.website.strip()
        person.location = changes.location.strip()
        person.how_met = changes.how_met.strip()
        person.notes = changes.notes.strip()
        if changes.cadence_days != person.cadence_days:
            person.cadence_days = changes.cadence_days
            person.cadence_set_on = clock.today() if changes.cadence_days else None
            person.keep_in_touch_snoozed_until = None
        person.updated_at = clock.now()
        person.save()
        jobs.change_job(person_id, changes.organisation, changes.role, on=clock.today(), as_change=changes.job_change)
        _replace_details(person_id, "email", changes.emails)
        _replace_details(person_id, "phone", changes.phones)
        set_tags(person_id, list(changes.tags))


def add_person(
    name: str, *, organisation: str = "", cadence_days: int | None = None, clock: Clock = SYSTEM_CLOCK
) -> int:
    """Create a person from the People view (one transaction); returns the new id.

    `cadence_days` is the user's default keep-in-touch cadence for new people, if any.
    """
    if cadence_days is not None and cadence_days <= 0:
        raise ValidationError("A keep-in-touch cadence is a positive number of days.")
    with write():
        person = create_person(
            name,
            organisation=organisation,
            cadence_days=cadence_days,
            cadence_set_on=clock.today() if cadence_days else None,
            clock=clock,
        )
    return person.id


def set_archived(person_id: int, archived: bool, *, clock: Clock = SYSTEM_CLOCK) -> None:
    """Archive (hide from lists and reminders, keep everything) or bring a person back."""
    with write():
        updated = (
            Person.update(archived=archived, updated_at=clock.now()).where(Person.id == person_id).execute()
        )
        if not updated:
            raise ValidationError("This person no longer exists; it may have been deleted.")


def delete_person(person_id: int) -> str:
    """Delete a person with their details, tags, participations, offers and steps (one
    transaction; as an operation it is undone like any other). Returns their name."""
    with write():
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise ValidationError("This person no longer exists; it may have been deleted.")
        name = person.name
        person.delete_instance()
    return name
