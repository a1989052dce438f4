"""The person pane's lists: dates that matter, postal addresses, social profiles and relations.

Each list is saved by replacing what the person has with what the pane shows (rows that stay
keep their ids, as contact details do), after every row has been checked: a bad row refuses the
whole save with a one-line message naming it, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import fn

from journal.domain import dates
from journal.errors import ValidationError
from journal.interop.records import AddressRecord
from journal.services.people.naming import clean_name
from journal.services.transaction import write
from journal.store.models import Address, Person, PersonDate, Profile, Relation

DATE_KINDS = PersonDate.KINDS
# Services whose profile value is (or becomes) a web address.
WEB_SERVICES = {
    "twitter": "https://twitter.com/{}",
    "x": "https://x.com/{}",
    "github": "https://github.com/{}",
    "instagram": "https://www.instagram.com/{}",
    "facebook": "https://www.facebook.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
}
ADDRESS_PARTS = ("street", "po_box", "extended", "locality", "region", "postcode", "country")


@dataclass(frozen=True)
class DateEntry:
    kind: str
    date: dates.YearlyDate
    label: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AddressEntry:
    label: str = ""
    street: str = ""
    po_box: str = ""
    extended: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    id: int | None = None

    def parts(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in ADDRESS_PARTS)

    def is_empty(self) -> bool:
        return not any(part.strip() for part in self.parts())

    def one_line(self) -> str:
        """As an imported address reads on one line (AddressRecord.one_line)."""
        return AddressRecord(**{name: getattr(self, name) for name in AddressRecord.PARTS}).one_line()


@dataclass(frozen=True)
class ProfileEntry:
    service: str
    value: str
    id: int | None = None

    @property
    def url(self) -> str:
        """A web address to open, or "" where the profile is not one (a Skype name, XMPP)."""
        return profile_url(self.service, self.value)


@dataclass(frozen=True)
class RelationEntry:
    kind: str
    name: str
    other: int | None = None  # the person in the journal it names, where exactly one does
    id: int | None = None


@dataclass(frozen=True)
class PersonFields:
    dates: tuple[DateEntry, ...] = ()
    addresses: tuple[AddressEntry, ...] = ()
    profiles: tuple[ProfileEntry, ...] = ()
    relations: tuple[RelationEntry, ...] = ()


@dataclass(frozen=True)
class FieldChanges:
    """The lists a save replaces; None leaves that list as it is."""

    dates: tuple[DateEntry, ...] | None = None
    addresses: tuple[AddressEntry, ...] | None = None
    profiles: tuple[ProfileEntry, ...] | None = None
    relations: tuple[RelationEntry, ...] | None = None
    extra: dict = field(default_factory=dict)


# --- reading ---------------------------------------------------------------------------------


def profile_url(service: str, value: str) -> str:
    value = value.strip()
    lowered = value.casefold()
    if lowered.startswith(("http://", "https://")):
        return value
    if lowered.startswith("www."):
        return "https://" + value
    pattern = WEB_SERVICES.get(service.strip().casefold())
    if pattern and value:
        return pattern.format(value.lstrip("@"))
    return ""


def fields_of(person_id: int) -> PersonFields:
    return PersonFields(
        dates=tuple(
            DateEntry(d.kind, dates.YearlyDate(d.month, d.day, d.year), d.label, d.id)
            for d in PersonDate.select().where(PersonDate.person == person_id).order_by(PersonDate.id)
        ),
        addresses=tuple(
            AddressEntry(
                a.label, a.street, a.po_box, a.extended, a.locality, a.region, a.postcode, a.country, a.id
            )
            for a in Address.select().where(Address.person == person_id).order_by(Address.id)
        ),
        profiles=tuple(
            ProfileEntry(p.service, p.value, p.id)
            for p in Profile.select().where(Profile.person == person_id).order_by(Profile.id)
        ),
        relations=tuple(
            RelationEntry(r.kind, r.name, r.other_id, r.id)
            for r in Relation.select().where(Relation.person == person_id).order_by(Relation.id)
        ),
    )


# --- checking --------------------------------------------------------------------------------


def parse_date(text: str) -> dates.YearlyDate:
    """A date typed into the pane: YYYY-MM-DD, or --MM-DD without a year (29 Feb allowed)."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("A date that matters needs a date (YYYY-MM-DD, or --MM-DD without a year).")
    try:
        return dates.parse(text)
    except dates.DateValueError as exc:
        reason = str(exc)
        if "is not a date" in reason:
            reason = "write YYYY-MM-DD, or --MM-DD without a year"
        raise ValidationError(f"“{text[:40]}” is not a date: {reason}.") from None


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def check_dates(entries) -> list[DateEntry]:
    out = []
    for entry in entries:
        if entry.kind not in DATE_KINDS:
            raise ValidationError(f"Unknown kind of date {entry.kind!r}; one of {', '.join(DATE_KINDS)}.")
        label = _clean(entry.label)
        if entry.kind == "custom" and not label:
            raise ValidationError(f"The date {entry.date.text()} needs a label saying what it is.")
        out.append(DateEntry(entry.kind, entry.date, label, entry.id))
    return out


