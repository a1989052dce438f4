"""The journal side of an import: what is known of everyone (loaded in a few queries) and the
bulk writes that add people, details, tags, jobs and the rest, and fill in what existing people
lack.

An existing person only gains what is missing, with one exception: their job. When a file shows
them at another organisation, or in another role at the same one (as dedupe folds them, so a
spelling alone changes nothing), the old job is ended (kept) and the new one started, noticed
today, so Today offers it as a reason to reconnect (see jobs.import_is_change for the rules).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from peewee import JOIN, AutoField, fn

from journal.clock import Clock
from journal.domain.contact_details import normalize_email, normalize_phone
from journal.interop.dedupe import fold, linkedin_key, org_key
from journal.interop.records import AddressRecord, ContactRecord
from journal.services.people.jobs import import_is_change
from journal.store import changelog
from journal.store.models import (
    DB,
    Address,
    ContactDetail,
    Job,
    Organisation,
    Person,
    PersonCard,
    PersonDate,
    PersonPhoto,
    PersonTag,
    Profile,
    Relation,
    Tag,
)
from journal.store.search import person_index_deferred

FILLED = ("organisation", "role", "linkedin", "website", "location", "connected_on", "nickname")
# What an existing person only gains when missing; their organisation and role are their job.
FILLED_OTHERS = tuple(name for name in FILLED if name not in ("organisation", "role"))
LABELS = {"organisation": "organisation", "role": "role", "linkedin": "LinkedIn", "website": "website",
          "location": "location", "connected_on": "connected on", "nickname": "nickname"}
JOB_CHANGE = "job change: "  # how a row's job change starts in its list of changes
CARD_SEPARATOR = "\r\n"


def has_extras(record: ContactRecord) -> bool:
    """Whether the record brings anything beyond the person's own columns, details and tags."""
    return bool(
        record.dates or record.addresses or record.profiles or record.relations or record.other_jobs
        or record.photo or record.extra_lines
    )


def job_key(organisation: str, role: str) -> tuple[str, str]:
    return org_key(" ".join(organisation.split())), fold(role)


def address_key(address: AddressRecord) -> tuple[str, ...]:
    return tuple(fold(part) for part in address.parts())


def profile_key(service: str, value: str) -> tuple[str, str]:
    return fold(service), " ".join(value.split()).casefold()


def relation_key(kind: str, name: str) -> tuple[str, str]:
    return fold(kind), fold(name)


def _job_text(organisation: str, role: str) -> str:
    return ", ".join(p for p in (organisation, role) if p) or "no job"


