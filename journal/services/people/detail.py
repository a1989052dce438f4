"""One person in full, for the detail pane: their fields and a timeline of what happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from journal.clock import SYSTEM_CLOCK, Clock
from journal.domain.cadence import keep_in_touch_due
from journal.errors import ValidationError
from journal.services.people.jobs import JobRow
from journal.services.people.records import last_contact, last_conversation, tags_of
from journal.services.scan.suggestions import next_meeting
from journal.store import last_contact as stored_last_contact
from journal.store.models import (
    DB,
    ContactDetail,
    Conversation,
    Introduction,
    Job,
    NextStep,
    Organisation,
    Participant,
    Person,
)


@dataclass(frozen=True)
class PersonDetail:
    id: int
    name: str
    is_placeholder: bool
    organisation: str
    role: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    linkedin: str
    website: str
    location: str
    how_met: str
    notes: str
    tags: tuple[str, ...]
    cadence_days: int | None
    last_contact: dt.date | None
    next_due: dt.date | None
    archived: bool
    nickname: str = ""
    date_reminders: bool | None = None  # None: as Preferences say
    former_organisations: tuple[str, ...] = ()  # where they worked before, most recent first
    # Contact seen elsewhere (schema 6): `last_contact` is the later of the last conversation
    # and the last e-mail; `next_meeting` is (start, title) of the next meeting in a calendar.
    last_conversation: dt.date | None = None
    last_emailed: dt.datetime | None = None
    last_emailed_direction: str = ""  # "sent" | "received"
    next_meeting: tuple[dt.datetime, str] | None = None


def get_person(person_id: int, *, clock: Clock = SYSTEM_CLOCK) -> PersonDetail:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError("This person no longer exists; it may have been deleted.")
    org = Organisation.get_or_none(Organisation.id == person.organisation_id) if person.organisation_id else None
    details = list(ContactDetail.select().where(ContactDetail.person == person_id).order_by(ContactDetail.id))
    last = last_contact(person_id)
    mailed = stored_last_contact.last_mailed(DB.obj, [person_id]).get(person_id)
    meeting = next_meeting(person_id, clock=clock)
    return PersonDetail(
        id=person.id,
        name=person.name,
        is_placeholder=person.is_placeholder,
        organisation=org.name if org else "",
        role=person.role,
        emails=tuple(d.value for d in details if d.kind == "email"),
        phones=tuple(d.value for d in details if d.kind == "phone"),
        linkedin=person.linkedin,
        website=person.website,
        location=person.location,
        how_met=person.how_met,
        notes=person.notes,
        tags=tuple(tags_of(person_id)),
        cadence_days=person.cadence_days,
        last_contact=last,
        next_due=keep_in_touch_due(
            person.cadence_days, last, person.cadence_set_on, person.keep_in_touch_snoozed_until
        ),
        archived=person.archived,
        nickname=person.nickname or "",
        date_reminders=person.date_reminders,
        former_organisations=former_organisations(person_id),
        last_conversation=last_conversation(person_id),
        last_emailed=mailed[0] if mailed else None,
        last_emailed_direction=mailed[1] if mailed else "",
        next_meeting=(meeting.start, meeting.summary) if meeting else None,
    )


def former_organisations(person_id: int) -> tuple[str, ...]:
    """Organisations of the person's ended jobs where they hold no current job, latest first."""
    return former_organisations_of([person_id]).get(person_id, ())


def former_organisations_of(person_ids) -> dict[int, tuple[str, ...]]:
    """former_organisations for several people (a page of search results) in one query."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return {}
    rows = (
        Job.select(Job.person, Job.ended_on, Job.organisation, Organisation.name)
        .join(Organisation, on=(Job.organisation == Organisation.id))
        .where(Job.person.in_(ids))
        .order_by(Job.person, Job.ended_on.is_null(False), Job.ended_on.desc(), Job.id.desc())
        .objects()
    )
    current: dict[int, set] = {}
    former: dict[int, list[str]] = {}
    for row in rows:
        if row.ended_on is None:
            current.setdefault(row.person_id, set()).add(row.organisation_id)
        elif row.organisation_id not in current.get(row.person_id, ()) and row.name not in former.get(row.person_id, []):
            former.setdefault(row.person_id, []).append(row.name)
    return {pid: tuple(names) for pid, names in former.items()}


def first_email(person_id: int) -> str:
    """The person's first e-mail address, or "" when none is known."""
    detail = (
        ContactDetail.select(ContactDetail.value)
        .where((ContactDetail.person == person_id) & (ContactDetail.kind == "email"))
        .order_by(ContactDetail.id)
        .first()
    )
    return detail.value if detail else ""


# Timeline entry kinds.
CONVERSATION = "conversation"
OFFER_GIVEN = "offer_given"
OFFER_RECEIVED = "offer_received"
NEXT_STEP = "next_step"
JOB = "job"


@dataclass(frozen=True)
class TimelineEntry:
    kind: str
    id: int
    date: dt.date | None
    title: str
    detail: str = ""
    done: bool = False
    overdue: bool = False

    @property
    def open_kind(self) -> str:
        """The kind the window opens for this entry."""
        return "introduction" if self.kind in (OFFER_GIVEN, OFFER_RECEIVED) else self.kind


