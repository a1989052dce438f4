"""The journal's rows as sync field dicts, and field dicts written back as rows.

A synced item is a `dict[str, str]` (see the sync contract): "" is empty, a list is lines joined
with "\\n" whose parts are joined with "\\t", dates are ISO and date-times local floating
`YYYY-MM-DDTHH:MM:SS`, and other items are named by their sync UIDs, which the caller's `Uids`
maps to and from the journal's row ids.

Reading is batched: every reader costs a few queries whatever the journal's size (one per table
it reads), and assembles the dicts in Python. Writing follows the journal's own rules (a
person's organisation and role are their current job, tags and lists are replaced, a new
person is created as the People view creates one) inside the caller's transaction: each
writer checks all it is given first and then writes in a savepoint of its own, so a value it
refuses (ValidationError, one line) leaves nothing half-written. The full-text index and each
person's last contact follow from the tables' triggers.

What is written reads back the same (`read_X(write_X(v)) == v`, key by key) once values are
in the journal's form: names and labels with single spaces, notes and fields without outer
spaces, lists without duplicates or blank rows, an organisation or tag spelt as the journal
already spells it (names are compared ignoring case). A keep-in-touch item or a date that
matters is derived: ticking it done moves it on, so its `due` changes and `done` reads "" again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qsl, quote

from peewee import JOIN

from journal.clock import Clock
from journal.domain import dates as yearly
from journal.domain.cadence import keep_in_touch_due
from journal.domain.channels import CHANNELS, DEFAULT_CHANNEL
from journal.domain.contact_details import normalize_detail
from journal.domain.pipeline import Stage
from journal.errors import ValidationError
from journal.interop.sync_cards import PERSON_KEYS, CardFields, photo_value
from journal.services.agenda import dates as agenda_dates
from journal.services.agenda import next_steps
from journal.services.people import jobs
from journal.services.people import records as people
from journal.services.people.fields import AddressEntry, check_addresses, linked_person
from journal.services.people.naming import clean_name, organisation_named
from journal.services.transaction import write
from journal.store import last_contact
from journal.store.models import (
    DB,
    Address,
    ContactDetail,
    Conversation,
    Introduction,
    Job,
    NextStep,
    Organisation,
    Participant,
    Person,
    PersonDate,
    PersonPhoto,
    PersonTag,
    Profile,
    Relation,
    Tag,
)

INTRO_PREFIX = "intro:"
INTRODUCTION_KEYS = (
    "introducer", "target", "stage", "offered_on", "asked_on", "introduced_on", "met_on", "thanked_on",
    "closed_on", "stage_changed_on", "conversation", "notes",
)
_INTRO_DATES = ("offered_on", "asked_on", "introduced_on", "met_on", "thanked_on", "closed_on", "stage_changed_on")
STEP_KEYS = ("text", "due", "snoozed_until", "done_at", "person", "conversation", "introduction")
KEEP_KEYS = ("person", "summary", "due", "done")
DATE_KEYS = ("person", "summary", "due", "acknowledged")
CONVERSATION_KEYS = ("occurred_at", "channel", "summary", "notes", "participants")
ADDRESS_KEYS = ("label", "po_box", "extended", "street", "locality", "region", "postcode", "country")
_ENCODING_VERSION = "1"
# Above this many ids a reader reads every row and keeps the wanted ones (binding thousands of
# parameters costs more than reading the table).
_MANY_IDS = 500


class Uids(Protocol):
    def uid_of(self, kind: str, local_id: int) -> str: ...  # "" if the row has no sync item

    def local_of(self, kind: str, uid: str) -> int | None: ...


# --- values as text ------------------------------------------------------------------------


def _part(text) -> str:
    """One part of a list line: tabs and line breaks inside it become spaces."""
    return str(text or "").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _lines(rows: Iterable[Sequence]) -> str:
    return "\n".join("\t".join(_part(p) for p in row) for row in rows)


def _rows(text: str, width: int) -> list[list[str]]:
    """The lines of a list value as `width` parts each (missing parts ""); blank lines skipped."""
    out = []
    for line in (text or "").replace("\r", "").split("\n"):
        if not line.strip():
            continue
        parts = line.split("\t")[:width]
        out.append(parts + [""] * (width - len(parts)))
    return out


def _day(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def _as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _stamp(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str) and len(value) >= 19 and value[10] in " T" and (len(value) == 19 or value[19] == "."):
        return f"{value[:10]}T{value[11:19]}"  # as peewee stores it: no need to parse
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value))
    return value.replace(microsecond=0).isoformat(timespec="seconds")


def _flag(value) -> str:
    return "1" if value else ""


def _parse_day(what: str, text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > 10 and text[10] in "T ":
        text = text[:10]  # the day of a date-time
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"The {what} “{text[:40]}” is not a date (YYYY-MM-DD).") from None


def _parse_stamp(what: str, text: str) -> dt.datetime | None:
    """A local floating date-time; one with a zone is turned into local time."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        raise ValidationError(f"The {what} “{text[:40]}” is not a date and time (YYYY-MM-DDTHH:MM:SS).") from None
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


def _parse_flag(text: str) -> bool:
    return (text or "").strip().casefold() not in ("", "0", "false", "no")


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _utc(local: dt.datetime | None) -> dt.datetime | None:
    """A local naive time as naive UTC."""
    if local is None:
        return None
    if not isinstance(local, dt.datetime):
        local = dt.datetime.fromisoformat(str(local))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _id_list(ids) -> list[int] | None:
    return None if ids is None else list(dict.fromkeys(int(i) for i in ids))


def _only(query, column, ids: list[int] | None):
    """`query` limited to rows whose `column` is one of `ids` (all rows for many ids: the
    caller keeps the wanted ones)."""
    if ids is None or len(ids) > _MANY_IDS:
        return query
    return query.where(column.in_(ids))


