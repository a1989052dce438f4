"""Thunderbird's address-book CSV (Tools > Export, "Comma Separated"), read by header name.

The header: First Name, Last Name, Display Name, Nickname, Primary Email, Secondary Email,
Screen Name, Work Phone, Home Phone, Fax Number, Pager Number, Mobile Number, Home Address,
..., Work City, Work State, Work ZipCode, Work Country, Job Title, Department, Organization,
Web Page 1, Web Page 2, Birth Year, Birth Month, Birth Day, Custom 1..4, Notes. Thunderbird
writes it in the system code page or as UTF-8 (with or without a byte-order mark).
"""

from __future__ import annotations

from journal.interop.csvrows import cell, data_rows, header_index
from journal.interop.outlook_csv import csv_rows, read_text
from journal.interop.records import ContactRecord, ImportFormatError, ParseResult, Rejected, clean

EMAILS = ("Primary Email", "Secondary Email")
PHONES = (
    ("Mobile Number", "Mobile"),
    ("Work Phone", "Work"),
    ("Home Phone", "Home"),
    ("Fax Number", "Fax"),
    ("Pager Number", "Pager"),
)


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
            or clean(cell(row, index, "Nickname"))
        )
        if not name and emails:
            name = emails[0][0]
        if not name:
            result.rejected.append(Rejected(line, "no name and no e-mail address"))
            continue
        pages = [cell(row, index, col) for col in ("Web Page 1", "Web Page 2") if cell(row, index, col)]
        linkedin = next((page for page in pages if "linkedin.com" in page.casefold()), "")
        website = next((page for page in pages if page != linkedin), "")
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
            )
        )
    return result
