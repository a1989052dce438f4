"""Thunderbird's address-book CSV (Tools > Export, "Comma Separated"), read by header name.

The header: First Name, Last Name, Display Name, Nickname, Primary Email, Secondary Email,
Screen Name, Work Phone, Home Phone, Fax Number, Pager Number, Mobile Number, Home Address,
..., Work City, Work State, Work ZipCode, Work Country, Job Title, Department, Organization,
Web Page 1, Web Page 2, Birth Year, Birth Month, Birth Day, Custom 1..4, Notes. Thunderbird
writes it in the system code page or as UTF-8 (with or without a byte-order mark). Also read:
Nickname (or Nick Name), the birthday from its three columns (the year may be empty), the
Home and Work addresses (Address, Address 2, City, State, ZipCode or Postal Code, Country),
both web pages, and Screen Name / Chat Name as a messaging handle.
"""

from __future__ import annotations

from journal.interop import csv_fields
from journal.interop.csvrows import cell, data_rows, header_index
from journal.interop.outlook_csv import csv_rows, read_text
from journal.interop.records import (
    AddressRecord,
    ContactRecord,
    DateRecord,
    ImportFormatError,
    ParseResult,
    Rejected,
    clean,
)

EMAILS = ("Primary Email", "Secondary Email")
PHONES = (
    ("Mobile Number", "Mobile"),
    ("Work Phone", "Work"),
    ("Home Phone", "Home"),
    ("Fax Number", "Fax"),
    ("Pager Number", "Pager"),
)


HANDLES = (("Screen Name", "aim"), ("Chat Name", "chat"), ("_AimScreenName", "aim"))
POSTCODES = ("ZipCode", "Zip Code", "ZIP", "Postal Code")


def _first(row, index, *columns: str) -> str:
    return next((clean(cell(row, index, c)) for c in columns if clean(cell(row, index, c))), "")


def _addresses(row, index) -> list[AddressRecord]:
    found = []
    for prefix, label in (("Home", "home"), ("Work", "work")):
        address = AddressRecord(
            label=label, street=clean(cell(row, index, f"{prefix} Address")),
            extended=clean(cell(row, index, f"{prefix} Address 2")), locality=clean(cell(row, index, f"{prefix} City")),
            region=clean(cell(row, index, f"{prefix} State")),
            postcode=_first(row, index, *(f"{prefix} {name}" for name in POSTCODES)),
            country=clean(cell(row, index, f"{prefix} Country")),
        )
        if not address.is_empty():
            found.append(address)
    return found


def _dates(row, index) -> list[DateRecord]:
    found = []
    for prefix, kind in (("Birth", "birthday"), ("Anniversary", "anniversary")):
        date = csv_fields.parts_date(*(cell(row, index, f"{prefix} {part}") for part in ("Year", "Month", "Day")))
        if date is not None:
            found.append(DateRecord(kind, date))
    return found


def is_header(index: dict[str, int]) -> bool:
    return {"first name", "last name", "display name", "primary email"} <= index.keys()


def _location(row, index) -> str:
    for prefix in ("Work", "Home"):
        parts = [clean(cell(row, index, f"{prefix} {part}")) for part in ("City", "State", "Country")]
        place = ", ".join(part for part in parts if part)
        if place:
            return place
    return ""


def parse(data: bytes) -> ParseResult:
    text = read_text(data, "Thunderbird CSV")
    rows = csv_rows(text)
    first = next(rows, None)
    index = header_index(first[1]) if first else {}
    if not is_header(index):
        raise ImportFormatError(
            "This is not a Thunderbird address-book CSV: the first row lacks its headers "
            "(First Name, Last Name, Display Name, Primary Email, ...)."
        )
    result = ParseResult("thunderbird")
    width = len(first[1])
    for line, row in data_rows(rows, width, result.rejected):
        emails = [(cell(row, index, col), "") for col in EMAILS if "@" in cell(row, index, col)]
        phones = [(cell(row, index, col), label) for col, label in PHONES if cell(row, index, col)]
        name = (
            clean(cell(row, index, "Display Name"))
            or clean(f"{cell(row, index, 'First Name')} {cell(row, index, 'Last Name')}")
            or _first(row, index, "Nickname", "Nick Name")
        )
        if not name and emails:
            name = emails[0][0]
        if not name:
            result.rejected.append(Rejected(line, "no name and no e-mail address"))
            continue
        linkedin, website, profiles = csv_fields.web_pages([(cell(row, index, c), "") for c in ("Web Page 1", "Web Page 2")])
        profiles += [(service, clean(cell(row, index, c))) for c, service in HANDLES if clean(cell(row, index, c))]
        result.records.append(
            ContactRecord(
                line=line,
                name=name,
                organisation=clean(cell(row, index, "Organization")),
                role=clean(cell(row, index, "Job Title")),
                emails=emails,
                phones=phones,
                linkedin=linkedin,
                website=website,
                location=_location(row, index),
                notes=cell(row, index, "Notes").replace("\r\n", "\n"),
                nickname=_first(row, index, "Nickname", "Nick Name"),
                dates=_dates(row, index),
                addresses=_addresses(row, index),
                profiles=profiles,
            )
        )
    return result