def _sql_rows(sql: str, column: str, ids: list[int] | None) -> list[tuple]:
    """Rows of `sql` (which has no WHERE), limited to `column` in `ids` where few are wanted."""
    if ids is not None and len(ids) <= _MANY_IDS:
        if not ids:
            return []
        sql += f" WHERE {column} IN ({', '.join('?' * len(ids))})"
        return DB.execute_sql(sql, ids).fetchall()
    return DB.execute_sql(sql).fetchall()


def _ref(uids: Uids, kind: str, local_id: int | None) -> str:
    return uids.uid_of(kind, local_id) if local_id is not None else ""


def _local(uids: Uids, kind: str, uid: str, model) -> int | None:
    """The row a uid names, where it is still in the journal."""
    uid = (uid or "").strip()
    if not uid:
        return None
    local_id = uids.local_of(kind, uid)
    if local_id is None or not model.select(model.id).where(model.id == local_id).exists():
        return None
    return local_id


# --- introductions, encoded in their target's card -----------------------------------------


def encode_introduction(d: dict[str, str]) -> str:
    """The one-line form of an introduction in its target's card: `v=1&introducer=…&…`, every
    value percent-encoded, so nothing in it needs escaping in a vCard and it reads back exactly."""
    pairs = [("v", _ENCODING_VERSION)] + [(key, d.get(key, "") or "") for key in INTRODUCTION_KEYS]
    return "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs)


def decode_introduction(s: str) -> dict[str, str]:
    """The introduction dict of an encoded value (every key present, "" where not given)."""
    text = (s or "").strip()
    try:
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise ValidationError(f"An introduction in a card cannot be read (“{text[:40]}”).") from None
    given = dict(pairs)
    if given.get("v", _ENCODING_VERSION) != _ENCODING_VERSION:
        raise ValidationError("An introduction in a card was written by a newer Contact Journal; update the app.")
    return {key: given.get(key, "") for key in INTRODUCTION_KEYS}


def _introduction_rows(intro_ids: list[int] | None = None, target_ids: list[int] | None = None):
    query = Introduction.select(
        Introduction.id, Introduction.introducer, Introduction.target, Introduction.stage, Introduction.offered_on,
        Introduction.asked_on, Introduction.introduced_on, Introduction.met_on, Introduction.thanked_on,
        Introduction.closed_on, Introduction.stage_changed_on, Introduction.conversation, Introduction.notes,
    ).order_by(Introduction.id)
    query = _only(query, Introduction.id, intro_ids)
    query = _only(query, Introduction.target, target_ids)
    return query.tuples()


def _introduction_dict(uids: Uids, row) -> dict[str, str]:
    (_id, introducer, target, stage, offered, asked, introduced, met, thanked, closed, changed,
     conversation, notes) = row
    return {
        "introducer": _ref(uids, "person", introducer),
        "target": _ref(uids, "person", target),
        "stage": stage or "",
        "offered_on": _day(offered),
        "asked_on": _day(asked),
        "introduced_on": _day(introduced),
        "met_on": _day(met),
        "thanked_on": _day(thanked),
        "closed_on": _day(closed),
        "stage_changed_on": _day(changed),
        "conversation": _ref(uids, "conversation", conversation),
        "notes": notes or "",
    }


def read_introductions(uids: Uids, ids=None) -> dict[int, dict[str, str]]:
    """introduction id -> its dict (the decoded form), in one query."""
    wanted = _id_list(ids)
    out = {row[0]: _introduction_dict(uids, row) for row in _introduction_rows(intro_ids=wanted)}
    if wanted is not None:
        keep = set(wanted)
        out = {i: d for i, d in out.items() if i in keep}
    return out


def write_introduction(intro_id: int | None, values: dict[str, str], uids: Uids, *, clock: Clock) -> int | None:
    """Create (`intro_id` None) or update an introduction from the keys given; None, with nothing
    written, when the introducer or the target it names is not in the journal.

    The stage and its dates are taken as they are (the other side moved through the pipeline
    already): no transition is checked, and no implied next step is created or completed, as
    the steps travel as items of their own."""
    existing = None
    if intro_id is not None:
        existing = Introduction.get_or_none(Introduction.id == intro_id)
        if existing is None:
            raise ValidationError("This introduction is no longer in the journal.")
    ids: dict[str, int | None] = {}
    for key in ("introducer", "target"):
        if key in values:
            ids[key] = _local(uids, "person", values[key], Person)
            if ids[key] is None:
                return None
        elif existing is None:
            return None
    fields: dict = {}
    if "introducer" in ids:
        fields["introducer"] = ids["introducer"]
    if "target" in ids:
        fields["target"] = ids["target"]
    introducer = fields.get("introducer", existing.introducer_id if existing else None)
    target = fields.get("target", existing.target_id if existing else None)
    if introducer == target:
        raise ValidationError("Someone cannot be introduced to themselves.")
    if "stage" in values:
        stage = (values["stage"] or "").strip().casefold() or Stage.OFFERED.value
        if stage not in {s.value for s in Stage}:
            raise ValidationError(f"There is no introduction stage {stage!r}.")
        fields["stage"] = stage
    for key in _INTRO_DATES:
        if key in values:
            fields[key] = _parse_day(key.replace("_", " "), values[key])
    if "conversation" in values:
        fields["conversation"] = _local(uids, "conversation", values["conversation"], Conversation)
    if "notes" in values:
        fields["notes"] = (values["notes"] or "").strip()
    with write():
        if existing is None:
            today = clock.today()
            fields.setdefault("stage", Stage.OFFERED.value)
            if fields.get("offered_on") is None:
                fields["offered_on"] = fields.get("stage_changed_on") or today
            if fields.get("stage_changed_on") is None:
                fields["stage_changed_on"] = fields["offered_on"]
            return Introduction.create(created_at=clock.now(), **fields).id
        # offered_on and stage_changed_on are never empty in the journal
        for key in ("offered_on", "stage_changed_on"):
            if key in fields and fields[key] is None:
                del fields[key]
        changed = [key for key, value in fields.items() if existing.__data__.get(key) != value]
        if changed:
            Introduction.update({getattr(Introduction, key): fields[key] for key in changed}).where(
                Introduction.id == existing.id
            ).execute()
        return existing.id


