"""Careers: the jobs a person holds and held, and the job changes that are a reason to reconnect.

A person's current jobs have no `ended_on`; Person.organisation and Person.role mirror the
first of them, so lists, search and exports that read one organisation stay as they were.
A change of organisation, or of role at the same organisation, ends the old job (kept, never
overwritten) and starts a new one noticed on that day, which Today offers until dismissed.
Organisations are compared as dedupe folds them ("Acme, Inc." is "ACME"), roles folded too, so
a re-import that only spells them differently changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from journal.errors import ValidationError
from journal.interop.dedupe import fold, org_key
from journal.services.people.naming import clean_name, organisation_named
from journal.services.transaction import write
from journal.store.models import Job, Organisation, Person

# How long a noticed job change stays in Today unless dismissed.
RECONNECT_DAYS = 60


def is_change(old_organisation: str, old_role: str, new_organisation: str, new_role: str) -> bool:
    """True when (new organisation, new role) is another job than the old one.

    A blank new value is not news (the file just does not say), and a first job (nothing known
    before) is not a change. Same organisation once folded with a new role is a change."""
    new_org, new_role = clean_name(new_organisation), clean_name(new_role)
    old_org, old_role = clean_name(old_organisation), clean_name(old_role)
    if not new_org and not new_role:
        return False
    if not old_org and not old_role:
        return False
    if new_org and old_org and org_key(new_org) != org_key(old_org):
        return True
    if new_org and not old_org:
        return True
    same_org = not new_org or org_key(new_org) == org_key(old_org)
    return same_org and bool(new_role) and bool(old_role) and fold(new_role) != fold(old_role)


def import_is_change(old_organisation: str, old_role: str, new_organisation: str, new_role: str) -> bool:
    """Whether a contact file's organisation and role for someone already known is a job change.

    As is_change, except that the file must say an organisation where one is known (a file
    without one does not say they left), and a first organisation for someone known only by a
    role is filled in, not a move. Values are taken as already cleaned (single spaces)."""
    if bool(new_organisation) != bool(old_organisation):
        return False
    if not new_organisation:  # neither has an organisation: only the role can change
        return bool(new_role) and bool(old_role) and fold(new_role) != fold(old_role)
    if org_key(new_organisation) != org_key(old_organisation):
        return True
    return bool(new_role) and bool(old_role) and fold(new_role) != fold(old_role)


@dataclass(frozen=True)
class JobRow:
    id: int
    organisation: str
    role: str
    started_on: dt.date | None
    ended_on: dt.date | None
    noticed_on: dt.date | None

    @property
    def current(self) -> bool:
        return self.ended_on is None


def jobs_of(person_id: int) -> list[JobRow]:
    """Current jobs first, then former ones, most recent first."""
    rows = (
        Job.select(Job, Organisation.name)
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Job.person == person_id)
        .order_by(Job.ended_on.is_null(False), Job.ended_on.desc(), Job.id.desc())
        .objects()
    )
    return [
        JobRow(j.id, getattr(j, "name", None) or "", j.role, j.started_on, j.ended_on, j.noticed_on) for j in rows
    ]


def _mirror(person: Person) -> None:
    """Person.organisation and role from their first current job (none: blank)."""
    first = Job.select().where((Job.person == person.id) & Job.ended_on.is_null()).order_by(Job.id).first()
    person.organisation = first.organisation_id if first else None
    person.role = first.role if first else ""


def record_change(
    person_id: int, organisation: str, role: str, *, on: dt.date, started_on: dt.date | None = None
) -> Job:
    """End the person's current jobs on `on` and start the new one, noticed on `on`."""
    with write():
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise ValidationError("This person no longer exists; it may have been deleted.")
        current = Job.select().where((Job.person == person_id) & Job.ended_on.is_null())
        organisation = clean_name(organisation)
        if not organisation:  # a new role where they are: the organisation stays
            first = current.order_by(Job.id).first()
            org = first.organisation if first else None
        else:
            org = organisation_named(organisation)
        Job.update(ended_on=started_on or on).where((Job.person == person_id) & Job.ended_on.is_null()).execute()
        job = Job.create(person=person_id, organisation=org, role=clean_name(role), started_on=started_on, noticed_on=on)
        person.organisation = org
        person.role = job.role
        person.save(only=[Person.organisation, Person.role])
    return job


def set_current(person_id: int, organisation: str, role: str) -> None:
    """Correct the current job in place (a typo, a first job): no change is recorded."""
    with write():
        person = Person.get_by_id(person_id)
        org = organisation_named(organisation)
        role = clean_name(role)
        first = Job.select().where((Job.person == person_id) & Job.ended_on.is_null()).order_by(Job.id).first()
        if first is None:
            if org is not None or role:
                Job.create(person=person_id, organisation=org, role=role)
        else:
            first.organisation, first.role = org, role
            first.save()
        _mirror(person)
        person.save(only=[Person.organisation, Person.role])


def change_job(person_id: int, organisation: str, role: str, *, on: dt.date, as_change: bool = True) -> bool:
    """What the person pane does with an edited organisation or role: a job change when
    `as_change` and it is one (see is_change), else a correction. True when a change was recorded."""
    with write():
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise ValidationError("This person no longer exists; it may have been deleted.")
        old_org = person.organisation.name if person.organisation_id else ""
        if as_change and is_change(old_org, person.role, organisation, role):
            record_change(person_id, organisation or old_org, role, on=on)
            return True
        if clean_name(organisation) != old_org or clean_name(role) != person.role:
            set_current(person_id, organisation, role)
    return False