@dataclass(slots=True)
class Extras:
    """A person's dates, addresses, profiles, relations, other jobs, photo and card lines: what
    is known (keys) and what this import adds."""

    date_rows: dict[tuple[str, int, int], list] = field(default_factory=dict)  # key -> [row id | None, year, new index | None]
    address_keys: set[tuple[str, ...]] = field(default_factory=set)
    profile_keys: set[tuple[str, str]] = field(default_factory=set)
    relation_keys: set[tuple[str, str]] = field(default_factory=set)
    job_keys: set[tuple[str, str]] = field(default_factory=set)  # current jobs
    has_photo: bool = False
    card_lines: list[str] = field(default_factory=list)
    card_exists: bool = False
    new_dates: list[list] = field(default_factory=list)  # [kind, label, month, day, year]
    year_fills: dict[int, int] = field(default_factory=dict)  # person_date id -> year
    new_addresses: list[AddressRecord] = field(default_factory=list)
    new_profiles: list[tuple[str, str]] = field(default_factory=list)
    new_relations: list[tuple[str, str]] = field(default_factory=list)
    new_jobs: list[tuple[str, str]] = field(default_factory=list)
    photo: tuple[str, str] | None = None
    card_changed: bool = False

    def absorb(self, record: ContactRecord, changes: list[str]) -> None:
        for date in record.dates:
            when = date.date
            key = (date.kind, when.month, when.day)
            known = self.date_rows.get(key)
            if known is None:
                self.date_rows[key] = [None, when.year, len(self.new_dates)]
                self.new_dates.append([date.kind, date.label, when.month, when.day, when.year])
                changes.append(f"adds {date.label or date.kind.replace('_', ' ')} {when.text()}")
            elif known[1] is None and when.year is not None:
                known[1] = when.year
                if known[2] is not None:
                    self.new_dates[known[2]][4] = when.year
                else:
                    self.year_fills[known[0]] = when.year
                changes.append(f"adds the year of {date.label or date.kind.replace('_', ' ')} {when.text()}")
        for address in record.addresses:
            key = address_key(address)
            if not address.is_empty() and key not in self.address_keys:
                self.address_keys.add(key)
                self.new_addresses.append(address)
                changes.append(f"adds address {address.one_line()}")
        for service, value in record.profiles:
            key = profile_key(service, value)
            if value.strip() and key not in self.profile_keys:
                self.profile_keys.add(key)
                self.new_profiles.append((service, value.strip()))
                changes.append(f"adds profile {value.strip()}")
        for kind, name in record.relations:
            key = relation_key(kind, name)
            if name.strip() and key not in self.relation_keys:
                self.relation_keys.add(key)
                self.new_relations.append((kind, " ".join(name.split())))
                changes.append(f"adds {kind or 'relation'} {' '.join(name.split())}")
        for organisation, role in record.other_jobs:
            organisation, role = " ".join(organisation.split()), " ".join(role.split())
            key = job_key(organisation, role)
            if (organisation or role) and key not in self.job_keys:
                self.job_keys.add(key)
                self.new_jobs.append((organisation, role))
                changes.append(f"adds job {_job_text(organisation, role)}")
        if record.photo and not self.has_photo:
            self.has_photo = True
            self.photo = record.photo
            changes.append("adds photo")
        if record.extra_lines:
            # Lines already kept are not added again; the card's own lines stay verbatim (a line
            # it gives twice is kept twice, as the card had it).
            seen = set(self.card_lines)
            added = [line for line in record.extra_lines if line not in seen]
            if added:
                self.card_lines.extend(added)
                self.card_changed = True
                changes.append(f"keeps {len(added)} more card line(s)")


@dataclass(slots=True)
class PersonState:
    """One person as an import sees them; `absorb` fills in only what is missing."""

    TRACKS_JOBS: ClassVar[bool] = False

    name: str
    id: int = 0
    organisation: str = ""
    role: str = ""
    linkedin: str = ""
    website: str = ""
    location: str = ""
    notes: str = ""
    connected_on: object = None
    nickname: str = ""
    is_placeholder: bool = False
    detail_keys: set[str] = field(default_factory=set)
    tag_folds: set[str] = field(default_factory=set)
    new_details: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, label, value, normalized
    new_tags: list[str] = field(default_factory=list)
    changed: dict[str, object] = field(default_factory=dict)
    extras: Extras | None = None
    job_changed: bool = False  # the import ends their current jobs and starts organisation/role

    def absorb(self, record: ContactRecord, keys: set[str] | None = None) -> list[str]:
        changes: list[str] = []
        fields = FILLED
        if self.TRACKS_JOBS:
            self._absorb_job(record, changes)
            fields = FILLED_OTHERS
        for name in fields:
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
        if has_extras(record):
            if self.extras is None:
                self.extras = Extras(job_keys={job_key(self.organisation, self.role)})
            self.extras.absorb(record, changes)
        return changes

    def _absorb_job(self, record: ContactRecord, changes: list[str]) -> None:
        """A job change when the record shows one (not for a placeholder), else fill in what is missing."""
        organisation, role = " ".join(record.organisation.split()), " ".join(record.role.split())
        if not organisation and not role:
            return
        old_org, old_role = self.organisation, self.role
        if not self.is_placeholder and import_is_change(old_org, old_role, organisation, role):
            # The same organisation spelt another way keeps the journal's spelling.
            same = not organisation or org_key(organisation) == org_key(old_org)
            self.organisation, self.role = old_org if same else organisation, role
            self.changed["organisation"], self.changed["role"] = self.organisation, self.role
            self.job_changed = True
            if self.extras is not None:  # the other current jobs end with the old one
                self.extras.job_keys = {job_key(self.organisation, self.role)}
            changes.append(f"{JOB_CHANGE}{_job_text(old_org, old_role)} → {_job_text(self.organisation, self.role)}")
            return
        for name, value in (("organisation", organisation), ("role", role)):
            if value and not getattr(self, name):
                setattr(self, name, value)
                self.changed[name] = value
                changes.append(f"adds {LABELS[name]}")


@dataclass(slots=True)
class ExistingPerson(PersonState):
    TRACKS_JOBS: ClassVar[bool] = True