# --- people --------------------------------------------------------------------------------


def read_people(uids: Uids, ids=None) -> dict[int, CardFields]:
    """person id -> their card fields: everyone (placeholders and archived people too), with
    an "intro:<uid>" value for each introduction whose target they are (those with a sync UID).
    One query per table, whatever the number of people."""
    wanted = _id_list(ids)
    query = (
        Person.select(
            Person.id, Person.name, Person.nickname, Organisation.name, Person.role, Person.linkedin,
            Person.website, Person.location, Person.notes, Person.how_met, Person.connected_on,
            Person.cadence_days, Person.cadence_set_on, Person.keep_in_touch_snoozed_until,
            Person.is_placeholder, Person.archived, Person.updated_at,
        )
        .join(Organisation, JOIN.LEFT_OUTER, on=(Person.organisation == Organisation.id))
        .order_by(Person.id)
    )
    values: dict[int, dict[str, str]] = {}
    stamps: dict[int, dt.datetime | None] = {}
    keep = None if wanted is None else set(wanted)
    for (pid, name, nickname, org, role, linkedin, website, location, notes, how_met, connected_on, cadence,
         set_on, snoozed, placeholder, archived, updated_at) in _only(query, Person.id, wanted).tuples():
        if keep is not None and pid not in keep:
            continue
        values[pid] = {
            "name": name or "", "nickname": nickname or "", "organisation": org or "", "role": role or "",
            "linkedin": linkedin or "", "website": website or "", "location": location or "",
            "notes": notes or "", "how_met": how_met or "", "connected_on": _day(connected_on),
            "cadence_days": str(cadence) if cadence else "", "cadence_set_on": _day(set_on),
            "keep_snoozed_until": _day(snoozed), "placeholder": _flag(placeholder), "archived": _flag(archived),
        }
        stamps[pid] = updated_at
    if not values:
        return {}
    lists: dict[str, dict[int, list]] = {
        key: {} for key in ("emails", "phones", "tags", "dates", "addresses", "profiles", "relations", "other_jobs")
    }

    def add(key: str, pid: int, row) -> None:
        if pid in values:
            lists[key].setdefault(pid, []).append(row)

    details = ContactDetail.select(ContactDetail.person, ContactDetail.kind, ContactDetail.value, ContactDetail.label)
    for pid, kind, value, label in _only(details, ContactDetail.person, wanted).order_by(ContactDetail.id).tuples():
        if kind in ("email", "phone"):
            add("emails" if kind == "email" else "phones", pid, (value, label))
    tags = PersonTag.select(PersonTag.person, Tag.name).join(Tag, on=(PersonTag.tag == Tag.id))
    for pid, tag in _only(tags, PersonTag.person, wanted).tuples():
        add("tags", pid, tag)
    date_rows = PersonDate.select(PersonDate.person, PersonDate.kind, PersonDate.label, PersonDate.month,
                                  PersonDate.day, PersonDate.year)
    for pid, kind, label, month, day, year in _only(date_rows, PersonDate.person, wanted).tuples():
        try:
            text = yearly.YearlyDate(month, day, year).text()
        except (yearly.DateValueError, TypeError):  # a row another tool wrote out of range
            continue
        add("dates", pid, (kind or "custom", label or "", text))
    parts = [getattr(Address, key) for key in ADDRESS_KEYS]
    for pid, *row in _only(Address.select(Address.person, *parts), Address.person, wanted).order_by(Address.id).tuples():
        add("addresses", pid, row)
    profiles = Profile.select(Profile.person, Profile.service, Profile.value)
    for pid, service, value in _only(profiles, Profile.person, wanted).order_by(Profile.id).tuples():
        add("profiles", pid, (service or "", value or ""))
    other = Person.alias()
    relations = (
        Relation.select(Relation.person, Relation.kind, Relation.name, other.name)
        .join(other, JOIN.LEFT_OUTER, on=(Relation.other == other.id))
    )
    for pid, kind, name, other_name in _only(relations, Relation.person, wanted).order_by(Relation.id).tuples():
        if name or other_name:
            add("relations", pid, (kind or "", name or other_name))
    current = (
        Job.select(Job.person, Organisation.name, Job.role)
        .join(Organisation, JOIN.LEFT_OUTER, on=(Job.organisation == Organisation.id))
        .where(Job.ended_on.is_null())
    )
    firsts: set[int] = set()
    for pid, org, role in _only(current, Job.person, wanted).order_by(Job.person, Job.id).tuples():
        if pid not in firsts:  # the first current job is the person's organisation and role
            firsts.add(pid)
            continue
        add("other_jobs", pid, (org or "", role or ""))
    photos: dict[int, tuple[str, str]] = {}
    photo_rows = PersonPhoto.select(PersonPhoto.person, PersonPhoto.mime, PersonPhoto.data)
    for pid, mime, data in _only(photo_rows, PersonPhoto.person, wanted).tuples():
        if pid in values and data:
            photos[pid] = (mime or "image/jpeg", data)
    intros: dict[int, dict[str, str]] = {}
    for row in _introduction_rows(target_ids=wanted):
        target = row[2]
        if target in values:
            uid = uids.uid_of("introduction", row[0])
            if uid:
                intros.setdefault(target, {})[INTRO_PREFIX + uid] = encode_introduction(_introduction_dict(uids, row))
    out: dict[int, CardFields] = {}
    for pid, person in values.items():
        person["emails"] = _lines(lists["emails"].get(pid, ()))
        person["phones"] = _lines(lists["phones"].get(pid, ()))
        person["tags"] = "\n".join(_part(t) for t in sorted(lists["tags"].get(pid, ()), key=lambda t: (t.casefold(), t)))
        person["dates"] = "\n".join(sorted(_lines([row]) for row in lists["dates"].get(pid, ())))
        for key in ("addresses", "profiles", "relations", "other_jobs"):
            person[key] = _lines(lists[key].get(pid, ()))
        photo = photos.get(pid)
        person["photo"] = photo_value(photo)
        ordered = {key: person[key] for key in PERSON_KEYS}
        ordered.update(intros.get(pid, {}))
        out[pid] = CardFields(uid=uids.uid_of("person", pid), values=ordered, photo=photo, changed_at=_utc(stamps[pid]))
    return out


