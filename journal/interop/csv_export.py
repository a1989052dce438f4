"""People as CSV, one row per person, with spreadsheet formula injection neutralised (OWASP)."""

from __future__ import annotations

import csv

from journal.interop.records import PersonOut, split_name

HEADER = [
    "Name", "Given Name", "Family Name", "Organisation", "Role", "E-mail", "Phone", "LinkedIn",
    "Website", "Location", "Connected On", "Tags", "How We Met", "Notes", "Archived",
]
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return f"'{value}" if value.startswith(_TRIGGERS) else value


def row(person: PersonOut) -> list[str]:
    given, family = split_name(person.name)
    cells = [
        person.name,
        given,
        family,
        person.organisation,
        person.role,
        " ; ".join(value for value, _label in person.emails),
        " ; ".join(value for value, _label in person.phones),
        person.linkedin,
        person.website,
        person.location,
        person.connected_on.isoformat() if person.connected_on else "",
        ", ".join(person.tags),
        person.how_met,
        person.notes,
        "yes" if person.archived else "",
    ]
    return [neutralise(cell) for cell in cells]


def write(people, stream) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for person in people:
        writer.writerow(row(person))
        count += 1
    return count