@dataclass(slots=True)
class PendingPerson(PersonState):
    @classmethod
    def from_record(cls, record: ContactRecord, keys: set[str] | None = None) -> PendingPerson:
        person = cls(
            name=record.name, organisation=record.organisation, role=record.role, linkedin=record.linkedin,
            website=record.website, location=record.location, notes=record.notes.strip(),
            connected_on=record.connected_on, nickname=record.nickname,
        )
        if record.emails or record.phones or record.tags or has_extras(record):
            person.absorb(record)
        return person


def _rows(sql: str):
    return DB.execute_sql(sql).fetchall()


@dataclass
class Existing:
    """Everyone in the journal as plain rows; a person becomes an ExistingPerson only when an
    import touches them, since most imports touch few of many."""

    # id -> (id, name, organisation, role, linkedin, website, location, notes, connected_on, created_at,
    #        nickname, is_placeholder)
    rows: dict[int, tuple]
    detail_keys: dict[int, set[str]]
    tag_folds: dict[int, set[str]]
    extras: dict[int, Extras] | None = None  # read only for records that bring such fields

    def name(self, pid: int) -> str:
        return self.rows[pid][1]

    def person(self, pid: int) -> ExistingPerson:
        _id, name, org, role, linkedin, website, location, notes, connected_on, _created, nickname, placeholder = (
            self.rows[pid]
        )
        person = ExistingPerson(
            id=pid, name=name, organisation=org, role=role, linkedin=linkedin, website=website,
            location=location, notes=notes, connected_on=connected_on, nickname=nickname or "",
            is_placeholder=bool(placeholder),
            detail_keys=set(self.detail_keys.get(pid, ())), tag_folds=set(self.tag_folds.get(pid, ())),
        )
        if self.extras is not None:
            person.extras = self.extras.pop(pid, None) or Extras(job_keys={job_key(org, role)} if org or role else set())
        return person


