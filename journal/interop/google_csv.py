"""Google Contacts CSV, both header generations, read by header name.

Current: First Name, Middle Name, Last Name, ..., Organization Name, Organization Title, ...,
Labels, E-mail 1 - Label, E-mail 1 - Value, Phone 1 - Label, Phone 1 - Value, ...
Legacy: Name, Given Name, Additional Name, Family Name, ..., Group Membership,
E-mail 1 - Type, E-mail 1 - Value, Organization 1 - Name, Organization 1 - Title, ...
Several values share one cell joined by " ::: ".
"""

from __future__ import annotations

import re

from journal.interop.csvrows import cell, data_rows, header_index, rows_with_lines
from journal.interop.records import ContactRecord, ImportFormatError, ParseResult, Rejected, clean, decode

SEPARATOR = " ::: "
NUMBERED = re.compile(r"^(e-mail|phone|website|address|organization|relation) (\d+) - (.+)$")
SYSTEM_GROUPS = {"mycontacts", "starred", "friends_circle", "family_circle", "coworkers_circle"}


def split_values(text: str) -> list[str]:
    return [part.strip() for part in text.split(":::") if part.strip()]


def header_generation(index: dict[str, int]) -> str | None:
    if {"first name", "last name"} <= index.keys() and (
        {"labels", "organization name", "e-mail 1 - value", "phone 1 - value"} & index.keys()
    ):
        return "current"
    if {"name", "given name", "family name"} <= index.keys():
        return "legacy"
    return None


def _numbered(index: dict[str, int]) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(label column, value column)] for E-mail n, Phone n, Website n, ..."""
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for name in index:
        match = NUMBERED.match(name)
        if match:
            kind, number, part = match.groups()
            groups.setdefault(kind, {}).setdefault(number, {})[part] = name
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, numbers in groups.items():
        for number in sorted(numbers, key=int):
            parts = numbers[number]
            label = parts.get("label") or parts.get("type") or ""
            out.setdefault(kind, []).append((label, parts.get("value", "")))
    return out


def _labelled(row, index, columns) -> list[tuple[str, str]]:
    found = []
    for label_col, value_col in columns:
        if not value_col:
            continue
        label = cell(row, index, label_col).lstrip("* ").strip() if label_col else ""
        for value in split_values(cell(row, index, value_col)):
            found.append((value, label))
    return found


def _tags(text: str) -> list[str]:
    tags = []
    for label in split_values(text):
        if label.startswith("*"):
            continue  # Google's own groups: "* myContacts", "* starred"
        if label.casefold().replace(" ", "") in SYSTEM_GROUPS:
            continue
        tags.append(label)
    return tags


def parse(data: bytes) -> ParseResult:
    text = decode(data, "Google Contacts CSV")
    rows = rows_with_lines(text)
    first = next(rows, None)
    index = header_index(first[1]) if first else {}
    generation = header_generation(index)
    if generation is None:
        raise ImportFormatError(
            "This is not a Google Contacts CSV: the first row lacks the headers "
            "(First Name, Last Name, Labels, ... or Name, Given Name, Family Name, ...)."
        )
    numbered = _numbered(index)
    result = ParseResult("google")
    width = len(first[1])
    for line, row in data_rows(rows, width, result.rejected):
        if generation == "current":
            parts = [cell(row, index, c) for c in ("Name Prefix", "First Name", "Middle Name", "Last Name", "Name Suffix")]
            name = clean(" ".join(parts)) or clean(cell(row, index, "Nickname")) or clean(cell(row, index, "File As"))
            organisation = cell(row, index, "Organization Name")
            role = cell(row, index, "Organization Title")
            tags = _tags(cell(row, index, "Labels"))
        else:
            name = clean(cell(row, index, "Name")) or clean(
                " ".join(cell(row, index, c) for c in ("Given Name", "Additional Name", "Family Name"))
            ) or clean(cell(row, index, "Nickname"))
            organisation = cell(row, index, "Organization 1 - Name")
            role = cell(row, index, "Organization 1 - Title")
            tags = _tags(cell(row, index, "Group Membership"))
        emails = _labelled(row, index, numbered.get("e-mail", []))
        phones = _labelled(row, index, numbered.get("phone", []))
        if not name:
            name = emails[0][0] if emails else ""
        if not name:
            result.rejected.append(Rejected(line, "no name and no e-mail address"))
            continue
        websites = [value for value, _label in _labelled(row, index, numbered.get("website", []))]
        linkedin = next((w for w in websites if "linkedin.com" in w.casefold()), "")
        website = next((w for w in websites if w != linkedin), "")
        place = [cell(row, index, f"Address 1 - {part}") for part in ("City", "Region", "Country")]
        location = ", ".join(split_values(p)[0] for p in place if split_values(p))
        if not location:
            location = next(iter(split_values(cell(row, index, "Address 1 - Formatted"))), "")
        result.records.append(
            ContactRecord(
                line=line,
                name=name,
                organisation=clean(split_values(organisation)[0] if organisation else ""),
                role=clean(split_values(role)[0] if role else ""),
                emails=emails,
                phones=phones,
                linkedin=linkedin,
                website=website,
                location=clean(location),
                notes=cell(row, index, "Notes"),
                tags=tags,
            )
        )
    return result
