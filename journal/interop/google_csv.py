"""Google Contacts CSV, both header generations, read by header name.

Current: First Name, Middle Name, Last Name, ..., Organization Name, Organization Title, ...,
Labels, E-mail 1 - Label, E-mail 1 - Value, Phone 1 - Label, Phone 1 - Value, ...
Legacy: Name, Given Name, Additional Name, Family Name, ..., Group Membership,
E-mail 1 - Type, E-mail 1 - Value, Organization 1 - Name, Organization 1 - Title, ...
Several values share one cell joined by " ::: ".

Beyond names, e-mails and phones: Nickname, Birthday (`--MM-DD` without a year), Event n
(Anniversary, Other or a label of one's own), Address n (Formatted or its parts: Street, City,
PO Box, Region, Postal Code, Country, Extended Address), Relation n, Website n (the first
LinkedIn address, the first other one, then profiles), IM n (Service and Value) and further
organisations (Organization n in the legacy header, " ::: " in the current one).
"""

from __future__ import annotations

import re

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
    decode,
)

SEPARATOR = " ::: "
NUMBERED = re.compile(r"^(e-mail|phone|website|address|organization|relation|event|im) (\d+) - (.+)$")
ADDRESS_PARTS = (("po_box", "PO Box"), ("extended", "Extended Address"), ("street", "Street"), ("locality", "City"),
                 ("region", "Region"), ("postcode", "Postal Code"), ("country", "Country"))
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


def _columns(index: dict[str, int]) -> dict[str, list[dict[str, str]]]:
    """kind -> [{part: column}] for E-mail n, Phone n, Address n, ... in number order."""
    groups: dict[str, dict[str, dict[str, str]]] = {}
    for name in index:
        match = NUMBERED.match(name)
        if match:
            kind, number, part = match.groups()
            groups.setdefault(kind, {}).setdefault(number, {})[part] = name
    return {kind: [numbers[n] for n in sorted(numbers, key=int)] for kind, numbers in groups.items()}


def _numbered(index: dict[str, int]) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(label column, value column)] for E-mail n, Phone n, Website n, ..."""
    return {
        kind: [(parts.get("label") or parts.get("type") or "", parts.get("value", "")) for parts in numbers]
        for kind, numbers in _columns(index).items()
    }


def _addresses(row, index, columns: list[dict[str, str]]) -> list[AddressRecord]:
    """Every Address n; a cell holding several values (" ::: ") is several addresses of that label."""
    found = []
    for parts in columns:
        label = cell(row, index, parts.get("label") or parts.get("type") or "").lstrip("* ").strip()
        values = {attr: split_values(cell(row, index, parts.get(name.casefold(), ""))) for attr, name in ADDRESS_PARTS}
        formatted = split_values(cell(row, index, parts.get("formatted", "")))
        for n in range(max([len(v) for v in values.values()] + [len(formatted)])):
            address = AddressRecord(label=label.lower() if label.lower() in ("home", "work", "other") else label,
                                    **{attr: clean(v[n]) if n < len(v) else "" for attr, v in values.items()})
            if address.is_empty() and n < len(formatted):
                address.street = clean(formatted[n])
            if not address.is_empty():
                found.append(address)
    return found


def _labelled_with(row, index, columns: list[dict[str, str]], what: str) -> list[tuple[str, str]]:
    """(label or service, value) for each value of Event n, Relation n, IM n."""
    found = []
    for parts in columns:
        label = cell(row, index, parts.get(what) or parts.get("label") or parts.get("type") or "")
        for value in split_values(cell(row, index, parts.get("value", ""))):
            found.append((label, value))
    return found


def _jobs(row, index, generation: str) -> list[tuple[str, str]]:
    """(organisation, role) of every organisation on the row, the first one first."""
    if generation == "current":
        pairs = [(cell(row, index, "Organization Name"), cell(row, index, "Organization Title"))]
    else:
        pairs = [(cell(row, index, f"Organization {n} - Name"), cell(row, index, f"Organization {n} - Title"))
                 for n in range(1, 10) if f"organization {n} - name" in index or f"organization {n} - title" in index]
    jobs = []
    for organisations, roles in pairs:
        names, titles = split_values(organisations), split_values(roles)
        for n in range(max(len(names), len(titles))):
            job = (clean(names[n]) if n < len(names) else "", clean(titles[n]) if n < len(titles) else "")
            if any(job):
                jobs.append(job)
    return jobs


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
    columns = _columns(index)
    result = ParseResult("google")
    width = len(first[1])
    for line, row in data_rows(rows, width, result.rejected):
        if generation == "current":
            parts = [cell(row, index, c) for c in ("Name Prefix", "First Name", "Middle Name", "Last Name", "Name Suffix")]
            name = clean(" ".join(parts)) or clean(cell(row, index, "Nickname")) or clean(cell(row, index, "File As"))
            tags = _tags(cell(row, index, "Labels"))
        else:
            name = clean(cell(row, index, "Name")) or clean(
                " ".join(cell(row, index, c) for c in ("Given Name", "Additional Name", "Family Name"))
            ) or clean(cell(row, index, "Nickname"))
            tags = _tags(cell(row, index, "Group Membership"))
        jobs = _jobs(row, index, generation)
        emails = _labelled(row, index, numbered.get("e-mail", []))
        phones = _labelled(row, index, numbered.get("phone", []))
        if not name:
            name = emails[0][0] if emails else ""
        if not name:
            result.rejected.append(Rejected(line, "no name and no e-mail address"))
            continue
        pages = [(value, label) for value, label in _labelled(row, index, numbered.get("website", []))]
        linkedin, website, profiles = csv_fields.web_pages(pages)
        addresses = _addresses(row, index, columns.get("address", []))
        place = [cell(row, index, f"Address 1 - {part}") for part in ("City", "Region", "Country")]
        location = ", ".join(split_values(p)[0] for p in place if split_values(p))
        if not location:
            location = next(iter(split_values(cell(row, index, "Address 1 - Formatted"))), "")
        found_dates = []
        birthday = csv_fields.yearly(cell(row, index, "Birthday"))
        if birthday is not None:
            found_dates.append(DateRecord("birthday", birthday))
        for label, value in _labelled_with(row, index, columns.get("event", []), "label"):
            date = csv_fields.event(label, value)
            if date is not None:
                found_dates.append(date)
        relations = [r for r in (csv_fields.relation(label, value) for label, value in
                                 _labelled_with(row, index, columns.get("relation", []), "label")) if r]
        for service, value in _labelled_with(row, index, columns.get("im", []), "service"):
            profiles.append((clean(service.lstrip("* ")).lower() or "impp", value))
        result.records.append(
            ContactRecord(
                line=line,
                name=name,
                organisation=jobs[0][0] if jobs else "",
                role=jobs[0][1] if jobs else "",
                emails=emails,
                phones=phones,
                linkedin=linkedin,
                website=website,
                location=clean(location),
                notes=cell(row, index, "Notes"),
                tags=tags,
                nickname=clean(cell(row, index, "Nickname")),
                dates=found_dates,
                addresses=addresses,
                profiles=profiles,
                relations=relations,
                other_jobs=jobs[1:],
            )
        )
    return result