@dataclass
class _PersonPlan:
    """What write_person was given, checked and in the journal's form (None: not given)."""

    columns: dict
    organisation: str | None = None
    role: str | None = None
    tags: list[str] | None = None
    emails: list[dict] | None = None
    phones: list[dict] | None = None
    dates: list[dict] | None = None
    addresses: list[dict] | None = None
    profiles: list[dict] | None = None
    relations: list[tuple[str, str]] | None = None
    other_jobs: list[tuple[str, str]] | None = None
    photo: tuple[str, str] | None | bool = False  # False: not given; None: no photo
    photo_kept: str = ""  # values["photo"] given without the data


_TEXT_COLUMNS = {"linkedin": "linkedin", "website": "website", "location": "location", "notes": "notes",
                 "how_met": "how_met"}


def _details(kind: str, text: str) -> list[dict]:
    out, seen = [], set()
    for value, label in _rows(text, 2):
        value, label = value.strip(), _clean(label)
        if not value:
            continue
        normalized = normalize_detail(kind, value)
        key = normalized if normalized.strip("+") else f"as written:{value}"
        if key not in seen:
            seen.add(key)
            out.append({"kind": kind, "label": label, "value": value, "normalized": normalized})
    return out


def _plan_person(values: dict[str, str], creating: bool) -> _PersonPlan:
    columns: dict = {}
    if "name" in values or creating:
        name = clean_name(values.get("name", ""))
        if not name:
            raise ValidationError("A person needs a name or a description.")
        columns["name"] = name
    if "nickname" in values:
        columns["nickname"] = clean_name(values["nickname"])
    for key, column in _TEXT_COLUMNS.items():
        if key in values:
            columns[column] = (values[key] or "").strip()
    if "connected_on" in values:
        columns["connected_on"] = _parse_day("connected-on date", values["connected_on"])
    if "cadence_days" in values:
        text = (values["cadence_days"] or "").strip()
        if not text:
            columns["cadence_days"] = None
        else:
            try:
                days = int(text)
            except ValueError:
                days = 0
            if days <= 0:
                raise ValidationError(f"A keep-in-touch cadence is a positive number of days, not “{text[:20]}”.")
            columns["cadence_days"] = days
    if "cadence_set_on" in values:
        columns["cadence_set_on"] = _parse_day("day the cadence was set", values["cadence_set_on"])
    if "keep_snoozed_until" in values:
        columns["keep_in_touch_snoozed_until"] = _parse_day("keep-in-touch snooze", values["keep_snoozed_until"])
    if "placeholder" in values:
        columns["is_placeholder"] = _parse_flag(values["placeholder"])
    if "archived" in values:
        columns["archived"] = _parse_flag(values["archived"])
    plan = _PersonPlan(columns)
    if "organisation" in values:
        plan.organisation = clean_name(values["organisation"])
    if "role" in values:
        plan.role = clean_name(values["role"])
    if "tags" in values:
        plan.tags = []
        for (name,) in _rows(values["tags"], 1):
            name = clean_name(name).lstrip("#")
            if name and name.casefold() not in {t.casefold() for t in plan.tags}:
                plan.tags.append(name)
    if "emails" in values:
        plan.emails = _details("email", values["emails"])
    if "phones" in values:
        plan.phones = _details("phone", values["phones"])
    if "dates" in values:
        plan.dates = []
        for kind, label, text in _rows(values["dates"], 3):
            kind, label = _clean(kind).casefold(), _clean(label)
            if kind not in PersonDate.KINDS:
                kind, label = "custom", label or kind
            try:
                when = yearly.parse(text)
            except yearly.DateValueError:
                raise ValidationError(f"“{text.strip()[:40]}” is not a date (YYYY-MM-DD, or --MM-DD without a year).") from None
            row = {"kind": kind, "label": label, "month": when.month, "day": when.day, "year": when.year}
            if row not in plan.dates:
                plan.dates.append(row)
    if "addresses" in values:
        entries = [
            AddressEntry(label=r[0], po_box=r[1], extended=r[2], street=r[3], locality=r[4], region=r[5],
                         postcode=r[6], country=r[7])
            for r in _rows(values["addresses"], len(ADDRESS_KEYS))
        ]
        plan.addresses = [{key: getattr(e, key) for key in ADDRESS_KEYS} for e in check_addresses(entries)]
    if "profiles" in values:
        plan.profiles, seen = [], set()
        for service, value in _rows(values["profiles"], 2):
            service, value = _clean(service).casefold(), value.strip()
            if value and (service, value.casefold()) not in seen:
                seen.add((service, value.casefold()))
                plan.profiles.append({"service": service, "value": value})
    if "relations" in values:
        plan.relations = []
        for kind, name in _rows(values["relations"], 2):
            kind, name = _clean(kind).casefold(), clean_name(name)
            if name:
                plan.relations.append((kind, name))
    if "other_jobs" in values:
        plan.other_jobs = []
        for org, role in _rows(values["other_jobs"], 2):
            org, role = clean_name(org), clean_name(role)
            if org or role:
                plan.other_jobs.append((org, role))
    return plan


