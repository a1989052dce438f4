"""The journal side of an import: what is known of everyone (loaded in a few queries) and the
bulk writes that add people, details and tags and fill in what existing people lack."""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import JOIN, chunked, fn

from journal.clock import Clock
from journal.domain.contact_details import normalize_email, normalize_phone
from journal.interop.dedupe import Entry
from journal.interop.records import ContactRecord
from journal.store.models import ContactDetail, Organisation, Person, PersonTag, Tag

FILLED = ("organisation", "role", "linkedin", "website", "location", "connected_on")
LABELS = {"organisation": "organisation", "role": "role", "linkedin": "LinkedIn", "website": "website",
          "location": "location", "connected_on": "connected on"}
BATCH = 500


@dataclass
class PersonState:
    """One person as an import sees them; `absorb` fills in only what is missing."""

    name: str
    id: int = 0
    organisation: str = ""
    role: str = ""
    linkedin: str = ""
    website: str = ""
    location: str = ""
    notes: str = ""
    connected_on: object = None
    detail_keys: set[str] = field(default_factory=set)
    tag_folds: set[str] = field(default_factory=set)
    new_details: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, label, value, normalized
    new_tags: list[str] = field(default_factory=list)
    changed: dict[str, object] = field(default_factory=dict)

    def absorb(self, record: ContactRecord, keys: set[str] | None = None) -> list[str]:
        changes: list[str] = []
        for name in FILLED:
            value = getattr(record, name)
            if value and not getattr(self, name):
                setattr(self, name, value)
                self.changed[name] = value
                changes.append(f"adds {LABELS[name]}")
        note = record.notes.strip()
        if note and note not in self.notes:
            self.notes = f"{self.notes}\n\n{note}" if self.notes else note
            self.changed["notes"] = self.notes
            changes.append("adds notes")
        for kind, values in (("email", record.emails), ("phone", record.phones)):
            for value, label in values:
                normalized = normalize_email(value) if kind == "email" else normalize_phone(value)
                key = f"{kind}:{normalized}"
                if normalized.strip("+") and key not in self.detail_keys:
                    self.detail_keys.add(key)
                    self.new_details.append((kind, label, value.strip(), normalized))
                    changes.append(f"adds {'e-mail' if kind == 'email' else 'phone'} {value.strip()}")
        for tag in record.tags:
            tag = " ".join(tag.split()).lstrip("#")
            if tag and tag.casefold() not in self.tag_folds:
                self.tag_folds.add(tag.casefold())
                self.new_tags.append(tag)
                changes.append(f"adds tag {tag}")
        return changes


@dataclass
class ExistingPerson(PersonState):
    pass


@dataclass
class PendingPerson(PersonState):
    @classmethod
    def from_record(cls, record: ContactRecord, keys: set[str]) -> PendingPerson:
        person = cls(name=record.name)
        person.absorb(record)
        return person


def load_existing(*, with_uids: bool, uid_of) -> tuple[dict[int, ExistingPerson], list[Entry]]:
    """Everyone in the journal with their keys, in three queries."""
    people: dict[int, ExistingPerson] = {}
    created: dict[int, object] = {}
    query = (
        Person.select(
            Person.id, Person.name, Organisation.name, Person.role, Person.linkedin, Person.website,
            Person.location, Person.notes, Person.connected_on, Person.created_at,
        )
        .join(Organisation, JOIN.LEFT_OUTER)
        .tuples()
    )
    for pid, name, org, role, linkedin, website, location, notes, connected_on, created_at in query:
        people[pid] = ExistingPerson(
            id=pid, name=name, organisation=org or "", role=role, linkedin=linkedin, website=website,
            location=location, notes=notes, connected_on=connected_on,
        )
        created[pid] = created_at
    for pid, kind, normalized in ContactDetail.select(ContactDetail.person, ContactDetail.kind, ContactDetail.normalized).tuples():
        if pid in people:
            people[pid].detail_keys.add(f"{kind}:{normalized}")
    for pid, tag in PersonTag.select(PersonTag.person, Tag.name).join(Tag).tuples():
        if pid in people:
            people[pid].tag_folds.add(tag.casefold())
    from journal.domain.contact_details import normalize_url

    entries = []
    for pid, person in people.items():
        keys = {k for k in person.detail_keys if k.partition(":")[2].strip("+")}
        if person.linkedin and normalize_url(person.linkedin):
            keys.add(f"linkedin:{normalize_url(person.linkedin)}")
        if with_uids:
            keys.add(f"uid:{uid_of(pid, created[pid])}")
        entries.append(Entry(pid, person.name, person.organisation, keys))
    return people, entries


def _organisation_ids(names: set[str]) -> dict[str, int]:
    known = {name.lower(): oid for oid, name in Organisation.select(Organisation.id, Organisation.name).tuples()}
    missing = {}
    for name in names:
        if name and name.lower() not in known and name.lower() not in missing:
            missing[name.lower()] = name
    if missing:
        for batch in chunked([{"name": n} for n in missing.values()], BATCH):
            Organisation.insert_many(batch).execute()
        known = {name.lower(): oid for oid, name in Organisation.select(Organisation.id, Organisation.name).tuples()}
    return known


def _tag_ids(names: set[str]) -> dict[str, int]:
    known = {name.casefold(): tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}
    missing = {n.casefold(): n for n in names if n.casefold() not in known}
    if missing:
        for batch in chunked([{"name": n} for n in missing.values()], BATCH):
            Tag.insert_many(batch).execute()
        known = {name.casefold(): tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}
    return known


def write_plan(planner, clock: Clock) -> None:
    """Write what the planner decided; the caller holds the transaction."""
    now = clock.now()
    pending = list(planner.pending.values())
    dirty = [p for p in planner.existing.values() if p.changed or p.new_details or p.new_tags]
    orgs = _organisation_ids({p.organisation for p in pending} | {str(p.changed.get("organisation", "")) for p in dirty})
    next_id = (Person.select(fn.MAX(Person.id)).scalar() or 0) + 1
    rows = []
    for offset, person in enumerate(pending):
        person.id = next_id + offset
        rows.append({
            "id": person.id, "name": person.name, "organisation": orgs.get(person.organisation.lower()),
            "role": person.role, "linkedin": person.linkedin, "website": person.website,
            "location": person.location, "notes": person.notes, "connected_on": person.connected_on,
            "created_at": now, "updated_at": now,
        })
    for batch in chunked(rows, BATCH):
        Person.insert_many(batch).execute()
    for person in dirty:
        values = dict(person.changed)
        if "organisation" in values:
            values["organisation"] = orgs.get(str(values["organisation"]).lower())
        if values:
            Person.update(**values, updated_at=now).where(Person.id == person.id).execute()
    everyone = pending + dirty
    details = [
        (p.id, kind, label, value, normalized) for p in everyone for kind, label, value, normalized in p.new_details
    ]
    fields = [ContactDetail.person, ContactDetail.kind, ContactDetail.label, ContactDetail.value, ContactDetail.normalized]
    for batch in chunked(details, BATCH):
        ContactDetail.insert_many(batch, fields=fields).execute()
    tags = _tag_ids({t for p in everyone for t in p.new_tags})
    links = [(p.id, tags[t.casefold()]) for p in everyone for t in p.new_tags]
    for batch in chunked(links, BATCH):
        PersonTag.insert_many(batch, fields=[PersonTag.person, PersonTag.tag]).on_conflict_ignore().execute()