def check_addresses(entries) -> list[AddressEntry]:
    out = []
    for entry in entries:
        if entry.is_empty():
            continue  # an address row left blank is no address
        cleaned = {name: _clean(getattr(entry, name)) for name in ADDRESS_PARTS}
        out.append(AddressEntry(label=_clean(entry.label), id=entry.id, **cleaned))
    return out


def check_profiles(entries) -> list[ProfileEntry]:
    out, seen = [], set()
    for entry in entries:
        value, service = entry.value.strip(), _clean(entry.service).casefold()
        if not value:
            if service:
                raise ValidationError(f"The {service} profile needs a name or an address.")
            continue
        if any(ch.isspace() for ch in value):
            raise ValidationError(f"“{value[:40]}” is not a profile: a handle or address has no spaces.")
        key = (service, value.casefold())
        if key not in seen:
            seen.add(key)
            out.append(ProfileEntry(service, value, entry.id))
    return out


def check_relations(entries) -> list[RelationEntry]:
    out = []
    for entry in entries:
        name, kind = clean_name(entry.name), _clean(entry.kind).casefold()
        if not name:
            if kind:
                raise ValidationError(f"The {kind} needs a name.")
            continue
        out.append(RelationEntry(kind, name, entry.other, entry.id))
    return out


def linked_person(name: str, *, besides: int | None = None) -> int | None:
    """The one person in the journal called `name` (ignoring case), else None: none or several."""
    name = clean_name(name)
    if not name:
        return None
    folded = name.casefold()
    if name.isascii():
        query = Person.select().where(fn.lower(Person.name) == name.lower())
    else:  # SQLite's lower() folds ASCII only
        query = Person.select().where(fn.length(Person.name) == len(name))
    matches = [p for p in query.order_by(Person.id) if p.name.casefold() == folded and p.id != besides]
    active = [p for p in matches if not p.archived]
    chosen = active or matches
    return chosen[0].id if len(chosen) == 1 else None


def check(changes: FieldChanges) -> FieldChanges:
    """The changes cleaned, or a ValidationError for the first row to fix."""
    return FieldChanges(
        dates=None if changes.dates is None else tuple(check_dates(changes.dates)),
        addresses=None if changes.addresses is None else tuple(check_addresses(changes.addresses)),
        profiles=None if changes.profiles is None else tuple(check_profiles(changes.profiles)),
        relations=None if changes.relations is None else tuple(check_relations(changes.relations)),
    )


# --- writing ---------------------------------------------------------------------------------


def _replace(model, person_id: int, wanted: list[dict]) -> None:
    """Rows of `model` for the person become `wanted` (column values): equal rows stay as they
    are, others are updated in place in order, the rest deleted or created."""
    existing = list(model.select().where(model.person == person_id).order_by(model.id))
    columns = list(wanted[0]) if wanted else []
    remaining = []
    unmatched = list(wanted)
    for row in existing:
        values = tuple(row.__data__.get(c) for c in columns)  # a foreign key as its id
        match = next((w for w in unmatched if tuple(w.values()) == values), None)
        if match is not None:
            unmatched.remove(match)
        else:
            remaining.append(row)
    for row, values in zip(remaining, unmatched, strict=False):
        for column, value in values.items():
            setattr(row, column, value)
        row.save()
    for row in remaining[len(unmatched):]:
        row.delete_instance()
    for values in unmatched[len(remaining):]:
        model.create(person=person_id, **values)


def replace_dates(person_id: int, entries) -> None:
    rows = check_dates(entries)
    with write():
        _replace(
            PersonDate, person_id,
            [{"kind": e.kind, "label": e.label, "month": e.date.month, "day": e.date.day, "year": e.date.year} for e in rows],
        )


def replace_addresses(person_id: int, entries) -> None:
    rows = check_addresses(entries)
    with write():
        _replace(Address, person_id, [{"label": e.label, **{n: getattr(e, n) for n in ADDRESS_PARTS}} for e in rows])


def replace_profiles(person_id: int, entries) -> None:
    rows = check_profiles(entries)
    with write():
        _replace(Profile, person_id, [{"service": e.service, "value": e.value} for e in rows])


def replace_relations(person_id: int, entries) -> None:
    """Relations whose name is one person in the journal (not this one) link to them."""
    rows = check_relations(entries)
    with write():
        wanted = []
        for e in rows:
            other = e.other
            if other is not None:
                linked = Person.get_or_none(Person.id == other)
                if linked is None or linked.id == person_id or linked.name.casefold() != e.name.casefold():
                    other = None
            if other is None:
                other = linked_person(e.name, besides=person_id)
            wanted.append({"kind": e.kind, "name": e.name, "other": other})
        _replace(Relation, person_id, wanted)


def apply(person_id: int, changes: FieldChanges) -> None:
    """Write the lists `changes` names (checked first, all or nothing)."""
    checked = check(changes)
    with write():
        if checked.dates is not None:
            replace_dates(person_id, checked.dates)
        if checked.addresses is not None:
            replace_addresses(person_id, checked.addresses)
        if checked.profiles is not None:
            replace_profiles(person_id, checked.profiles)
        if checked.relations is not None:
            replace_relations(person_id, checked.relations)