def _replace_in_order(model, where, wanted: list[dict], **fixed) -> bool:
    """The rows of `model` matching `where` become `wanted`, in that order (row i holds
    wanted[i]: rows already right stay untouched, others are updated in place, the surplus
    deleted or the missing created). True when anything was written."""
    existing = list(model.select().where(where).order_by(model.id))
    changed = False
    for row, values in zip(existing, wanted, strict=False):
        if any(row.__data__.get(key) != value for key, value in values.items()):
            model.update(values).where(model.id == row.id).execute()
            changed = True
    surplus = [row.id for row in existing[len(wanted):]]
    if surplus:
        model.delete().where(model.id.in_(surplus)).execute()
        changed = True
    for values in wanted[len(existing):]:
        model.create(**fixed, **values)
        changed = True
    return changed


def _replace_dates(person_id: int, wanted: list[dict]) -> bool:
    """Dates that stay keep their rows (and so their synced items); a date whose year or label
    changed is updated in place where its kind and day match, others by kind, then any."""
    existing = list(PersonDate.select().where(PersonDate.person == person_id).order_by(PersonDate.id))
    columns = ("kind", "label", "month", "day", "year")
    rest = list(wanted)
    unmatched = []
    for row in existing:
        match = next((w for w in rest if all(row.__data__.get(c) == w[c] for c in columns)), None)
        if match is None:
            unmatched.append(row)
        else:
            rest.remove(match)
    changed = False
    for keys in (("kind", "month", "day"), ("kind",), ()):
        for row in list(unmatched):
            match = next((w for w in rest if all(row.__data__.get(c) == w[c] for c in keys)), None)
            if match is not None:
                PersonDate.update(match).where(PersonDate.id == row.id).execute()
                unmatched.remove(row)
                rest.remove(match)
                changed = True
    if unmatched:
        PersonDate.delete().where(PersonDate.id.in_([row.id for row in unmatched])).execute()
        changed = True
    for values in rest:
        PersonDate.create(person=person_id, **values)
        changed = True
    return changed


def _write_other_jobs(person_id: int, wanted: list[tuple[str, str]], today: dt.date) -> bool:
    """The current jobs after the first become `wanted`, in order: one no longer listed ends
    today (kept as a former job), one listed anew starts."""
    first = Job.select(Job.id).where((Job.person == person_id) & Job.ended_on.is_null()).order_by(Job.id).first()
    existing = []
    if first is not None:
        existing = list(
            Job.select()
            .where((Job.person == person_id) & Job.ended_on.is_null() & (Job.id != first.id))
            .order_by(Job.id)
        )
    rows = []
    for org, role in wanted:
        found = organisation_named(org)
        rows.append({"organisation": found.id if found else None, "role": role})
    changed = False
    if first is None and rows:
        # No current job to be the first: the person's own (blank) organisation and role are it.
        Job.create(person=person_id, organisation=None, role="")
        changed = True
    for row, values in zip(existing, rows, strict=False):
        if row.organisation_id != values["organisation"] or row.role != values["role"]:
            Job.update(values).where(Job.id == row.id).execute()
            changed = True
    surplus = [row.id for row in existing[len(rows):]]
    if surplus:
        Job.update(ended_on=today).where(Job.id.in_(surplus)).execute()
        changed = True
    for values in rows[len(existing):]:
        Job.create(person=person_id, **values)
        changed = True
    return changed


def write_person(
    person_id: int | None, values: dict[str, str], photo: tuple[str, str] | None, uids: Uids, *, clock: Clock
) -> int:
    """Create (`person_id` None) or update a person from the keys given, and return their id.

    Only the keys in `values` are set ("intro:*" keys are the introductions', written with
    write_introduction). A new person is always new, whatever their name (people are matched by
    UID only, by the caller). The organisation and role correct the current job in place
    (jobs.set_current); a cadence changed without its "cadence_set_on" starts today, and clears a
    snooze not given. "photo" set: the photo is `photo` (mime, base64); "" removes it."""
    plain = {key: value for key, value in values.items() if not key.startswith(INTRO_PREFIX)}
    plan = _plan_person(plain, person_id is None)
    if "photo" in plain:
        wanted = (plain["photo"] or "").strip()
        if not wanted:
            plan.photo = None
        elif photo is not None and photo[1]:
            plan.photo = (photo[0] or "image/jpeg", photo[1])
        else:
            plan.photo_kept = wanted  # the data did not come: only right if it is the photo kept
    with write():
        if person_id is None:
            return _create_person(plan, clock)
        now = clock.now()
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise ValidationError("This person no longer exists; it may have been deleted.")
        pid = person.id
        changed = False
        columns = dict(plan.columns)
        if "cadence_days" in columns and columns["cadence_days"] != person.cadence_days:
            if "cadence_set_on" not in columns:
                columns["cadence_set_on"] = clock.today() if columns["cadence_days"] else None
            columns.setdefault("keep_in_touch_snoozed_until", None)
        differ = {key: value for key, value in columns.items() if person.__data__.get(key) != value}
        if differ:
            Person.update(differ).where(Person.id == pid).execute()
            changed = True
        if plan.organisation is not None or plan.role is not None:
            current_org = person.organisation.name if person.organisation_id else ""
            org = current_org if plan.organisation is None else plan.organisation
            role = person.role if plan.role is None else plan.role
            if org != current_org or role != person.role:
                jobs.set_current(pid, org, role)
                changed = True
        if plan.tags is not None:
            have = sorted(t.casefold() for t in people.tags_of(pid))
            if have != sorted(t.casefold() for t in plan.tags):
                people.set_tags(pid, plan.tags)
                changed = True
        for kind, wanted_details in (("email", plan.emails), ("phone", plan.phones)):
            if wanted_details is not None:
                where = (ContactDetail.person == pid) & (ContactDetail.kind == kind)
                changed |= _replace_in_order(ContactDetail, where, wanted_details, person=pid)
        if plan.dates is not None:
            changed |= _replace_dates(pid, plan.dates)
        if plan.addresses is not None:
            changed |= _replace_in_order(Address, Address.person == pid, plan.addresses, person=pid)
        if plan.profiles is not None:
            changed |= _replace_in_order(Profile, Profile.person == pid, plan.profiles, person=pid)
        if plan.relations is not None:
            wanted_relations = [
                {"kind": kind, "name": name, "other": linked_person(name, besides=pid)} for kind, name in plan.relations
            ]
            changed |= _replace_in_order(Relation, Relation.person == pid, wanted_relations, person=pid)
        if plan.other_jobs is not None and _write_other_jobs(pid, plan.other_jobs, clock.today()):
            changed = True
            first = (
                Job.select(Job, Organisation.name.alias("org_name"))
                .join(Organisation, JOIN.LEFT_OUTER, on=(Job.organisation == Organisation.id))
                .where((Job.person == pid) & Job.ended_on.is_null())
                .order_by(Job.id)
                .objects()
                .first()
            )
            if first is not None:  # the person's organisation and role mirror the first current job
                jobs.set_current(pid, getattr(first, "org_name", None) or "", first.role)
        changed |= _write_photo(pid, plan)
        if changed:
            Person.update(updated_at=now).where(Person.id == pid).execute()
    return pid


