"""Fields the contact CSVs share beyond names and addresses: dates, relation kinds, web pages."""

from __future__ import annotations

import re

from journal.domain import dates
from journal.interop.records import DateRecord, clean
from journal.interop.vcard_fields import relation_kind

# Outlook writes dates in the format of the Windows locale: 4/2/1980 (M/D/Y, the US export),
# 2.4.1980 (D.M.Y, German and most of Europe); "0/0/00" or "00.00.0000" where there is none.
_SLASHED = re.compile(r"\s*(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})\s*")


def yearly(text: str) -> dates.YearlyDate | None:
    """A date as the CSVs write it (1980-04-02, --04-02, 4/2/1980, 2.4.1980), or None for an
    empty, zero or unreadable one."""
    text = (text or "").strip()
    if not text:
        return None
    match = _SLASHED.fullmatch(text)
    if match:
        first, separator, second, year_text = match.groups()
        month, day = (int(first), int(second)) if separator == "/" else (int(second), int(first))
        year = int(year_text)
        if len(year_text) == 2 and year:
            year += 1900 if year > 30 else 2000
        if not (month and day):
            return None
        try:
            return dates.YearlyDate(month, day, year if year and year not in dates.PLACEHOLDER_YEARS else None)
        except dates.DateValueError:
            return None
    return dates.parse_or_none(text)


def parts_date(year: str, month: str, day: str) -> dates.YearlyDate | None:
    """Thunderbird's Birth Year / Birth Month / Birth Day (the year may be empty)."""
    try:
        m, d = int(month.strip()), int(day.strip())
        y = int(year.strip()) if year.strip() else None
        return dates.YearlyDate(m, d, y if y and y not in dates.PLACEHOLDER_YEARS else None)
    except (ValueError, dates.DateValueError):
        return None


def event(label: str, value: str) -> DateRecord | None:
    """A labelled date ("Anniversary", "Other", one's own label) as a DateRecord."""
    parsed = yearly(value)
    if parsed is None:
        return None
    label = clean(label.lstrip("* "))
    key = label.casefold()
    if key == "anniversary":
        return DateRecord("anniversary", parsed)
    if key == "birthday":
        return DateRecord("birthday", parsed)
    if key == "work anniversary":
        return DateRecord("work_anniversary", parsed)
    return DateRecord("custom", parsed, "" if key == "other" else label)


def relation(label: str, name: str) -> tuple[str, str] | None:
    name = clean(name)
    return (relation_kind(clean(label.lstrip("* "))), name) if name else None


def web_pages(pages: list[tuple[str, str]]) -> tuple[str, str, list[tuple[str, str]]]:
    """(linkedin, website, profiles) from (address, label) pairs in the file's order: the first
    LinkedIn address, the first other one, and the rest as (label or "url", address)."""
    linkedin = website = ""
    profiles = []
    for url, label in pages:
        url = url.strip()
        if not url:
            continue
        is_linkedin = "linkedin.com" in url.casefold()
        if is_linkedin and not linkedin:
            linkedin = url
        elif not is_linkedin and not website:
            website = url
        elif url not in (linkedin, website):
            profiles.append(("linkedin" if is_linkedin else (clean(label.lstrip("* ")).lower() or "url"), url))
    return linkedin, website, profiles