def _day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def timeline(person_id: int, *, clock: Clock = SYSTEM_CLOCK, limit: int = 200) -> list[TimelineEntry]:
    """Open next steps first (soonest due first), then everything else newest first."""
    today = clock.today()
    entries: list[TimelineEntry] = []
    conversations = (
        Conversation.select(Conversation, fn.group_concat(Person.name, ", ").alias("others"))
        .join(Participant)
        .switch(Conversation)
        .join(
            Person,
            on=(Person.id == Participant.person) & (Person.id != person_id),
            join_type=JOIN.LEFT_OUTER,
        )
        .where(
            Conversation.id.in_(
                Participant.select(Participant.conversation).where(Participant.person == person_id)
            )
        )
        .group_by(Conversation.id)
        .order_by(Conversation.occurred_at.desc())
        .limit(limit)
    )
    for conv in conversations:
        title = conv.summary or (conv.notes.splitlines()[0] if conv.notes else "Conversation")
        with_others = f" · with {conv.others}" if conv.others else ""
        entries.append(
            TimelineEntry(CONVERSATION, conv.id, _day(conv.occurred_at), title, f"{conv.channel}{with_others}")
        )
    Introducer = Person.alias()
    Target = Person.alias()
    intros = (
        Introduction.select(Introduction, Introducer.name.alias("introducer_name"), Target.name.alias("target_name"))
        .join(Introducer, on=(Introduction.introducer == Introducer.id))
        .switch(Introduction)
        .join(Target, on=(Introduction.target == Target.id))
        .where((Introduction.introducer == person_id) | (Introduction.target == person_id))
        .order_by(Introduction.offered_on.desc())
        .limit(limit)
    )
    for intro in intros.objects():
        if intro.introducer_id == person_id:
            kind, title = OFFER_GIVEN, f"Offered to introduce you to {intro.target_name}"
        else:
            kind, title = OFFER_RECEIVED, f"{intro.introducer_name} offered to introduce you"
        entries.append(TimelineEntry(kind, intro.id, _day(intro.offered_on), title, f"stage: {intro.stage}"))
    entries += job_entries(person_id)
    steps = NextStep.select().where(NextStep.person == person_id).order_by(NextStep.id.desc()).limit(limit)
    open_steps = []
    for step in steps:
        due = step.snoozed_until or step.due_date
        done = step.done_at is not None
        if done:
            entry = TimelineEntry(NEXT_STEP, step.id, _day(step.done_at), step.text, "done", done=True)
            entries.append(entry)
        else:
            detail = f"due {due:%a %d %b %Y}" if due else "no due date"
            open_steps.append(
                TimelineEntry(NEXT_STEP, step.id, due, step.text, detail, overdue=bool(due and due < today))
            )
    open_steps.sort(key=lambda e: (e.date is None, e.date or dt.date.max, e.id))
    entries.sort(key=lambda e: (e.date or dt.date.min, e.id), reverse=True)
    return open_steps + entries


def career(person_id: int) -> list[JobRow]:
    """The person's jobs for the career list: current first, then former ones, latest first."""
    rows = (
        Job.select(Job, Organisation.name.alias("org_name"))
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Job.person == person_id)
        .order_by(Job.ended_on.is_null(False), Job.ended_on.desc(), Job.started_on.desc(), Job.id.desc())
        .objects()
    )
    return [
        JobRow(j.id, getattr(j, "org_name", None) or "", j.role, j.started_on, j.ended_on, j.noticed_on) for j in rows
    ]


def _at(organisation: str, role: str) -> str:
    if organisation and role:
        return f"{organisation} as {role}"
    return organisation or role


def job_entries(person_id: int) -> list[TimelineEntry]:
    """A person's career in their timeline: each move (noticed, or a job's known start) and each
    job they left."""
    rows = (
        Job.select(Job, Organisation.name.alias("org_name"))
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Job.person == person_id)
        .order_by(Job.id)
        .objects()
    )
    out = []
    for job in rows:
        org, role = getattr(job, "org_name", None) or "", job.role
        if job.noticed_on or job.started_on:
            if org:
                title = f"Moved to {_at(org, role)}" if job.noticed_on else f"Started at {_at(org, role)}"
            else:
                title = f"Became {role}"
            detail = "job change" if job.noticed_on else "new job"
            out.append(TimelineEntry(JOB, job.id, job.noticed_on or job.started_on, title, detail))
        if job.ended_on:
            title = f"Left {org}" + (f" ({role})" if role else "") if org else f"No longer {role}"
            since = f"since {job.started_on:%b %Y}" if job.started_on else "job ended"
            out.append(TimelineEntry(JOB, job.id, job.ended_on, title, since))
    return out


@dataclass(frozen=True)
class LinkedCounts:
    conversations: int
    introductions: int
    next_steps: int

    def describe(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return ", ".join(
            (n(self.conversations, "conversation"), n(self.introductions, "introduction"), n(self.next_steps, "next step"))
        )


def linked_counts(person_id: int) -> LinkedCounts:
    """What a delete would take with it (conversations only lose this participant)."""
    return LinkedCounts(
        Participant.select().where(Participant.person == person_id).count(),
        Introduction.select()
        .where((Introduction.introducer == person_id) | (Introduction.target == person_id))
        .count(),
        NextStep.select().where(NextStep.person == person_id).count(),
    )