def _create_person(plan: _PersonPlan, clock: Clock) -> int:
    """A new person as the People view creates one (people.create_person: their organisation and
    role their first job), with their lists inserted at once: a new person has no rows to match."""
    columns = dict(plan.columns)
    if columns.get("cadence_days") and "cadence_set_on" not in columns:
        columns["cadence_set_on"] = clock.today()
    name = columns.pop("name")
    placeholder = columns.pop("is_placeholder", False)
    person = people.create_person(
        name, placeholder=placeholder, organisation=plan.organisation or "", role=plan.role or "", clock=clock,
        **columns,
    )
    pid = person.id
    if plan.tags:
        people.set_tags(pid, plan.tags)
    rows = [
        (ContactDetail, (plan.emails or []) + (plan.phones or [])),
        (PersonDate, plan.dates or []),
        (Address, plan.addresses or []),
        (Profile, plan.profiles or []),
        (Relation, [{"kind": kind, "name": name, "other": linked_person(name, besides=pid)}
                    for kind, name in plan.relations or []]),
    ]
    if plan.other_jobs:
        if not person.organisation_id and not person.role:
            rows.append((Job, [{"organisation": None, "role": ""}]))  # their own blank job comes first
        rows.append((Job, [{"organisation": getattr(organisation_named(org), "id", None), "role": role}
                           for org, role in plan.other_jobs]))
    for model, wanted in rows:
        if wanted:
            model.insert_many([{"person": pid, **values} for values in wanted]).execute()
    if plan.photo:
        PersonPhoto.create(person=pid, mime=plan.photo[0], data=plan.photo[1])
    elif plan.photo_kept:
        raise ValidationError("A photo changed on the server came without its image.")
    return pid


def _write_photo(pid: int, plan: _PersonPlan) -> bool:
    if plan.photo is False:
        if not plan.photo_kept:
            return False
        kept = PersonPhoto.get_or_none(PersonPhoto.person == pid)
        if kept is not None and photo_value((kept.mime, kept.data)) == plan.photo_kept:
            return False
        raise ValidationError("A photo changed on the server came without its image.")
    if plan.photo is None:
        return bool(PersonPhoto.delete().where(PersonPhoto.person == pid).execute())
    mime, data = plan.photo
    kept = PersonPhoto.get_or_none(PersonPhoto.person == pid)
    if kept is None:
        PersonPhoto.create(person=pid, mime=mime, data=data)
        return True
    if kept.mime != mime or kept.data != data:
        PersonPhoto.update(mime=mime, data=data).where(PersonPhoto.person == pid).execute()
        return True
    return False


# --- next steps ----------------------------------------------------------------------------


def read_steps(uids: Uids, ids=None) -> dict[int, dict[str, str]]:
    """step id -> its dict (done steps too), in one query."""
    wanted = _id_list(ids)
    keep = None if wanted is None else set(wanted)
    rows = _sql_rows(
        "SELECT id, text, due_date, due_time, snoozed_until, done_at, person_id, conversation_id, introduction_id "
        "FROM next_step",
        "id", wanted,
    )
    out = {}
    for sid, text, due, due_time, snoozed, done_at, person, conversation, introduction in rows:
        if keep is not None and sid not in keep:
            continue
        due_text = _day(due)
        if due_text and due_time is not None:
            due_text = f"{due_text}T{_time(due_time)}"
        out[sid] = {
            "text": text or "",
            "due": due_text,
            "snoozed_until": _day(snoozed),
            "done_at": _stamp(done_at),
            "person": _ref(uids, "person", person),
            "conversation": _ref(uids, "conversation", conversation),
            "introduction": _ref(uids, "introduction", introduction),
        }
    return dict(sorted(out.items()))