def add_job(
    person_id: int, organisation: str, role: str, started_on: dt.date | None, ended_on: dt.date | None
) -> int:
    """A job typed into the career list (past or present); no change is noticed."""
    if started_on and ended_on and ended_on < started_on:
        raise ValidationError("A job cannot end before it starts.")
    if not clean_name(organisation) and not clean_name(role):
        raise ValidationError("A job needs an organisation or a role.")
    with write():
        person = Person.get_by_id(person_id)
        job = Job.create(
            person=person_id, organisation=organisation_named(organisation), role=clean_name(role),
            started_on=started_on, ended_on=ended_on,
        )
        _mirror(person)
        person.save(only=[Person.organisation, Person.role])
    return job.id


def edit_job(
    job_id: int, organisation: str, role: str, started_on: dt.date | None, ended_on: dt.date | None
) -> None:
    if started_on and ended_on and ended_on < started_on:
        raise ValidationError("A job cannot end before it starts.")
    with write():
        job = Job.get_or_none(Job.id == job_id)
        if job is None:
            raise ValidationError("This job is no longer in the journal.")
        job.organisation = organisation_named(organisation)
        job.role, job.started_on, job.ended_on = clean_name(role), started_on, ended_on
        job.save()
        person = Person.get_by_id(job.person_id)
        _mirror(person)
        person.save(only=[Person.organisation, Person.role])


def delete_job(job_id: int) -> None:
    with write():
        job = Job.get_or_none(Job.id == job_id)
        if job is None:
            return
        person = Person.get_by_id(job.person_id)
        job.delete_instance()
        _mirror(person)
        person.save(only=[Person.organisation, Person.role])


def dismiss(job_id: int) -> None:
    """The job change has been acted on or is not interesting: Today stops offering it."""
    with write():
        if not Job.update(dismissed=True).where(Job.id == job_id).execute():
            raise ValidationError("This job change is no longer in the journal.")


@dataclass(frozen=True)
class JobChange:
    """A noticed move: `person` took `role` at `organisation` (from `previous`)."""

    job_id: int
    person_id: int
    person: str
    organisation: str
    role: str
    previous: str  # the organisation they left, "" where it was the same or unknown
    noticed_on: dt.date
    emails: tuple[str, ...]


def recent_changes(today: dt.date, *, days: int = RECONNECT_DAYS) -> list[JobChange]:
    """Noticed job changes of active people from the last `days`, not dismissed, newest first."""
    from journal.store.models import ContactDetail

    since = today - dt.timedelta(days=days)
    rows = list(
        Job.select(Job, Person.name.alias("person_name"), Organisation.name.alias("org_name"))
        .join(Person, on=(Job.person == Person.id))
        .switch(Job)
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(
            Job.noticed_on.between(since, today) & ~Job.dismissed & Job.ended_on.is_null() & ~Person.archived
        )
        .order_by(Job.noticed_on.desc(), Job.id.desc())
        .objects()
    )
    if not rows:
        return []
    people = [r.person_id for r in rows]
    previous: dict[int, str] = {}
    for job in (
        Job.select(Job.person, Job.ended_on, Organisation.name.alias("org_name"))
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Job.person.in_(people) & Job.ended_on.is_null(False))
        .order_by(Job.ended_on, Job.id)
        .objects()
    ):
        previous[job.person_id] = getattr(job, "org_name", None) or ""
    emails: dict[int, list[str]] = {}
    for detail in ContactDetail.select().where(ContactDetail.person.in_(people) & (ContactDetail.kind == "email")):
        emails.setdefault(detail.person_id, []).append(detail.value)
    out = []
    for r in rows:
        org = getattr(r, "org_name", None) or ""
        before = previous.get(r.person_id, "")
        out.append(
            JobChange(
                r.id, r.person_id, r.person_name, org, r.role,
                before if before and org_key(before) != org_key(org) else "",
                r.noticed_on, tuple(emails.get(r.person_id, ())),
            )
        )
    return out


@dataclass(frozen=True)
class Colleague:
    """Someone who works or worked at an organisation."""

    person_id: int
    name: str
    role: str
    current: bool
    started_on: dt.date | None
    ended_on: dt.date | None


def people_at(organisation_id: int) -> list[Colleague]:
    """Who I know at an organisation: current people first, then former ones, by name."""
    rows = (
        Job.select(Job, Person.name.alias("person_name"))
        .join(Person, on=(Job.person == Person.id))
        .where((Job.organisation == organisation_id) & ~Person.archived)
        .objects()
    )
    best: dict[int, Colleague] = {}
    for r in rows:
        entry = Colleague(r.person_id, r.person_name, r.role, r.ended_on is None, r.started_on, r.ended_on)
        held = best.get(r.person_id)
        if held is None or (entry.current and not held.current) or (
            entry.current == held.current and (entry.ended_on or dt.date.max) > (held.ended_on or dt.date.max)
        ):
            best[r.person_id] = entry
    # People whose organisation was set without a job row (older code paths) are current too.
    for person in Person.select(Person.id, Person.name, Person.role).where(
        (Person.organisation == organisation_id) & ~Person.archived & Person.id.not_in(list(best) or [0])
    ):
        best[person.id] = Colleague(person.id, person.name, person.role, True, None, None)
    return sorted(best.values(), key=lambda c: (not c.current, c.name.casefold()))
