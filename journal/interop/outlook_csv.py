"""Outlook's contact CSV (File > Open & Export > Export to a file), read by header name.

The header is Outlook's own: First Name, Middle Name, Last Name, ..., E-mail Address,
E-mail 2 Address, ..., Business Phone, Mobile Phone, ..., Company, Job Title, ..., Notes,
Categories. Older versions add E-mail Type and E-mail Display Name columns. Also read:
Nickname, Birthday and Anniversary (in the Windows locale's form: 4/2/1980 in the US export,
2.4.1980 in a German one; 0/0/00 for none), the Business, Home and Other addresses (Street,
Street 2, Street 3, Address PO Box, City, State, Postal Code, Country/Region), Spouse, Manager's Name,
Assistant's Name, Web Page and Personal Web Page. Files come as
UTF-8 (often with a byte-order mark) or in the Windows code page, with CRLF line ends and
notes that run over several quoted lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from journal.interop import csv_fields
from journal.interop.csvrows import cell, data_rows, header_index, rows_with_lines
from journal.interop.records import (
    AddressRecord,
    ContactRecord,
    DateRecord,
    ImportFormatError,
    ParseResult,
    Rejected,
    clean,
)
from journal.interop.text_decoding import FALLBACK, decode_file, has_undecoded, raw_bytes

EMAILS = (("E-mail Address", "E-mail Type"), ("E-mail 2 Address", "E-mail 2 Type"), ("E-mail 3 Address", "E-mail 3 Type"))
PHONES = (
    ("Mobile Phone", "Mobile"),
    ("Business Phone", "Work"),
    ("Business Phone 2", "Work"),
    ("Home Phone", "Home"),
    ("Home Phone 2", "Home"),
    ("Primary Phone", "Primary"),
    ("Company Main Phone", "Company"),
    ("Other Phone", "Other"),
    ("Car Phone", "Car"),
    ("Pager", "Pager"),
    ("Business Fax", "Work fax"),
    ("Home Fax", "Home fax"),
    ("Other Fax", "Other fax"),
    ("Assistant's Phone", "Assistant"),
    ("Callback", "Callback"),
    ("Radio Phone", "Radio"),
    ("TTY/TDD Phone", "TTY/TDD"),
    ("ISDN", "ISDN"),
    ("Telex", "Telex"),
)
EMPTY_CATEGORIES = {"", "(none)"}
# A German Outlook writes its header in German; each name maps to the English column it stands for.
LOCALISED = {
    "vorname": "First Name",
    "weitere vornamen": "Middle Name",
    "nachname": "Last Name",
    "anrede": "Title",
    "firma": "Company",
    "abteilung": "Department",
    "position": "Job Title",
    "e-mail-adresse": "E-mail Address",
    "e-mail-typ": "E-mail Type",
    "e-mail: angezeigter name": "E-mail Display Name",
    "e-mail 2: adresse": "E-mail 2 Address",
    "e-mail 2: typ": "E-mail 2 Type",
    "e-mail 3: adresse": "E-mail 3 Address",
    "e-mail 3: typ": "E-mail 3 Type",
    "mobiltelefon": "Mobile Phone",
    "telefon geschäftlich": "Business Phone",
    "telefon geschäftlich 2": "Business Phone 2",
    "telefon privat": "Home Phone",
    "telefon privat 2": "Home Phone 2",
    "haupttelefon": "Primary Phone",
    "telefon firma": "Company Main Phone",
    "weiteres telefon": "Other Phone",
    "autotelefon": "Car Phone",
    "fax geschäftlich": "Business Fax",
    "fax privat": "Home Fax",
    "ort geschäftlich": "Business City",
    "region geschäftlich": "Business State",
    "bundesland/kanton geschäftlich": "Business State",
    "land/region geschäftlich": "Business Country/Region",
    "ort privat": "Home City",
    "region privat": "Home State",
    "bundesland/kanton privat": "Home State",
    "land/region privat": "Home Country/Region",
    "webseite": "Web Page",
    "notizen": "Notes",
    "kategorien": "Categories",
    "spitzname": "Nickname",
    "geburtstag": "Birthday",
    "jahrestag": "Anniversary",
    "partner": "Spouse",
    "name des vorgesetzten": "Manager's Name",
    "name assistent": "Assistant's Name",
    "persönliche webseite": "Personal Web Page",
    "straße geschäftlich": "Business Street",
    "straße geschäftlich 2": "Business Street 2",
    "straße geschäftlich 3": "Business Street 3",
    "postleitzahl geschäftlich": "Business Postal Code",
    "postfach geschäftlich": "Business Address PO Box",
    "straße privat": "Home Street",
    "straße privat 2": "Home Street 2",
    "straße privat 3": "Home Street 3",
    "postleitzahl privat": "Home Postal Code",
    "postfach privat": "Home Address PO Box",
    "weitere straße": "Other Street",
    "weiterer ort": "Other City",
    "weitere region": "Other State",
    "weiteres bundesland/kanton": "Other State",
    "weitere postleitzahl": "Other Postal Code",
    "weiteres land/region": "Other Country/Region",
}
ADDRESSES = (("Business", "work"), ("Home", "home"), ("Other", "other"))
RELATIONS = (("Spouse", "spouse"), ("Manager's Name", "manager"), ("Assistant's Name", "assistant"))


def canonical(index: dict[str, int]) -> dict[str, int]:
    """The header index with the English name beside each localised one Outlook wrote."""
    if not any(name in LOCALISED for name in index):
        return index
    out = dict(index)
    for name, position in index.items():
        english = LOCALISED.get(name)
        if english:
            out.setdefault(english.casefold(), position)
    return out


def is_header(index: dict[str, int]) -> bool:
    """Outlook's header: names and at least one of its own e-mail or phone column names."""
    index = canonical(index)
    return {"first name", "last name"} <= index.keys() and bool(
        {"e-mail address", "e-mail 2 address", "business phone", "mobile phone", "home phone", "job title"} & index.keys()
    ) and "primary email" not in index