def _time(value) -> str:
    if isinstance(value, str) and len(value) >= 8 and value[2] == ":" and value[5] == ":" and value[8:9] in ("", "."):
        return value[:8]
    if isinstance(value, dt.time):
        return value.replace(microsecond=0).isoformat(timespec="seconds")
    return dt.time.fromisoformat(str(value)).replace(microsecond=0).isoformat(timespec="seconds")


def _parse_due(text: str) -> tuple[dt.date | None, dt.time | None]:
    text = (text or "").strip()
    if not text:
        return None, None
    if len(text) > 10:
        stamp = _parse_stamp("due date", text)
        return stamp.date(), stamp.time()
    return _parse_day("due date", text), None


def write_step(step_id: int | None, values: dict[str, str], uids: Uids, *, clock: Clock) -> int:
    """Create (`step_id` None) or update a next step from the keys given; returns its id.
    A person, conversation or introduction whose UID is not in the journal is left unlinked."""
    fields: dict = {}
    if "text" in values or step_id is None:
        text = " ".join((values.get("text") or "").split())
        if not text:
            raise ValidationError("A next step needs some text.")
        fields["text"] = text
    if "due" in values:
        fields["due_date"], fields["due_time"] = _parse_due(values["due"])
    if "snoozed_until" in values:
        fields["snoozed_until"] = _parse_day("snooze", values["snoozed_until"])
    if "done_at" in values:
        fields["done_at"] = _parse_stamp("day it was done", values["done_at"])
    for key, kind, model in (("person", "person", Person), ("conversation", "conversation", Conversation),
                             ("introduction", "introduction", Introduction)):
        if key in values:
            fields[key] = _local(uids, kind, values[key], model)
    with write():
        if step_id is None:
            step = next_steps.create_step(
                fields.pop("text"), due=fields.pop("due_date", None), due_time=fields.pop("due_time", None),
                person_id=fields.pop("person", None), conversation_id=fields.pop("conversation", None),
                introduction_id=fields.pop("introduction", None), clock=clock,
            )
            if fields:
                NextStep.update(fields).where(NextStep.id == step.id).execute()
            return step.id
        step = NextStep.get_or_none(NextStep.id == step_id)
        if step is None:
            raise ValidationError(f"There is no next step {step_id}.")
        differ = {key: value for key, value in fields.items() if step.__data__.get(key) != value}
        if differ:
            NextStep.update(differ).where(NextStep.id == step_id).execute()
        return step_id


# --- keep in touch -------------------------------------------------------------------------


def keep_summary(name: str) -> str:
    return f"Keep in touch with {name}"


def read_keeps(uids: Uids, today: dt.date) -> dict[int, dict[str, str]]:
    """person id -> their keep-in-touch item, for every active person with a cadence, in one
    query over the agenda's covering index. `due` is when keeping in touch falls due (overdue
    ones included); `done` is "" (a keep done moves on to its next due day)."""
    out = {}
    for pid, name, days, set_on, snoozed, last in last_contact.keep_in_touch_rows(DB):
        due = keep_in_touch_due(days, last, set_on, snoozed)
        out[pid] = {"person": uids.uid_of("person", pid), "summary": keep_summary(name), "due": _day(due), "done": ""}
    return out