def load_existing(*, with_tags: bool = True, with_extras: bool = False) -> Existing:
    """Everyone in the journal with their keys, in three plain queries (this runs per import,
    over every person, so it skips the ORM's per-row work). Without `with_tags` (for records
    that bring no tags, so never compare any) the tags are not read; with `with_extras` (for
    records that bring dates, addresses, profiles, relations, other jobs, photos or card lines)
    those are read too."""
    P, ORG = Person._meta, Organisation._meta
    col = {name: f"p.{P.fields[name].column_name}" for name in P.fields}
    sql = (
        f"SELECT p.{P.primary_key.column_name}, {col['name']}, coalesce(o.{ORG.fields['name'].column_name}, ''), "
        f"{col['role']}, {col['linkedin']}, {col['website']}, {col['location']}, {col['notes']}, "
        f"{col['connected_on']}, {col['created_at']}, {col['nickname']}, {col['is_placeholder']} "
        f"FROM {P.table_name} p LEFT JOIN {ORG.table_name} o "
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
    return Existing(rows, details, tags, load_extras() if with_extras else None)


def load_extras() -> dict[int, Extras]:
    """Every person's dates, addresses, profiles, relations, current jobs, photo and card lines
    as the keys an import compares, one query per table."""
    extras: dict[int, Extras] = {}

    def of(pid: int) -> Extras:
        found = extras.get(pid)
        if found is None:
            found = extras[pid] = Extras()
        return found

    jobs = (
        Job.select(Job.person, Organisation.name, Job.role)
        .join(Organisation, on=(Job.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Job.ended_on.is_null())
        .tuples()
    )
    for pid, org, role in jobs:
        of(pid).job_keys.add(job_key(org or "", role or ""))
    for pid, row_id, kind, month, day, year in PersonDate.select(
        PersonDate.person, PersonDate.id, PersonDate.kind, PersonDate.month, PersonDate.day, PersonDate.year
    ).tuples():
        of(pid).date_rows.setdefault((kind, month, day), [row_id, year, None])
    parts = [getattr(Address, name) for name in AddressRecord.PARTS]
    for pid, *values in Address.select(Address.person, *parts).tuples():
        of(pid).address_keys.add(tuple(fold(v or "") for v in values))
    for pid, service, value in Profile.select(Profile.person, Profile.service, Profile.value).tuples():
        of(pid).profile_keys.add(profile_key(service or "", value or ""))
    other = Person.alias()
    relations = (
        Relation.select(Relation.person, Relation.kind, Relation.name, other.name)
        .join(other, on=(Relation.other == other.id), join_type=JOIN.LEFT_OUTER)
        .tuples()
    )
    for pid, kind, name, other_name in relations:
        of(pid).relation_keys.add(relation_key(kind or "", name or other_name or ""))
    for (pid,) in PersonPhoto.select(PersonPhoto.person).tuples():
        of(pid).has_photo = True
    for pid, extra in PersonCard.select(PersonCard.person, PersonCard.extra).tuples():
        card = of(pid)
        card.card_exists = True
        card.card_lines = [line for line in (extra or "").split(CARD_SEPARATOR) if line]
    return extras


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


# The tables an import adds many rows to (see journal.store.changelog.bulk_inserts).
BULK_TABLES = ("person", "job", "contact_detail")
PERSON_COLUMNS = ["id", "name", "organisation", "role", "linkedin", "website", "location", "notes",
                  "connected_on", "nickname", "created_at", "updated_at"]


def _extras_changed(extras: Extras | None) -> bool:
    return extras is not None and bool(
        extras.new_dates or extras.year_fills or extras.new_addresses or extras.new_profiles
        or extras.new_relations or extras.new_jobs or extras.photo or extras.card_changed
    )


def _update_existing(dirty: list[ExistingPerson], orgs: dict[str, int], now: dt.datetime) -> None:
    """One executemany per combination of filled-in columns."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    stamp = str(now)
    for person in dirty:
        values = dict(person.changed)
        if not values and not person.new_details and not person.new_tags and not _extras_changed(person.extras):
            continue
        if "organisation" in values:
            values["organisation"] = orgs.get(str(values["organisation"]).lower())
        names = tuple(sorted(values))
        groups.setdefault(names, []).append(tuple(stored(values[n]) for n in names) + (stamp, person.id))
    P = Person._meta
    for names, rows in groups.items():
        sets = ", ".join(f'"{P.fields[n].column_name}" = ?' for n in names + ("updated_at",))
        DB.cursor().executemany(f'UPDATE "{P.table_name}" SET {sets} WHERE "{P.primary_key.column_name}" = ?', rows)


# The person columns the full-text index reads (journal.store.search, trigger person_fts_au).
_FTS_COLUMNS = {"name", "nickname", "organisation", "role", "notes"}
_REINDEX_AT_ONCE = 200  # fewer updated people than this are indexed row by row, by the trigger


@contextlib.contextmanager
def _people_reindexed_once(person_ids):
    """Update many people's indexed columns with their full-text rows rewritten once, at the end.

    Row by row, the index's update trigger deletes and re-inserts each person's row, and FTS5
    flushes at every switch between the two: 3,000 job changes spent ~1.8 s there. Like
    journal.store.search.person_index_deferred for inserts, this sets the trigger aside for the
    block, rewrites those people's index rows in two statements and puts the trigger back with
    its exact stored SQL, inside the transaction the caller holds (so an error undoes all)."""
    ids = sorted(set(person_ids))
    if len(ids) < _REINDEX_AT_ONCE:
        yield
        return
    found = DB.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'person_fts_au'").fetchone()
    if found is None:
        yield
        return
    DB.execute_sql('DROP TRIGGER "person_fts_au"')
    yield
    DB.execute_sql("CREATE TEMP TABLE IF NOT EXISTS import_reindexed (id INTEGER PRIMARY KEY)")
    DB.execute_sql("DELETE FROM temp.import_reindexed")
    DB.cursor().executemany("INSERT INTO temp.import_reindexed (id) VALUES (?)", [(i,) for i in ids])
    DB.execute_sql("DELETE FROM person_fts WHERE rowid IN (SELECT id FROM temp.import_reindexed)")
    DB.execute_sql(
        "INSERT INTO person_fts(rowid, name, organisation, role, notes, tags) "
        "SELECT id, name, organisation, role, notes, tags FROM person_search_source "
        "WHERE id IN (SELECT id FROM temp.import_reindexed)"
    )
    DB.execute_sql("DELETE FROM temp.import_reindexed")
    DB.execute_sql(found[0])


def _first_current_jobs(person_ids: list[int]) -> dict[int, int]:
    """person id -> id of their first current job, for those who have one."""
    found: dict[int, int] = {}
    J = Job._meta
    person_col, ended_col = J.fields["person"].column_name, J.fields["ended_on"].column_name
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start:start + 500]
        sql = (
            f'SELECT "{person_col}", min("{J.primary_key.column_name}") FROM "{J.table_name}" '
            f'WHERE "{ended_col}" IS NULL AND "{person_col}" IN ({", ".join("?" * len(chunk))}) GROUP BY "{person_col}"'
        )
        found.update(DB.execute_sql(sql, chunk).fetchall())
    return found


def _write_existing_jobs(dirty: list[ExistingPerson], orgs: dict[str, int], today: dt.date) -> None:
    """Job changes end the current jobs and start the new one, noticed today; an organisation or
    role filled in is written to the first current job (a first job where there is none)."""
    J = Job._meta
    person_col, ended_col = J.fields["person"].column_name, J.fields["ended_on"].column_name
    moved = [p for p in dirty if p.job_changed]
    filled = [p for p in dirty if not p.job_changed and ("organisation" in p.changed or "role" in p.changed)]
    day = stored(today)
    if moved:
        DB.cursor().executemany(
            f'UPDATE "{J.table_name}" SET "{ended_col}" = ? WHERE "{person_col}" = ? AND "{ended_col}" IS NULL',
            [(day, p.id) for p in moved],
        )
    started = [(p.id, orgs.get(p.organisation.lower()), p.role, day) for p in moved]
    first = _first_current_jobs([p.id for p in filled]) if filled else {}
    corrected = []
    for p in filled:
        org_id = orgs.get(p.organisation.lower())
        if p.id in first:
            corrected.append((org_id, p.role, first[p.id]))
        else:
            started.append((p.id, org_id, p.role, None))
    if corrected:
        org_col = J.fields["organisation"].column_name
        DB.cursor().executemany(
            f'UPDATE "{J.table_name}" SET "{org_col}" = ?, "role" = ? WHERE "{J.primary_key.column_name}" = ?', corrected
        )
    bulk_insert(Job, ["person", "organisation", "role", "noticed_on"], started)


def _relation_targets(planner, pending: list, next_id: int) -> dict[str, int | None]:
    """A name -> the one person of that name (None where several share it)."""
    targets: dict[str, int | None] = {}
    names = [(pid, row[1]) for pid, row in planner.existing.rows.items()]
    names += [(pid, p.name) for pid, p in enumerate(pending, next_id)]
    for pid, name in names:
        key = " ".join(name.split()).casefold()
        targets[key] = pid if key not in targets else None
    return targets


def _write_extras(people: list[PersonState], orgs: dict[str, int], targets) -> None:
    dates, fills, addresses, profiles, relations, photos, new_cards, cards = [], [], [], [], [], [], [], []
    for p in people:
        e = p.extras
        if e is None:
            continue
        dates += [(p.id, kind, label, month, day, year) for kind, label, month, day, year in e.new_dates]
        fills += [(year, row_id) for row_id, year in e.year_fills.items()]
        addresses += [(p.id, a.label, *a.parts()) for a in e.new_addresses]
        profiles += [(p.id, service, value) for service, value in e.new_profiles]
        for kind, name in e.new_relations:
            other = targets.get(name.casefold()) if targets else None
            relations.append((p.id, kind, name, other if other != p.id else None))
        if e.photo:
            photos.append((p.id, e.photo[0] or "image/jpeg", e.photo[1]))
        if e.card_changed:
            (cards if e.card_exists else new_cards).append((CARD_SEPARATOR.join(e.card_lines), p.id))
    bulk_insert(PersonDate, ["person", "kind", "label", "month", "day", "year"], dates)
    if fills:
        DB.cursor().executemany('UPDATE "person_date" SET "year" = ? WHERE "id" = ?', fills)
    bulk_insert(Address, ["person", "label", *AddressRecord.PARTS], addresses)
    bulk_insert(Profile, ["person", "service", "value"], profiles)
    bulk_insert(Relation, ["person", "kind", "name", "other"], relations)
    bulk_insert(PersonPhoto, ["person", "mime", "data"], photos)
    bulk_insert(PersonCard, ["extra", "person"], new_cards)
    if cards:
        DB.cursor().executemany('UPDATE "person_card" SET "extra" = ? WHERE "person_id" = ?', cards)


def write_plan(planner, clock: Clock) -> None:
    """Write what the planner decided; the caller holds the transaction."""
    now = clock.now()
    pending = list(planner.pending.values())  # PendingPerson, or a ContactRecord bringing no details
    dirty = [
        p for p in planner.touched.values()
        if p.changed or p.new_details or p.new_tags or p.job_changed or _extras_changed(p.extras)
    ]
    organisations = {p.organisation for p in pending}
    named = organisations | {str(p.changed.get("organisation", "")) for p in dirty}
    for p in dirty + [p for p in pending if type(p) is PendingPerson and p.extras is not None]:
        if p.extras is not None:
            named |= {org for org, _role in p.extras.new_jobs}
    orgs = _organisation_ids(named)
    org_of = {name: orgs.get(name.lower()) for name in organisations}
    date_of = {day: stored(day) for day in {p.connected_on for p in pending}}
    next_id = (Person.select(fn.MAX(Person.id)).scalar() or 0) + 1
    stamp = str(now)
    rows = [
        (pid, p.name, org_of[p.organisation], p.role, p.linkedin, p.website, p.location, p.notes.strip(),
         date_of[p.connected_on], p.nickname, stamp, stamp)
        for pid, p in enumerate(pending, next_id)
    ]
    full = []
    for pid, person in enumerate(pending, next_id):
        if type(person) is PendingPerson:
            person.id = pid
            full.append(person)
    with _people_reindexed_once(p.id for p in dirty if _FTS_COLUMNS.intersection(p.changed)):
        _update_existing(dirty, orgs, now)
    everyone = full + dirty
    details = [
        (p.id, kind, label, value, normalized) for p in everyone for kind, label, value, normalized in p.new_details
    ]
    tags = _tag_ids({t for p in everyone for t in p.new_tags})
    links = sorted({(p.id, tags[t.casefold()]) for p in everyone for t in p.new_tags})
    PT = PersonTag._meta
    person_col, tag_col = PT.fields["person"].column_name, PT.fields["tag"].column_name
    with_extras = [p for p in everyone if p.extras is not None]
    relating = any(p.extras.new_relations for p in with_extras)
    targets = _relation_targets(planner, pending, next_id) if relating else None
    # The undo capture reads the new people and jobs back by range, without a trigger per row.
    with changelog.bulk_inserts(DB, BULK_TABLES):
        with person_index_deferred(DB):
            bulk_insert(Person, PERSON_COLUMNS, rows)
            bulk_insert(ContactDetail, ["person", "kind", "label", "value", "normalized"], details)
            sql = f'INSERT OR IGNORE INTO "{PT.table_name}" ("{person_col}", "{tag_col}") VALUES (?, ?)'
            DB.cursor().executemany(sql, links)
            _write_existing_jobs(dirty, orgs, clock.today())
            _write_extras(with_extras, orgs, targets)
        if rows:
            _first_jobs(next_id)
        # Further jobs after the first ones, so that a person's first current job stays the one
        # their organisation and role mirror (their index rows are refreshed by the trigger).
        further = [
            (p.id, orgs.get(org.lower()) if org else None, role) for p in with_extras for org, role in p.extras.new_jobs
        ]
        bulk_insert(Job, ["person", "organisation", "role"], further)


def _first_jobs(first_id: int) -> None:
    """Each new person's organisation and role become their first job (not a noticed change), in
    one statement, before any further job of theirs.

    The index trigger on new jobs is set aside meanwhile: the people's index reads a job only
    for a former organisation (one other than the person's own), and a first job's organisation
    is the person's, so their index rows, just written, stay exact without a refresh."""
    J, P = Job._meta, Person._meta
    found = DB.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'job_fts_ai'").fetchone()
    if found is not None:
        DB.execute_sql('DROP TRIGGER "job_fts_ai"')
    DB.execute_sql(
        f'INSERT INTO "{J.table_name}" ("{J.fields["person"].column_name}", '
        f'"{J.fields["organisation"].column_name}", "role", "dismissed") '
        f'SELECT "{P.primary_key.column_name}", "{P.fields["organisation"].column_name}", "role", 0 '
        f'FROM "{P.table_name}" WHERE "{P.primary_key.column_name}" >= ? '
        f'AND ("{P.fields["organisation"].column_name}" IS NOT NULL OR "role" != \'\') '
        f'ORDER BY "{P.primary_key.column_name}"',
        (first_id,),
    )
    if found is not None:
        DB.execute_sql(found[0])
