"""Yearly dates: the forms other applications write, 29 February, and dates without a year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.dates import DateValueError, YearlyDate, parse, parse_or_none


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980-04-02", YearlyDate(4, 2, 1980)),
        ("19800402", YearlyDate(4, 2, 1980)),
        ("1980-04-02T00:00:00Z", YearlyDate(4, 2, 1980)),
        (" 1980-04-02 ", YearlyDate(4, 2, 1980)),
        ("--04-02", YearlyDate(4, 2)),
        ("--0402", YearlyDate(4, 2)),
        ("1604-03-15", YearlyDate(3, 15)),  # Apple's "no year"
        ("1900-12-24", YearlyDate(12, 24)),
        ("--02-29", YearlyDate(2, 29)),
        ("2000-02-29", YearlyDate(2, 29, 2000)),
    ],
)
def test_the_forms_applications_write_are_read(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "1980-13-01", "1980-02-30", "--02-30", "1981-02-29", "02/04/1980"])
def test_what_is_not_a_date_is_refused_with_a_reason(text):
    with pytest.raises(DateValueError):
        parse(text)
    assert parse_or_none(text) is None


def test_the_text_form_round_trips_with_or_without_a_year():
    assert YearlyDate(4, 2, 1980).text() == "1980-04-02"
    assert YearlyDate(4, 2).text() == "--04-02"
    assert parse(YearlyDate(4, 2).text()) == YearlyDate(4, 2)


def test_29_february_falls_on_28_february_in_common_years():
    leap = YearlyDate(2, 29, 2000)
    assert leap.in_year(2028) == dt.date(2028, 2, 29)
    assert leap.in_year(2027) == dt.date(2027, 2, 28)
    assert YearlyDate(2, 29).in_year(2026) == dt.date(2026, 2, 28)
    assert leap.next_on_or_after(dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    assert leap.occurrences(dt.date(2026, 1, 1), dt.date(2029, 12, 31)) == [
        dt.date(2026, 2, 28), dt.date(2027, 2, 28), dt.date(2028, 2, 29), dt.date(2029, 2, 28),
    ]


def test_the_next_occurrence_is_today_or_later_and_ages_need_a_year():
    birthday = YearlyDate(12, 1, 1986)
    assert birthday.next_on_or_after(dt.date(2026, 12, 1)) == dt.date(2026, 12, 1)
    assert birthday.next_on_or_after(dt.date(2026, 12, 2)) == dt.date(2027, 12, 1)
    assert birthday.years_on(dt.date(2026, 12, 1)) == 40
    assert YearlyDate(12, 1).years_on(dt.date(2026, 12, 1)) is None


@given(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.booleans(),
)
def test_every_date_falls_once_a_year_on_its_day_or_the_28th(original, start, keep_year):
    when = YearlyDate(original.month, original.day, original.year if keep_year else None)
    if keep_year and original.year in (1604, 1900):
        return
    assert parse(when.text()) == when
    nxt = when.next_on_or_after(start)
    assert start <= nxt <= start + dt.timedelta(days=366)
    assert (nxt.month, nxt.day) == (original.month, original.day) or (
        (original.month, original.day) == (2, 29) and (nxt.month, nxt.day) == (2, 28)
    )