def write_keep(person_id: int, values: dict[str, str], uids: Uids, *, clock: Clock) -> None:
    """A keep ticked done on `done` is Today's "I was in touch" on that day: the next one falls
    due one cadence on from it. A due day moved is a snooze until it (a snooze only moves a
    keep later than its cadence makes it). Nothing happens for someone without a cadence."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise ValidationError("This person no longer exists; it may have been deleted.")
    done = _parse_day("day it was done", values.get("done", ""))
    due = _parse_day("due date", values.get("due", "")) if "due" in values else None
    if not person.cadence_days:
        return
    with write():
        if done is not None:
            people.snooze_keep_in_touch(person_id, done + dt.timedelta(days=person.cadence_days), clock=clock)
            return
        if due is None:
            return
        current = keep_in_touch_due(
            person.cadence_days, people.last_contact(person_id), person.cadence_set_on, person.keep_in_touch_snoozed_until
        )
        if due != current:
            people.snooze_keep_in_touch(person_id, due, clock=clock)


# --- dates that matter ---------------------------------------------------------------------


def _next_due(date: yearly.YearlyDate, acknowledged: dt.date | None, today: dt.date) -> dt.date:
    """The next occurrence on or after today that is not yet marked done."""
    start = today
    if acknowledged is not None and acknowledged >= today:
        start = acknowledged + dt.timedelta(days=1)
    return date.next_on_or_after(start)


def read_dates(uids: Uids, today: dt.date) -> dict[int, dict[str, str]]:
    """person_date id -> its item (active people's dates), in one query: `due` is the next
    occurrence from today on not yet marked done, `acknowledged` the occurrence last marked."""
    rows = DB.execute_sql(
        "SELECT d.id, d.person_id, p.name, d.kind, d.label, d.month, d.day, d.year, d.acknowledged_on "
        "FROM person_date d JOIN person p ON p.id = d.person_id WHERE NOT p.archived ORDER BY d.id"
    ).fetchall()
    out = {}
    for date_id, pid, name, kind, label, month, day, year, acknowledged in rows:
        try:
            date = yearly.YearlyDate(month, day, year)
        except (yearly.DateValueError, TypeError):
            continue
        marked = _as_date(acknowledged)
        out[date_id] = {
            "person": uids.uid_of("person", pid),
            "summary": agenda_dates.summary_title(name, kind or "custom", label or ""),
            "due": _next_due(date, marked, today).isoformat(),
            "acknowledged": _day(marked),
        }
    return out


def write_date(date_id: int, values: dict[str, str], uids: Uids, *, clock: Clock) -> None:
    """"acknowledged" set: that occurrence is marked done (agenda.dates.acknowledge), "" takes
    the mark off. A date that matters comes back on its day each year: a moved due day, the
    summary and the person are not the item's to change."""
    if "acknowledged" not in values:
        if PersonDate.get_or_none(PersonDate.id == date_id) is None:
            raise ValidationError("This date is no longer in the journal.")
        return
    on = _parse_day("day marked done", values["acknowledged"])
    with write():
        if on is not None:
            agenda_dates.acknowledge(date_id, on)
        elif not PersonDate.update(acknowledged_on=None).where(PersonDate.id == date_id).execute():
            raise ValidationError("This date is no longer in the journal.")


# --- conversations -------------------------------------------------------------------------


def read_conversations(uids: Uids, ids=None) -> dict[int, dict[str, str]]:
    """conversation id -> its dict, in three queries. Participants are "uid\\tname" lines sorted
    by UID; people without a sync UID are left out."""
    wanted = _id_list(ids)
    keep = None if wanted is None else set(wanted)
    out: dict[int, dict[str, str]] = {}
    for cid, occurred_at, channel, summary, notes in _sql_rows(
        "SELECT id, occurred_at, channel, summary, notes FROM conversation", "id", wanted
    ):
        if keep is None or cid in keep:
            out[cid] = {"occurred_at": _stamp(occurred_at), "channel": channel or DEFAULT_CHANNEL,
                        "summary": summary or "", "notes": notes or "", "participants": ""}
    if not out:
        return out
    names = dict(DB.execute_sql("SELECT id, name FROM person").fetchall())
    lines: dict[int, str] = {}  # person id -> their participant line ("" without a UID)
    who: dict[int, list[str]] = {}
    for cid, pid in _sql_rows("SELECT conversation_id, person_id FROM participant", "conversation_id", wanted):
        if cid in out:
            line = lines.get(pid)
            if line is None:
                uid = uids.uid_of("person", pid)
                line = lines[pid] = f"{_part(uid)}\t{_part(names.get(pid, ''))}" if uid else ""
            if line:
                who.setdefault(cid, []).append(line)
    for cid, rows in who.items():
        out[cid]["participants"] = "\n".join(sorted(rows)) if len(rows) > 1 else rows[0]
    return dict(sorted(out.items()))


def write_conversation(conv_id: int | None, values: dict[str, str], uids: Uids, *, clock: Clock) -> int:
    """Create (`conv_id` None) or update a conversation from the keys given; returns its id.

    Participants whose UID is not in the journal are skipped (people are applied first); a
    conversation needs at least one known person. Unlike logging one in the window, this
    clears nobody's keep-in-touch snooze: a person's snooze travels in their own card."""
    fields: dict = {}
    if "occurred_at" in values or conv_id is None:
        when = _parse_stamp("time of the conversation", values.get("occurred_at", ""))
        if when is None:
            raise ValidationError("A conversation needs the day and time it happened.")
        fields["occurred_at"] = when
    if "channel" in values:
        channel = (values["channel"] or "").strip().casefold()
        fields["channel"] = channel if channel in CHANNELS else DEFAULT_CHANNEL
    for key in ("summary", "notes"):
        if key in values:
            fields[key] = (values[key] or "").strip()
    person_ids: list[int] | None = None
    if "participants" in values or conv_id is None:
        person_ids = []
        for uid, _name in _rows(values.get("participants", ""), 2):
            pid = _local(uids, "person", uid, Person)
            if pid is not None and pid not in person_ids:
                person_ids.append(pid)
        if not person_ids:
            raise ValidationError("A conversation needs at least one person in the journal.")
    with write():
        if conv_id is None:
            conversation = Conversation.create(created_at=clock.now(), **{"channel": DEFAULT_CHANNEL, **fields})
            cid = conversation.id
            have: set[int] = set()
        else:
            conversation = Conversation.get_or_none(Conversation.id == conv_id)
            if conversation is None:
                raise ValidationError("This conversation no longer exists; it may have been deleted.")
            cid = conv_id
            differ = {key: value for key, value in fields.items() if conversation.__data__.get(key) != value}
            if differ:
                Conversation.update(differ).where(Conversation.id == cid).execute()
            have = {pid for (pid,) in Participant.select(Participant.person).where(Participant.conversation == cid).tuples()}
        if person_ids is not None:
            gone = have - set(person_ids)
            if gone:
                Participant.delete().where((Participant.conversation == cid) & Participant.person.in_(sorted(gone))).execute()
            for pid in person_ids:
                if pid not in have:
                    Participant.create(conversation=cid, person=pid)
    return cid


# --- deleting ------------------------------------------------------------------------------


def remove(kind: str, local_id: int) -> str:
    """An item deleted on the server, deleted here: "deleted", "archived" for a person who still
    has conversations (kept, out of lists and reminders), or "gone" where it already was.
    A keep deleted ends keeping in touch (the cadence is cleared); a date, the date itself."""
    with write():
        if kind == "person":
            person = Person.get_or_none(Person.id == local_id)
            if person is None:
                return "gone"
            if Participant.select().where(Participant.person == local_id).exists():
                if not person.archived:
                    Person.update(archived=True).where(Person.id == local_id).execute()
                return "archived"
            person.delete_instance()
            return "deleted"
        if kind == "keep":
            changed = Person.update(cadence_days=None, cadence_set_on=None, keep_in_touch_snoozed_until=None).where(
                (Person.id == local_id) & Person.cadence_days.is_null(False)
            ).execute()
            return "deleted" if changed else "gone"
        models = {"introduction": Introduction, "step": NextStep, "date": PersonDate, "conversation": Conversation}
        model = models.get(kind)
        if model is None:
            raise ValueError(f"Unknown kind of synced item {kind!r}.")
        return "deleted" if model.delete().where(model.id == local_id).execute() else "gone"
