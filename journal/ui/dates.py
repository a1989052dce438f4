"""Dates as the window shows them, in the user's language. The patterns are Qt date formats and
translatable, so a catalogue can order and punctuate them as its language does; names of days
and months come from the locale ("Mi." and "März" in German)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

PATTERNS = {
    "short": QT_TRANSLATE_NOOP("Dates", "dd MMM"),  # 09 Mar
    "short_year": QT_TRANSLATE_NOOP("Dates", "dd MMM yyyy"),  # 09 Mar 2026
    "weekday": QT_TRANSLATE_NOOP("Dates", "ddd dd MMM"),  # Mon 09 Mar
    "weekday_year": QT_TRANSLATE_NOOP("Dates", "ddd dd MMM yyyy"),  # Mon 09 Mar 2026
    "long": QT_TRANSLATE_NOOP("Dates", "dddd d MMMM"),  # Monday 9 March
    "long_padded": QT_TRANSLATE_NOOP("Dates", "dddd dd MMMM"),  # Monday 09 March
    "month": QT_TRANSLATE_NOOP("Dates", "MMMM yyyy"),  # March 2026
}


def _format(day: dt.date, kind: str) -> str:
    pattern = QCoreApplication.translate("Dates", PATTERNS[kind])
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def short(day: dt.date) -> str:
    return _format(day, "short")


def short_year(day: dt.date) -> str:
    return _format(day, "short_year")


def short_in(day: dt.date, today: dt.date) -> str:
    """Without the year when it is this year's."""
    return short(day) if day.year == today.year else short_year(day)


def weekday(day: dt.date) -> str:
    return _format(day, "weekday")


def weekday_year(day: dt.date) -> str:
    return _format(day, "weekday_year")


def long(day: dt.date) -> str:
    return _format(day, "long")


def long_padded(day: dt.date) -> str:
    return _format(day, "long_padded")


def month(year: int, month_number: int) -> str:
    return _format(dt.date(year, month_number, 1), "month")
