"""Dates that matter: yearly dates with or without a year (birthdays, anniversaries).

A yearly date is (month, day, year or None). Written as text it is `YYYY-MM-DD`, or `--MM-DD`
where the year is not known (vCard 4's and Google's form). 29 February falls on 28 February in
years that have no 29th.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

KINDS = ("birthday", "anniversary", "work_anniversary", "custom")

# Dates as other applications write them: 1980-04-02, 19800402, --04-02, --0402, 1980-04-02T00:00:00Z,
# 02/04/1980 is not read (day and month order is ambiguous).
_ISO = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?\s*")
_NO_YEAR = re.compile(r"\s*--(\d{2})-?(\d{2})\s*")
# Apple and some Android exports write a placeholder year for "no year".
PLACEHOLDER_YEARS = frozenset({1604, 1900})


class DateValueError(ValueError):
    """Text that is not a date this module reads."""


@dataclass(frozen=True, slots=True)
class YearlyDate:
    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise DateValueError(f"month {self.month} is not 1 to 12")
        leap_ok = 29 if self.month == 2 else calendar.monthrange(2000, self.month)[1]
        if not 1 <= self.day <= leap_ok:
            raise DateValueError(f"day {self.day} is not in month {self.month}")
        if self.year is not None:
            if not 1 <= self.year <= 9999:
                raise DateValueError(f"year {self.year} is out of range")
            if self.month == 2 and self.day == 29 and not calendar.isleap(self.year):
                raise DateValueError(f"{self.year} has no 29 February")

    def text(self) -> str:
        """`YYYY-MM-DD`, or `--MM-DD` without a year."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def in_year(self, year: int) -> dt.date:
        """The day it falls on in `year` (29 February on the 28th in a common year)."""
        day = self.day
        if self.month == 2 and day == 29 and not calendar.isleap(year):
            day = 28
        return dt.date(year, self.month, day)

    def next_on_or_after(self, day: dt.date) -> dt.date:
        this_year = self.in_year(day.year)
        return this_year if this_year >= day else self.in_year(day.year + 1)

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The days it falls on from `start` to `end`, both included."""
        return [d for year in range(start.year, end.year + 1) if start <= (d := self.in_year(year)) <= end]

    def years_on(self, day: dt.date) -> int | None:
        """How many years it is on `day` (an age, the years of a marriage), where the year is known."""
        return None if self.year is None else day.year - self.year


def parse(text: str) -> YearlyDate:
    """A date as vCard (2.1 to 4), Google, Outlook and Thunderbird write it. Raises DateValueError."""
    text = (text or "").strip()
    match = _NO_YEAR.fullmatch(text)
    if match:
        return YearlyDate(int(match.group(1)), int(match.group(2)))
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        if year in PLACEHOLDER_YEARS or year == 0:
            return YearlyDate(month, day)
        return YearlyDate(month, day, year)
    raise DateValueError(f"{text[:40]!r} is not a date (YYYY-MM-DD or --MM-DD)")


def parse_or_none(text: str) -> YearlyDate | None:
    try:
        return parse(text)
    except DateValueError:
        return None


def from_date(day: dt.date) -> YearlyDate:
    return YearlyDate(day.month, day.day, day.year)
