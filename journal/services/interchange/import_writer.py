"""The journal side of an import: what is known of everyone (loaded in a few queries) and the
bulk writes that add people, details and tags and fill in what existing people lack."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import AutoField, fn

from journal.clock import Clock
from journal.domain.contact_details import normalize_email, normalize_phone
from journal.interop.dedupe import linkedin_key
from journal.interop.records import ContactRecord
from journal.store.models import DB, ContactDetail, Organisation, Person, PersonTag, Tag
from journal.store.search import person_index_deferred

FILLED = ("organisation", "role", "linkedin", "website", "location", "connected_on")
LABELS = {"organisation": "organisation", "role": "role", "linkedin": "LinkedIn", "website": "website",
          "location": "location", "connected_on": "connected on"}


@dataclass(slots=True)
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


@dataclass(slots=True)
class ExistingPerson(PersonState):
    pass


@dataclass(slots=True)
class PendingPerson(PersonState):
    @classmethod
    def from_record(cls, record: ContactRecord, keys: set[str] | None = None) -> PendingPerson:
        person = cls(
            name=record.name, organisation=record.organisation, role=record.role, linkedin=record.linkedin,
            website=record.website, location=record.location, notes=record.notes.strip(),
            connected_on=record.connected_on,
        )
        if record.emails or record.phones or record.tags:
            person.absorb(record)
        return person


def _rows(sql: str):
    return DB.execute_sql(sql).fetchall()


@dataclass
class Existing:
    """Everyone in the journal as plain rows; a person becomes an ExistingPerson only when an
    import touches them, since most imports touch few of many."""

    rows: dict[int, tuple]  # id -> (id, name, organisation, role, linkedin, website, location, notes, connected_on, created_at)
    detail_keys: dict[int, set[str]]
    tag_folds: dict[int, set[str]]

    def name(self, pid: int) -> str:
        return self.rows[pid][1]

    def person(self, pid: int) -> ExistingPerson:
        _id, name, org, role, linkedin, website, location, notes, connected_on, _created = self.rows[pid]
        return ExistingPerson(
            id=pid, name=name, organisation=org, role=role, linkedin=linkedin, website=website,
            location=location, notes=notes, connected_on=connected_on,
            detail_keys=set(self.detail_keys.get(pid, ())), tag_folds=set(self.tag_folds.get(pid, ())),
        )


def load_existing(*, with_tags: bool = True) -> Existing:
    """Everyone in the journal with their keys, in three plain queries (this runs per import,
    over every person, so it skips the ORM's per-row work). Without `with_tags` (for records
    that bring no tags, so never compare any) the tags are not read."""
    P, ORG = Person._meta, Organisation._meta
    col = {name: f"p.{P.fields[name].column_name}" for name in P.fields}
    sql = (
        f"SELECT p.{P.primary_key.column_name}, {col['name']}, coalesce(o.{ORG.fields['name'].column_name}, ''), "
        f"{col['role']}, {col['linkedin']}, {col['website']}, {col['location']}, {col['notes']}, "
        f"{col['connected_on']}, {col['created_at']} FROM {P.table_name} p LEFT JOIN {ORG.table_name} o "
        f"ON o.{ORG.primary_key.column_name} = {col['organisation']}"
    )
    rows = {row[0]: row for row in _rows(sql)}
    details: dict[int, set[str]] = {}
    D = ContactDetail._meta
    for pid, kind, normalized in _rows(f"SELECT {D.fields['person'].column_name}, kind, normalized FROM {D.table_name}"):
        details.setdefault(pid, set()).add(f"{kind}:{normalized}")
    tags: dict[int, set[str]] = {}
    T, PT = Tag._meta, PersonTag._meta
    sql = (
        f"SELECT pt.{PT.fields['person'].column_name}, t.name FROM {PT.table_name} pt "
        f"JOIN {T.table_name} t ON t.{T.primary_key.column_name} = pt.{PT.fields['tag'].column_name}"
    )
    for pid, tag in _rows(sql) if with_tags else ():
        tags.setdefault(pid, set()).add(tag.casefold())
    return Existing(rows, details, tags)


def existing_keys(existing: Existing, *, with_uids: bool, uid_of):
    """(pid, name, organisation, keys) for the duplicate index."""
    details = existing.detail_keys
    for pid, row in existing.rows.items():
        found = details.get(pid)
        keys = [k for k in found if k.partition(":")[2].strip("+")] if found else []
        linkedin = row[4]
        if linkedin:
            key = linkedin_key(linkedin)
            if key:
                keys.append(f"linkedin:{key}")
        if with_uids:
            created = row[9]
            stamp = dt.datetime.fromisoformat(created) if isinstance(created, str) else created
            keys.append(f"uid:{uid_of(pid, stamp)}")
        yield pid, row[1], row[2], keys


def stored(value):
    """A Python value as the journal stores it (dates as ISO text, as peewee writes them)."""
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _literal(value) -> str | None:
    """`value` written as an SQL literal, for the plain kinds a column default can be."""
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


def bulk_insert(model, columns: list[str], rows: list[tuple]) -> None:
    """executemany of `rows` (values of `columns`, already as stored), every other column given
    its default, so columns added to the model later are filled too. Defaults that are plain
    values go into the statement itself, so each row binds only its own values."""
    fields = model._meta.fields
    rest = [
        f for f in model._meta.sorted_fields
        if f.name not in columns and not (f.primary_key and isinstance(f, AutoField))
    ]
    extra = tuple(stored(f.db_value(f.default() if callable(f.default) else f.default)) for f in rest)
    literals = [_literal(value) for value in extra]
    names = [fields[c].column_name for c in columns] + [f.column_name for f in rest]
    quoted = ", ".join(f'"{n}"' for n in names)
    if None in literals:
        marks = ", ".join("?" * len(names))
    else:
        marks = ", ".join(["?"] * len(columns) + literals)
        extra = ()
    sql = f'INSERT INTO "{model._meta.table_name}" ({quoted}) VALUES ({marks})'
    if rows:
        DB.cursor().executemany(sql, [row + extra for row in rows] if extra else rows)


def _organisation_ids(names: set[str]) -> dict[str, int]:
    known = {name.lower(): oid for oid, name in Organisation.select(Organisation.id, Organisation.name).tuples()}
    missing = {}
    for name in names:
        if name and name.lower() not in known and name.lower() not in missing:
            missing[name.lower()] = name
    if missing:
        bulk_insert(Organisation, ["name"], [(n,) for n in missing.values()])
        known = {name.lower(): oid for oid, name in Organisation.select(Organisation.id, Organisation.name).tuples()}
    return known


def _tag_ids(names: set[str]) -> dict[str, int]:
    known = {name.casefold(): tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}
    missing = {n.casefold(): n for n in names if n.casefold() not in known}
    if missing:
        bulk_insert(Tag, ["name"], [(n,) for n in missing.values()])
        known = {name.casefold(): tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}
    return known


PERSON_COLUMNS = ["id", "name", "organisation", "role", "linkedin", "website", "location", "notes",
                  "connected_on", "created_at", "updated_at"]


def _update_existing(dirty: list[ExistingPerson], orgs: dict[str, int], now: dt.datetime) -> None:
    """One executemany per combination of filled-in columns."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    stamp = str(now)
    for person in dirty:
        values = dict(person.changed)
        if not values:
            continue
        if "organisation" in values:
            values["organisation"] = orgs.get(str(values["organisation"]).lower())
        names = tuple(sorted(values))
        groups.setdefault(names, []).append(tuple(stored(values[n]) for n in names) + (stamp, person.id))
    P = Person._meta
    for names, rows in groups.items():
        sets = ", ".join(f'"{P.fields[n].column_name}" = ?' for n in names + ("updated_at",))
        DB.cursor().executemany(f'UPDATE "{P.table_name}" SET {sets} WHERE "{P.primary_key.column_name}" = ?', rows)