def read_text(data: bytes, what: str) -> str:
    """UTF-8, UTF-16 or UTF-32 as the vCard reader takes them, else the Windows code page
    Outlook and Thunderbird write in by default."""
    text = decode_file(data, what)
    return raw_bytes(text).decode(FALLBACK, errors="replace") if has_undecoded(text) else text


def delimiter_of(text: str) -> str:
    """"," as Outlook and Thunderbird write; ";" for a file a spreadsheet saved again in a
    locale whose decimal mark is the comma."""
    first = text[: text.find("\n")] if "\n" in text else text
    return ";" if first.count(";") > first.count(",") else ","


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(start line, cells) for every row, whichever of the two separators the file uses."""
    return rows_with_lines(text, delimiter_of(text))


def _join(*parts: str) -> str:
    return clean(" ".join(parts))


def _location(row, index) -> str:
    for prefix in ("Business", "Home", "Other"):
        country = cell(row, index, f"{prefix} Country/Region") or cell(row, index, f"{prefix} Country")
        found = [cell(row, index, f"{prefix} City"), cell(row, index, f"{prefix} State"), country]
        place = ", ".join(clean(part) for part in found if clean(part))
        if place:
            return place
    return ""


def _first_cell(row, index, *columns: str) -> str:
    return next((clean(cell(row, index, c)) for c in columns if clean(cell(row, index, c))), "")


def _addresses(row, index) -> list[AddressRecord]:
    found = []
    for prefix, label in ADDRESSES:
        street = ", ".join(clean(cell(row, index, f"{prefix} Street{n}")) for n in ("", " 2", " 3")
                           if clean(cell(row, index, f"{prefix} Street{n}")))
        country = cell(row, index, f"{prefix} Country/Region") or cell(row, index, f"{prefix} Country")
        address = AddressRecord(
            label=label, po_box=_first_cell(row, index, f"{prefix} Address PO Box", f"{prefix} PO Box"), street=street,
            locality=clean(cell(row, index, f"{prefix} City")), region=clean(cell(row, index, f"{prefix} State")),
            postcode=clean(cell(row, index, f"{prefix} Postal Code")), country=clean(country),
        )
        if not address.is_empty():
            found.append(address)
    return found


def _dates(row, index) -> list[DateRecord]:
    found = []
    for column, kind in (("Birthday", "birthday"), ("Anniversary", "anniversary")):
        date = csv_fields.yearly(cell(row, index, column))
        if date is not None:
            found.append(DateRecord(kind, date))
    return found


def _tags(text: str) -> list[str]:
    parts = [clean(part) for part in text.replace(";", ",").split(",")]
    return [part for part in parts if part.casefold() not in EMPTY_CATEGORIES]


def parse(data: bytes) -> ParseResult:
    text = read_text(data, "Outlook CSV")
    rows = csv_rows(text)
    first = next(rows, None)
    index = canonical(header_index(first[1])) if first else {}
    if not is_header(index):
        raise ImportFormatError(
            "This is not an Outlook contacts CSV: the first row lacks Outlook's headers "
            "(First Name, Last Name, E-mail Address, Business Phone, ...)."
        )
    result = ParseResult("outlook")
    width = len(first[1])
    for line, row in data_rows(rows, width, result.rejected):
        emails = []
        for value_col, type_col in EMAILS:
            value = cell(row, index, value_col)
            # Exchange entries (type EX) hold an X.500 path ("/o=ExchangeLabs/ou=...") rather than an address.
            if "@" in value and not value.startswith("/") and cell(row, index, type_col).upper() != "EX":
                emails.append((value, ""))
        phones = [(cell(row, index, col), label) for col, label in PHONES if cell(row, index, col)]
        name = _join(*(cell(row, index, c) for c in ("First Name", "Middle Name", "Last Name", "Suffix")))
        # The display name reads "Ana Pérez (ana@example.com)"; the part before the address is the name.
        shown = clean(cell(row, index, "E-mail Display Name").split("(")[0])
        name = name or clean(cell(row, index, "Nickname")) or ("" if "@" in shown else shown)
        if not name and emails:
            name = emails[0][0]
        if not name:
            result.rejected.append(Rejected(line, "no name and no e-mail address"))
            continue
        pages = [(cell(row, index, column), "") for column in ("Web Page", "Personal Web Page")]
        linkedin, website, profiles = csv_fields.web_pages(pages)
        relations = [(kind, clean(cell(row, index, column))) for column, kind in RELATIONS if clean(cell(row, index, column))]
        result.records.append(
            ContactRecord(
                line=line,
                name=name,
                organisation=clean(cell(row, index, "Company")),
                role=clean(cell(row, index, "Job Title")),
                emails=emails,
                phones=phones,
                linkedin=linkedin,
                website=website,
                location=_location(row, index),
                notes=cell(row, index, "Notes").replace("\r\n", "\n"),
                tags=_tags(cell(row, index, "Categories")),
                nickname=clean(cell(row, index, "Nickname")),
                dates=_dates(row, index),
                addresses=_addresses(row, index),
                profiles=profiles,
                relations=relations,
            )
        )
    return result
