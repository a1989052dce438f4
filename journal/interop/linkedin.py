"""LinkedIn's Connections.csv, as the export ships it.

A variable preamble (a "Notes:" line, a quoted disclaimer, a blank line) comes before the header;
older exports have no URL column; "Connected On" reads like "12 Mar 2024". The header row is
found by its names, never by skipping a fixed number of lines.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter

from journal.interop.csvrows import header_index, rows_with_lines
from journal.interop.records import ContactRecord, ImportFormatError, ParseResult, Rejected, clean, decode

REQUIRED = ("first name", "last name", "connected on")
HEADER_SEARCH_ROWS = 50
DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%d-%b-%y")


NONE = ()  # what a record has of the fields LinkedIn does not export

MONTHS = {m: n for n, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def parse_connected_on(text: str) -> dt.date | None:
    text = text.strip()
    parts = text.split(" ")
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit():  # the usual "12 Mar 2024", fast
        month = MONTHS.get(parts[1][:3].casefold())
        if month:
            try:
                return dt.date(int(parts[2]), month, int(parts[0]))
            except ValueError:
                return None
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse(data: bytes) -> ParseResult:
    text = decode(data, "LinkedIn Connections.csv")
    result = ParseResult("linkedin")
    rows = rows_with_lines(text)
    index: dict[str, int] | None = None
    for seen, (_line, row) in enumerate(rows):
        names = header_index(row)
        if all(name in names for name in REQUIRED):
            index = names
            break
        if seen >= HEADER_SEARCH_ROWS:
            break
    if index is None:
        raise ImportFormatError(
            "This is not a LinkedIn Connections.csv: no header row with First Name, Last Name "
            "and Connected On was found."
        )
    width = len(index)
    columns = [index.get(name) for name in ("first name", "last name", "url", "email address", "company", "position", "connected on")]
    present = [c for c in columns if c is not None]
    # A whole row takes one itemgetter call; short rows and missing columns take the slow path.
    full = itemgetter(*columns) if len(present) == len(columns) else None
    reach = max(present) + 1
    dates: dict[str, dt.date | None] = {}  # a file holds a few thousand distinct dates at most
    cleaned: dict[str, str] = {}  # names, companies and positions repeat through a file
    records, rejected = result.records, result.rejected
    for line, row in rows:
        size = len(row)
        if full is not None and size >= reach:
            first, last, url, email, company, position, raw_date = map(str.strip, full(row))
        else:
            first, last, url, email, company, position, raw_date = (
                row[c].strip() if c is not None and c < size else "" for c in columns
            )
        if not (first or last):
            if any(value.strip() for value in row):
                rejected.append(Rejected(line, "no first or last name"))
            continue
        if size > width + 2:
            rejected.append(Rejected(line, f"{size} columns where the header has {width}"))
            continue
        if not raw_date:
            connected = None
        elif raw_date in dates:
            connected = dates[raw_date]
        else:
            connected = dates[raw_date] = parse_connected_on(raw_date)
        if raw_date and connected is None:
            rejected.append(Rejected(line, f"'Connected On' is {raw_date!r}, not a date like 12 Mar 2024"))
            continue
        raw_name = f"{first} {last}"
        name = cleaned.get(raw_name)
        if name is None:
            name = cleaned[raw_name] = clean(raw_name)
        organisation = cleaned.get(company)
        if organisation is None:
            organisation = cleaned[company] = clean(company)
        role = cleaned.get(position)
        if role is None:
            role = cleaned[position] = clean(position)
        # Positional, in the field order: line, name, organisation, role, emails, phones, linkedin,
        # website, location, notes, connected_on, tags, uid, nickname, dates, addresses, profiles,
        # relations, other_jobs, photo, extra_lines. LinkedIn brings none of the fields after
        # connected_on: they share one empty tuple rather than six new lists a row.
        records.append(
            ContactRecord(line, name, organisation, role, [(email, "")] if email else [], NONE, url, "", "", "",
                          connected, NONE, "", "", NONE, NONE, NONE, NONE, NONE, None, NONE)
        )
    return result