def write_plan(planner, clock: Clock) -> None:
    """Write what the planner decided; the caller holds the transaction."""
    now = clock.now()
    pending = list(planner.pending.values())  # PendingPerson, or a ContactRecord bringing no details
    dirty = [p for p in planner.touched.values() if p.changed or p.new_details or p.new_tags]
    organisations = {p.organisation for p in pending}
    orgs = _organisation_ids(organisations | {str(p.changed.get("organisation", "")) for p in dirty})
    org_of = {name: orgs.get(name.lower()) for name in organisations}
    date_of = {day: stored(day) for day in {p.connected_on for p in pending}}
    next_id = (Person.select(fn.MAX(Person.id)).scalar() or 0) + 1
    stamp = str(now)
    rows = [
        (pid, p.name, org_of[p.organisation], p.role, p.linkedin, p.website, p.location, p.notes.strip(),
         date_of[p.connected_on], stamp, stamp)
        for pid, p in enumerate(pending, next_id)
    ]
    full = []
    for pid, person in enumerate(pending, next_id):
        if type(person) is PendingPerson:
            person.id = pid
            full.append(person)
    _update_existing(dirty, orgs, now)
    everyone = full + dirty
    details = [
        (p.id, kind, label, value, normalized) for p in everyone for kind, label, value, normalized in p.new_details
    ]
    tags = _tag_ids({t for p in everyone for t in p.new_tags})
    links = sorted({(p.id, tags[t.casefold()]) for p in everyone for t in p.new_tags})
    PT = PersonTag._meta
    person_col, tag_col = PT.fields["person"].column_name, PT.fields["tag"].column_name
    with person_index_deferred(DB):
        bulk_insert(Person, PERSON_COLUMNS, rows)
        bulk_insert(ContactDetail, ["person", "kind", "label", "value", "normalized"], details)
        sql = f'INSERT OR IGNORE INTO "{PT.table_name}" ("{person_col}", "{tag_col}") VALUES (?, ?)'
        DB.cursor().executemany(sql, links)
