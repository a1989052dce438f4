"""Who in the journal a message or a meeting is about: their addresses, and their names where
a name is unambiguous. Everything a scan keeps goes through this filter."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from journal.interop.mail_headers import normalise_address
from journal.store.models import ContactDetail, Person, ScanSetting

OWN_ADDRESSES = "own_addresses"


@dataclass(frozen=True)
class Known:
    by_address: dict[str, int] = field(default_factory=dict)  # normalised e-mail -> person id
    by_name: dict[str, int] = field(default_factory=dict)  # casefolded full name -> person id
    own: frozenset[str] = frozenset()  # the user's own addresses, normalised

    def person_of(self, address: str) -> int | None:
        return None if address in self.own else self.by_address.get(address)

    def person_named(self, name: str) -> int | None:
        return self.by_name.get(_name_key(name))


def _name_key(name: str) -> str:
    return " ".join(name.replace('"', " ").split()).casefold()


def own_addresses() -> list[str]:
    row = ScanSetting.get_or_none(ScanSetting.key == OWN_ADDRESSES)
    if row is None or not row.value:
        return []
    try:
        value = json.loads(row.value)
    except ValueError:
        return []
    return [str(a) for a in value if isinstance(a, str)]


def set_own_addresses(addresses: list[str]) -> list[str]:
    """Keep the user's own addresses (normalised, each once, in the order given). An entry that
    is no e-mail address is refused with the entry named."""
    kept: list[str] = []
    for text in addresses:
        if not text.strip():
            continue
        normal = normalise_address(text)
        if normal is None:
            from journal.errors import ValidationError

            raise ValidationError(f"{text.strip()!r} is not an e-mail address.")
        if normal not in kept:
            kept.append(normal)
    ScanSetting.insert(key=OWN_ADDRESSES, value=json.dumps(kept)).on_conflict_replace().execute()
    return kept


def load_known(extra_own: tuple[str, ...] = ()) -> Known:
    """Every person's e-mail addresses, and the full names (two words or more) that exactly one
    active person has. `extra_own` adds addresses of the user's (an IMAP login)."""
    own = {a for a in own_addresses()}
    own |= {n for a in extra_own if (n := normalise_address(a))}
    by_address: dict[str, int] = {}
    rows = ContactDetail.select(ContactDetail.person, ContactDetail.value).where(ContactDetail.kind == "email").tuples()
    for person_id, value in rows:
        normal = normalise_address(value)
        if normal and normal not in own:
            by_address.setdefault(normal, person_id)
    names: dict[str, int | None] = {}
    people = (
        Person.select(Person.id, Person.name)
        .where((Person.is_placeholder == False) & (Person.archived == False))  # noqa: E712
        .tuples()
    )
    for person_id, name in people:
        key = _name_key(name)
        if len(key.split()) < 2:
            continue
        names[key] = None if key in names else person_id
    return Known(by_address, {k: v for k, v in names.items() if v is not None}, frozenset(own))
