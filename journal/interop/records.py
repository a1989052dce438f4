"""What every importer produces: plain contact records that remember their source line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from journal.domain.dates import YearlyDate
from journal.errors import JournalError

MAX_FILE_BYTES = 64 * 1024 * 1024


class ImportFormatError(JournalError):
    """The file cannot be read as the chosen format; nothing was imported."""


@dataclass(slots=True)
class AddressRecord:
    """A postal address in vCard's ADR parts; `label` is its type ("home", "work") or caption."""

    label: str = ""
    po_box: str = ""
    extended: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    PARTS = ("po_box", "extended", "street", "locality", "region", "postcode", "country")

    def parts(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in self.PARTS)

    def is_empty(self) -> bool:
        return not any(self.parts())

    def one_line(self) -> str:
        """"PO Box 12, Flat 3, 1 Main St, 12345 Springfield, Region, Country": the non-empty parts
        in postal order, spaces squeezed."""
        po_box, extended, street, locality, region, postcode, country = (" ".join(p.split()) for p in self.parts())
        town = " ".join(p for p in (postcode, locality) if p)
        box = f"PO Box {po_box}" if po_box else ""
        return ", ".join(p for p in (box, extended, street, town, region, country) if p)


@dataclass(frozen=True, slots=True)
class DateRecord:
    """A date that matters: kind is one of journal.domain.dates.KINDS; label names a custom one."""

    kind: str
    date: YearlyDate
    label: str = ""


@dataclass(slots=True)
class ContactRecord:
    """One contact from a file. `line` is the 1-based line where it starts in that file."""

    line: int
    name: str
    organisation: str = ""
    role: str = ""
    # Importers that build a record in one go may give an empty tuple for phones and tags.
    emails: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    phones: Sequence[tuple[str, str]] = field(default_factory=list)
    linkedin: str = ""
    website: str = ""
    location: str = ""
    notes: str = ""
    connected_on: dt.date | None = None
    tags: Sequence[str] = field(default_factory=list)
    uid: str = ""
    nickname: str = ""
    dates: list[DateRecord] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)  # (service, value): IMPP, social, other URLs
    relations: list[tuple[str, str]] = field(default_factory=list)  # (kind, name)
    # Organisations beyond the first, with their roles: (organisation, role).
    other_jobs: list[tuple[str, str]] = field(default_factory=list)
    photo: tuple[str, str] | None = None  # (mime type, base64 without line breaks)
    # The card's content lines the journal does not model, verbatim (unfolded), in file order.
    extra_lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str


@dataclass
class ParseResult:
    format: str
    records: list[ContactRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def decode(data: bytes, what: str) -> str:
    """The text of a file, refusing binary data and anything that is not UTF-8 or UTF-16."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(
            f"The file is {len(data) // (1024 * 1024)} MB; a {what} file over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB is not supported."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFormatError(f"The file is not valid UTF-16 text ({exc.reason}).") from None
    else:
        if b"\x00" in data[:65536]:
            raise ImportFormatError(f"The file is binary, not a {what} file.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ImportFormatError(
                f"The file is not UTF-8 text (first bad byte on line {line}); "
                "save it as UTF-8 and import it again."
            ) from None
    if "\x00" in text:
        raise ImportFormatError(f"The file is binary, not a {what} file.")
    return text


@dataclass
class PersonOut:
    """A person as the exporters see it."""

    uid: str
    name: str
    organisation: str = ""
    role: str = ""
    emails: list[tuple[str, str]] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)
    linkedin: str = ""
    website: str = ""
    location: str = ""
    how_met: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    connected_on: dt.date | None = None
    archived: bool = False
    updated_at: dt.datetime | None = None
    nickname: str = ""
    dates: list[DateRecord] = field(default_factory=list)
    addresses: list[AddressRecord] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)  # (kind, name)
    other_jobs: list[tuple[str, str]] = field(default_factory=list)  # further current (organisation, role)
    photo: tuple[str, str] | None = None  # (mime type, base64)
    extra_lines: list[str] = field(default_factory=list)  # kept verbatim from the card it came from


def split_name(name: str) -> tuple[str, str]:
    """(given, family): "Ana Pérez" -> ("Ana", "Pérez"); "Pérez, Ana" -> ("Ana", "Pérez")."""
    name = clean(name)
    if "," in name:
        family, _, given = name.partition(",")
        return clean(given), clean(family)
    given, _, family = name.rpartition(" ")
    return (given, family) if given else (family, "")
