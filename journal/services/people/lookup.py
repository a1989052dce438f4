"""Name completion for pickers: a handful of people matching what was typed, in one small query;
and everyone at a glance (the command line's `people`), in one query per table."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import JOIN, Case, fn

from journal.domain.cadence import keep_in_touch_due
from journal.domain.dates import DateValueError, YearlyDate
from journal.domain.names import is_description
from journal.store import last_contact
from journal.store.models import DB, ContactDetail, Job, Organisation, Person, PersonDate, PersonTag, Tag

DEFAULT_LIMIT = 12


@dataclass(frozen=True)
class NameSuggestion:
    id: int
    name: str
    organisation: str = ""

    @property
    def label(self) -> str:
        """What a completion list shows: the name, and where they work when known."""
        return f"{self.name} — {self.organisation}" if self.organisation else self.name


def suggest(text: str, limit: int = DEFAULT_LIMIT) -> list[NameSuggestion]:
    """Active people whose name (any word of it) or organisation starts with `text`.

    Names that start with the text come first. Bounded by `limit`, so it stays cheap on a big
    journal however short the text.
    """
    # LIKE wildcards typed by the user are matched literally by dropping them.
    text = " ".join(re.sub(r"[%_\\]", " ", text or "").split()).lower()
    if not text or limit <= 0:
        return []
    prefix = text + "%"
    name = fn.lower(Person.name)
    first = Case(None, [(name ** prefix, 0)], 1)
    query = (
        Person.select(Person.id, Person.name, Organisation.name.alias("org_name"))
        .join(Organisation, JOIN.LEFT_OUTER)
        .where(
            (Person.archived == False)  # noqa: E712
            & ((name ** prefix) | (name ** ("% " + prefix)) | (fn.lower(Organisation.name) ** prefix))
        )
        .order_by(first, name, Person.id)
        .limit(limit)
    )
    return [NameSuggestion(row.id, row.name, row.org_name or "") for row in query.objects()]


_DESCRIPTION_WORDS = re.compile(
    r"\b(her|his|their|my|our|a|an|the|someone|somebody|friend|colleague|sister|brother|wife|husband|"
    r"partner|boss|manager|cofounder|co-founder|at|from|who|head|cto|ceo|cmo|vp)\b",
    re.IGNORECASE,
)


def looks_like_description(text: str) -> bool:
    """True for "her sister-in-law, CMO at X"; False for "Dana Smith".

    Used to pre-tick "just a description" on an offer, which makes the target a placeholder
    person to fill in later. The user can always untick it, so beyond the command line's rule
    (journal.domain.names: a comma or a possessive) it also reads softer cues.
    """
    text = " ".join((text or "").split())
    if not text:
        return False
    if is_description(text):  # what the command line calls a description, the dialog does too
        return True
    if any(ch in text for ch in ";()/") or any(ch.isdigit() for ch in text):
        return True
    if text[0].islower() or len(text.split()) > 4:
        return True
    return bool(_DESCRIPTION_WORDS.search(text))


@dataclass(frozen=True)
class JobLine:
    organisation: str
    role: str
    started_on: dt.date | None
    ended_on: dt.date | None

    def to_json(self) -> dict:
        return {"organisation": self.organisation, "role": self.role,
                "from": _iso(self.started_on), "to": _iso(self.ended_on)}


@dataclass(frozen=True)
class DateLine:
    kind: str
    date: YearlyDate
    label: str = ""

    def to_json(self) -> dict:
        out = {"kind": self.kind, "date": self.date.text()}
        if self.kind == "custom" or self.label:
            out["label"] = self.label
        return out


@dataclass
class PersonOverview:
    """One person as the command line's `people` lists them."""

    id: int
    name: str
    organisation: str
    role: str
    archived: bool = False
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    last_contact: dt.date | None = None  # the latest conversation or e-mail
    next_keep_in_touch: dt.date | None = None
    last_emailed: dt.datetime | None = None  # the latest e-mail a scan saw with them
    jobs: list[JobLine] = field(default_factory=list)
    dates: list[DateLine] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "organisation": self.organisation,
            "role": self.role,
            "emails": self.emails,
            "phones": self.phones,
            "tags": self.tags,
            "last_contact": _iso(self.last_contact),
            "last_emailed": self.last_emailed.isoformat(timespec="seconds") if self.last_emailed else None,
            "next_keep_in_touch": _iso(self.next_keep_in_touch),
            "jobs": [job.to_json() for job in self.jobs],
            "dates": [date.to_json() for date in self.dates],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def people_overview(*, include_archived: bool = False) -> list[PersonOverview]:
    """Everyone (active only, unless `include_archived`) by name, with e-mails, phones, tags,
    last contact, the day keep-in-touch falls due, jobs (current first, then the most recently
    ended) and dates that matter (by month and day): one query per table, never one per person."""
    query = (
        Person.select(
            Person.id, Person.name, Organisation.name.alias("org_name"), Person.role, Person.archived,
            Person.cadence_days, Person.cadence_set_on, Person.keep_in_touch_snoozed_until,
        )
        .join(Organisation, JOIN.LEFT_OUTER)
        .order_by(fn.lower(Person.name), Person.id)
    )
    if not include_archived:
        query = query.where(Person.archived == False)  # noqa: E712
    rows = list(query.objects())
    last = last_contact.last_contacts(DB.obj)  # conversations and e-mail
    mailed = last_contact.last_mailed(DB.obj)
    people: dict[int, PersonOverview] = {}
    for p in rows:
        seen = last.get(p.id)
        people[p.id] = PersonOverview(
            p.id, p.name, p.org_name or "", p.role, bool(p.archived), last_contact=seen,
            next_keep_in_touch=keep_in_touch_due(p.cadence_days, seen, p.cadence_set_on, p.keep_in_touch_snoozed_until),
            last_emailed=mailed[p.id][0] if p.id in mailed else None,
        )
    details = ContactDetail.select(ContactDetail.person, ContactDetail.kind, ContactDetail.value).order_by(ContactDetail.id)
    for pid, kind, value in details.tuples():
        person = people.get(pid)
        if person is not None:
            (person.emails if kind == "email" else person.phones).append(value)
    tags = PersonTag.select(PersonTag.person, Tag.name).join(Tag).order_by(fn.lower(Tag.name))
    for pid, name in tags.tuples():
        if pid in people:
            people[pid].tags.append(name)
    jobs = (
        Job.select(Job.person, Organisation.name, Job.role, Job.started_on, Job.ended_on)
        .join(Organisation, JOIN.LEFT_OUTER, on=(Job.organisation == Organisation.id))
        .order_by(Job.person, Job.ended_on.is_null(False), Job.ended_on.desc(), Job.id)
    )
    for pid, org, role, started, ended in jobs.tuples():
        if pid in people:
            people[pid].jobs.append(JobLine(org or "", role or "", started, ended))
    dates = PersonDate.select(
        PersonDate.person, PersonDate.kind, PersonDate.label, PersonDate.month, PersonDate.day, PersonDate.year
    ).order_by(PersonDate.person, PersonDate.month, PersonDate.day, PersonDate.id)
    for pid, kind, label, month, day, year in dates.tuples():
        if pid in people:
            try:
                people[pid].dates.append(DateLine(kind, YearlyDate(month, day, year), label or ""))
            except DateValueError:  # a row another tool wrote out of range
                continue
    return list(people.values())
